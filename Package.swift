// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ShowNotes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shownotes", targets: ["shownotes"]),
        .library(name: "ShowNotesCore", targets: ["ShowNotesCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "ShowNotesCore",
            dependencies: ["CLibXML2", "CStemmer", "CZlib"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "shownotes",
            dependencies: [
                "ShowNotesCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The parse throughput benchmark (Benchmarks/parse_throughput.sh); not part of the product.
        .executableTarget(
            name: "parse-bench",
            dependencies: ["ShowNotesCore"],
            path: "Benchmarks/ParseBench",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "ShowNotesCoreTests",
            dependencies: ["ShowNotesCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

// Two executables: `shownotes` is the fast path (search, stats) and links neither libxml2,
// Foundation nor ArgumentParser, so a query costs little more than process start-up;
// every other command is run by `shownotes-tools`, which `shownotes` executes beside itself.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "ShowNotes",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shownotes", targets: ["shownotes"]),
        .executable(name: "shownotes-tools", targets: ["shownotes-tools"]),
        .library(name: "ShowNotesCore", targets: ["ShowNotesCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux calls the Glibc module leaves out (declarations only).
        .systemLibrary(name: "CLinuxIO"),
        // The model, analysis, the inverted index and queries: everything `search` needs.
        .target(name: "ShowNotesSearch", dependencies: ["CStemmer", "CZlib", "CLinuxIO"], swiftSettings: strict),
        // Reading sources: notes, feeds, chapter exports.
        .target(name: "ShowNotesCore", dependencies: ["ShowNotesSearch", "CLibXML2", "CLinuxIO"], swiftSettings: strict),
        // Output shared by both executables: console writing, result lines, finding the index.
        .target(name: "ShowNotesCLI", dependencies: ["ShowNotesSearch"], swiftSettings: strict),
        .executableTarget(name: "shownotes", dependencies: ["ShowNotesCLI", "CLinuxIO"], swiftSettings: strict),
        .executableTarget(
            name: "shownotes-tools",
            dependencies: ["ShowNotesCore", "ShowNotesCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // The parse throughput benchmark (Benchmarks/parse_throughput.sh); not part of the product.
        .executableTarget(name: "parse-bench", dependencies: ["ShowNotesCore"], path: "Benchmarks/ParseBench", swiftSettings: strict),
        .testTarget(
            name: "ShowNotesCoreTests",
            dependencies: ["ShowNotesCore", "ShowNotesSearch"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ]
)

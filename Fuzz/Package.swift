// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer targets for ShowNotes, kept out of the main package so `swift build` there never
// builds them. Build and run them with `Scripts/fuzz.sh TARGET SECONDS` (which passes
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`).
//
// The main package is the folder above this one; SwiftPM names a path dependency after its
// folder, so the name is read from this manifest's own path (a clone may be called anything).
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]
let core: Target.Dependency = .product(name: "ShowNotesCore", package: mainPackage)

let package = Package(
    name: "ShowNotesFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [core, "CFuzzDriver"], swiftSettings: strict),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzSupport"], swiftSettings: strict),
        .executableTarget(name: "fuzz-markdown", dependencies: ["FuzzSupport"], swiftSettings: strict),
        .executableTarget(name: "fuzz-html", dependencies: ["FuzzSupport"], swiftSettings: strict),
        .executableTarget(name: "fuzz-feed", dependencies: ["FuzzSupport"], swiftSettings: strict),
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzSupport"], swiftSettings: strict),
        .executableTarget(name: "fuzz-index", dependencies: ["FuzzSupport"], swiftSettings: strict),
    ]
)

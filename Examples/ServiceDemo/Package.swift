// swift-tools-version: 6.1
// A small service built on the EmergencyReserve library, linked by path: the living
// documentation of docs/library.md. Not part of `make test`'s build; `make examples`
// (scripts/run_examples.sh) builds and runs it.
import PackageDescription

let package = Package(
    name: "ServiceDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "EmergencyReserve", path: "../.."),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "ServiceDemo",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

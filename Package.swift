// swift-tools-version: 6.1
// EmergencyReserve: plan and dispatch emergency material reserves over real road
// networks with GLPK-backed LP/MIP models. Module map: README.md and docs/decisions.md.
import PackageDescription

let package = Package(
    name: "EmergencyReserve",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EmergencyReserve", targets: ["EmergencyReserve"]),
        .executable(name: "reserve", targets: ["reserve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // C: only this module and LinearSolver's GLPK backend touch <glpk.h>.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(
            name: "LinearSolver",
            dependencies: [
                "CGLPK",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // General-purpose road routing; depends on no other project module.
        .target(name: "RoadNetwork"),
        .target(
            name: "Response",
            dependencies: [
                "LinearSolver",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Reports",
            dependencies: ["Response"]
        ),
        .target(
            name: "EmergencyReserve",
            dependencies: ["LinearSolver", "RoadNetwork", "Response", "Reports"]
        ),
        .executableTarget(
            name: "reserve",
            dependencies: [
                "EmergencyReserve",
                "RoadNetwork",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "LinearSolverTests",
            dependencies: ["LinearSolver", "TestSupport"]
        ),
        .testTarget(
            name: "ResponseTests",
            dependencies: ["Response", "TestSupport"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports"]
        ),
        .testTarget(
            name: "RoadNetworkTests",
            dependencies: ["RoadNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["TestSupport"]
        ),
    ]
)

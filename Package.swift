// swift-tools-version: 6.1
// EmergencyReserve: plan and dispatch emergency material reserves over real road
// networks with GLPK-backed LP/MIP models. Module map: README.md and docs/decisions.md.
import PackageDescription

let package = Package(
    name: "EmergencyReserve",
    defaultLocalization: "en",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EmergencyReserve", targets: ["EmergencyReserve"]),
        .executable(name: "reserve", targets: ["reserve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
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
        // Domain types and their validation; no project dependencies.
        .target(name: "ReserveModel"),
        // The network of a bundle, built once: its road graph, every place snapped,
        // scenario disruption overlays. Shared by validation and every phase.
        .target(name: "BundleGraph", dependencies: ["ReserveModel", "RoadNetwork"]),
        // Bundles on disk (CSV + JSON directory, single JSON), synthetic generator;
        // validation hands on the bundle's network.
        .target(
            name: "BundleIO",
            dependencies: [
                "ReserveModel",
                "RoadNetwork",
                "BundleGraph",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Response phase: goods dispatch, team assignment, 2 h / 10 h compliance.
        .target(
            name: "Response",
            dependencies: [
                "LinearSolver",
                "RoadNetwork",
                "ReserveModel",
                "BundleGraph",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Preparedness: reserve levels over scenario sets; depot siting (p-median,
        // covering, fixed-charge), OR-Library importers.
        .target(
            name: "Planning",
            dependencies: [
                "LinearSolver",
                "RoadNetwork",
                "ReserveModel",
                "BundleIO",
                "BundleGraph",
                "Response",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // User-facing text in English and Simplified Chinese: Localizable.strings per
        // language, looked up by key (docs/decisions.md).
        .target(name: "Localization", resources: [.process("Resources")]),
        .target(
            name: "Reports",
            dependencies: ["Response", "Planning", "ReserveModel", "RoadNetwork", "BundleGraph", "Localization"]
        ),
        .target(
            name: "EmergencyReserve",
            dependencies: ["LinearSolver", "RoadNetwork", "ReserveModel", "BundleGraph", "BundleIO", "Response", "Planning", "Reports", "Localization"]
        ),
        .executableTarget(
            name: "reserve",
            dependencies: [
                "EmergencyReserve",
                "RoadNetwork",
                "Planning",
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
            dependencies: ["Response", "BundleIO", "BundleGraph", "RoadNetwork", "ReserveModel", "TestSupport"]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Response", "LinearSolver", "BundleIO", "BundleGraph", "ReserveModel", "RoadNetwork", "TestSupport"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Response", "Planning", "BundleIO", "BundleGraph", "ReserveModel", "Localization", "TestSupport"]
        ),
        .testTarget(
            name: "RoadNetworkTests",
            dependencies: ["RoadNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ReserveModelTests",
            dependencies: ["ReserveModel", "TestSupport"]
        ),
        .testTarget(
            name: "BundleIOTests",
            dependencies: ["BundleIO", "BundleGraph", "ReserveModel", "RoadNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["TestSupport"]
        ),
    ]
)

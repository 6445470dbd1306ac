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
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
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
        // C: the system zlib, for RoadImport's PBF blobs.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Road importers: OpenStreetMap PBF/XML and ESRI shapefiles into a RoadNetwork
        // graph with geometry. Generated/ holds swift-protobuf code generated once from
        // Proto/ (scripts/generate_osm_proto.sh); the build never runs protoc.
        .target(
            name: "RoadImport",
            dependencies: [
                "RoadNetwork",
                "CZlib",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Proto"]
        ),
        // Domain types and their validation; no project dependencies.
        .target(name: "ReserveModel"),
        // Bundles on disk (CSV + JSON directory, single JSON), synthetic generator;
        // builds the RoadNetwork graph from a bundle's road rows.
        .target(
            name: "BundleIO",
            dependencies: [
                "ReserveModel",
                "RoadNetwork",
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
                "BundleIO",
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
                "Response",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Reports",
            dependencies: ["Response", "Planning", "ReserveModel", "RoadNetwork"]
        ),
        .target(
            name: "EmergencyReserve",
            dependencies: ["LinearSolver", "RoadNetwork", "ReserveModel", "BundleIO", "Response", "Planning", "Reports",
                           "RoadImport"]
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
            dependencies: ["Response", "BundleIO", "RoadNetwork", "ReserveModel", "TestSupport"]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Response", "LinearSolver", "BundleIO", "ReserveModel", "RoadNetwork", "TestSupport"]
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
            name: "ReserveModelTests",
            dependencies: ["ReserveModel", "TestSupport"]
        ),
        .testTarget(
            name: "BundleIOTests",
            dependencies: ["BundleIO", "ReserveModel", "RoadNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RoadImportTests",
            dependencies: ["RoadImport", "RoadNetwork", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["TestSupport"]
        ),
    ]
)

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
        // Every reader of outside input, without the ledger and its database clients:
        // what the fuzz package (Fuzz/) links, so that its sanitizer build neither
        // compiles nor instruments SwiftNIO, GRDB and their dependencies.
        .library(name: "EmergencyReserveReaders",
                 targets: ["ReserveModel", "RoadNetwork", "BundleGraph", "BundleIO", "LinearSolver", "GLPKBackend",
                           "Planning", "RoadImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // The stock book (Ledger): SQLite through GRDB 7.10.0, the listed version (its Linux
        // support is community-tested; the Ledger tests exercise it here).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The ledger's import-sheet: .xlsx is a ZIP of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        // OpenStreetMap PBF: generated code committed, the library only (no protoc plugin at build time).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // The ledger on a bureau's shared PostgreSQL server (issue 18), the listed version.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C: only this module and GLPKBackend touch <glpk.h> (a LinearSolverTests test
        // checks that no other source imports CGLPK).
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // Models (variables, expressions, constraints, validation, feasibility, LP/MPS
        // writing) and the solver protocol; knows nothing of GLPK.
        .target(
            name: "LinearSolver",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // GLPK behind LinearSolver's protocol: solves, lexicographic levels, warm
        // starts and bases, column generation, LP/MPS reading.
        .target(
            name: "GLPKBackend",
            dependencies: [
                "CGLPK",
                "LinearSolver",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // General-purpose road routing; depends on no other project module.
        .target(name: "RoadNetwork"),
        // C: the system zlib, for RoadImport's PBF blobs.
        .systemLibrary(name: "CLibZ", path: "Sources/CLibZ"),
        // C: a cache prefetch hint (a header only, nothing linked), for RoadImport's loops.
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        // C: glibc's mallopt (a header only), for the CLI's import commands.
        .systemLibrary(name: "CAllocator", path: "Sources/CAllocator"),
        // Road importers: OpenStreetMap PBF/XML and ESRI shapefiles into a RoadNetwork
        // graph with geometry. Generated/ holds swift-protobuf code generated once from
        // Proto/ (scripts/generate_osm_proto.sh); the build never runs protoc.
        .target(
            name: "RoadImport",
            dependencies: [
                "RoadNetwork",
                "CLibZ",
                "CPrefetch",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Proto"]
        ),
        // Domain types and their validation; its problems' sentences come from the
        // Localization strings tables (English and Simplified Chinese).
        .target(name: "ReserveModel", dependencies: ["Localization"]),
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
                "Localization",
            ]
        ),
        // Response phase: goods dispatch, team assignment, 2 h / 10 h compliance.
        .target(
            name: "Response",
            dependencies: [
                "LinearSolver",
                "GLPKBackend",
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
                "GLPKBackend",
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
        // The stock book: lots, immutable movements, kept balances (SQLite via GRDB).
        .target(
            name: "Ledger",
            dependencies: [
                "ReserveModel",
                "BundleIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        .target(
            name: "EmergencyReserve",
            dependencies: ["LinearSolver", "GLPKBackend", "RoadNetwork", "ReserveModel", "BundleGraph", "BundleIO", "Response", "Planning", "Reports", "Ledger",
                           "RoadImport", "Localization",
                           // Re-exported: every options type takes a Logger (docs/library.md).
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "reserve",
            dependencies: [
                "EmergencyReserve",
                "CAllocator",
                "RoadNetwork",
                "Planning",
                "Ledger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared by the tests: fixtures, seeded generator, tolerances, the `reserve`
        // runner, and solvers that stand in for GLPK.
        .target(name: "TestSupport", dependencies: ["LinearSolver"], path: "Tests/TestSupport"),
        // The model module alone: nothing here links GLPK.
        .testTarget(
            name: "LinearSolverTests",
            dependencies: ["LinearSolver", "TestSupport"]
        ),
        .testTarget(
            name: "GLPKBackendTests",
            dependencies: ["GLPKBackend", "LinearSolver", "TestSupport"]
        ),
        .testTarget(
            name: "ResponseTests",
            dependencies: ["Response", "LinearSolver", "GLPKBackend", "BundleIO", "BundleGraph", "RoadNetwork", "ReserveModel", "TestSupport"]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Response", "LinearSolver", "GLPKBackend", "BundleIO", "BundleGraph", "ReserveModel", "RoadNetwork", "TestSupport"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Response", "Planning", "BundleIO", "BundleGraph", "ReserveModel", "Localization", "TestSupport",
                           "RoadImport", "RoadNetwork", "LinearSolver", "Ledger"]
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
            name: "LedgerTests",
            dependencies: [
                "Ledger", "BundleIO", "ReserveModel", "TestSupport",
                // Raw SQL on the same file, to check what the library must refuse.
                .product(name: "GRDB", package: "GRDB.swift"),
                // The same checks on the private server `make test` starts.
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            // Read through packageRoot; make_sheets.py beside them wrote them.
            exclude: ["Fixtures"]
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

// swift-tools-version: 6.1
// The benchmark suite: its own package so that `swift test` never builds it.
// Run with `make bench` (swift package --disable-sandbox benchmark).
import PackageDescription

let package = Package(
    name: "EmergencyReserveBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "EmergencyReserve", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LinearSolverBenchmarks",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LinearSolverBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DispatchBenchmarks",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DispatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RoutingBenchmarks",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RoutingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ReadingBenchmarks",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ReadingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PlanningBenchmarks",
            dependencies: [
                .product(name: "EmergencyReserve", package: "EmergencyReserve"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PlanningBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

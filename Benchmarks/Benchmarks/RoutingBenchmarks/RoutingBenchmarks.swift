import Benchmark
import EmergencyReserve
import Foundation

/// The routing core: one-to-all, one-to-many, isochrone and many-to-many on the
/// California road network (Tests/Fixtures/external/roads-california, 21,048 nodes) and on
/// generated grids (SyntheticGrid, fixed seed): 10,000 and 100,000 nodes in
/// `make bench`, 1,000,000 nodes with `BENCH_FULL=1` (`make bench-full`).
/// `scripts/bench_routing_peers.py` times the same queries in scipy, igraph and networkx.
let benchmarks: @Sendable () -> Void = {
    let full = ProcessInfo.processInfo.environment["BENCH_FULL"] == "1"
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let settled = BenchmarkMetric.custom("settled nodes", polarity: .prefersSmaller, useScalingFactor: false)
    let config = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, settled], timeUnits: .microseconds,
                                         units: [settled: .count], maxDuration: .seconds(3), maxIterations: 30)
    let slow = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                       maxDuration: .seconds(20), maxIterations: 5)

    var graphs: [(label: String, load: @Sendable () throws -> RoadGraph)] = []
    let cedge = root.appendingPathComponent("Tests/Fixtures/external/roads-california/cal.cedge").path
    // Committed with the repository; a missing file fails the benchmark's load.
    graphs.append(("California 21k", { try CEdgeReader.read(String(contentsOfFile: cedge, encoding: .utf8), file: cedge) }))
    for side in [100, 316] + (full ? [1_000] : []) {
        graphs.append(("grid \(side)²", { SyntheticGrid(rows: side, columns: side, seed: 1).build() }))
    }

    for (label, load) in graphs {
        Benchmark("Routing \(label) build graph", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try load()) }
        }
        // Fixtures are built lazily (each benchmark may run in its own process) and
        // outside the measurement.
        Benchmark("Routing \(label) one-to-all", configuration: config) { benchmark in
            let f = Fixtures.shared.get(label, load)
            var ws = SearchWorkspace(for: f.graph)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                try f.graph.search(SearchQuery(from: f.source), in: &ws)
            }
            benchmark.measurement(settled, ws.settledNodeCount)
        }
        Benchmark("Routing \(label) one-to-many (100 targets, early exit)", configuration: config) { benchmark in
            let f = Fixtures.shared.get(label, load)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try f.graph.travelTimes(from: f.source, to: f.targets)) }
        }
        Benchmark("Routing \(label) isochrone (median radius)", configuration: config) { benchmark in
            let f = Fixtures.shared.get(label, load)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let iso = try f.graph.isochrone(from: f.source, withinHours: f.radius)
                benchmark.measurement(settled, iso.count)
            }
        }
        let matrix = label == "grid 1000²" ? "100×10000" : "100×1000"
        Benchmark("Routing \(label) many-to-many \(matrix) (2 threads)", configuration: slow) { benchmark in
            let f = Fixtures.shared.get(label, load)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try f.graph.travelTimeMatrix(from: f.rows, to: f.columns)) }
        }
    }
}

/// A graph and its queries: the source at the middle node, 100 evenly spaced targets,
/// the isochrone radius (the source's median travel time: half the reachable nodes
/// inside), and the many-to-many rows and columns (100 × 1,000; 100 × 10,000 at 1M nodes).
struct Fixture: @unchecked Sendable {
    let graph: RoadGraph
    let source: NodeID
    let targets: [NodeID]
    let radius: Double
    let rows: [NodeID]
    let columns: [NodeID]

    init(graph: RoadGraph) {
        self.graph = graph
        let n = graph.nodeCount
        func spaced(_ k: Int, offset: Int) -> [NodeID] { (0..<k).map { NodeID((($0 * n) / k + offset) % n) } }
        source = NodeID(n / 2 + 1)
        targets = spaced(100, offset: 7)
        let hours = ((try? graph.travelTimes(from: source).allHours) ?? []).compactMap { $0 }.sorted()
        radius = hours.isEmpty ? 1 : hours[hours.count / 2]
        rows = spaced(100, offset: 1)
        columns = spaced(n >= 1_000_000 ? 10_000 : 1_000, offset: 3)
    }
}

/// Fixtures are built once per process and shared by the queries on a graph.
final class Fixtures: @unchecked Sendable {
    static let shared = Fixtures()
    private let lock = NSLock()
    private var fixtures: [String: Fixture] = [:]

    func get(_ label: String, _ load: () throws -> RoadGraph) -> Fixture {
        lock.lock()
        defer { lock.unlock() }
        if let f = fixtures[label] { return f }
        guard let g = try? load() else { fatalError("cannot build \(label)") }
        let f = Fixture(graph: g)
        fixtures[label] = f
        return f
    }
}

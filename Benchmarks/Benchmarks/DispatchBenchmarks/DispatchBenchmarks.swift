import Benchmark
import EmergencyReserve
import Foundation

/// Dispatch end to end and by phase (load, network, prepare, routing, goods-model
/// build, GLPK solve, teams, report) on the five sample bundles and on generated
/// bundles across a ladder of sizes with a fixed seed. Each sample records the phase
/// times and the goods LP's rows, columns and non-zeros as custom metrics, so the
/// growth of every phase is visible per rung; wall clock and peak RSS are the whole
/// response. `make bench` runs the small rungs; `BENCH_FULL=1` (`make bench-full`)
/// adds the 200-item and 10,000-township rungs.
let benchmarks: @Sendable () -> Void = {
    let full = ProcessInfo.processInfo.environment["BENCH_FULL"] == "1"
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident] + Phase.allCases.map(\.metric) + Size.allCases.map(\.metric)
    let units = Dictionary(uniqueKeysWithValues: metrics.dropFirst(2).map { ($0, BenchmarkUnits.count) })
    func config(_ seconds: Int, _ iterations: Int, warmup: Int = 1) -> Benchmark.Configuration {
        Benchmark.Configuration(metrics: metrics, timeUnits: .milliseconds, units: units, warmupIterations: warmup,
                                maxDuration: .seconds(seconds), maxIterations: iterations)
    }

    for name in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"] {
        let path = root.appendingPathComponent("Data/\(name)").path
        Benchmark("Dispatch \(name)", configuration: config(6, 7)) { benchmark in
            try measureDispatch(benchmark, path: path, scenario: nil)
        }
    }

    // The ladder: townships × items, one generated scenario each (seed 7), the
    // province preset's road density (a grid node every 1.4 km, ~135 nodes per township);
    // every affected township also asks for a tenth of the catalogue (none on the
    // 2-item rungs, whose bundles are as before), so the items dimension grows the
    // goods LP (see LadderBundles.preset).
    var rungs: [(townships: Int, items: Int)] = [(10, 2), (10, 20), (100, 2), (100, 20), (1_000, 2), (1_000, 20)]
    if full { rungs += [(10, 200), (100, 200), (1_000, 200), (10_000, 2), (10_000, 20), (10_000, 200)] }
    for (townships, items) in rungs {
        let label = "Dispatch ladder \(townships) townships × \(items) items"
        let big = townships >= 10_000 || (townships >= 1_000 && items >= 200)
        Benchmark(label, configuration: big ? config(120, 3, warmup: 0) : config(20, townships >= 1_000 ? 3 : 5)) { benchmark in
            let path = try LadderBundles.shared.path(townships: townships, items: items)
            benchmark.startMeasurement()  // generating the bundle is not measured
            try measureDispatch(benchmark, path: path, scenario: "S1")
        } teardown: {
            // Each rung's bundle serves one benchmark only (up to 130 MB on disk at
            // 10,000 townships): delete it, and the run's folder once it is empty.
            LadderBundles.shared.remove(townships: townships, items: items)
        }
    }
}

/// Phases recorded per sample, in microseconds.
enum Phase: String, CaseIterable {
    case load = "1 load+validate"
    case network = "2 road network"
    case prepare = "3 prepare+snap"
    case routing = "4 routing"
    case build = "5 goods build"
    case solve = "6 goods solve"
    case teams = "7 teams"
    case report = "8 report"
    var metric: BenchmarkMetric { .custom("\(rawValue) (µs)", polarity: .prefersSmaller, useScalingFactor: false) }
}

/// Sizes of the goods LP (the same every sample).
enum Size: String, CaseIterable {
    case rows = "goods rows", columns = "goods columns", nonZeros = "goods non-zeros", teamColumns = "team columns"
    var metric: BenchmarkMetric { .custom(rawValue, polarity: .prefersSmaller, useScalingFactor: false) }
}

func microseconds(_ d: Duration) -> Int {
    Int(d.components.seconds) * 1_000_000 + Int(d.components.attoseconds / 1_000_000_000_000)
}

/// One end-to-end dispatch, timed by phase: read and validate the bundle, build the
/// road network, respond (prepare, route, goods LP build and solve, team MIP), report
/// as JSON and text. Routing geometry is off, as for `reserve dispatch --json`.
func measureDispatch(_ benchmark: Benchmark, path: String, scenario: String?) throws {
    let clock = ContinuousClock()
    for _ in benchmark.scaledIterations {
        let t0 = clock.now
        let loaded = try BundleReader.read(at: path)
        blackHole(loaded.validate())
        let bundle = loaded.bundle
        let t1 = clock.now
        let network = try BundleNetwork(bundle: bundle)
        let t2 = clock.now
        guard let id = scenario.map { ScenarioID($0) } ?? bundle.manifest.headlineScenario ?? bundle.scenarios.first?.id else {
            fatalError("\(path): no scenario")
        }
        let response = try ResponsePlanner(options: ResponseOptions(routeGeometry: false))
            .respond(to: id, in: bundle, network: network)
        let t3 = clock.now
        let report = ResponseReport(response, bundle: bundle)
        blackHole(try JSONEncoder().encode(report))
        blackHole(ResponseText.render(report))
        let t4 = clock.now
        let timings = response.timings, goods = response.goods
        let phases: [Phase: Duration] = [
            .load: t1 - t0, .network: t2 - t1, .prepare: timings.network, .routing: timings.routing,
            .build: goods.buildTime, .solve: timings.goods - goods.buildTime, .teams: timings.teams, .report: t4 - t3,
        ]
        for (phase, d) in phases { benchmark.measurement(phase.metric, microseconds(d)) }
        benchmark.measurement(Size.rows.metric, goods.modelSize.rows)
        benchmark.measurement(Size.columns.metric, goods.modelSize.columns)
        benchmark.measurement(Size.nonZeros.metric, goods.modelSize.nonZeros)
        benchmark.measurement(Size.teamColumns.metric, response.teams.modelSize.columns)
    }
}

/// Generated ladder bundles, written once per rung to a temporary folder (outside the
/// measurement: the first sample of each rung pays for generation only in wall time
/// before `scaledIterations` starts, never inside a measured phase) and deleted by the
/// rung's teardown, so runs leave no `/tmp/er-bench-ladder-<pid>` behind.
final class LadderBundles: @unchecked Sendable {
    static let shared = LadderBundles()
    private let lock = NSLock()
    private var paths: [String: String] = [:]
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("er-bench-ladder-\(getpid())")

    static func preset(townships: Int, items: Int) -> SyntheticPreset {
        let perCounty = townships >= 100 ? 20 : (townships >= 20 ? 10 : 5)
        let counties = max(1, townships / perCounty)
        // ~135 road nodes per township, as the province preset (202,500 nodes, 1,500 townships).
        let side = max(100, Int((Double(townships) * 135).squareRoot()))
        // Needs spread over the catalogue: without them only the 20 base items with
        // consumption norms are ever needed, and the 200-item rungs solved a smaller
        // LP (~340 × 340) than the 20-item ones, their stock spread over items nobody asked for.
        return SyntheticPreset(name: "ladder", gridSide: side, spacingDegrees: 0.0125, provinces: townships >= 1_000 ? 1 : 0,
                               counties: counties, townshipsPerCounty: perCounty, items: items,
                               teams: max(10, townships / 5), scenarios: 1, demandedItemsPerArea: items / 10)
    }

    func path(townships: Int, items: Int) throws -> String {
        let key = "t\(townships)-i\(items)"
        lock.lock()
        defer { lock.unlock() }
        if let path = paths[key] { return path }
        let path = folder.appendingPathComponent(key).path
        let bundle = SyntheticBundleGenerator(preset: Self.preset(townships: townships, items: items), seed: 7).generate()
        try BundleWriter.write(bundle, toDirectory: path)
        paths[key] = path
        return path
    }

    /// Deletes one rung's bundle, and the run's folder when no bundle is left in it.
    /// Failures are ignored: a leftover temporary folder must not fail the benchmark.
    func remove(townships: Int, items: Int) {
        let key = "t\(townships)-i\(items)"
        lock.lock()
        defer { lock.unlock() }
        guard let path = paths.removeValue(forKey: key) else { return }
        try? FileManager.default.removeItem(atPath: path)
        if paths.isEmpty { try? FileManager.default.removeItem(at: folder) }
    }
}

import Benchmark
import EmergencyReserve
import Foundation

/// Reserve-level planning and depot siting: planning on the five samples; p-median
/// siting on the samples (travel times by one Dijkstra per candidate); OR-Library
/// p-median and capacitated warehouse location (Tests/Fixtures/external) against their
/// published optima, which every sample checks. `BENCH_FULL=1` (`make bench-full`)
/// adds the slower OR-Library instances and p-median siting on the generated province
/// bundle. `scripts/bench_siting_peers.py` times HiGHS and OR-Tools on the same
/// OR-Library instances.
let benchmarks: @Sendable () -> Void = {
    let full = ProcessInfo.processInfo.environment["BENCH_FULL"] == "1"
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let external = root.appendingPathComponent("Tests/Fixtures/external").path
    let rows = BenchmarkMetric.custom("model rows", polarity: .prefersSmaller, useScalingFactor: false)
    let columns = BenchmarkMetric.custom("model columns", polarity: .prefersSmaller, useScalingFactor: false)
    let counts: [BenchmarkMetric: BenchmarkUnits] = [rows: .count, columns: .count]
    let config = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, rows, columns], timeUnits: .milliseconds,
                                         units: counts, maxDuration: .seconds(5), maxIterations: 7)
    let slow = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, rows, columns], timeUnits: .milliseconds,
                                       units: counts, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)

    for name in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"] {
        let path = root.appendingPathComponent("Data/\(name)").path
        Benchmark("Plan reserve levels \(name) (budget 2M CNY)", configuration: config) { benchmark in
            let (bundle, network) = try Samples.shared.get(path)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 2_000_000)).plan(bundle, network: network)
                benchmark.measurement(rows, plan.rows)
                benchmark.measurement(columns, plan.columns)
            }
        }
        Benchmark("Site p-median \(name) (existing depots + 2)", configuration: config) { benchmark in
            let (bundle, _) = try Samples.shared.get(path)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let instance = try BundleSiting.instance(of: bundle, directory: path)
                let existing = instance.problem.candidates.filter(\.fixedOpen).count
                let result = try SitingSolver().solve(instance.problem, objective: .pMedian, count: existing + 2)
                precondition(result.status == .optimal, "\(name): siting not optimal")
                benchmark.measurement(rows, result.statistics.rows)
                benchmark.measurement(columns, result.statistics.columns)
            }
        }
    }

    // OR-Library: every sample is checked against the published optimum.
    var pmed = ["pmed1", "pmed6", "pmed11", "pmed21", "pmed40"]
    var cap = ["cap71", "cap101", "cap131"]
    if full {
        pmed += ["pmed17", "pmed27", "pmed32"]
        cap += ["cap134"]
    }
    // The reference data is committed (Tests/Fixtures/external/README.md); a missing
    // file stops the suite with its name instead of silently dropping benchmarks.
    func reference(_ relative: String) -> String {
        let path = "\(external)/\(relative)"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("missing reference file \(path): restore it with `git checkout -- Tests/Fixtures/external`")
        }
        return text
    }
    let pmedOpt = ORLibraryOptima.parse(reference("orlib-pmed/pmedopt.txt"))
    let capOpt = ORLibraryOptima.parse(reference("orlib-cap/capopt.txt"))
    for name in pmed {
        let file = "\(external)/orlib-pmed/\(name).txt"
        _ = reference("orlib-pmed/\(name).txt")
        guard let optimum = pmedOpt[name] else { fatalError("no published optimum for \(name)") }
        Benchmark("Site OR-Library \(name) (read, distances, solve)", configuration: name == "pmed17" ? slow : config) { benchmark in
            for _ in benchmark.scaledIterations {
                let instance = try ORLibraryPMedian.parse(String(contentsOfFile: file, encoding: .utf8), file: file)
                let result = try SitingSolver().pMedian(instance.sitingProblem(), count: instance.p)
                precondition(result.objectiveValue == optimum && result.status == .optimal, "\(name): not the published optimum")
                benchmark.measurement(rows, result.statistics.rows)
                benchmark.measurement(columns, result.statistics.columns)
            }
        }
    }
    for name in cap {
        let file = "\(external)/orlib-cap/\(name).txt"
        _ = reference("orlib-cap/\(name).txt")
        guard let optimum = capOpt[name] else { fatalError("no published optimum for \(name)") }
        Benchmark("Site OR-Library \(name) (capacitated, read + solve)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                let instance = try ORLibraryCapacitated.parse(String(contentsOfFile: file, encoding: .utf8), file: file)
                let result = try SitingSolver().fixedCharge(instance.sitingProblem())
                precondition(abs((result.objectiveValue ?? .infinity) - optimum) <= 0.0005 + 1e-9 * optimum, "\(name): not the published optimum")
                benchmark.measurement(rows, result.statistics.rows)
                benchmark.measurement(columns, result.statistics.columns)
            }
        }
    }

    if full {
        // The generated province bundle (seed 1): 1,500 township demand points and
        // candidates on a 202,500-node road network; p = existing depots + 10.
        Benchmark("Site p-median province (generated, seed 1, 60 s limit)", configuration: slow) { benchmark in
            let bundle = SyntheticBundleGenerator(preset: .province, seed: 1).generate()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let instance = try BundleSiting.instance(of: bundle, directory: nil)
                let existing = instance.problem.candidates.filter(\.fixedOpen).count
                let result = try SitingSolver(options: SolveOptions(timeLimit: .seconds(60)))
                    .solve(instance.problem, objective: .pMedian, count: existing + 10)
                benchmark.measurement(rows, result.statistics.rows)
                benchmark.measurement(columns, result.statistics.columns)
            }
        }
    }
}

/// Sample bundles and their road networks, read once per process (outside the measurement).
final class Samples: @unchecked Sendable {
    static let shared = Samples()
    private let lock = NSLock()
    private var cache: [String: (ReserveBundle, BundleNetwork)] = [:]

    func get(_ path: String) throws -> (ReserveBundle, BundleNetwork) {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[path] { return hit }
        let bundle = try BundleReader.read(at: path).bundle
        let entry = (bundle, try BundleNetwork(bundle: bundle))
        cache[path] = entry
        return entry
    }
}

import Benchmark
import EmergencyReserve
import Foundation

/// Reading bundles (issue 12, item 7): `BundleReader.read` + `LoadedBundle.validate`
/// on the generated province (seed 1, 20 MB; `BENCH_FULL=1` adds the national
/// preset, 202 MB), as `reserve validate` does, with the time split by phase as
/// custom metrics: read (CSV + JSON, tables in parallel), road graph (built from
/// the road rows), checks (every validation rule, snapping through the graph).
/// The split is measured by running the phases separately after the whole call,
/// so the wall clock is the real call and the phases say where it goes.
/// `scripts/bench_read.py` compares the whole process with Python's csv module.
let benchmarks: @Sendable () -> Void = {
    let full = ProcessInfo.processInfo.environment["BENCH_FULL"] == "1"
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident] + ReadPhase.allCases.map(\.metric)
    let units = Dictionary(uniqueKeysWithValues: ReadPhase.allCases.map { ($0.metric, BenchmarkUnits.count) })
    var presets: [(name: String, preset: SyntheticPreset, iterations: Int)] = [("province", .province, 7)]
    if full { presets.append(("national", .national, 3)) }
    for (name, preset, iterations) in presets {
        let config = Benchmark.Configuration(metrics: metrics, timeUnits: .milliseconds, units: units, warmupIterations: 1,
                                             maxDuration: .seconds(name == "national" ? 300 : 60), maxIterations: iterations)
        Benchmark("Read + validate \(name) preset (seed 1)", configuration: config) { benchmark in
            let path = try GeneratedBundles.shared.path(name, preset)
            benchmark.startMeasurement()  // generating the bundle is not measured
            let clock = ContinuousClock()
            for _ in benchmark.scaledIterations {
                let loaded = try BundleReader.read(at: path)
                let report = loaded.validate()
                precondition(!report.hasErrors, "\(path) does not validate")
                benchmark.stopMeasurement()
                // The same work phase by phase, outside the measured wall clock.
                let t0 = clock.now
                let again = try BundleReader.read(at: path)
                let t1 = clock.now
                let built = again.bundle.roadGraph()
                let t2 = clock.now
                var validator = BundleValidator(snapper: RoadGraphSnapper(graph: built.graph))
                validator.locator = again.locator
                blackHole(validator.validate(again.bundle))
                let t3 = clock.now
                benchmark.measurement(ReadPhase.read.metric, microseconds(t1 - t0))
                benchmark.measurement(ReadPhase.graph.metric, microseconds(t2 - t1))
                benchmark.measurement(ReadPhase.checks.metric, microseconds(t3 - t2))
                benchmark.startMeasurement()
            }
        } teardown: {
            GeneratedBundles.shared.remove(name)
        }
    }
}

/// Phases of read + validate, in microseconds.
enum ReadPhase: String, CaseIterable {
    case read = "1 read (CSV, JSON)"
    case graph = "2 road graph"
    case checks = "3 validation rules"
    var metric: BenchmarkMetric { .custom("\(rawValue) (µs)", polarity: .prefersSmaller, useScalingFactor: false) }
}

func microseconds(_ d: Duration) -> Int {
    Int(d.components.seconds) * 1_000_000 + Int(d.components.attoseconds / 1_000_000_000_000)
}

/// Presets written once to a temporary folder (outside the measurement) and deleted
/// by the benchmark's teardown.
final class GeneratedBundles: @unchecked Sendable {
    static let shared = GeneratedBundles()
    private let lock = NSLock()
    private var paths: [String: String] = [:]
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("er-bench-read-\(getpid())")

    func path(_ name: String, _ preset: SyntheticPreset) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let path = paths[name] { return path }
        let path = folder.appendingPathComponent(name).path
        try BundleWriter.write(SyntheticBundleGenerator(preset: preset, seed: 1).generate(), toDirectory: path)
        paths[name] = path
        return path
    }

    func remove(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let path = paths.removeValue(forKey: name) else { return }
        try? FileManager.default.removeItem(atPath: path)
        if paths.isEmpty { try? FileManager.default.removeItem(at: folder) }
    }
}

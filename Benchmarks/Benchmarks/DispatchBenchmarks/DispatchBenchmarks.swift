import Benchmark
import EmergencyReserve
import Foundation

/// Dispatch end to end and by phase on the five sample bundles and on generated
/// bundles across a ladder of sizes (fixed seeds), and reserve-level planning on the
/// samples. Run from the Benchmarks folder (`make bench`).
let benchmarks: @Sendable () -> Void = {
    let config = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                         maxDuration: .seconds(10), maxIterations: 10)
    let samples = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    for name in samples {
        let path = root.appendingPathComponent("Data/\(name)").path
        Benchmark("Dispatch.load+validate \(name)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                let loaded = try BundleReader.read(at: path)
                blackHole(loaded.validate())
            }
        }
        guard let bundle = try? BundleReader.read(at: path).bundle, let network = try? BundleNetwork(bundle: bundle),
              let scenario = bundle.manifest.headlineScenario ?? bundle.scenarios.first?.id else { continue }
        Benchmark("Dispatch.network \(name)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try BundleNetwork(bundle: bundle)) }
        }
        Benchmark("Dispatch.respond \(name) (route+build+solve goods and teams)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ResponsePlanner().respond(to: scenario, in: bundle, network: network))
            }
        }
        Benchmark("Dispatch.report \(name) (JSON document + text)", configuration: config) { benchmark in
            let response = try ResponsePlanner().respond(to: scenario, in: bundle, network: network)
            for _ in benchmark.scaledIterations {
                let report = ResponseReport(response, bundle: bundle)
                blackHole(ResponseText.render(report))
            }
        }
        Benchmark("Plan.reserve levels \(name)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ReservePlanner(options: ReservePlanOptions(budgetYuan: 2_000_000)).plan(bundle, network: network))
            }
        }
    }

    // A ladder of generated bundles: townships × items (the city preset's geography).
    for (counties, perCounty, items) in [(2, 5, 20), (10, 10, 20), (50, 20, 20), (10, 10, 2), (10, 10, 40)] {
        let preset = SyntheticPreset(name: "ladder", gridSide: 120 + counties * 4, spacingDegrees: 0.01, provinces: 0,
                                     counties: counties, townshipsPerCounty: perCounty, items: items, teams: 20 + counties * 2,
                                     scenarios: 1)
        let bundle = SyntheticBundleGenerator(preset: preset, seed: 7).generate()
        guard let network = try? BundleNetwork(bundle: bundle), let scenario = bundle.scenarios.first?.id else { continue }
        Benchmark("Dispatch.respond generated \(counties * perCounty) townships × \(items) items", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ResponsePlanner().respond(to: scenario, in: bundle, network: network))
            }
        }
    }
}

import ArgumentParser
import EmergencyReserve
import Foundation
import LinearSolver
import Response
import RoadNetwork

/// `reserve bench-deadline` (hidden): how far past its time limit a library call ends.
///
/// Reads (or generates) a bundle and builds its network once, as a service would, then
/// times the library call alone (`respond` for dispatch, `plan` for plan) under each
/// time limit and prints one JSON line per run: the limit, the wall time of the call,
/// the overrun (wall − limit) and how the call ended. `scripts/bench_deadline.py` runs
/// it on the generated city and province and writes BENCHMARKS.md's table.
struct DeadlineBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-deadline",
        abstract: HelpText["deadlineBench.abstract"],
        shouldDisplay: false
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["deadlineBench.bundle"]))
    var bundle: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["deadlineBench.preset"]))
    var preset: String = "city"

    @Option(name: .long, help: ArgumentHelp(HelpText["deadlineBench.call"]))
    var call: String = "plan"

    @Option(name: .long, help: ArgumentHelp(HelpText["deadlineBench.limits"]))
    var limits: String = "1,3,8"

    @Option(name: .customLong("repeat"), help: ArgumentHelp(HelpText["deadlineBench.repeats"]))
    var repeats: Int = 1

    @Option(name: .customLong("probe-overhead"),
            help: ArgumentHelp(HelpText["deadlineBench.probeOverhead"]))
    var probeOverhead: Int = 0

    func validate() throws {
        guard ["plan", "dispatch"].contains(call) else { throw ValidationError("--call must be plan or dispatch, not '\(call)'.") }
        guard bundle != nil || SyntheticPreset.all[preset] != nil else { throw ValidationError("--preset must be city, province or national.") }
        guard parsedLimits.count > 0 else { throw ValidationError("--limits must list positive numbers of seconds, e.g. 1,3,8.") }
    }

    private var parsedLimits: [Double] {
        limits.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 && $0.isFinite }
    }

    func run() throws {
        if probeOverhead > 0 { return try measureProbeOverhead(size: probeOverhead) }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let loaded: ReserveBundle
        let network: BundleNetwork
        if let bundle {
            do {
                let validated = try BundleReader.readValidated(at: bundle)
                loaded = validated.bundle
                guard let built = validated.network else { throw CLIFailure.invalidData("\(bundle): the bundle has no road network") }
                network = built
            } catch let failure as CLIFailure {
                throw failure
            } catch {
                throw CLIFailure(error, context: bundle)
            }
        } else {
            loaded = SyntheticBundleGenerator(preset: SyntheticPreset.all[preset]!, seed: 1).generate()
            do { network = try BundleNetwork(bundle: loaded) } catch { throw CLIFailure.internalFailure(error.description) }
        }
        let loadSeconds = (clock.now - loadStart).seconds
        guard let scenario = loaded.defaultScenario?.id else { throw CLIFailure.invalidData("the bundle has no scenarios") }
        for limit in parsedLimits {
            for run in 0..<max(1, repeats) {
                let timeLimit = Duration.milliseconds(Int64((limit * 1000).rounded()))
                let start = clock.now
                let outcome: String
                switch call {
                case "dispatch":
                    var options = ResponseOptions(routeGeometry: false)
                    options.dispatch.solve.timeLimit = timeLimit
                    do {
                        let response = try ResponsePlanner(options: options).respond(to: scenario, in: loaded, network: network)
                        outcome = response.goods.status.rawValue
                    } catch { outcome = "\(FailureKind(error))" }
                default:
                    var options = ReservePlanOptions()
                    options.solve.timeLimit = timeLimit
                    do {
                        let plan = try ReservePlanner(options: options).plan(loaded, network: network)
                        outcome = plan.status.rawValue
                    } catch { outcome = "\(FailureKind(error))" }
                }
                let wall = (clock.now - start).seconds
                let line = DeadlineBenchLine(call: call, bundle: bundle ?? preset, loadSeconds: loadSeconds, limitSeconds: limit,
                                             run: run, wallSeconds: wall, overrunSeconds: wall - limit, outcome: outcome)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(line) + Data("\n".utf8))
            }
        }
    }
}

extension DeadlineBenchCommand {
    /// One-to-all searches on a generated grid, each source searched plainly and with
    /// the probe every library call gives its routing (`SolveOptions.searchStop`: a
    /// stop switch and a far deadline, asked every 16,384 settled nodes), alternately,
    /// fastest of three each.
    func measureProbeOverhead(size: Int) throws {
        let graph = SyntheticGrid(rows: size, columns: size, seed: 1).build()
        var options = SolveOptions()
        options.control = SolveControl()
        options.deadline = .now + .seconds(86_400)
        let stop = options.searchStop
        var ws = SearchWorkspace(for: graph)
        let clock = ContinuousClock()
        var plain: [Double] = [], probed: [Double] = []
        for k in 0..<max(1, min(size, 20)) {
            let source = NodeID((k * graph.nodeCount) / max(1, min(size, 20)))
            var best = (Double.infinity, Double.infinity)
            for _ in 0..<3 {
                var query = SearchQuery(from: source)
                let t0 = clock.now
                try graph.search(query, in: &ws)
                let t1 = clock.now
                query.stop = stop
                try graph.search(query, in: &ws)
                let t2 = clock.now
                best = (min(best.0, (t1 - t0).seconds), min(best.1, (t2 - t1).seconds))
            }
            plain.append(best.0 * 1000)
            probed.append(best.1 * 1000)
        }
        let line = ProbeOverheadLine(nodes: graph.nodeCount, searches: plain.count, interval: stop?.interval ?? 0,
                                     plainMilliseconds: plain.reduce(0, +) / Double(plain.count),
                                     probedMilliseconds: probed.reduce(0, +) / Double(probed.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(line) + Data("\n".utf8))
    }
}

/// What `reserve bench-deadline --probe-overhead` prints: mean of the per-source fastest times.
struct ProbeOverheadLine: Encodable {
    var nodes: Int
    var searches: Int
    var interval: Int
    var plainMilliseconds: Double
    var probedMilliseconds: Double
}

/// One run of `reserve bench-deadline`.
struct DeadlineBenchLine: Encodable {
    var call: String
    var bundle: String
    var loadSeconds: Double
    var limitSeconds: Double
    var run: Int
    var wallSeconds: Double
    var overrunSeconds: Double
    var outcome: String
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

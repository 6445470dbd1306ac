import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve generate`: write a deterministic synthetic bundle for scale tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic bundle (city, province or national scale).",
        discussion: """
        The same preset and seed always give the same bytes.
          city      6 counties, 60 townships, 10,000 road nodes, 5 scenarios
          province  100 counties, 1,500 townships, ~1,600 depots, 300 teams, 202,500 road nodes, 20 scenarios
          national  1,000 counties, 15,000 townships, ~16,000 depots, 3,000 teams, ~2 M road nodes, 200 scenarios

        Example:
          reserve generate --preset province --seed 1 --out out/province
        """
    )

    @Option(name: .long, help: "city, province or national.")
    var preset: String = "city"

    @Option(name: .long, help: "Random seed (any non-negative integer).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Directory to write (created if needed), or a .json file for the single-JSON form.")
    var out: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if SyntheticPreset.all[preset] == nil {
            throw ValidationError("--preset must be city, province or national, not '\(preset)'.")
        }
    }

    func run() throws {
        _ = logging.bootstrap()
        guard let p = SyntheticPreset.all[preset] else { return }
        let clock = ContinuousClock()
        let start = clock.now
        let bundle = SyntheticBundleGenerator(preset: p, seed: seed).generate()
        do {
            if out.hasSuffix(".json") {
                try BundleWriter.writeJSON(bundle, to: out)
            } else {
                try BundleWriter.write(bundle, toDirectory: out)
            }
        } catch {
            throw CLIFailure.internalFailure(error.description)
        }
        let elapsed = start.duration(to: clock.now)
        let summary = GenerateSummary(preset: preset, seed: seed, out: out, areas: bundle.areas.count,
                                      depots: bundle.depots.count, items: bundle.items.count, stockLots: bundle.stock.count,
                                      teams: bundle.teams.count, roadNodes: bundle.roadNodes.count,
                                      roadEdges: bundle.roadEdges.count, scenarios: bundle.scenarios.count)
        switch output.resolvedFormat {
        case .json: try printJSON(summary)
        case .table:
            print("wrote \(out): \(summary.areas) areas, \(summary.depots) depots, \(summary.items) items, \(summary.stockLots) stock lots, \(summary.teams) teams, \(summary.roadNodes) road nodes, \(summary.roadEdges) road edges, \(summary.scenarios) scenarios")
            printProgress("generated in \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
        }
    }
}

/// What `reserve generate --json` prints.
struct GenerateSummary: Encodable {
    var schemaVersion = 1
    var preset: String
    var seed: UInt64
    var out: String
    var areas: Int
    var depots: Int
    var items: Int
    var stockLots: Int
    var teams: Int
    var roadNodes: Int
    var roadEdges: Int
    var scenarios: Int
}

import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve generate`: write a deterministic synthetic bundle for scale tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: HelpText["generate.abstract"],
        discussion: HelpText["generate.discussion"]
    )

    @Option(name: .long, help: ArgumentHelp(HelpText["generate.preset"]))
    var preset: String = "city"

    @Option(name: .long, help: ArgumentHelp(HelpText["generate.seed"]))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp(HelpText["generate.out"]))
    var out: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if SyntheticPreset.all[preset] == nil {
            throw ValidationError(HelpText.localizer("cli.option.preset", ["value": preset]))
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
            throw CLIFailure.internalFailure(ErrorText.describe(error))
        }
        let elapsed = start.duration(to: clock.now)
        let summary = GenerateSummary(preset: preset, seed: seed, out: out, areas: bundle.areas.count,
                                      depots: bundle.depots.count, items: bundle.items.count, stockLots: bundle.stock.count,
                                      teams: bundle.teams.count, roadNodes: bundle.roadNodes.count,
                                      roadEdges: bundle.roadEdges.count, scenarios: bundle.scenarios.count)
        switch output.resolvedFormat {
        case .json: try printJSON(summary)
        case .table:
            let t = HelpText.localizer
            print(t("generate.wrote", ["out": out, "areas": "\(summary.areas)", "depots": "\(summary.depots)", "items": "\(summary.items)",
                                       "stockLots": "\(summary.stockLots)", "teams": "\(summary.teams)", "roadNodes": "\(summary.roadNodes)",
                                       "roadEdges": "\(summary.roadEdges)", "scenarios": "\(summary.scenarios)"]))
            printProgress(t("generate.elapsed", ["time": elapsed.formatted(
                .units(allowed: [.seconds, .milliseconds], width: .abbreviated).locale(t.language.locale))]))
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

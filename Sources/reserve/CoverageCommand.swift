import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve coverage BUNDLE`: compliance of every township with the arrival and relief targets.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: HelpText["coverage.abstract"],
        discussion: HelpText["coverage.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["coverage.bundle"]))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp(HelpText["coverage.scenario"]))
    var scenario: String?

    @Flag(name: .customLong("all-scenarios"), help: ArgumentHelp(HelpText["coverage.allScenarios"]))
    var allScenarios = false

    @Option(name: .long, help: ArgumentHelp(HelpText["coverage.level"]))
    var level: String = "township"

    @Flag(name: .long, help: ArgumentHelp(HelpText["coverage.all"]))
    var all = false

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if scenario != nil && allScenarios { throw ValidationError(HelpText.localizer("cli.option.scenarioOrAll")) }
        if AdministrativeLevel(rawValue: level) == nil {
            throw ValidationError(HelpText.localizer("cli.option.level", ["values": AdministrativeLevel.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let validated = try BundleLoading.load(bundle, language: language.resolved, strict: check.strict, verbose: logging.verbose)
        let loaded = validated.bundle
        let ids: [ScenarioID]
        if allScenarios {
            ids = loaded.scenarios.map(\.id)
        } else if let id = scenario.map(ScenarioID.init) ?? loaded.defaultScenario?.id {
            ids = [id]
        } else {
            throw CLIFailure.invalidData(Localizer(language.resolved)("cli.noScenarios", ["path": bundle]))
        }
        let network: BundleNetwork
        if let built = validated.network { network = built } else {
            do { network = try BundleNetwork(bundle: loaded) } catch { throw CLIFailure(error, context: bundle, language: language.resolved) }
        }
        let options = ResponseOptions(dispatch: DispatchOptions(solve: SolveOptions(timeLimit: solver.timeLimitDuration,
                                                                                     relativeMIPGap: solver.gap, logger: logger)),
                                      logger: logger)
        var results: [ScenarioCoverage] = []
        for id in ids {
            do {
                results.append(try CoverageAnalyzer(options: options).coverage(of: id, in: loaded, level: AdministrativeLevel(rawValue: level)!,
                                                                               network: network))
            } catch {
                throw CLIFailure(error, context: bundle, language: language.resolved)
            }
        }
        let report = CoverageReport(results)
        switch output.resolvedFormat {
        case .json: try printJSON(report)
        case .table: print(CoverageText.render(report, showAll: all, language: language.resolved, width: tableWidth.resolved))
        }
    }
}

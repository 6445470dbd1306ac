import ArgumentParser
import EmergencyReserve
import Foundation
import Logging

/// `reserve dispatch BUNDLE --scenario S`: which depot sends what to where, arriving
/// when; which teams go where; and whether the 2 h / 10 h targets hold.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: HelpText["dispatch.abstract"],
        discussion: HelpText["dispatch.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["dispatch.bundle"]))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp(HelpText["dispatch.scenario"]))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["dispatch.policy"]))
    var policy: String?

    @Flag(name: .customLong("integer-vehicles"), help: ArgumentHelp(HelpText["dispatch.integerVehicles"]))
    var integerVehicles = false

    @Flag(name: .customLong("fractional-pieces"), help: ArgumentHelp(HelpText["dispatch.fractionalPieces"]))
    var fractionalPieces = false

    @Option(name: .customLong("column-generation"), help: ArgumentHelp(HelpText["dispatch.columnGeneration"]))
    var columnGeneration: Toggle = .auto

    @Option(name: .long, help: ArgumentHelp(HelpText["dispatch.horizon"]))
    var horizon: Double?

    @Option(name: .long, help: ArgumentHelp(HelpText["dispatch.format"]))
    var format: ResponseFormat = .table

    @Flag(name: .long, help: ArgumentHelp(HelpText["dispatch.json"]))
    var json = false

    @Option(name: .long, help: ArgumentHelp(HelpText["dispatch.out"]))
    var out: String?

    @Option(name: .customLong("export-model"), help: ArgumentHelp(HelpText["dispatch.exportModel"]))
    var exportModel: String?

    @Flag(name: .long, help: ArgumentHelp(HelpText["dispatch.timings"]))
    var timings = false

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let horizon, !(horizon > 0 && horizon.isFinite) { throw ValidationError(HelpText.localizer("cli.option.horizon")) }
        if let exportModel, ModelFileFormat(pathExtensionOf: exportModel) == nil {
            throw ValidationError(HelpText.localizer("cli.option.exportModel"))
        }
    }

    func run() throws {
        try DispatchRun(bundle: bundle, scenario: scenario.map(ScenarioID.init), policy: policy.map(PolicyID.init),
                        integerVehicles: integerVehicles, wholePieces: !fractionalPieces, columnGeneration: columnGeneration.value, horizonHours: horizon,
                        format: json ? .json : format, out: out, exportModel: exportModel, timings: timings, strict: check.strict,
                        timeLimit: solver.timeLimitDuration, gap: solver.gap, verbose: logging.verbose, language: language.resolved, tableWidth: tableWidth.resolved,
                        logger: logging.bootstrap()).run()
    }
}

/// One dispatch as the CLI runs it, from plain values: `reserve dispatch` fills it
/// from its options and `reserve demo` from its own, so neither re-parses the other's
/// arguments.
struct DispatchRun {
    var bundle: String
    var scenario: ScenarioID?
    var policy: PolicyID?
    var integerVehicles = false
    var wholePieces = true
    var columnGeneration: Bool?
    var horizonHours: Double?
    var format: ResponseFormat = .table
    var out: String?
    var exportModel: String?
    var timings = false
    var strict = false
    var timeLimit: Duration?
    var gap = 1e-6
    var verbose = 0
    var language: Language = .en
    var tableWidth: Int? = 100
    var logger: Logger

    func run() throws {
        let validated = try BundleLoading.load(bundle, language: language, strict: strict, verbose: verbose)
        let loaded = validated.bundle
        guard let scenarioID = scenario ?? loaded.defaultScenario?.id else {
            throw CLIFailure.invalidData(Localizer(language)("cli.noScenarios", ["path": bundle]))
        }
        var solve = SolveOptions(timeLimit: timeLimit, relativeMIPGap: gap, logger: logger)
        solve.progress = ProgressPrinter.mip(language: language)
        let options = ResponseOptions(
            dispatch: DispatchOptions(integerVehicles: integerVehicles, wholeUnits: wholePieces, columnGeneration: columnGeneration,
                                      nameModel: exportModel != nil, solve: solve),
            horizonHours: horizonHours, policy: policy,
            routeGeometry: [.geojson, .html].contains(format), logger: logger)
        let started = ContinuousClock.now
        let response: ScenarioResponse
        do {
            response = try ResponsePlanner(options: options).respond(to: scenarioID, in: loaded, network: validated.network)
        } catch {
            throw CLIFailure(error, context: bundle, language: language)
        }
        if let exportModel, let model = response.goods.model {
            try model.write(to: exportModel, format: ModelFileFormat(pathExtensionOf: exportModel)!, logger: logger)
        }
        let report = ResponseReport(response, bundle: loaded)
        let elapsed = started.duration(to: .now)
        if elapsed > .seconds(1) || verbose > 0 || timings {
            let t = response.timings
            func ms(_ d: Duration) -> String { "\(Int((Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15).rounded())) ms" }
            printProgress(Localizer(language)("cli.dispatchTimings", [
                "rows": "\(response.goods.modelSize.rows)", "columns": "\(response.goods.modelSize.columns)",
                "network": ms(t.network), "routing": ms(t.routing), "goods": ms(t.goods), "build": ms(response.goods.buildTime),
                "teams": ms(t.teams), "total": ms(elapsed)]))
            if verbose > 0 || timings {
                // Per level, to compare level 1 of the goods LP with peers that solve only it.
                let t = Localizer(language)
                func levels(_ times: [Duration]) -> String {
                    times.enumerated().map { t("cli.dispatchLevel", ["level": "\($0.offset + 1)", "time": msPrecise($0.element)]) }
                        .joined(separator: t("list.separator"))
                }
                printProgress(t("cli.dispatchLevels", ["goods": levels(response.goods.solveTimes), "teams": levels(response.teams.levelTimes),
                                                       "nodes": response.teams.levelNodes.map(String.init).joined(separator: "/")]))
            }
        }
        try ResponseOutput.write(report: report, response: response, bundle: loaded, boundaries: validated.areaBoundaries, network: validated.network, format: format, language: language, tableWidth: tableWidth, to: out)
    }
}

/// `d` in milliseconds with one decimal (`"12.3 ms"`).
func msPrecise(_ d: Duration) -> String {
    String(format: "%.1f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
}

/// auto / on / off.
enum Toggle: String, ExpressibleByArgument, CaseIterable {
    case auto, on, off
    var value: Bool? { self == .auto ? nil : self == .on }
}

/// Output formats of the response commands.
enum ResponseFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson, html, csv
}

import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve plan BUNDLE`: how much of each item each depot should hold.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: HelpText["plan.abstract"],
        discussion: HelpText["plan.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["plan.bundle"]))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.budget"]),
            transform: Yuan.parse)
    var budget: Yuan?

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.budgets"]))
    var budgets: YuanList?

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.scope"]))
    var scope: String?

    @Option(name: .customLong("write-bundle"), help: ArgumentHelp(HelpText["plan.writeBundle"]))
    var writeBundle: String?

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.objective"]))
    var objective: ReservePlanObjective = .shortfall

    @Option(name: .customLong("min-stock"), help: ArgumentHelp(HelpText["plan.minStock"]))
    var minStock: [String] = []

    @Option(name: .customLong("holding-rate"), help: ArgumentHelp(HelpText["plan.holdingRate"]))
    var holdingRate: Double?

    @Option(name: .customLong("allowance"), help: ArgumentHelp(HelpText["plan.allowance"]))
    var allowance: Double = 0

    @Flag(name: .customLong("integer-stock"), help: ArgumentHelp(HelpText["plan.integerStock"]))
    var integerStock = false

    @Flag(name: .customLong("fractional-pieces"), help: ArgumentHelp(HelpText["plan.fractionalPieces"]))
    var fractionalPieces = false

    @Flag(name: .customLong("no-moves"), help: ArgumentHelp(HelpText["plan.noMoves"]))
    var noMoves = false

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.decomposition"]))
    var decomposition: PlanDecomposition = .automatic

    @Option(name: .customLong("decomposition-gap"), help: ArgumentHelp(HelpText["plan.decompositionGap"]))
    var decompositionGap: Double = 1e-6

    @Option(name: .long, help: ArgumentHelp(HelpText["plan.format"]))
    var format: PlanFormat = .table

    @Flag(name: .long, help: ArgumentHelp(HelpText["plan.json"]))
    var json = false

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var tableWidth: TableWidthOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let budget = budget?.value, !(budget >= 0 && budget.isFinite) { throw ValidationError(HelpText.localizer("cli.option.budgetNegative")) }
        if let holdingRate, !(holdingRate >= 0 && holdingRate.isFinite) { throw ValidationError(HelpText.localizer("cli.option.holdingRate")) }
        if objective == .cost, budget != nil || budgets != nil {
            throw ValidationError(HelpText.localizer("cli.option.costWithBudget"))
        }
        if budget != nil, budgets != nil { throw ValidationError(HelpText.localizer("cli.option.budgetOrBudgets")) }
        if let list = budgets?.values, list.isEmpty || list.contains(where: { !($0 >= 0 && $0.isFinite) }) {
            throw ValidationError(HelpText.localizer("cli.option.budgets"))
        }
        if budgets != nil, format == .csv { throw ValidationError(HelpText.localizer("cli.option.budgetsCSV")) }
        if budgets != nil, writeBundle != nil { throw ValidationError(HelpText.localizer("cli.option.writeBundleBudgets")) }
        if !(allowance >= 0 && allowance.isFinite) { throw ValidationError(HelpText.localizer("cli.option.allowance")) }
        if !(decompositionGap > 0 && decompositionGap < 1) { throw ValidationError(HelpText.localizer("cli.option.decompositionGap")) }
        _ = try rules()
    }

    func rules() throws -> [MinimumStockRule] {
        try minStock.map { text in
            let parts = text.split(separator: ":").map(String.init)
            guard parts.count == 3, let level = DepotLevel(rawValue: parts[0]), let people = Double(parts[1]), let days = Double(parts[2]),
                  people >= 0, days >= 0, people.isFinite, days.isFinite else {
                throw ValidationError(HelpText.localizer("cli.option.minStock", ["value": text, "values": DepotLevel.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
            return MinimumStockRule(level: level, people: people, days: days)
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let validated = try BundleLoading.load(bundle, language: language.resolved, strict: check.strict, verbose: logging.verbose)
        let loaded = validated.bundle
        var solve = SolveOptions(timeLimit: solver.timeLimitDuration, relativeMIPGap: solver.gap, logger: logger)
        // Branch-and-bound nodes (integer stock) or master solves (scenario decomposition).
        solve.progress = ProgressPrinter.mip(steps: .rounds, language: language.resolved)
        let options = ReservePlanOptions(objective: objective, budgetYuan: budget?.value, scope: scope.map { AreaID($0) },
                                         holdingRate: holdingRate, allowMoves: !noMoves, shortfallAllowance: allowance, integerStock: integerStock,
                                         minimumStock: try rules(), solve: solve, decomposition: decomposition,
                                         decompositionGap: decompositionGap, wholePieces: !fractionalPieces)
        let planner = ReservePlanner(options: options)
        if let list = budgets?.values {
            let frontier: PlanFrontier
            do { frontier = try planner.frontier(loaded, budgets: list, network: validated.network) } catch {
                throw CLIFailure(error, context: bundle)
            }
            let report = PlanFrontierReport(frontier, bundle: loaded, objective: objective)
            switch json ? .json : format {
            case .json: try printJSON(report)
            case .html: print(PlanHTML.render(frontier: report, language: language.resolved))
            case .table, .csv: print(PlanText.render(frontier: report, language: language.resolved, width: tableWidth.resolved))
            }
            return
        }
        let plan: ReservePlan
        do {
            plan = try planner.plan(loaded, network: validated.network)
        } catch {
            throw CLIFailure(error, context: bundle, language: language.resolved)
        }
        if let writeBundle {
            do { try BundleWriter.write(plan.applied(to: loaded), toDirectory: writeBundle) } catch {
                throw CLIFailure(error, context: writeBundle)
            }
        }
        let report = PlanReport(plan, bundle: loaded)
        switch json ? .json : format {
        case .json: try printJSON(report)
        case .csv: FileHandle.standardOutput.write(Data(CSVExport.planChanges(report, language: language.resolved).utf8))
        case .table: print(PlanText.render(report, language: language.resolved, width: tableWidth.resolved))
        case .html: print(PlanHTML.render(plan: report, language: language.resolved))
        }
    }
}

/// Output formats of `reserve plan`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, html
}

/// Amounts of yuan separated by commas: `0,500000,1000000` or `0,50万,100万` (the
/// thousands separators of one amount cannot be told from the list's, so write
/// amounts without them).
struct YuanList: ExpressibleByArgument {
    var values: [Double]

    init?(argument: String) {
        var list: [Double] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let y = Yuan(argument: String(part)) else { return nil }
            list.append(y.value)
        }
        values = list
    }
}

/// An amount of yuan as planners write it: `2000000`, `2,000,000`, `200万`, `0.02亿`
/// (also with a trailing 元 or a leading ¥).
struct Yuan: ExpressibleByArgument {
    var value: Double

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "，", with: "")
        if text.hasPrefix("¥") || text.hasPrefix("￥") { text.removeFirst() }
        if text.hasSuffix("元") { text.removeLast() }
        var scale = 1.0
        if text.hasSuffix("万") { scale = 1e4; text.removeLast() } else if text.hasSuffix("亿") { scale = 1e8; text.removeLast() }
        guard let number = Double(text), number.isFinite else { return nil }
        value = number * scale
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The amount, or a usage error that says what is expected (in the command
    /// line's language) instead of argument-parser's bare "invalid value".
    static func parse(_ argument: String) throws -> Yuan {
        guard let yuan = Yuan(argument: argument) else {
            throw ValidationError(HelpText.localizer("cli.option.budget", ["value": argument]))
        }
        return yuan
    }
}

extension ReservePlanObjective: ExpressibleByArgument {}
extension PlanDecomposition: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "auto", "automatic": self = .automatic
        case "off", "none": self = .deterministicEquivalent
        case "scenarios", "benders": self = .scenarios
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["auto", "off", "scenarios"] }
}

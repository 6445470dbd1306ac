import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve validate BUNDLE`: check a bundle and list every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: HelpText["validate.abstract"],
        discussion: HelpText["validate.discussion"]
    )

    @Argument(help: ArgumentHelp(HelpText["validate.bundle"]))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp(HelpText["validate.referenceDate"]))
    var referenceDate: String?

    @OptionGroup var check: BundleCheckOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let referenceDate, CalendarDate(referenceDate) == nil {
            throw ValidationError(Localizer(language.resolved)("cli.option.referenceDate"))
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let loaded: LoadedBundle
        do {
            loaded = try BundleReader.read(at: bundle)
        } catch {
            throw CLIFailure(error, language: language.resolved)
        }
        logger.debug("read \(bundle): \(loaded.bundle.areas.count) areas, \(loaded.bundle.depots.count) depots, \(loaded.bundle.roadNodes.count) road nodes",
                     metadata: ["code": "bundleRead", "path": "\(bundle)", "areas": "\(loaded.bundle.areas.count)", "depots": "\(loaded.bundle.depots.count)",
                                "nodes": "\(loaded.bundle.roadNodes.count)"])
        let report = loaded.validate(BundleValidator(referenceDate: referenceDate.flatMap(CalendarDate.init)))
        switch output.resolvedFormat {
        case .json:
            try printJSON(ValidateReport(bundle: bundle, report: report, data: loaded.bundle, language: language.resolved))
        case .table:
            let t = Localizer(language.resolved)
            for problem in report.problems { print(problem.line(in: t)) }
            printProgress(t("problem.summary", ["path": bundle, "errors": "\(report.errors.count)", "warnings": "\(report.warnings.count)"]))
        }
        if report.hasErrors || (check.strict && !report.warnings.isEmpty) { throw ExitCode(CLIFailure.invalidDataCode) }
    }
}

/// The JSON document `reserve validate --json` prints (schema version 2: each problem
/// gained its stable `code`, the `arguments` its sentence names, and `text`, the
/// sentence in the chosen language; `message` stays English).
struct ValidateReport: Encodable {
    struct Problem: Encodable {
        var severity: String
        var code: String
        var arguments: [String: String]
        var file: String?
        var line: Int?
        var column: String?
        var jsonPath: String?
        var message: String
        var text: String
    }

    var schemaVersion = 2
    var bundle: String
    var valid: Bool
    var errorCount: Int
    var warningCount: Int
    var counts: [String: Int]
    var problems: [Problem]

    init(bundle: String, report: ValidationReport, data: ReserveBundle, language: Language) {
        let t = Localizer(language)
        self.bundle = bundle
        valid = !report.hasErrors
        errorCount = report.errors.count
        warningCount = report.warnings.count
        counts = ["areas": data.areas.count, "depots": data.depots.count, "items": data.items.count,
                  "stockLots": data.stock.count, "teams": data.teams.count, "fleet": data.fleet.count,
                  "roadNodes": data.roadNodes.count, "roadEdges": data.roadEdges.count, "scenarios": data.scenarios.count]
        problems = report.problems.map {
            Problem(severity: $0.severity.rawValue, code: $0.code, arguments: $0.arguments, file: $0.location.file,
                    line: $0.location.line, column: $0.location.column, jsonPath: $0.location.jsonPath,
                    message: $0.message, text: $0.message(in: t))
        }
    }
}

import ArgumentParser
import EmergencyReserve
import Foundation

/// `reserve validate BUNDLE`: check a bundle and list every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a reserve bundle and print every problem.",
        discussion: """
        BUNDLE is a directory with bundle.json, CSV tables and scenarios/*.json, or one \
        JSON document. Problems print as `file:line:column: error|warning: message` \
        (header = line 1); JSON problems as `file:$.path: …`.

        Exit codes: 0 no errors (warnings may be printed), 65 at least one error, 66 no such bundle.

        Example:
          reserve validate Data/hegang
        """
    )

    @Argument(help: "The bundle directory or single-JSON file.")
    var bundle: String

    @Option(name: .long, help: "Reference date YYYY-MM-DD for expiry warnings (default: the manifest's reference_date).")
    var referenceDate: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let referenceDate, CalendarDate(referenceDate) == nil {
            throw ValidationError("--reference-date must be a date YYYY-MM-DD.")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let loaded: LoadedBundle
        do {
            loaded = try BundleReader.read(at: bundle)
        } catch {
            throw CLIFailure(error)
        }
        logger.debug("read \(bundle): \(loaded.bundle.areas.count) areas, \(loaded.bundle.depots.count) depots, \(loaded.bundle.roadNodes.count) road nodes")
        let report = loaded.validate(BundleValidator(referenceDate: referenceDate.flatMap(CalendarDate.init)))
        switch output.resolvedFormat {
        case .json:
            try printJSON(ValidateReport(bundle: bundle, report: report, data: loaded.bundle))
        case .table:
            for problem in report.problems { print(problem.description) }
            printProgress("\(bundle): \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        }
        if report.hasErrors { throw ExitCode(CLIFailure.invalidDataCode) }
    }
}

/// The JSON document `reserve validate --json` prints (schema version 1).
struct ValidateReport: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String?
        var line: Int?
        var column: String?
        var jsonPath: String?
        var message: String
    }

    var schemaVersion = 1
    var bundle: String
    var valid: Bool
    var errorCount: Int
    var warningCount: Int
    var counts: [String: Int]
    var problems: [Problem]

    init(bundle: String, report: ValidationReport, data: ReserveBundle) {
        self.bundle = bundle
        valid = !report.hasErrors
        errorCount = report.errors.count
        warningCount = report.warnings.count
        counts = ["areas": data.areas.count, "depots": data.depots.count, "items": data.items.count,
                  "stockLots": data.stock.count, "teams": data.teams.count, "fleet": data.fleet.count,
                  "roadNodes": data.roadNodes.count, "roadEdges": data.roadEdges.count, "scenarios": data.scenarios.count]
        problems = report.problems.map {
            Problem(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                    column: $0.location.column, jsonPath: $0.location.jsonPath, message: $0.message)
        }
    }
}

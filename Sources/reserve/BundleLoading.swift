import EmergencyReserve
import Foundation

/// Reading and validating a bundle for the commands that compute on it: a bundle with
/// errors is refused (exit 65) with every problem listed, as `reserve validate` prints
/// them; its warnings are printed on stderr (a summary and the first few, all with
/// `-v`), and refuse it too with `--strict`. The road network that validation built
/// is handed on, so no command builds it or snaps a place again.
enum BundleLoading {
    /// Warnings listed without `-v`.
    static let listedWarnings = 5

    static func load(_ path: String, language: Language = .ofCommandLine, strict: Bool = false,
                     verbose: Int = 0) throws -> ValidatedBundle {
        let t = Localizer(language)
        let validated: ValidatedBundle
        do {
            validated = try BundleReader.readValidated(at: path)
        } catch {
            if case let .invalid(_, errors) = error {
                throw CLIFailure.invalidData(ErrorText.invalidBundle(path, errors, t))
            }
            throw CLIFailure(error, language: language)
        }
        let warnings = validated.report.warnings
        printWarnings(warnings, path: path, t, all: verbose > 0)
        if strict && !warnings.isEmpty {
            throw CLIFailure.invalidData(t("cli.strictRefused", ["path": path, "count": "\(warnings.count)"]))
        }
        return validated
    }

    /// The warnings of a bundle on stderr: one summary line, then the first
    /// ``listedWarnings`` (every one when `all`), localised.
    static func printWarnings(_ warnings: [ValidationProblem], path: String, _ t: Localizer, all: Bool) {
        guard !warnings.isEmpty else { return }
        printProgress(t("cli.warningSummary", ["path": path, "count": "\(warnings.count)"]))
        let shown = all ? warnings[...] : warnings.prefix(listedWarnings)
        for w in shown { printProgress(w.line(in: t)) }
        if shown.count < warnings.count {
            printProgress(t("cli.moreWarnings", ["count": "\(warnings.count - shown.count)"]))
        }
    }
}

/// MIP progress on stderr (never stdout), at most once a second.
enum ProgressPrinter {
    /// What a progress line counts.
    enum Steps: String, Sendable {
        /// Branch-and-bound nodes.
        case nodes
        /// Rounds: master solves of the scenario decomposition, or nodes with integer stock.
        case rounds
    }

    /// Progress lines as sentences in the user's language ("第 12 轮（3.1 秒）：最优
    /// 3.12，下界 2.93，差距 5.9%。").
    static func mip(steps: Steps = .nodes, language: Language = .fromEnvironment()) -> @Sendable (SolveProgress) -> Bool {
        let t = Localizer(language)
        return { p in
            let seconds = Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18
            // LP chunks report too; the lines stay those of searches and rounds.
            guard seconds >= 1, p.phase != .linearProgram else { return true }
            let none = t("progress.none")
            printProgress(t("progress.\(steps.rawValue)", [
                "seconds": String(format: "%.1f", seconds), "count": "\(p.nodes)",
                "incumbent": p.incumbent.map { String(format: "%.6g", $0) } ?? none,
                "bound": p.bound.map { String(format: "%.6g", $0) } ?? none,
                "gap": p.relativeGap.map { String(format: "%.1f%%", $0 * 100) } ?? none,
            ]))
            return true
        }
    }
}

/// Writes a response in the chosen format to stdout or a directory.
enum ResponseOutput {
    static func write(report: ResponseReport, response: ScenarioResponse, bundle: ReserveBundle,
                      boundaries: [AreaBoundary] = [], network: BundleNetwork? = nil, format: ResponseFormat, language: Language,
                      tableWidth: Int?, to directory: String?) throws {
        if format == .csv {
            try writeCSV(report: report, language: language, to: directory)
            return
        }
        let text: String
        let fileName: String
        switch format {
        case .csv:
            return
        case .table:
            text = ResponseText.render(report, language: language, width: tableWidth) + "\n"
            fileName = "\(report.scenario.id).txt"
        case .json:
            text = try jsonText(report)
            fileName = "\(report.scenario.id).json"
        case .geojson:
            text = ResponseGeoJSON.render(response, report: report)
            fileName = "\(report.scenario.id).geojson"
        case .html:
            let lines = ResponseHTML.roadLines(of: bundle)
            // Closed and slowed roads along their shapes, from the scenario's overlay (same graph, same edge ids).
            let graph = network ?? (try? BundleNetwork(bundle: bundle))
            let disrupted = graph?.disruptedRoads(in: bundle, scenario: response.scenario, overlay: response.overlay) ?? []
            text = ResponseHTML.render(response, report: report, roads: lines.roads, nodes: lines.nodes, boundaries: boundaries,
                                       disrupted: disrupted, language: language)
            fileName = "\(report.scenario.id).html"
        }
        guard let directory else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent(fileName)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            printProgress(Localizer(language)("cli.wrote", ["path": path]))
        } catch {
            throw CLIFailure(message: Localizer(language)("cli.cannotWrite", ["path": directory, "reason": error.localizedDescription]),
                             exitCode: CLIFailure.cannotCreateCode)
        }
    }

    /// CSV: the orders on stdout; into a directory, the orders, shortfalls and teams
    /// as SCENARIO-orders.csv, SCENARIO-shortfalls.csv, SCENARIO-teams.csv.
    static func writeCSV(report: ResponseReport, language: Language, to directory: String?) throws {
        guard let directory else {
            FileHandle.standardOutput.write(Data(CSVExport.orders(report, language: language).utf8))
            return
        }
        let files = [("orders", CSVExport.orders(report, language: language)),
                     ("shortfalls", CSVExport.shortfalls(report, language: language)),
                     ("teams", CSVExport.teams(report, language: language))]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                let path = (directory as NSString).appendingPathComponent("\(report.scenario.id)-\(name).csv")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                printProgress(Localizer(language)("cli.wrote", ["path": path]))
            }
        } catch {
            throw CLIFailure(message: Localizer(language)("cli.cannotWrite", ["path": directory, "reason": error.localizedDescription]),
                             exitCode: CLIFailure.cannotCreateCode)
        }
    }

    static func jsonText(_ report: ResponseReport) throws -> String {
        String(decoding: try report.jsonData(), as: UTF8.self)
    }
}

import EmergencyReserve
import Foundation

/// Reading and validating a bundle for the commands that compute on it: a bundle with
/// errors is refused (exit 65) with every problem listed, as `reserve validate` prints
/// them. The road network that validation built is handed on, so no command builds
/// it or snaps a place again.
enum BundleLoading {
    static func load(_ path: String) throws -> ValidatedBundle {
        let loaded: LoadedBundle
        do {
            loaded = try BundleReader.read(at: path)
        } catch {
            throw CLIFailure(error)
        }
        let validated = loaded.validated()
        let report = validated.report
        if report.hasErrors {
            let lines = report.errors.prefix(50).map(\.description).joined(separator: "\n")
            let more = report.errors.count > 50 ? "\n… and \(report.errors.count - 50) more" : ""
            throw CLIFailure.invalidData("\(path) has \(report.errors.count) error(s); run 'reserve validate \(path)':\n\(lines)\(more)")
        }
        return validated
    }
}

/// MIP progress on stderr (never stdout), at most once a second.
enum ProgressPrinter {
    /// Progress lines; `steps` names what `nodes` counts (search-tree nodes, or the
    /// plan's master solves).
    static func mip(steps: String = "nodes") -> @Sendable (MIPProgress) -> Void {
        { p in
            let seconds = Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18
            guard seconds >= 1 else { return }
            let gap = p.relativeGap.map { String(format: "%.3f%%", $0 * 100) } ?? "-"
            printProgress(String(format: "  %.1fs  \(steps) %d  incumbent %@  bound %@  gap %@", seconds, p.nodes,
                                 p.incumbent.map { String(format: "%.6g", $0) } ?? "-",
                                 p.bound.map { String(format: "%.6g", $0) } ?? "-", gap))
        }
    }
}

/// Writes a response in the chosen format to stdout or a directory.
enum ResponseOutput {
    static func write(report: ResponseReport, response: ScenarioResponse, bundle: ReserveBundle,
                      format: ResponseFormat, language: Language, tableWidth: Int?,
                      to directory: String?) throws {
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
            var nodes: [RoadNodeID: GeoPoint] = [:]
            for node in bundle.roadNodes { nodes[node.id] = GeoPoint(lat: node.lat, lon: node.lon) }
            let roads = bundle.roadEdges.compactMap { e -> [GeoPoint]? in
                guard let a = nodes[e.from], let b = nodes[e.to] else { return nil }
                return [a, b]
            }
            text = ResponseHTML.render(response, report: report, roads: roads, nodes: nodes, language: language)
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
            printProgress("wrote \(path)")
        } catch {
            throw CLIFailure(message: "cannot write \(directory): \(error.localizedDescription)", exitCode: CLIFailure.cannotCreateCode)
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
                printProgress("wrote \(path)")
            }
        } catch {
            throw CLIFailure(message: "cannot write \(directory): \(error.localizedDescription)", exitCode: CLIFailure.cannotCreateCode)
        }
    }

    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

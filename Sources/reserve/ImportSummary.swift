import EmergencyReserve
import Foundation

/// The human summary of an import (sentences on stderr, in the reader's language)
/// and the exit code of its errors.
enum ImportSummary {
    static func exitCode(of error: RoadImportError) -> Int32 {
        switch error {
        case .cannotOpen: 66
        case .cannotWrite: 73
        default: CLIFailure.invalidDataCode
        }
    }

    static func lines(_ network: ImportedRoadNetwork, file: String, seconds: Duration, _ t: Localizer = HelpText.localizer) -> [String] {
        let r = network.report
        let s = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
        let km = network.edges.totalLengthKm
        var lines = [t("import.summary.kept", ["file": file, "nodes": "\(network.nodes.count)", "roads": "\(network.edges.count)",
                                              "km": String(format: "%.1f", km), "seconds": String(format: "%.2f", s)])]
        let classes = r.waysByHighway.keys.sorted().map { "\($0) \(r.waysByHighway[$0]!)" }.joined(separator: t("list.separator"))
        lines.append(t("import.summary.ways", ["classes": classes, "skipped": "\(r.waysSkipped)"]))
        lines.append(t("import.summary.cuts", ["cut": "\(r.waysCut)", "barriers": "\(r.blockingBarriers)", "contracted": "\(r.contractedNodes)"]))
        if r.droppedComponentCount > 0 {
            lines.append(t("import.summary.leftOut", ["nodes": "\(r.droppedNodes)", "pieces": "\(r.droppedComponentCount)"]))
            for c in r.droppedComponents.prefix(5) {
                lines.append(t("import.summary.piece", ["nodes": "\(c.nodeCount)", "latitude": String(format: "%.5f", c.latitude),
                                                         "longitude": String(format: "%.5f", c.longitude)]))
            }
        }
        return lines
    }

    /// What a shapefile import read besides the roads: the attribute encoding and where
    /// it came from, the coordinate system, null shapes and unknown classes skipped.
    static func shapefileLines(_ info: ShapefileReader.Info, skippedClasses: [String: Int], _ t: Localizer = HelpText.localizer) -> [String] {
        var line = t("import.summary.attributes", ["encoding": info.encoding.rawValue,
                                                   "source": t("import.encodingSource.\(info.encodingSource)"),
                                                   "datum": info.datum ?? t("import.summary.noPrj")])
        if info.nullShapes > 0 { line += t("import.summary.nullShapes", ["count": "\(info.nullShapes)"]) }
        var lines = [line]
        if !skippedClasses.isEmpty {
            let skipped = skippedClasses.sorted { $0.key < $1.key }.prefix(10).map { "'\($0.key)' \($0.value)" }
            lines.append(t("import.summary.skippedClasses", ["classes": skipped.joined(separator: t("list.separator"))]))
        }
        return lines
    }

    /// "wrote DIR/nodes.csv and DIR/roads.csv".
    static func wrote(_ out: String, _ t: Localizer = HelpText.localizer) -> String {
        t("import.wroteTables", ["out": out])
    }
}

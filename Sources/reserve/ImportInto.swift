import EmergencyReserve
import Foundation

/// `reserve import osm|shapefile … --into BUNDLE`: the roads of a bundle replaced by
/// an import, and every place snapped again.
enum ImportInto {
    static func replaceRoads(of bundlePath: String, with network: ImportedRoadNetwork, warnMetres: Double,
                             _ t: Localizer = HelpText.localizer) throws {
        let before: LoadedBundle
        do { before = try BundleReader.read(at: bundlePath) } catch {
            throw CLIFailure(message: ErrorText.describe(error), exitCode: FileManager.default.fileExists(atPath: bundlePath) ? 65 : 66)
        }
        let files = before.bundle.manifest.files
        if let geojson = files.roadsGeoJSON {
            throw CLIFailure.invalidData(HelpText.localizer("cli.bundleJSONRoads", ["path": bundlePath, "geojson": geojson]))
        }
        do {
            try RoadTableWriter.write(network, to: bundlePath, nodesFile: files.nodes, roadsFile: files.roads)
        } catch {
            throw CLIFailure(message: ErrorText.describe(error), exitCode: 73)
        }
        printProgress(t("import.replaced", ["nodes": "\(bundlePath)/\(files.nodes)", "roads": "\(bundlePath)/\(files.roads)"]))
        let after: ReserveBundle
        let graph: BundleNetwork
        do {
            after = try BundleReader.read(at: bundlePath).bundle
            graph = try BundleNetwork(bundle: after)
        } catch {
            throw CLIFailure.invalidData(HelpText.localizer("cli.newRoadsDoNotLoad", ["path": bundlePath, "reason": ErrorText.describe(error)]))
        }
        let snaps = graph.placeSnaps(of: after, warnAboveMetres: warnMetres)
        var table = TextTable(columns: [.init(t("import.snap.kind")), .init(t("import.snap.id")), .init(t("import.snap.name")),
                                        .init(t("import.snap.node")), .init(t("import.snap.access"), alignment: .right),
                                        .init(t("import.snap.warning"))])
        for s in snaps {
            table.append([t("import.snap.kind.\(s.kind.rawValue)"), s.id, s.name, s.node ?? "-",
                          s.accessMetres.map { String(format: "%.0f", $0) } ?? "-",
                          s.node == nil ? t("import.snap.unsnapped") : s.isFar ? t("import.snap.far", ["metres": "\(Int(warnMetres))"]) : ""])
        }
        print(table.render())
        let far = snaps.filter(\.isFar).count
        if far > 0 { printProgress(t("import.farPlaces", ["far": "\(far)", "count": "\(snaps.count)", "metres": "\(Int(warnMetres))"])) }
        printProgress(t("import.next", ["path": bundlePath]))
    }
}

import EmergencyReserve
import Foundation

/// `reserve import osm|shapefile … --into BUNDLE`: the roads of a bundle replaced by
/// an import, and every place snapped again.
enum ImportInto {
    static func replaceRoads(of bundlePath: String, with network: ImportedRoadNetwork, warnMetres: Double) throws {
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
        printProgress("replaced \(bundlePath)/\(files.nodes) and \(bundlePath)/\(files.roads)")
        let after: ReserveBundle
        let graph: BundleNetwork
        do {
            after = try BundleReader.read(at: bundlePath).bundle
            graph = try BundleNetwork(bundle: after)
        } catch {
            throw CLIFailure.invalidData(HelpText.localizer("cli.newRoadsDoNotLoad", ["path": bundlePath, "reason": ErrorText.describe(error)]))
        }
        let snaps = graph.placeSnaps(of: after, warnAboveMetres: warnMetres)
        var table = TextTable(columns: [.init("kind"), .init("id"), .init("name"), .init("node"),
                                        .init("access_m", alignment: .right), .init("warning")])
        for s in snaps {
            table.append([s.kind.rawValue, s.id, s.name, s.node ?? "-", s.accessMetres.map { String(format: "%.0f", $0) } ?? "-",
                         s.node == nil ? "cannot be snapped" : s.isFar ? "farther than \(Int(warnMetres)) m" : ""])
        }
        print(table.render())
        let far = snaps.filter(\.isFar).count
        if far > 0 { printProgress("warning: \(far) of \(snaps.count) places lie more than \(Int(warnMetres)) m from the new roads") }
        printProgress("next: reserve validate \(bundlePath)")
    }
}

import Foundation
import ReserveModel

/// Writes bundles: the directory form (what planners edit) or the single JSON
/// document (what services send). Reading what was written gives an equal
/// ``ReserveModel/ReserveBundle``, and writing that again gives the same bytes.
public enum BundleWriter {
    /// Writes `bundle` as a directory at `path` (created if needed; existing files
    /// of the same names are replaced).
    public static func write(_ bundle: ReserveBundle, toDirectory path: String) throws(BundleIOError) {
        let files = directoryContents(of: bundle)
        let root = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, data) in files {
                let url = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw BundleIOError(.cannotWrite, path: path, message: "cannot write the bundle: \(error.localizedDescription)")
        }
    }

    /// Writes the single-JSON form to a file.
    public static func writeJSON(_ bundle: ReserveBundle, to path: String) throws(BundleIOError) {
        do {
            try BundleJSON.encodeBundle(bundle).write(to: URL(fileURLWithPath: path))
        } catch {
            throw BundleIOError(.cannotWrite, path: path, message: "cannot write the bundle: \(error.localizedDescription)")
        }
    }

    /// Every file of the directory form, by relative path, in a fixed order.
    public static func directoryContents(of bundle: ReserveBundle) -> [(name: String, data: Data)] {
        let f = bundle.manifest.files
        var out: [(String, Data)] = []
        func csv(_ name: String, _ text: String) { out.append((name, Data(text.utf8))) }
        // Encoding value types with String/Double/Bool fields cannot fail; a
        // failure would be a programming error, so it degrades to an empty file.
        out.append(("bundle.json", (try? BundleJSON.encode(bundle.manifest)) ?? Data()))
        csv(f.areas, AreaTable.encodeTable(bundle.areas))
        csv(f.depots, DepotTable.encodeTable(bundle.depots))
        csv(f.items, ItemTable.encodeTable(bundle.items))
        csv(f.stock, StockTable.encodeTable(bundle.stock))
        csv(f.teams, TeamTable.encodeTable(bundle.teams))
        csv(f.fleet, FleetTable.encodeTable(bundle.fleet))
        if let geo = f.roadsGeoJSON {
            // Only nodes no edge names by id need nodes.csv, but writing them all
            // keeps isolated nodes and the original order.
            csv(f.nodes, NodeTable.encodeTable(bundle.roadNodes))
            out.append((geo, (try? GeoJSONRoadWriter.encode(edges: bundle.roadEdges, nodes: bundle.roadNodes)) ?? Data()))
        } else {
            csv(f.nodes, NodeTable.encodeTable(bundle.roadNodes))
            csv(f.roads, RoadTable.encodeTable(bundle.roadEdges))
        }
        let names = scenarioFileNames(bundle)
        for (s, name) in zip(bundle.scenarios, names) {
            out.append((name, (try? BundleJSON.encode(s)) ?? Data()))
        }
        return out
    }

    /// The manifest's scenario names when they match the scenarios, else
    /// `scenarios/<id>.json`.
    static func scenarioFileNames(_ bundle: ReserveBundle) -> [String] {
        if let listed = bundle.manifest.files.scenarios, listed.count == bundle.scenarios.count { return listed }
        return bundle.scenarios.map { "scenarios/\(safeFileName($0.id.rawValue)).json" }
    }

    static func safeFileName(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
}

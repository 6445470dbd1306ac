import Foundation
import RoadNetwork

/// Writes an ``ImportedRoadNetwork`` as a bundle's road tables (docs/formats.md):
/// `nodes.csv` (`id,lat,lon`) and `roads.csv` with the documented columns plus the
/// import's own (`highway`, `name`, `bridge`, `tunnel`, `ford`, `ferry`, `osm_ways`,
/// `geometry` as WKT so QGIS opens the file as a line layer).
public enum RoadTableWriter {
    /// The roads.csv columns, in written order.
    public static let roadColumns = ["from", "to", "length_km", "class", "speed_kmh", "oneway", "highway", "name",
                                     "bridge", "tunnel", "ford", "ferry", "osm_ways", "geometry"]

    /// `nodes.csv`: coordinates with 7 decimals (OSM's own precision, ~1 cm).
    public static func nodesCSV(_ network: ImportedRoadNetwork) -> String {
        var out = "id,lat,lon\n"
        for node in network.nodes {
            out += "\(quoted(node.name)),\(degrees(node.coordinate.latitude)),\(degrees(node.coordinate.longitude))\n"
        }
        return out
    }

    /// `roads.csv`: one row per edge; lengths in km to the millimetre, speeds in km/h
    /// to 0.01.
    public static func roadsCSV(_ network: ImportedRoadNetwork) -> String {
        var out = roadColumns.joined(separator: ",") + "\n"
        for e in network.edges {
            let wkt = "LINESTRING(" + e.geometry.map { "\(degrees($0.longitude)) \(degrees($0.latitude))" }.joined(separator: ", ") + ")"
            let cells = [quoted(network.nodes[e.from].name), quoted(network.nodes[e.to].name), String(format: "%.6f", e.lengthKm),
                         e.ferry ? "ferry" : e.roadClass.rawValue, String(format: "%.2f", e.speedKmh), flag(e.oneway), e.highway,
                         quoted(e.name), flag(e.bridge), flag(e.tunnel), flag(e.ford), flag(e.ferry),
                         e.wayIDs.map(String.init).joined(separator: ";"), quoted(wkt)]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes both tables into `directory` (created when missing), atomically each.
    public static func write(_ network: ImportedRoadNetwork, to directory: String, nodesFile: String = "nodes.csv",
                             roadsFile: String = "roads.csv") throws(RoadImportError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(nodesCSV(network).utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(nodesFile), options: .atomic)
            try Data(roadsCSV(network).utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(roadsFile), options: .atomic)
        } catch {
            throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
        }
    }

    static func degrees(_ value: Double) -> String { String(format: "%.7f", value) }
    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

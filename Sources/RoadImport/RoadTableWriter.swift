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
        String(decoding: nodesCSVBytes(network), as: UTF8.self)
    }

    /// `roads.csv`: one row per edge; lengths in km to the millimetre, speeds in km/h
    /// to 0.01.
    public static func roadsCSV(_ network: ImportedRoadNetwork) -> String {
        String(decoding: roadsCSVBytes(network), as: UTF8.self)
    }

    // The tables are built as UTF-8 bytes in one growing buffer, numbers through
    // FixedDecimal: per-cell Strings and String(format:) were most of an import.
    static func nodesCSVBytes(_ network: ImportedRoadNetwork) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(40 * (network.nodes.count + 1))
        out.append(contentsOf: "id,lat,lon\n".utf8)
        for node in network.nodes {
            appendQuoted(node.name, to: &out)
            out.append(comma)
            FixedDecimal.append(node.coordinate.latitude, decimals: 7, to: &out)
            out.append(comma)
            FixedDecimal.append(node.coordinate.longitude, decimals: 7, to: &out)
            out.append(newline)
        }
        return out
    }

    static func roadsCSVBytes(_ network: ImportedRoadNetwork) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(150 * (network.edges.count + 1))
        out.append(contentsOf: (roadColumns.joined(separator: ",") + "\n").utf8)
        for e in network.edges {
            appendQuoted(network.nodes[e.from].name, to: &out)
            out.append(comma)
            appendQuoted(network.nodes[e.to].name, to: &out)
            out.append(comma)
            FixedDecimal.append(e.lengthKm, decimals: 6, to: &out)
            out.append(comma)
            out.append(contentsOf: (e.ferry ? "ferry" : e.roadClass.rawValue).utf8)
            out.append(comma)
            FixedDecimal.append(e.speedKmh, decimals: 2, to: &out)
            out.append(comma)
            for cell in [flag(e.oneway), e.highway] {
                out.append(contentsOf: cell.utf8)
                out.append(comma)
            }
            appendQuoted(e.name, to: &out)
            for cell in [flag(e.bridge), flag(e.tunnel), flag(e.ford), flag(e.ferry)] {
                out.append(comma)
                out.append(contentsOf: cell.utf8)
            }
            out.append(comma)
            for (k, id) in e.wayIDs.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ";")) }
                out.append(contentsOf: String(id).utf8)
            }
            out.append(comma)
            // WKT always holds a comma, so the cell is always quoted (and has no quotes).
            out.append(contentsOf: "\"LINESTRING(".utf8)
            for (k, point) in e.geometry.enumerated() {
                if k > 0 { out.append(contentsOf: ", ".utf8) }
                FixedDecimal.append(point.longitude, decimals: 7, to: &out)
                out.append(UInt8(ascii: " "))
                FixedDecimal.append(point.latitude, decimals: 7, to: &out)
            }
            out.append(contentsOf: ")\"\n".utf8)
        }
        return out
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: quoted(text).utf8)
    }

    /// Writes both tables into `directory` (created when missing), atomically each.
    public static func write(_ network: ImportedRoadNetwork, to directory: String, nodesFile: String = "nodes.csv",
                             roadsFile: String = "roads.csv") throws(RoadImportError) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try writeAtomically(nodesCSVBytes(network), to: URL(fileURLWithPath: directory).appendingPathComponent(nodesFile))
            try writeAtomically(roadsCSVBytes(network), to: URL(fileURLWithPath: directory).appendingPathComponent(roadsFile))
        } catch {
            throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes the bytes without copying them into a `Data` first (the roads table of a
    /// province is hundreds of MB).
    private static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return try Data().write(to: url, options: .atomic) }
            try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                .write(to: url, options: .atomic)
        }
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    static func quoted(_ text: String) -> String {
        // Scanning UTF-8 bytes, not Characters: grapheme breaking was 5 % of an import.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

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
        writeNodes(network, to: &out, flush: { _ in })
        return out
    }

    /// Appends the nodes table to `out`, handing `flush` the buffer whenever it
    /// passes ``chunkBytes`` (then emptied): a province's tables never sit in memory whole.
    static func writeNodes<E: Error>(_ network: ImportedRoadNetwork, to out: inout [UInt8],
                                     flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        out.reserveCapacity(min(40 * (network.nodes.count + 1), chunkBytes + 4096))
        out.append(contentsOf: "id,lat,lon\n".utf8)
        for node in network.nodes {
            appendQuoted(node.name, to: &out)
            out.append(comma)
            FixedDecimal.append(node.coordinate.latitude, decimals: 7, to: &out)
            out.append(comma)
            FixedDecimal.append(node.coordinate.longitude, decimals: 7, to: &out)
            out.append(newline)
            if out.count >= chunkBytes { try flush(&out) }
        }
    }

    /// Bytes of a table buffered before they go to the file.
    static let chunkBytes = 4 << 20

    static func roadsCSVBytes(_ network: ImportedRoadNetwork) -> [UInt8] {
        var out: [UInt8] = []
        writeRoads(network, to: &out, flush: { _ in })
        return out
    }

    /// Appends the roads table to `out`, flushing as ``writeNodes(_:to:flush:)`` does.
    static func writeRoads<E: Error>(_ network: ImportedRoadNetwork, to out: inout [UInt8],
                                     flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        out.reserveCapacity(min(150 * (network.edges.count + 1), chunkBytes + 4096))
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
            // Cells appended one by one (an array literal per row was an allocation per road).
            appendFlag(e.oneway, to: &out)
            out.append(comma)
            out.append(contentsOf: e.highway.utf8)
            out.append(comma)
            appendQuoted(e.name, to: &out)
            out.append(comma)
            appendFlag(e.bridge, to: &out)
            out.append(comma)
            appendFlag(e.tunnel, to: &out)
            out.append(comma)
            appendFlag(e.ford, to: &out)
            out.append(comma)
            appendFlag(e.ferry, to: &out)
            out.append(comma)
            for (k, id) in e.wayIDs.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ";")) }
                if id >= 0 { FixedDecimal.appendDigits(id, minimumCount: 1, to: &out) } else { out.append(contentsOf: String(id).utf8) }
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
            if out.count >= chunkBytes { try flush(&out) }
        }
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")

    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: quoted(text).utf8)
    }

    /// Writes both tables into `directory` (created when missing), atomically each:
    /// into a temporary file beside the table, renamed over it once complete.
    public static func write(_ network: ImportedRoadNetwork, to directory: String, nodesFile: String = "nodes.csv",
                             roadsFile: String = "roads.csv") throws(RoadImportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: directory)
        try writeAtomically(to: base.appendingPathComponent(nodesFile).path) { (out, flush) throws(RoadImportError) in
            try writeNodes(network, to: &out, flush: flush)
        }
        try writeAtomically(to: base.appendingPathComponent(roadsFile).path) { (out, flush) throws(RoadImportError) in
            try writeRoads(network, to: &out, flush: flush)
        }
    }

    /// Streams a table to `path` chunk by chunk (the roads table of a province is
    /// hundreds of MB: one buffer of it cost page faults and peak memory).
    private static func writeAtomically(
        to path: String,
        _ body: (inout [UInt8], (inout [UInt8]) throws(RoadImportError) -> Void) throws(RoadImportError) -> Void
    ) throws(RoadImportError) {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard let file = fopen(temporary, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var closed = false
        defer {
            if !closed { fclose(file) }
            unlink(temporary)
        }
        func flush(_ out: inout [UInt8]) throws(RoadImportError) {
            let written = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            guard written == out.count else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            out.removeAll(keepingCapacity: true)
        }
        var out: [UInt8] = []
        try body(&out, flush)
        try flush(&out)
        closed = true
        guard fclose(file) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    static func appendFlag(_ value: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: value ? trueBytes : falseBytes)
    }

    static func quoted(_ text: String) -> String {
        // Scanning UTF-8 bytes, not Characters: grapheme breaking was 5 % of an import.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

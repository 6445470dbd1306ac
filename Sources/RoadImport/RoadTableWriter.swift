import Dispatch
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
        let out = TableBytes(capacity: 40 * (network.nodes.count + 1))
        formatTable(.nodes, network) { (bytes) throws(Never) in out.append(bytes) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// `roads.csv`: one row per edge; lengths in km to the millimetre, speeds in km/h
    /// to 0.01.
    public static func roadsCSV(_ network: ImportedRoadNetwork) -> String {
        let out = TableBytes(capacity: 150 * (network.edges.count + 1))
        formatTable(.roads, network) { (bytes) throws(Never) in out.append(bytes) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    enum Table: Sendable { case nodes, roads }

    /// Rows formatted per block: a block is one worker's unit, and the blocks of one
    /// batch are what sits in memory at once (a province's tables are hundreds of MB).
    static let blockRows = 32_768

    /// Formats `table` in blocks of ``blockRows`` rows, a batch of blocks at a time on
    /// all cores, and hands `emit` each block's bytes in row order. A block's bytes
    /// depend only on its rows, so the output is the same whatever the scheduling.
    static func formatTable<E: Error>(_ table: Table, _ network: ImportedRoadNetwork, blockRows: Int = RoadTableWriter.blockRows,
                                      emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let header = TableBytes(capacity: 256)
        header.append(table == .nodes ? "id,lat,lon\n" : roadColumns.joined(separator: ",") + "\n")
        try emit(header.bytes)
        let rows = table == .nodes ? network.nodes.count : network.edges.count
        let blocks = (rows + blockRows - 1) / blockRows
        let batch = max(1, 2 * ProcessInfo.processInfo.activeProcessorCount)
        let buffers = (0..<min(batch, max(blocks, 1))).map { _ in TableBytes(capacity: (table == .nodes ? 40 : 160) * min(blockRows, rows + 1)) }
        var first = 0
        while first < blocks {
            let count = min(batch, blocks - first)
            let start = first
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let out = buffers[k]
                out.removeAll()
                let range = (start + k) * blockRows..<min((start + k + 1) * blockRows, rows)
                switch table {
                case .nodes: formatNodes(network, range, to: out)
                case .roads: formatRoads(network, range, to: out)
                }
            }
            for k in 0..<count { try emit(buffers[k].bytes) }
            first += count
        }
    }

    private static func formatNodes(_ network: ImportedRoadNetwork, _ rows: Range<Int>, to out: TableBytes) {
        network.nodes.withUnsafeBufferPointer { nodes in
            for i in rows {
                let node = nodes[i]
                appendQuoted(node.name, to: out)
                out.append(comma)
                out.appendFixed(node.coordinate.latitude, decimals: 7)
                out.append(comma)
                out.appendFixed(node.coordinate.longitude, decimals: 7)
                out.append(newline)
            }
        }
    }

    private static func formatRoads(_ network: ImportedRoadNetwork, _ rows: Range<Int>, to out: TableBytes) {
        network.nodes.withUnsafeBufferPointer { nodes in
            network.edges.withUnsafeBufferPointer { edges in
                guard let shared = edges.first?.shapes else { return }
                // The edges of an import share one storage of shapes: its buffers are
                // opened once per block. An ArraySlice per edge retained and released
                // that one storage from every core at once.
                shared.coordinates.withUnsafeBufferPointer { coordinates in
                    shared.wayIDs.withUnsafeBufferPointer { wayIDs in
                        for i in rows {
                            if edges[i].shapes === shared {
                                formatRoad(edges[i], nodes, coordinates, wayIDs, to: out)
                            } else {
                                // Edges put together from several imports have other storages.
                                edges[i].shapes.coordinates.withUnsafeBufferPointer { coordinates in
                                    edges[i].shapes.wayIDs.withUnsafeBufferPointer { formatRoad(edges[i], nodes, coordinates, $0, to: out) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func formatRoad(_ e: ImportedRoadNetwork.Edge, _ nodes: UnsafeBufferPointer<ImportedRoadNetwork.Node>,
                                   _ coordinates: UnsafeBufferPointer<GeoCoordinate>, _ wayIDs: UnsafeBufferPointer<Int64>,
                                   to out: TableBytes) {
        appendQuoted(nodes[e.from].name, to: out)
        out.append(comma)
        appendQuoted(nodes[e.to].name, to: out)
        out.append(comma)
        out.appendFixed(e.lengthKm, decimals: 6)
        out.append(comma)
        out.append(e.ferry ? "ferry" : e.roadClass.rawValue)
        out.append(comma)
        out.appendFixed(e.speedKmh, decimals: 2)
        out.append(comma)
        appendFlag(e.oneway, to: out)
        out.append(comma)
        out.append(e.highway)
        out.append(comma)
        appendQuoted(e.name, to: out)
        out.append(comma)
        appendFlag(e.bridge, to: out)
        out.append(comma)
        appendFlag(e.tunnel, to: out)
        out.append(comma)
        appendFlag(e.ford, to: out)
        out.append(comma)
        appendFlag(e.ferry, to: out)
        out.append(comma)
        let firstWay = Int(e.wayIDRange.lowerBound)
        for k in firstWay..<Int(e.wayIDRange.upperBound) {
            if k > firstWay { out.append(UInt8(ascii: ";")) }
            out.appendInteger(wayIDs[k])
        }
        let points = coordinates[Int(e.geometryRange.lowerBound)..<Int(e.geometryRange.upperBound)], reversed = e.geometryReversed
        // Every road's WKT, a straight one's too: QGIS draws nothing for an empty cell,
        // so leaving it out (tried in the third speed round: two fifths of the grid's
        // bytes) would hide those roads from the bureau's GIS (docs/decisions.md).
        // WKT always holds a comma, so the cell is always quoted (and has no quotes).
        out.append(lineStringOpen)
        if reversed { appendPoints(points.reversed(), to: out) } else { appendPoints(points, to: out) }
        out.append(lineStringClose)
    }

    @inline(__always)
    private static func appendPoints<C: Collection<GeoCoordinate>>(_ points: C, to out: TableBytes) {
        var separator = false
        for point in points {
            if separator { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
            separator = true
            out.appendFixed(point.longitude, decimals: 7)
            out.append(UInt8(ascii: " "))
            out.appendFixed(point.latitude, decimals: 7)
        }
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    // StaticStrings, not [UInt8]: a global array is retained and released at every
    // use, and with every core writing rows that one reference count was 6 % of an import.
    private static let lineStringOpen: StaticString = ",\"LINESTRING(", lineStringClose: StaticString = ")\"\n"

    /// Appends a CSV cell, quoted only when it must be.
    @inline(__always)
    static func appendQuoted(_ text: String, to out: TableBytes) {
        var text = text
        // Scanning UTF-8 bytes, not Characters: grapheme breaking was 5 % of an import.
        let plain = text.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(UnsafeRawBufferPointer(bytes))
                return true
            }
            return false
        }
        if !plain { out.append(quoted(text)) }
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
        try writeAtomically(.nodes, network, to: base.appendingPathComponent(nodesFile).path)
        try writeAtomically(.roads, network, to: base.appendingPathComponent(roadsFile).path)
    }

    /// Streams a table to `path` block by block (the roads table of a province is
    /// hundreds of MB: one buffer of it cost page faults and peak memory).
    private static func writeAtomically(_ table: Table, _ network: ImportedRoadNetwork, to path: String) throws(RoadImportError) {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard let file = fopen(temporary, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var closed = false
        defer {
            if !closed { fclose(file) }
            unlink(temporary)
        }
        try formatTable(table, network) { (bytes) throws(RoadImportError) in
            guard fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count else {
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
        closed = true
        guard fclose(file) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    private static let trueBytes: StaticString = "true", falseBytes: StaticString = "false"

    @inline(__always) static func appendFlag(_ value: Bool, to out: TableBytes) {
        out.append(value ? trueBytes : falseBytes)
    }

    static func quoted(_ text: String) -> String {
        // Scanning UTF-8 bytes, not Characters: grapheme breaking was 5 % of an import.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

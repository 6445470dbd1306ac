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
        try formatTables([table], network, blockRows: blockRows) { (batch) throws(E) in
            for block in batch { try emit(block.bytes) }
        }
    }

    /// Formats `tables` one after the other as ``formatTable(_:_:blockRows:emit:)``
    /// does, handing `emit` one batch of blocks at a time (each with its table's index,
    /// in order) while the next batch is already being formatted on the other threads:
    /// writing a batch overlaps formatting the next instead of following it, and the
    /// first batch of one table is formatted while the last of the one before is
    /// written. `emit` is called on the calling thread only.
    static func formatTables<E: Error>(_ tables: [Table], _ network: ImportedRoadNetwork, blockRows: Int = RoadTableWriter.blockRows,
                                       emit: ([(table: Int, bytes: UnsafeRawBufferPointer)]) throws(E) -> Void) throws(E) {
        // The work as (table, first row) units of one block each, tables in order.
        var units: [(table: Int, rows: Range<Int>)] = []
        for (t, table) in tables.enumerated() {
            let rows = table == .nodes ? network.nodes.count : network.edges.count
            units.append((t, 0..<0)) // the header
            for start in stride(from: 0, to: rows, by: blockRows) { units.append((t, start..<min(start + blockRows, rows))) }
        }
        let batch = max(1, 2 * ProcessInfo.processInfo.activeProcessorCount)
        let widest = tables.contains(.roads) ? 160 : 40
        let rowsPerBlock = min(blockRows, max(network.nodes.count, network.edges.count) + 1)
        // Two sets of buffers: one batch being written while the next is formatted.
        let sets = (0..<2).map { _ in (0..<min(batch, units.count)).map { _ in TableBytes(capacity: widest * rowsPerBlock) } }
        let work = units
        // Each vertex's coordinates formatted once, for nodes.csv and the roads' WKT ends.
        let text = network.store.vertexText
        @Sendable func format(_ buffers: [TableBytes], first: Int, count: Int) {
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let out = buffers[k]
                out.removeAll()
                let unit = work[first + k]
                let table = tables[unit.table]
                if unit.rows.isEmpty {
                    out.append(table == .nodes ? "id,lat,lon\n" : roadColumns.joined(separator: ",") + "\n")
                    return
                }
                switch table {
                case .nodes: formatNodes(network, text, unit.rows, to: out)
                case .roads: formatRoads(network, text, unit.rows, to: out)
                }
            }
        }
        var first = 0, current = 0
        format(sets[0], first: 0, count: min(batch, units.count))
        while first < units.count {
            let count = min(batch, units.count - first)
            let next = first + count
            var formatting: BackgroundValue<Void>?
            if next < units.count {
                let buffers = sets[1 - current], nextCount = min(batch, units.count - next)
                formatting = BackgroundValue { format(buffers, first: next, count: nextCount) }
            }
            // Wait for the next batch also when emit throws: no work outlives the call.
            defer { formatting?.value }
            try emit((0..<count).map { k in (work[first + k].table, sets[current][k].bytes) })
            first = next
            current = 1 - current
        }
    }

    private static func formatNodes(_ network: ImportedRoadNetwork, _ text: NodeCoordinateText, _ rows: Range<Int>,
                                    to out: TableBytes) {
        StoreRows.open(network.store) { store in
            for i in rows {
                let v = Int(store.nodeVertex[i])
                // The name (≤ 48 bytes), two numbers (≤ 24 each), three separators, and
                // 16 bytes a short copy may write past its text.
                var row = RowCursor(out, room: 128)
                text.putName(v, store, to: &row)
                row.put(comma)
                text.putLatitude(v, store, to: &row)
                row.put(comma)
                text.putLongitude(v, store, to: &row)
                row.put(newline)
                row.finish(out)
            }
        }
    }

    private static func formatRoads(_ network: ImportedRoadNetwork, _ text: NodeCoordinateText, _ rows: Range<Int>,
                                    to out: TableBytes) {
        // Read in place from the import's records: no `Edge` is made (docs/decisions.md,
        // "OSM import speed, sixth round").
        StoreRows.open(network.store) { store in
            var speed = LastNumber()
            let pieces = store.pieces.baseAddress!
            for row in rows {
                // A row reads its two vertices' text, scattered over tens of
                // megabytes (on the grid a north–south road's far end is a row of
                // junctions away): prefetched 32 rows ahead.
                if row + 32 < rows.upperBound { text.prefetchEnds(of: pieces + row + 32) }
                formatRoad(pieces + row, store, text, &speed, to: out)
            }
        }
    }

    @inline(__always)
    private static func formatRoad(_ p: UnsafePointer<OSMNetworkBuilder.Piece>, _ store: StoreRows, _ text: NodeCoordinateText,
                                   _ speed: inout LastNumber, to out: TableBytes) {
        let a = Int(p.pointee.a), b = Int(p.pointee.b)
        let way = store.ways.baseAddress! + Int(p.pointee.way)
        let highway = way.pointee.attributes.highway, name = way.pointee.attributes.name
        let ferry = highway == "ferry"
        let count = Int(p.pointee.geometryCount)
        let wayIDs = p.pointee.wayList < 0 ? 1 : store.wayLists[Int(p.pointee.wayList)].count
        // The row's most bytes: two names (≤ 48 each), four numbers (≤ 24 each), the
        // class (≤ 10), five flags (≤ 5 each), the WKT's brackets and ends (≤ 16 + 2 × 49)
        // and 14 separators make 360; then the highway, the name quoted (each byte may
        // double, plus its quotes), the way ids (≤ 21 each), each inner point (≤ 51), and
        // 16 bytes a short copy may write past its text.
        var row = RowCursor(out, room: 360 + highway.utf8.count + 2 * name.utf8.count + 2 + 21 * wayIDs + 51 * max(0, count - 2) + 16)
        text.putName(a, store, to: &row)
        row.put(comma)
        text.putName(b, store, to: &row)
        row.put(comma)
        row.putFixed(p.pointee.lengthKm, decimals: 6)
        row.put(comma)
        row.put(ferry ? "ferry" : store.wayClass[Int(p.pointee.way)].rawValue)
        row.put(comma)
        speed.put(store.waySpeed[Int(p.pointee.way)], decimals: 2, to: &row)
        row.put(comma)
        putFlag(p.pointee.oneway, to: &row)
        row.put(comma)
        row.put(highway)
        row.put(comma)
        putQuoted(name, to: &row)
        row.put(comma)
        putFlag(way.pointee.attributes.bridge, to: &row)
        row.put(comma)
        putFlag(way.pointee.attributes.tunnel, to: &row)
        row.put(comma)
        putFlag(p.pointee.ford, to: &row)
        row.put(comma)
        putFlag(ferry, to: &row)
        row.put(comma)
        if p.pointee.wayList < 0 {
            row.putInteger(way.pointee.id)
        } else {
            for (k, id) in store.wayLists[Int(p.pointee.wayList)].enumerated() {
                if k > 0 { row.put(UInt8(ascii: ";")) }
                row.putInteger(id)
            }
        }
        // Every road's WKT, a straight one's too: QGIS draws nothing for an empty cell,
        // so leaving it out (tried in the third speed round: two fifths of the grid's
        // bytes) would hide those roads from the bureau's GIS (docs/decisions.md).
        // WKT always holds a comma, so the cell is always quoted (and has no quotes).
        row.put(lineStringOpen)
        let start = Int(p.pointee.geometryStart)
        let stored = p.pointee.merged ? store.mergedPoints.baseAddress! + start : store.refs.baseAddress! + start
        let reversed = p.pointee.reversed, last = count - 1
        // A polyline's ends are its vertices' dense nodes, so their positions are the
        // vertices' own: copied from their text without reading the points.
        text.putPoint(a, store, to: &row)
        for k in 1..<last {
            let point = store.points[Int(stored[reversed ? last - k : k])].coordinate
            row.put(UInt8(ascii: ","))
            row.put(UInt8(ascii: " "))
            row.putFixed(point.longitude, decimals: 7)
            row.put(UInt8(ascii: " "))
            row.putFixed(point.latitude, decimals: 7)
        }
        row.put(UInt8(ascii: ","))
        row.put(UInt8(ascii: " "))
        text.putPoint(b, store, to: &row)
        row.put(lineStringClose)
        row.finish(out)
    }

    /// The text of the last number a block wrote in one column: a way's roads follow one
    /// another and share its speed, so most rows copy it instead of formatting it.
    struct LastNumber {
        private var bits: UInt64?
        private var text = SIMD16<UInt8>(), count = 0

        @inline(__always) mutating func put(_ value: Double, decimals: Int, to row: inout RowCursor) {
            if value.bitPattern == bits {
                row.putShort(text, length: count)
                return
            }
            let start = row.position
            guard let n = row.putFixed(value, decimals: decimals), n <= 16 else { bits = nil; return }
            count = n
            text = SIMD16<UInt8>()
            for k in 0..<n { text[k] = start[k] }
            bits = value.bitPattern
        }
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    // StaticStrings, not [UInt8]: a global array is retained and released at every
    // use, and with every core writing rows that one reference count was 6 % of an import.
    private static let lineStringOpen: StaticString = ",\"LINESTRING(", lineStringClose: StaticString = ")\"\n"

    /// A CSV cell, quoted only when it must be (at most twice its bytes, plus 2).
    @inline(__always)
    static func putQuoted(_ text: String, to row: inout RowCursor) {
        var text = text
        // Scanning UTF-8 bytes, not Characters: grapheme breaking was 5 % of an import.
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                row.put(bytes)
                return
            }
            row.put(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { row.put(byte) }
                row.put(byte)
            }
            row.put(UInt8(ascii: "\""))
        }
    }

    /// Writes both tables into `directory` (created when missing), atomically each:
    /// into a temporary file beside the table, renamed over it once complete.
    public static func write(_ network: ImportedRoadNetwork, to directory: String, nodesFile: String = "nodes.csv",
                             roadsFile: String = "roads.csv") throws(RoadImportError) {
        try write(network, to: directory, nodesFile: nodesFile, roadsFile: roadsFile, blockRows: blockRows)
    }

    /// ``write(_:to:nodesFile:roadsFile:)`` in blocks of `blockRows` rows (tests use
    /// small blocks to write a small network in many batches).
    static func write(_ network: ImportedRoadNetwork, to directory: String, nodesFile: String, roadsFile: String,
                      blockRows: Int) throws(RoadImportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: "\(error.localizedDescription)")
        }
        let base = URL(fileURLWithPath: directory)
        let paths = [base.appendingPathComponent(nodesFile).path, base.appendingPathComponent(roadsFile).path]
        var files: [TableFile] = []
        defer { for file in files { file.discard() } }
        for path in paths { files.append(try TableFile(path: path)) }
        try formatTables([.nodes, .roads], network, blockRows: blockRows) { (batch) throws(RoadImportError) in
            for (t, file) in files.enumerated() {
                let blocks = batch.filter { $0.table == t }.map(\.bytes)
                if !blocks.isEmpty { try file.append(blocks) }
            }
        }
        for file in files { try file.commit() }
    }

    private static let trueBytes: StaticString = "true", falseBytes: StaticString = "false"

    @inline(__always) static func putFlag(_ value: Bool, to row: inout RowCursor) {
        row.put(value ? trueBytes : falseBytes)
    }
}

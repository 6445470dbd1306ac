import ReserveModel

/// The optional roads.csv columns written by `reserve import osm|shapefile`
/// (``RoadEdgeAttributes``): `highway`, `name`, `bridge`, `tunnel`, `ford`, `ferry`,
/// `osm_ways`, and `geometry` as WKT `LINESTRING(lon lat, …)`, which QGIS reads.
enum RoadAttributeColumns {
    static let columns = ["highway", "name", "bridge", "tunnel", "ford", "ferry", "osm_ways", "geometry"]

    /// nil when every attribute cell is empty (a hand-made road).
    static func decode(_ r: inout RowReader) -> RoadEdgeAttributes? {
        guard columns.contains(where: { !r.text($0).isEmpty }) else { return nil }
        var geometry: [GeoPoint]?
        if let wkt = r.optionalString("geometry") {
            geometry = parseLineString(wkt)
            if geometry == nil { r.fail("geometry", "cell.geometry") }
        }
        return RoadEdgeAttributes(highway: r.optionalString("highway"), name: r.optionalString("name"), bridge: r.bool("bridge"),
                                  tunnel: r.bool("tunnel"), ford: r.bool("ford"), ferry: r.bool("ferry"),
                                  sourceIDs: r.optionalString("osm_ways"), geometry: geometry)
    }

    static func encode(_ a: RoadEdgeAttributes?) -> [String] {
        guard let a else { return Array(repeating: "", count: columns.count) }
        let flag = { (b: Bool) in b ? "true" : "false" }
        let wkt = a.geometry.map { points in
            "LINESTRING(" + points.map { "\(NumberText.format($0.lon)) \(NumberText.format($0.lat))" }.joined(separator: ", ") + ")"
        } ?? ""
        return [a.highway ?? "", a.name ?? "", flag(a.bridge), flag(a.tunnel), flag(a.ford), flag(a.ferry), a.sourceIDs ?? "", wkt]
    }

    /// `LINESTRING(lon lat, …)` → points; nil when malformed or off the globe.
    ///
    /// An imported roads.csv holds one WKT per road (3.4 million on the 1300² grid of
    /// scripts/bench_import.py), so ASCII cells are read by bytes: splitting the String
    /// by Characters (grapheme breaking) and upper-casing each cell were most of reading
    /// such a table (docs/decisions.md, "Reading imported roads"). Any other cell takes
    /// the Character path, which defines the result.
    static func parseLineString(_ text: String) -> [GeoPoint]? {
        if let byBytes = parseASCIILineString(text) { return byBytes }
        return parseLineStringByCharacters(text)
    }

    /// The byte reading of an ASCII cell: exactly what ``parseLineStringByCharacters(_:)``
    /// gives (`.some(nil)` for a malformed cell), or nil when the cell is not ASCII.
    static func parseASCIILineString(_ text: String) -> [GeoPoint]?? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // ASCII: each byte is one Character except "\r\n", which is neither a comma, a
        // space, a bracket nor part of a number, so splitting by bytes splits alike.
        let prefix = Array("LINESTRING".utf8)
        var i = utf8.startIndex
        for expected in prefix {
            guard i != utf8.endIndex, utf8[i] & 0xDF == expected else { return .some(nil) }
            i = utf8.index(after: i)
        }
        guard let open = utf8.firstIndex(of: UInt8(ascii: "(")), utf8.last == UInt8(ascii: ")") else { return .some(nil) }
        let bodyStart = utf8.index(after: open), bodyEnd = utf8.index(before: utf8.endIndex)
        guard bodyStart <= bodyEnd else { return .some(nil) }
        var points: [GeoPoint] = []
        var values: [Double] = []
        var pairStart = bodyStart
        var j = bodyStart
        // One pair per run between commas (empty runs skipped, as `split` does); in a
        // pair, the numbers among its space-separated tokens (empty ones skipped, and
        // tokens that are not numbers dropped, as `compactMap` does).
        func finishPair(_ end: String.Index) -> Bool {
            guard pairStart < end else { return true }
            values.removeAll(keepingCapacity: true)
            var tokenStart = pairStart, k = pairStart
            while k <= end {
                if k == end || utf8[k] == UInt8(ascii: " ") {
                    if tokenStart < k, let v = Double(text[tokenStart..<k]) { values.append(v) }
                    if k == end { break }
                    tokenStart = utf8.index(after: k)
                }
                k = utf8.index(after: k)
            }
            guard values.count == 2, (-180...180).contains(values[0]), (-90...90).contains(values[1]) else { return false }
            points.append(GeoPoint(lat: values[1], lon: values[0]))
            return true
        }
        while j < bodyEnd {
            if utf8[j] == UInt8(ascii: ",") {
                guard finishPair(j) else { return .some(nil) }
                pairStart = utf8.index(after: j)
            }
            j = utf8.index(after: j)
        }
        guard finishPair(bodyEnd) else { return .some(nil) }
        return .some(points.count >= 2 ? points : nil)
    }

    /// The definition: `LINESTRING` in any case, the text after the first `(` up to a
    /// final `)`, pairs split at commas and numbers at spaces.
    static func parseLineStringByCharacters(_ text: String) -> [GeoPoint]? {
        let upper = text.uppercased()
        guard upper.hasPrefix("LINESTRING"), let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let body = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var points: [GeoPoint] = []
        for pair in body.split(separator: ",") {
            let xy = pair.split(separator: " ").compactMap { Double($0) }
            guard xy.count == 2, (-180...180).contains(xy[0]), (-90...90).contains(xy[1]) else { return nil }
            points.append(GeoPoint(lat: xy[1], lon: xy[0]))
        }
        return points.count >= 2 ? points : nil
    }
}

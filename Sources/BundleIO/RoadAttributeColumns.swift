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
    static func parseLineString(_ text: String) -> [GeoPoint]? {
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

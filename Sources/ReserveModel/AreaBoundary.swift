/// The outline of one administrative area, from a bundle's optional areas GeoJSON
/// (`areas.geojson`, docs/formats.md): drawn on the report's map, never used in a
/// computation.
public struct AreaBoundary: Hashable, Codable, Sendable {
    /// The area it outlines.
    public var area: AreaID
    /// The area's polygons (one for a Polygon, several for a MultiPolygon); each is
    /// its outer ring followed by its holes, every ring closed (last = first), WGS-84.
    public var polygons: [[[GeoPoint]]]

    /// Creates a boundary.
    public init(area: AreaID, polygons: [[[GeoPoint]]]) {
        self.area = area
        self.polygons = polygons
    }

    /// Whether `p` lies inside the boundary (inside an outer ring and outside its
    /// holes), by the even–odd ray rule in longitude/latitude.
    public func contains(_ p: GeoPoint) -> Bool {
        polygons.contains { rings in
            guard let outer = rings.first, Self.ring(outer, contains: p) else { return false }
            return !rings.dropFirst().contains { Self.ring($0, contains: p) }
        }
    }

    static func ring(_ ring: [GeoPoint], contains p: GeoPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat),
               p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}

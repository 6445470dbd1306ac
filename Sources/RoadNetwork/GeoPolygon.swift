/// A polygon in WGS-84 degrees: an outer ring and optional holes, tested in the
/// longitude/latitude plane (fine for areas that do not straddle the antimeridian).
public struct GeoPolygon: Hashable, Sendable, Codable {
    /// The outer boundary; closing the ring (repeating the first vertex) is optional.
    public var outer: [GeoCoordinate]
    /// Holes cut out of the area.
    public var holes: [[GeoCoordinate]]

    /// A polygon from its outer ring and holes.
    public init(outer: [GeoCoordinate], holes: [[GeoCoordinate]] = []) {
        self.outer = outer
        self.holes = holes
    }

    /// Whether a point lies inside the outer ring and outside every hole (even–odd rule).
    /// - Complexity: O(vertices).
    public func contains(_ p: GeoCoordinate) -> Bool {
        guard outer.count >= 3, Self.ring(outer, contains: p) else { return false }
        return !holes.contains { $0.count >= 3 && Self.ring($0, contains: p) }
    }

    static func ring(_ ring: [GeoCoordinate], contains p: GeoCoordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.latitude > p.latitude) != (b.latitude > p.latitude) {
                let x = (b.longitude - a.longitude) * (p.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
                if p.longitude < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

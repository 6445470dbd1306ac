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

    /// The smallest latitude/longitude box around the outer ring.
    public var boundingBox: GeoBoundingBox {
        var box = GeoBoundingBox(minLatitude: .infinity, maxLatitude: -.infinity, minLongitude: .infinity, maxLongitude: -.infinity)
        for c in outer {
            box.minLatitude = min(box.minLatitude, c.latitude); box.maxLatitude = max(box.maxLatitude, c.latitude)
            box.minLongitude = min(box.minLongitude, c.longitude); box.maxLongitude = max(box.maxLongitude, c.longitude)
        }
        return box
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

/// A latitude/longitude box, for cheap rejection before a polygon test.
public struct GeoBoundingBox: Hashable, Sendable {
    /// Southern edge in degrees.
    public var minLatitude: Double
    /// Northern edge in degrees.
    public var maxLatitude: Double
    /// Western edge in degrees.
    public var minLongitude: Double
    /// Eastern edge in degrees.
    public var maxLongitude: Double

    /// Whether a point lies in the box (edges included).
    @inlinable public func contains(_ p: GeoCoordinate) -> Bool {
        p.latitude >= minLatitude && p.latitude <= maxLatitude && p.longitude >= minLongitude && p.longitude <= maxLongitude
    }
}

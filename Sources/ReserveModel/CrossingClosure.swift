/// A structure an import marks on a road (`roads.csv` columns `bridge`, `tunnel`,
/// `ford`, `ferry`).
public enum RoadCrossingKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// The road runs over a bridge.
    case bridge
    /// The road runs through a tunnel.
    case tunnel
    /// The road fords water.
    case ford
    /// A ferry crossing.
    case ferry
}

/// Closes every road of the given structure kinds that meets a polygon: a flood
/// takes out the fords and bridges of its inundation area, whatever their ids.
///
/// "Meets" is the GIS *intersects* predicate on the road's polyline (its `geometry`,
/// else the straight line between its nodes): a vertex inside the ring, or a segment
/// crossing or touching the ring's boundary. So a bridge that spans the edge of the
/// flooded area is closed, as a dispatcher would expect.
public struct CrossingClosure: Hashable, Codable, Sendable {
    /// Structure kinds to close, as written in the scenario (`bridge`, `tunnel`,
    /// `ford`, `ferry`); validation reports any other word.
    public var crossings: [String]
    /// Ring of [lon, lat] vertices (GeoJSON order); closing the ring is optional.
    /// nil only until ``polygonFile`` is read (BundleIO fills it in).
    public var polygon: [[Double]]?
    /// A GeoJSON file in the bundle holding the polygon (a `Polygon` geometry, or a
    /// Feature or one-feature FeatureCollection of one), instead of ``polygon``.
    public var polygonFile: String?
    /// Why (e.g. "2 m flood line").
    public var reason: String

    /// Creates a closure.
    public init(crossings: [String], polygon: [[Double]]? = nil, polygonFile: String? = nil, reason: String = "") {
        self.crossings = crossings
        self.polygon = polygon
        self.polygonFile = polygonFile
        self.reason = reason
    }

    /// The kinds named, leaving out unknown words.
    public var kinds: Set<RoadCrossingKind> { Set(crossings.compactMap(RoadCrossingKind.init(rawValue:))) }

    /// Whether a road with these attributes is one of the kinds to close.
    public func selects(_ attributes: RoadEdgeAttributes?) -> Bool {
        guard let a = attributes else { return false }
        return kinds.contains { kind in
            switch kind {
            case .bridge: a.bridge
            case .tunnel: a.tunnel
            case .ford: a.ford
            case .ferry: a.ferry
            }
        }
    }

    /// Whether a road of these attributes with this polyline is closed.
    public func closes(_ attributes: RoadEdgeAttributes?, polyline: [GeoPoint]) -> Bool {
        selects(attributes) && meets(polyline)
    }

    /// Whether the polyline meets the polygon (a vertex inside, or a segment crossing
    /// or touching the boundary). False without a usable polygon.
    /// - Complexity: O(polyline points × ring vertices).
    public func meets(_ polyline: [GeoPoint]) -> Bool {
        guard let ring = polygon, ring.count >= 3, ring.allSatisfy({ $0.count >= 2 }) else { return false }
        let area = AreaSpeedFactor(polygon: ring, factor: 1)
        if polyline.contains(where: area.covers) { return true }
        guard polyline.count >= 2 else { return false }
        for k in 1..<polyline.count {
            let p = (polyline[k - 1].lon, polyline[k - 1].lat), q = (polyline[k].lon, polyline[k].lat)
            var j = ring.count - 1
            for i in ring.indices {
                if Self.segmentsMeet(p, q, (ring[j][0], ring[j][1]), (ring[i][0], ring[i][1])) { return true }
                j = i
            }
        }
        return false
    }

    /// Closed segments pq and rs share a point (orientation test, collinear overlap included).
    static func segmentsMeet(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double), _ s: (Double, Double)) -> Bool {
        func orient(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Double {
            (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
        }
        func within(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Bool {
            min(a.0, b.0) <= c.0 && c.0 <= max(a.0, b.0) && min(a.1, b.1) <= c.1 && c.1 <= max(a.1, b.1)
        }
        let d1 = orient(r, s, p), d2 = orient(r, s, q), d3 = orient(p, q, r), d4 = orient(p, q, s)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        return (d1 == 0 && within(r, s, p)) || (d2 == 0 && within(r, s, q))
            || (d3 == 0 && within(p, q, r)) || (d4 == 0 && within(p, q, s))
    }
}

extension CrossingClosure {
    enum CodingKeys: String, CodingKey {
        case crossings, polygon, polygonFile, reason
    }

    /// Decodes; `reason` defaults to "".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(crossings: try c.decode([String].self, forKey: .crossings),
                  polygon: try c.decodeIfPresent([[Double]].self, forKey: .polygon),
                  polygonFile: try c.decodeIfPresent(String.self, forKey: .polygonFile),
                  reason: try c.decode(.reason, default: ""))
    }
}

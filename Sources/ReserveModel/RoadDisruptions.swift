/// A road between two nodes, named by the node ids of the bundle's road table.
/// Undirected: a closure of (a, b) closes (b, a) too.
public struct NodePair: Hashable, Codable, Sendable {
    /// One end.
    public var from: RoadNodeID
    /// The other end.
    public var to: RoadNodeID

    /// Creates a pair.
    public init(from: RoadNodeID, to: RoadNodeID) {
        self.from = from
        self.to = to
    }
}

/// A road segment that is slower than normal.
public struct SlowedEdge: Hashable, Codable, Sendable {
    /// One end.
    public var from: RoadNodeID
    /// The other end.
    public var to: RoadNodeID
    /// Speed multiplier, 0 < factor ≤ 1 (0.5 = half speed).
    public var factor: Double

    /// Creates a slowed edge.
    public init(from: RoadNodeID, to: RoadNodeID, factor: Double) {
        self.from = from
        self.to = to
        self.factor = factor
    }
}

/// A speed multiplier over a region and/or road class (snow, ice, smoke).
/// With neither polygon nor classes it applies to every road.
public struct AreaSpeedFactor: Hashable, Codable, Sendable {
    /// Ring of [lon, lat] vertices (GeoJSON order); nil = everywhere.
    public var polygon: [[Double]]?
    /// Road classes affected; nil or empty = all classes.
    public var roadClasses: [String]?
    /// Speed multiplier, 0 < factor ≤ 1.
    public var factor: Double
    /// Why (e.g. "暴雪 30 cm").
    public var reason: String

    /// Creates an area factor.
    public init(polygon: [[Double]]? = nil, roadClasses: [String]? = nil, factor: Double, reason: String = "") {
        self.polygon = polygon
        self.roadClasses = roadClasses
        self.factor = factor
        self.reason = reason
    }

    /// Whether a point lies inside the polygon (ray casting); true when there is
    /// no polygon.
    public func covers(_ p: GeoPoint) -> Bool {
        guard let ring = polygon, ring.count >= 3 else { return polygon == nil }
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            guard ring[i].count >= 2, ring[j].count >= 2 else { j = i; continue }
            let (xi, yi, xj, yj) = (ring[i][0], ring[i][1], ring[j][0], ring[j][1])
            if (yi > p.lat) != (yj > p.lat), p.lon < (xj - xi) * (p.lat - yi) / (yj - yi) + xi {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}

/// What an incident does to the roads: overlays applied at query time.
public struct RoadDisruptions: Hashable, Codable, Sendable {
    /// Roads that cannot be used.
    public var closedEdges: [NodePair]
    /// Roads with a lower speed.
    public var slowedEdges: [SlowedEdge]
    /// Region- or class-wide speed multipliers.
    public var areaFactors: [AreaSpeedFactor]
    /// Bridges, fords, tunnels or ferries closed inside a polygon.
    public var closedCrossings: [CrossingClosure]

    /// Creates disruptions; none by default.
    public init(closedEdges: [NodePair] = [], slowedEdges: [SlowedEdge] = [], areaFactors: [AreaSpeedFactor] = [],
                closedCrossings: [CrossingClosure] = []) {
        self.closedEdges = closedEdges
        self.slowedEdges = slowedEdges
        self.areaFactors = areaFactors
        self.closedCrossings = closedCrossings
    }

    /// Whether there are no disruptions.
    public var isEmpty: Bool { closedEdges.isEmpty && slowedEdges.isEmpty && areaFactors.isEmpty && closedCrossings.isEmpty }
}

extension RoadDisruptions {
    enum CodingKeys: String, CodingKey {
        case closedEdges, slowedEdges, areaFactors, closedCrossings
    }

    /// Decodes; each list may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(closedEdges: try c.decode(.closedEdges, default: []),
                  slowedEdges: try c.decode(.slowedEdges, default: []),
                  areaFactors: try c.decode(.areaFactors, default: []),
                  closedCrossings: try c.decode(.closedCrossings, default: []))
    }

    /// Encodes; `closed_crossings` only when there are some, so bundles and reports
    /// written before the key existed stay byte-identical.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(closedEdges, forKey: .closedEdges)
        try c.encode(slowedEdges, forKey: .slowedEdges)
        try c.encode(areaFactors, forKey: .areaFactors)
        if !closedCrossings.isEmpty { try c.encode(closedCrossings, forKey: .closedCrossings) }
    }
}

extension AreaSpeedFactor {
    enum CodingKeys: String, CodingKey {
        case polygon, roadClasses, factor, reason
    }

    /// Decodes; `reason` defaults to "".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(polygon: try c.decodeIfPresent([[Double]].self, forKey: .polygon),
                  roadClasses: try c.decodeIfPresent([String].self, forKey: .roadClasses),
                  factor: try c.decode(Double.self, forKey: .factor),
                  reason: try c.decode(.reason, default: ""))
    }
}

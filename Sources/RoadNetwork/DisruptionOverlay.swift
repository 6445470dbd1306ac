/// Disruptions applied to a ``RoadGraph`` at query time, without copying it.
///
/// An overlay multiplies travel times: effective hours of edge `e` =
/// `baseHours[e] × global × classFactor[class(e)] × edgeFactor[e]`, and closed
/// edges are skipped. Factors above 1 slow traffic (2 = half speed), below 1 speed
/// it up; they compose by multiplication. A winter or ice scenario is just
/// ``scaleAll(by:)``.
///
/// Storage is sparse: seven class factors, one bit per edge once any single edge is
/// touched, and a dictionary for the touched edges. So thousands of scenarios can
/// share one graph, and concurrent queries with different overlays need no locks.
///
/// ```swift
/// var flood = DisruptionOverlay(for: graph)
/// try flood.closeRoad(between: a, and: b)
/// try flood.scale(inside: floodZone, by: 3, in: graph)
/// let hours = try graph.travelTimes(from: depot, to: areas, overlay: flood)
/// ```
public struct DisruptionOverlay: Sendable, Hashable {
    /// Number of edges of the graph this overlay was made for.
    public let edgeCount: Int
    /// Factor applied to every edge.
    public private(set) var globalFactor: Double = 1
    @usableFromInline var classFactors = [Double](repeating: 1, count: RoadClass.allCases.count)
    @usableFromInline var marked: [UInt64] = []
    @usableFromInline var edgeFactors: [Int32: Double] = [:] // .infinity: closed

    /// An overlay with no disruption for `graph`.
    public init(for graph: RoadGraph) { edgeCount = graph.edgeCount }

    /// Whether no edge is affected.
    public var isEmpty: Bool {
        globalFactor == 1 && classFactors.allSatisfy { $0 == 1 } && edgeFactors.isEmpty
    }

    /// Edges closed by this overlay, in increasing order.
    public var closedEdges: [EdgeID] {
        edgeFactors.filter { $0.value == .infinity }.keys.sorted().map(EdgeID.init)
    }

    /// Closes one directed edge.
    public mutating func close(_ edge: EdgeID) throws(RoadGraphError) {
        try check(edge)
        setEdgeFactor(edge.rawValue, .infinity)
    }

    /// Closes every edge between `a` and `b`, in both directions.
    /// - Returns: the number of directed edges closed.
    @discardableResult
    public mutating func closeRoad(between a: NodeID, and b: NodeID, in graph: RoadGraph) throws(RoadGraphError) -> Int {
        guard graph.contains(a) else { throw .unknownNode(a.index) }
        guard graph.contains(b) else { throw .unknownNode(b.index) }
        var closed = 0
        for (x, y) in [(a, b), (b, a)] {
            for e in graph.outEdges(of: x) where graph.head[e] == y.rawValue {
                setEdgeFactor(Int32(e), .infinity)
                closed += 1
            }
        }
        return closed
    }

    /// Multiplies the travel time of every edge between `a` and `b`, in both
    /// directions, by `factor` (> 0), or closes them when `factor` is `.infinity`.
    /// - Returns: the number of directed edges affected (0 when no road joins them).
    @discardableResult
    public mutating func scaleRoad(between a: NodeID, and b: NodeID, by factor: Double,
                                   in graph: RoadGraph) throws(RoadGraphError) -> Int {
        guard graph.contains(a) else { throw .unknownNode(a.index) }
        guard graph.contains(b) else { throw .unknownNode(b.index) }
        if factor != .infinity { try checkFactor(factor) }
        var count = 0
        for (x, y) in [(a, b), (b, a)] {
            for e in graph.outEdges(of: x) where graph.head[e] == y.rawValue {
                let old = edgeFactors[Int32(e)] ?? 1
                setEdgeFactor(Int32(e), old * factor)
                count += 1
            }
        }
        return count
    }

    /// Multiplies the travel time of one directed edge by `factor` (> 0).
    public mutating func scale(_ edge: EdgeID, by factor: Double) throws(RoadGraphError) {
        try check(edge)
        try checkFactor(factor)
        let old = edgeFactors[edge.rawValue] ?? 1
        setEdgeFactor(edge.rawValue, old * factor)
    }

    /// Multiplies the travel time of every edge of a class by `factor` (> 0).
    public mutating func scale(_ roadClass: RoadClass, by factor: Double) throws(RoadGraphError) {
        try checkFactor(factor)
        classFactors[roadClass.ordinal] *= factor
    }

    /// Multiplies every travel time by `factor` (> 0): weather, night, convoy speed.
    public mutating func scaleAll(by factor: Double) throws(RoadGraphError) {
        try checkFactor(factor)
        globalFactor *= factor
        for i in classFactors.indices { classFactors[i] *= factor }
    }

    /// Multiplies the travel time of every edge with an endpoint inside `polygon` by
    /// `factor` (> 0), or closes them when `factor` is `.infinity`; with `classes`,
    /// only edges of those road classes.
    ///
    /// "Either endpoint inside" errs on the side of caution: a road that enters a
    /// flooded area is treated as affected.
    /// - Returns: the number of directed edges affected.
    /// - Complexity: O(n + m), plus O(polygon vertices) for each node inside the
    ///   polygon's bounding box.
    @discardableResult
    public mutating func scale(inside polygon: GeoPolygon, by factor: Double, in graph: RoadGraph,
                               classes: Set<RoadClass>? = nil) throws(RoadGraphError) -> Int {
        guard let coordinates = graph.coordinates else { throw .noCoordinates }
        if factor != .infinity { try checkFactor(factor) }
        let box = polygon.boundingBox
        var inside = [Bool](repeating: false, count: graph.nodeCount)
        for v in 0..<graph.nodeCount where box.contains(coordinates[v]) { inside[v] = polygon.contains(coordinates[v]) }
        var count = 0
        for u in 0..<graph.nodeCount {
            for e in Int(graph.firstOut[u])..<Int(graph.firstOut[u + 1]) where inside[u] || inside[Int(graph.head[e])] {
                if let classes, !classes.contains(graph.roadClasses[e]) { continue }
                let old = edgeFactors[Int32(e)] ?? 1
                setEdgeFactor(Int32(e), old * factor)
                count += 1
            }
        }
        return count
    }

    /// Closes every edge with an endpoint inside `polygon` (only of `classes`, if given).
    @discardableResult
    public mutating func close(inside polygon: GeoPolygon, in graph: RoadGraph,
                               classes: Set<RoadClass>? = nil) throws(RoadGraphError) -> Int {
        try scale(inside: polygon, by: .infinity, in: graph, classes: classes)
    }

    /// The factor set on this edge alone (closures, road and polygon factors), without
    /// the class-wide and global ones; `.infinity` when closed.
    public func edgeFactor(of edge: EdgeID) -> Double {
        edgeFactors[edge.rawValue] ?? 1
    }

    /// The travel-time factor of an edge (`.infinity` when closed).
    public func factor(of edge: EdgeID, in graph: RoadGraph) -> Double {
        classFactors[graph.roadClasses[edge.index].ordinal] * (edgeFactors[edge.rawValue] ?? 1)
    }

    /// The effective travel time of an edge in hours, or `nil` when it is closed.
    public func hours(of edge: EdgeID, in graph: RoadGraph) -> Double? {
        let f = factor(of: edge, in: graph)
        return f == .infinity ? nil : graph.baseHours[edge.index] * f
    }

    private mutating func setEdgeFactor(_ e: Int32, _ factor: Double) {
        if marked.isEmpty { marked = [UInt64](repeating: 0, count: (edgeCount + 63) / 64) }
        edgeFactors[e] = factor
        marked[Int(e) >> 6] |= 1 << UInt64(Int(e) & 63)
    }

    private func check(_ edge: EdgeID) throws(RoadGraphError) {
        guard edge.rawValue >= 0, edge.index < edgeCount else { throw .unknownEdge(edge.index) }
    }

    private func checkFactor(_ factor: Double) throws(RoadGraphError) {
        guard factor > 0, factor.isFinite else { throw .invalidFactor(factor) }
    }
}

/// How the search prices an edge; `.infinity` means closed. Specialised per overlay
/// shape so the common cases pay nothing for the general one.
@usableFromInline protocol _EdgeCost {
    func cost(_ edge: Int) -> Double
}

@usableFromInline struct _BaseCost: _EdgeCost {
    @usableFromInline let hours: UnsafePointer<Double>
    @inlinable init(hours: UnsafePointer<Double>) { self.hours = hours }
    @inlinable @inline(__always) func cost(_ edge: Int) -> Double { hours[edge] }
}

@usableFromInline struct _ClassCost: _EdgeCost {
    @usableFromInline let hours: UnsafePointer<Double>
    @usableFromInline let classes: UnsafePointer<RoadClass>
    @usableFromInline let factors: UnsafePointer<Double>
    @inlinable init(hours: UnsafePointer<Double>, classes: UnsafePointer<RoadClass>, factors: UnsafePointer<Double>) {
        self.hours = hours; self.classes = classes; self.factors = factors
    }
    @inlinable @inline(__always) func cost(_ edge: Int) -> Double { hours[edge] * factors[classes[edge].ordinal] }
}

@usableFromInline struct _OverlayCost: _EdgeCost {
    @usableFromInline let base: _ClassCost
    @usableFromInline let marked: UnsafePointer<UInt64>
    @usableFromInline let edgeFactors: [Int32: Double]
    @inlinable init(base: _ClassCost, marked: UnsafePointer<UInt64>, edgeFactors: [Int32: Double]) {
        self.base = base; self.marked = marked; self.edgeFactors = edgeFactors
    }
    @inlinable @inline(__always) func cost(_ edge: Int) -> Double {
        let w = base.cost(edge)
        if marked[edge >> 6] & (1 << UInt64(edge & 63)) == 0 { return w }
        return w * (edgeFactors[Int32(truncatingIfNeeded: edge)] ?? 1)
    }
}

// Convenience queries. Each allocates a workspace; for many queries in a loop, keep
// one `SearchWorkspace` per thread and call `search(_:in:)` directly.

extension RoadGraph {
    /// Travel times from one node to every node (one-to-all).
    /// - Complexity: O((n + m) log n).
    public func travelTimes(from source: NodeID, overlay: DisruptionOverlay? = nil,
                            stop: SearchStop? = nil) throws(RoadGraphError) -> ShortestPathTree {
        var ws = SearchWorkspace(for: self)
        var query = SearchQuery(from: source, overlay: overlay)
        query.stop = stop
        try search(query, in: &ws)
        return ShortestPathTree(copying: ws, nodeCount: nodeCount, sources: [source])
    }

    /// Travel times from the nearest of several sources to every node, with which source
    /// won (``ShortestPathTree/source(of:)``). Offsets model time spent before leaving
    /// a source (loading, an access leg).
    /// - Complexity: O((n + m) log n), the same as a single source.
    ///
    /// A `stop` ends the search early (``RoadGraphError/stopped``): see ``SearchStop``.
    public func travelTimes(fromNearestOf sources: [(node: NodeID, offsetHours: Double)],
                            overlay: DisruptionOverlay? = nil, stop: SearchStop? = nil) throws(RoadGraphError) -> ShortestPathTree {
        var ws = SearchWorkspace(for: self)
        var query = SearchQuery(sources: sources, overlay: overlay)
        query.stop = stop
        try search(query, in: &ws)
        return ShortestPathTree(copying: ws, nodeCount: nodeCount, sources: sources.map(\.node))
    }

    /// Travel times from the nearest of several sources (no offsets) to every node.
    public func travelTimes(fromNearestOf sources: [NodeID],
                            overlay: DisruptionOverlay? = nil, stop: SearchStop? = nil) throws(RoadGraphError) -> ShortestPathTree {
        try travelTimes(fromNearestOf: sources.map { ($0, 0) }, overlay: overlay, stop: stop)
    }

    /// Travel times from every node to the nearest of several targets (one backward
    /// search); ``ShortestPathTree/source(of:)`` names the target each node reaches
    /// first and ``ShortestPathTree/route(to:in:)`` gives the route from the node.
    public func travelTimes(toNearestOf targets: [NodeID],
                            overlay: DisruptionOverlay? = nil, stop: SearchStop? = nil) throws(RoadGraphError) -> ShortestPathTree {
        var ws = SearchWorkspace(for: self)
        var query = SearchQuery(sources: targets.map { ($0, 0) }, direction: .backward, overlay: overlay)
        query.stop = stop
        try search(query, in: &ws)
        return ShortestPathTree(copying: ws, nodeCount: nodeCount, sources: targets)
    }

    /// Travel times from one node to some targets (one-to-many), stopping as soon as all
    /// targets are settled. `nil` marks an unreachable target.
    /// - Complexity: at most that of one-to-all; usually much less for nearby targets.
    public func travelTimes(from source: NodeID, to targets: [NodeID],
                            overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> [Double?] {
        var ws = SearchWorkspace(for: self)
        try search(SearchQuery(from: source, overlay: overlay, targets: targets), in: &ws)
        return targets.map { ws.hours(to: $0) }
    }

    /// Travel times from many sources to one target (teams travelling to an incident),
    /// by one backward search with early exit. `nil` marks a source that cannot reach it.
    public func travelTimes(to target: NodeID, from sources: [NodeID],
                            overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> [Double?] {
        var ws = SearchWorkspace(for: self)
        try search(SearchQuery(from: target, direction: .backward, overlay: overlay, targets: sources), in: &ws)
        return sources.map { ws.hours(to: $0) }
    }

    /// The fastest route between two nodes, or `nil` when `to` is unreachable.
    ///
    /// Bidirectional Dijkstra: searches from both ends and stops when they meet, so it
    /// settles about half the nodes a one-directional search would.
    /// - Complexity: O((n' + m') log n') for the n' nodes within about half the route's
    ///   travel time of either end.
    public func shortestPath(from: NodeID, to: NodeID, overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> Route? {
        var wsF = SearchWorkspace(for: self), wsB = SearchWorkspace(for: self)
        return try shortestPath(from: from, to: to, overlay: overlay, forward: &wsF, backward: &wsB)
    }

    /// The fastest route between two points anywhere, each snapped to its nearest node
    /// with a straight access leg at `accessSpeedKmh`; `nil` when unreachable.
    ///
    /// The access legs count in ``Route/hours`` and, for a graph in kilometres, in
    /// ``Route/length``; ``Route/startAccess`` and ``Route/endAccess`` say how far each
    /// point was from the network (check ``SnappedPoint/isFar``).
    /// - Throws: ``RoadGraphError/noCoordinates`` without coordinates, or an invalid point.
    public func shortestPath(from a: GeoCoordinate, to b: GeoCoordinate, accessSpeedKmh: Double = 20,
                             warnBeyondKm: Double = 1, overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> Route? {
        let start = try snap(a, accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm)
        let end = try snap(b, accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm)
        return try shortestPath(from: start, to: end, overlay: overlay)
    }

    /// The fastest route between two already snapped points, access legs included.
    public func shortestPath(from start: SnappedPoint, to end: SnappedPoint,
                             overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> Route? {
        var wsF = SearchWorkspace(for: self), wsB = SearchWorkspace(for: self)
        guard var route = try shortestPath(from: start.node, to: end.node, overlay: overlay, forward: &wsF, backward: &wsB)
        else { return nil }
        route.hours += start.accessHours + end.accessHours
        if lengthUnit == .kilometres { route.length += start.distanceKm + end.distanceKm }
        route.startAccess = start
        route.endAccess = end
        return route
    }

    /// Every node reachable from the sources within `hours` (bounded search), in order
    /// of travel time.
    /// - Complexity: proportional to the area reached, not to the graph.
    public func isochrone(from sources: [NodeID], withinHours hours: Double,
                          overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> Isochrone {
        guard hours >= 0 else { throw .invalidTimeLimit(hours) }
        var ws = SearchWorkspace(for: self)
        try search(SearchQuery(sources: sources.map { ($0, 0) }, overlay: overlay, maxHours: hours), in: &ws)
        let nodes = ws.settledNodes
        return Isochrone(limitHours: hours, nodes: nodes, hours: nodes.map { ws.state[$0.index].dist })
    }

    /// Every node reachable from one source within `hours`.
    public func isochrone(from source: NodeID, withinHours hours: Double,
                          overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> Isochrone {
        try isochrone(from: [source], withinHours: hours, overlay: overlay)
    }
}

/// A shortest path: its nodes, edges, length and travel time.
public struct Route: Hashable, Sendable {
    /// Nodes from start to end; one node for an empty route.
    public var nodes: [NodeID]
    /// The directed edges travelled, `nodes.count - 1` of them.
    public var edges: [EdgeID]
    /// Total length in the graph's ``RoadGraph/lengthUnit``.
    public var length: Double
    /// Total travel time in hours, disruptions, start offset and access legs included.
    public var hours: Double
    /// The snapped point the route starts from, when it started from a coordinate.
    public var startAccess: SnappedPoint?
    /// The snapped point the route ends at, when it ended at a coordinate.
    public var endAccess: SnappedPoint?

    /// A route from its parts (no access legs).
    public init(nodes: [NodeID], edges: [EdgeID], length: Double, hours: Double) {
        self.nodes = nodes
        self.edges = edges
        self.length = length
        self.hours = hours
    }

    /// Hours spent on the access legs between the points and the network.
    public var accessHours: Double { (startAccess?.accessHours ?? 0) + (endAccess?.accessHours ?? 0) }

    /// The first node.
    public var start: NodeID { nodes[0] }
    /// The last node.
    public var end: NodeID { nodes[nodes.count - 1] }

    /// The route as a GeoJSON `Feature` with a `LineString` geometry and `hours` and
    /// `length` properties, or `nil` when the graph has no coordinates.
    public func geoJSON(in graph: RoadGraph) -> String? {
        guard let coordinates = graph.coordinates else { return nil }
        var json = GeoJSONWriter()
        json.feature(properties: [("hours", .number(hours)), ("length", .number(length)),
                                  ("from", .string(graph.name(of: start))), ("to", .string(graph.name(of: end)))]) {
            $0.lineString(nodes.map { coordinates[$0.index] })
        }
        return json.text
    }
}

extension SearchWorkspace {
    /// The route the last search found to `node` (from it, for a backward search), or
    /// `nil` when the node was not settled or the search did not record routes
    /// (``SearchQuery/recordsRoutes``).
    ///
    /// For a forward search the route runs from the winning source to `node`; for a
    /// backward one from `node` to the target that was nearest to it.
    /// - Complexity: O(route length).
    public func route(to node: NodeID, in graph: RoadGraph) -> Route? {
        guard hasRoutes, let hours = hours(to: node) else { return nil }
        var nodes = [node]
        var edges: [EdgeID] = []
        var length = 0.0
        var v = node.index
        while parentNode[v] >= 0 {
            let e = Int(parentEdge[v])
            edges.append(EdgeID(e))
            length += graph.lengths[e]
            v = Int(parentNode[v])
            nodes.append(NodeID(v))
        }
        if direction == .forward {
            nodes.reverse()
            edges.reverse()
        }
        return Route(nodes: nodes, edges: edges, length: length, hours: hours)
    }
}

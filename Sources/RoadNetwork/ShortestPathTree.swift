/// The full result of a one-to-all or multi-source search: travel time and parent of
/// every node, detached from the workspace that computed it.
public struct ShortestPathTree: Sendable {
    /// Direction of the search.
    public let direction: SearchDirection
    /// The sources (targets, for a backward search) the search started from.
    public let sources: [NodeID]
    @usableFromInline let hoursByNode: [Double] // .infinity: not reached
    @usableFromInline let parentNode: [Int32]
    @usableFromInline let parentEdge: [Int32]
    @usableFromInline let winner: [Int32]
    /// Whether the tree has routes and winners (the search recorded them).
    public let hasRoutes: Bool

    init(copying ws: borrowing SearchWorkspace, nodeCount: Int, sources: [NodeID]) {
        var hours = [Double](repeating: .infinity, count: nodeCount)
        var parentNode = [Int32](repeating: -1, count: nodeCount)
        var parentEdge = [Int32](repeating: -1, count: nodeCount)
        var winner = [Int32](repeating: -1, count: nodeCount)
        for k in 0..<ws.settledCount {
            let v = Int(ws.settled[k])
            guard v < nodeCount else { continue } // a workspace last used on a larger graph
            hours[v] = ws.state[v].dist
            guard ws.hasRoutes else { continue } // parents are stale without routes
            parentNode[v] = ws.parentNode[v]
            parentEdge[v] = ws.parentEdge[v]
            // Parents are settled before children, so the winner is already known.
            winner[v] = parentNode[v] < 0 ? Int32(v) : winner[Int(parentNode[v])]
        }
        self.direction = ws.direction
        self.sources = sources
        self.hoursByNode = hours
        self.parentNode = parentNode
        self.parentEdge = parentEdge
        self.winner = winner
        self.hasRoutes = ws.hasRoutes
    }

    /// The result of the workspace's last search, copied out, so one workspace can serve
    /// many searches whose trees are kept (the convenience queries allocate a workspace
    /// each time). Needs a search that recorded routes; without them the tree still has
    /// every time, but no routes or winners.
    /// - Complexity: O(nodes settled + n).
    public init(of workspace: borrowing SearchWorkspace, in graph: RoadGraph, sources: [NodeID]) {
        self.init(copying: workspace, nodeCount: graph.nodeCount, sources: sources)
    }

    /// Number of nodes of the graph.
    public var nodeCount: Int { hoursByNode.count }

    /// Travel time in hours to `node` (from it, backward), or `nil` when unreachable.
    @inlinable public func hours(to node: NodeID) -> Double? {
        guard node.rawValue >= 0, node.index < hoursByNode.count else { return nil }
        let h = hoursByNode[node.index]
        return h.isFinite ? h : nil
    }

    /// Whether `node` is reachable.
    @inlinable public func isReachable(_ node: NodeID) -> Bool { hours(to: node) != nil }

    /// Number of reachable nodes, sources included.
    public var reachableCount: Int { hoursByNode.lazy.filter { $0.isFinite }.count }

    /// The source whose route to `node` is fastest (the target nearest from it, for a
    /// backward search), or `nil` when unreachable.
    public func source(of node: NodeID) -> NodeID? {
        guard isReachable(node), winner[node.index] >= 0 else { return nil }
        return NodeID(winner[node.index])
    }

    /// The fastest route to `node` (from it, backward), or `nil` when unreachable or
    /// when the tree has no routes (``hasRoutes``).
    /// - Complexity: O(route length).
    public func route(to node: NodeID, in graph: RoadGraph) -> Route? {
        guard hasRoutes, let hours = hours(to: node) else { return nil }
        var nodes = [node], edges: [EdgeID] = []
        var length = 0.0
        var v = node.index
        while parentNode[v] >= 0 {
            let e = Int(parentEdge[v])
            edges.append(EdgeID(e))
            length += graph.lengths[e]
            v = Int(parentNode[v])
            nodes.append(NodeID(v))
        }
        if direction == .forward { nodes.reverse(); edges.reverse() }
        return Route(nodes: nodes, edges: edges, length: length, hours: hours)
    }

    /// Travel times of every node in id order, `nil` for unreachable ones.
    public var allHours: [Double?] { hoursByNode.map { $0.isFinite ? $0 : nil } }
}

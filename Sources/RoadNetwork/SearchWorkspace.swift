/// Scratch memory for the Dijkstra family, reused across queries so that a query
/// allocates nothing.
///
/// Holds per-node distance, parent and heap-position arrays plus a 4-ary heap.
/// Marks are generation-stamped: starting a query bumps a counter instead of
/// clearing `n` entries, so a query costs only what it touches. About 44 bytes per
/// node. One workspace serves one thread at a time; it is `~Copyable`, so it cannot
/// be shared by accident — give each thread its own.
///
/// After ``RoadGraph/search(_:in:)`` the workspace answers for the nodes that query
/// settled: ``hours(to:)``, ``route(to:in:)``, ``settledNodes``.
public struct SearchWorkspace: ~Copyable, @unchecked Sendable {
    // Manually managed buffers: no copy-on-write or exclusivity checks in the hot loop.
    @usableFromInline let capacity: Int
    // Distance, stamp and heap position of a node share one 16-byte record, so a
    // relaxation touches one cache line instead of three.
    @usableFromInline let state: UnsafeMutablePointer<_NodeState>
    @usableFromInline let targetStamp: UnsafeMutablePointer<UInt32>
    @usableFromInline let parentNode: UnsafeMutablePointer<Int32>
    @usableFromInline let parentEdge: UnsafeMutablePointer<Int32>
    @usableFromInline let settled: UnsafeMutablePointer<Int32>
    @usableFromInline let heapKeys: UnsafeMutablePointer<Double>
    @usableFromInline let heapItems: UnsafeMutablePointer<Int32>
    @usableFromInline var generation: UInt32 = 0
    @usableFromInline var settledCount = 0
    @usableFromInline var heapSize = 0
    /// Whether the last search ended early at its ``SearchQuery/stop``.
    @usableFromInline var wasStopped = false
    /// Whether the last search recorded routes (``SearchQuery/recordsRoutes``).
    public internal(set) var hasRoutes = true
    /// Direction of the last search.
    public internal(set) var direction: SearchDirection = .forward

    /// A workspace for graphs of up to `nodeCount` nodes.
    public init(nodeCount: Int) {
        let n = max(nodeCount, 1)
        capacity = nodeCount
        state = .allocate(capacity: n); state.initialize(repeating: _NodeState(), count: n)
        targetStamp = .allocate(capacity: n); targetStamp.initialize(repeating: 0, count: n)
        parentNode = .allocate(capacity: n)
        parentEdge = .allocate(capacity: n)
        settled = .allocate(capacity: n)
        heapKeys = .allocate(capacity: n)
        heapItems = .allocate(capacity: n)
    }

    /// A workspace sized for `graph`.
    public init(for graph: RoadGraph) { self.init(nodeCount: graph.nodeCount) }

    deinit {
        state.deallocate(); targetStamp.deallocate()
        parentNode.deallocate(); parentEdge.deallocate(); settled.deallocate()
        heapKeys.deallocate(); heapItems.deallocate()
    }

    /// Starts a new query: every mark from earlier queries becomes stale at once.
    @inlinable mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 {
            // After 2³² queries the stamps could collide with the new generation.
            state.update(repeating: _NodeState(), count: max(capacity, 1))
            targetStamp.update(repeating: 0, count: max(capacity, 1))
            generation = 1
        }
        settledCount = 0
        heapSize = 0
    }

    /// Whether the last search settled `node` (found its final travel time).
    @inlinable public func isSettled(_ node: NodeID) -> Bool {
        let v = node.index
        return v >= 0 && v < capacity && state[v].stamp == generation && state[v].heapPosition < 0
    }

    /// Travel time in hours from the sources of the last search (to its target, for a
    /// backward search), or `nil` when the search did not settle `node` (unreachable,
    /// beyond the time limit, or not needed for an early exit).
    @inlinable public func hours(to node: NodeID) -> Double? {
        isSettled(node) ? state[node.index].dist : nil
    }

    /// Nodes settled by the last search, in order of increasing travel time.
    public var settledNodes: [NodeID] {
        (0..<settledCount).map { NodeID(settled[$0]) }
    }

    /// Number of nodes settled by the last search.
    public var settledNodeCount: Int { settledCount }

    /// The neighbour through which the last search reached `node` (towards the source
    /// for a forward search, towards the target for a backward one), with the edge
    /// used; `nil` for a source, an unsettled node, or a search that did not record routes.
    public func parent(of node: NodeID) -> (node: NodeID, edge: EdgeID)? {
        guard hasRoutes, isSettled(node), parentNode[node.index] >= 0 else { return nil }
        return (NodeID(parentNode[node.index]), EdgeID(parentEdge[node.index]))
    }
}

/// Per-node search state: tentative hours, the generation that wrote it, and the
/// node's heap slot (−1 once settled).
@usableFromInline struct _NodeState {
    @usableFromInline var dist: Double = 0
    @usableFromInline var stamp: UInt32 = 0
    @usableFromInline var heapPosition: Int32 = -1
    @inlinable init() {}
}

/// Which way a search follows the edges.
public enum SearchDirection: Sendable, Hashable {
    /// From the sources along the edges: travel times *from* the sources.
    case forward
    /// Against the edges: travel times *to* the sources (which act as targets), for
    /// "how fast can each team reach the incident".
    case backward
}

/// What one run of the Dijkstra family should do.
///
/// Every query in this module is one of these: one source or many (each with a
/// start offset, e.g. handling time or an access leg), forward or backward, with an
/// optional time limit (bounded search) and optional targets (early exit once all
/// are settled).
public struct SearchQuery: Sendable {
    /// Start nodes with the hours already spent when the search leaves them.
    public var sources: [(node: NodeID, offsetHours: Double)]
    /// Forward: times from the sources. Backward: times to the sources.
    public var direction: SearchDirection
    /// Disruptions to apply, if any.
    public var overlay: DisruptionOverlay?
    /// Settle no node later than this many hours (`nil`: no limit).
    public var maxHours: Double?
    /// Stop as soon as all of these are settled (`nil` or empty: settle everything reachable).
    public var targets: [NodeID]?
    /// Whether to record the shortest-path tree for routes (`SearchWorkspace.route(to:in:)`).
    /// Turning it off saves two scattered writes per improved node when only times matter.
    public var recordsRoutes = true
    /// Asked every few thousand settled nodes whether to end early (``SearchStop``);
    /// when it says so, ``RoadGraph/search(_:in:)`` throws ``RoadGraphError/stopped``.
    public var stop: SearchStop?

    /// A query from the given sources.
    public init(sources: [(node: NodeID, offsetHours: Double)], direction: SearchDirection = .forward,
                overlay: DisruptionOverlay? = nil, maxHours: Double? = nil, targets: [NodeID]? = nil) {
        self.sources = sources
        self.direction = direction
        self.overlay = overlay
        self.maxHours = maxHours
        self.targets = targets
    }

    /// A query from one source.
    public init(from source: NodeID, direction: SearchDirection = .forward, overlay: DisruptionOverlay? = nil,
                maxHours: Double? = nil, targets: [NodeID]? = nil) {
        self.init(sources: [(source, 0)], direction: direction, overlay: overlay, maxHours: maxHours, targets: targets)
    }
}

extension RoadGraph {
    /// Runs Dijkstra's algorithm for `query`, leaving the results in `workspace`.
    ///
    /// Uses a 4-ary heap with decrease-key over the workspace's flat arrays, so the
    /// query allocates nothing. Nodes are settled in order of travel time; ties are
    /// broken by heap order, deterministically.
    /// - Throws: ``RoadGraphError`` for an unknown source or target, a negative or
    ///   non-finite offset, a bad time limit, an overlay made for another graph, or a
    ///   workspace too small for the graph; ``RoadGraphError/stopped`` when the
    ///   query's ``SearchQuery/stop`` asked it to end.
    /// - Complexity: O((n' + m') log n') for the n' nodes and m' edges the search touches.
    public func search(_ query: SearchQuery, in workspace: inout SearchWorkspace) throws(RoadGraphError) {
        guard workspace.capacity >= nodeCount else { throw .tooLarge("graph for this workspace") }
        for (s, offset) in query.sources {
            guard contains(s) else { throw .unknownNode(s.index) }
            guard offset >= 0, offset.isFinite else { throw .invalidLength(offset) }
        }
        for t in query.targets ?? [] where !contains(t) { throw .unknownNode(t.index) }
        let limit = query.maxHours ?? .infinity
        guard limit >= 0 else { throw .invalidTimeLimit(limit) }
        if let overlay = query.overlay, overlay.edgeCount != edgeCount {
            throw .overlayMismatch(expectedEdges: edgeCount, actualEdges: overlay.edgeCount)
        }
        let backward = query.direction == .backward
        // A finite cap, so that `d <= limit` also rejects closed edges (cost ∞) when
        // there is no time limit.
        let cap = min(limit, .greatestFiniteMagnitude)
        if let stop = query.stop, stop.isRequested { throw .stopped }
        baseHours.withUnsafeBufferPointer { hours in
            guard let overlay = query.overlay, !overlay.isEmpty else {
                _search(&workspace, query, backward, cap, _BaseCost(hours: hours.start))
                return
            }
            overlay.classFactors.withUnsafeBufferPointer { factors in
                roadClasses.withUnsafeBufferPointer { classes in
                    let classCost = _ClassCost(hours: hours.start, classes: classes.start,
                                               factors: factors.start)
                    if overlay.edgeFactors.isEmpty {
                        _search(&workspace, query, backward, cap, classCost)
                    } else {
                        overlay.marked.withUnsafeBufferPointer { marked in
                            _search(&workspace, query, backward, cap,
                                    _OverlayCost(base: classCost, marked: marked.start,
                                                 edgeFactors: overlay.edgeFactors))
                        }
                    }
                }
            }
        }
        workspace.direction = query.direction
        if workspace.wasStopped { throw .stopped }
    }

    @usableFromInline
    func _search<Cost: _EdgeCost>(_ ws: inout SearchWorkspace, _ query: SearchQuery, _ backward: Bool,
                                  _ limit: Double, _ cost: Cost) {
        ws.nextGeneration()
        let gen = ws.generation
        let state = ws.state
        let parentNode = ws.parentNode, parentEdge = ws.parentEdge, settled = ws.settled
        var heap = _QuaternaryHeap(keys: ws.heapKeys, items: ws.heapItems, state: state)

        for (s, offset) in query.sources where offset <= limit {
            let v = s.index
            if state[v].stamp == gen {
                if offset < state[v].dist { state[v].dist = offset; heap.decrease(Int32(v), to: offset) }
                continue
            }
            state[v].stamp = gen
            state[v].dist = offset
            parentNode[v] = -1
            parentEdge[v] = -1
            heap.push(Int32(v), offset)
        }
        var remaining = 0
        if let targets = query.targets, !targets.isEmpty {
            for t in targets where ws.targetStamp[t.index] != gen {
                ws.targetStamp[t.index] = gen
                remaining += 1
            }
        }
        let targetStamp = ws.targetStamp
        let records = query.recordsRoutes
        ws.hasRoutes = records
        ws.wasStopped = false
        var settledCount = 0
        // The caller's stop, asked every `mask + 1` settled nodes (a power of two).
        let stop = query.stop
        // Without a stop, a mask no positive count matches: the test below fails at its
        // first, cheapest clause and the optional is never unwrapped per node.
        let mask = stop.map { $0.interval - 1 } ?? Int.max
        var stopped = false

        firstOut.withUnsafeBufferPointer { firstOut in
        head.withUnsafeBufferPointer { head in
        firstIn.withUnsafeBufferPointer { firstIn in
        inTail.withUnsafeBufferPointer { inTail in
        inEdge.withUnsafeBufferPointer { inEdge in
            let offsets = backward ? firstIn.start : firstOut.start
            let neighbours = backward ? inTail.start : head.start
            let edgeOf = inEdge.start
            while heap.count > 0 {
                let (u32, du) = heap.popMin()
                let u = Int(u32)
                settled[settledCount] = u32
                settledCount += 1
                if settledCount & mask == 0, let stop, stop.isRequested {
                    stopped = true
                    break
                }
                if remaining > 0 && targetStamp[u] == gen {
                    remaining -= 1
                    if remaining == 0 { break }
                }
                let end = Int(offsets[u + 1])
                var i = Int(offsets[u])
                while i < end {
                    let v = Int(neighbours[i])
                    let e = backward ? Int(edgeOf[i]) : i
                    i += 1
                    let w = cost.cost(e)
                    let d = du + w
                    guard d <= limit else { continue } // limit is finite, so this also skips closed edges (w = ∞)
                    let sv = state + v
                    if sv.pointee.stamp != gen {
                        sv.pointee.stamp = gen
                        sv.pointee.dist = d
                        if records {
                            parentNode[v] = u32
                            parentEdge[v] = Int32(truncatingIfNeeded: e)
                        }
                        heap.push(Int32(truncatingIfNeeded: v), d)
                    } else if d < sv.pointee.dist && sv.pointee.heapPosition >= 0 {
                        sv.pointee.dist = d
                        if records {
                            parentNode[v] = u32
                            parentEdge[v] = Int32(truncatingIfNeeded: e)
                        }
                        heap.decrease(Int32(truncatingIfNeeded: v), to: d)
                    }
                }
            }
        }}}}}
        ws.settledCount = settledCount
        ws.wasStopped = stopped
        // Nodes left in the heap were reached but not settled: mark them unsettled by
        // leaving their heap position ≥ 0, which `isSettled` reads as "not final".
        ws.heapSize = heap.count
    }
}

/// A 4-ary min-heap of `(key, node)` over caller-owned buffers, with decrease-key
/// through a per-node position array. Four children per node halve the tree depth of
/// a binary heap and keep siblings in one cache line.
@usableFromInline struct _QuaternaryHeap {
    @usableFromInline let keys: UnsafeMutablePointer<Double>
    @usableFromInline let items: UnsafeMutablePointer<Int32>
    @usableFromInline let state: UnsafeMutablePointer<_NodeState>
    @usableFromInline var count = 0

    @inlinable init(keys: UnsafeMutablePointer<Double>, items: UnsafeMutablePointer<Int32>,
                    state: UnsafeMutablePointer<_NodeState>) {
        self.keys = keys; self.items = items; self.state = state
    }

    @inlinable @inline(__always) mutating func push(_ item: Int32, _ key: Double) {
        let i = count
        count += 1
        siftUp(i, item, key)
    }

    @inlinable @inline(__always) mutating func decrease(_ item: Int32, to key: Double) {
        siftUp(Int(state[Int(item)].heapPosition), item, key)
    }

    @inlinable @inline(__always) func siftUp(_ start: Int, _ item: Int32, _ key: Double) {
        var i = start
        while i > 0 {
            let parent = (i - 1) >> 2
            let pk = keys[parent]
            if pk <= key { break }
            keys[i] = pk
            let pi = items[parent]
            items[i] = pi
            state[Int(pi)].heapPosition = Int32(truncatingIfNeeded: i)
            i = parent
        }
        keys[i] = key
        items[i] = item
        state[Int(item)].heapPosition = Int32(truncatingIfNeeded: i)
    }

    @inlinable @inline(__always) mutating func popMin() -> (Int32, Double) {
        let top = items[0], topKey = keys[0]
        count -= 1
        if count > 0 { siftDown(items[count], keys[count]) }
        state[Int(top)].heapPosition = -1
        return (top, topKey)
    }

    @inlinable @inline(__always) func siftDown(_ item: Int32, _ key: Double) {
        var i = 0
        let n = count
        while true {
            let first = 4 * i + 1
            if first >= n { break }
            var best = first
            var bestKey = keys[first]
            let last = min(first + 4, n)
            var c = first + 1
            while c < last {
                let k = keys[c]
                if k < bestKey { best = c; bestKey = k }
                c += 1
            }
            if bestKey >= key { break }
            keys[i] = bestKey
            let bi = items[best]
            items[i] = bi
            state[Int(bi)].heapPosition = Int32(truncatingIfNeeded: i)
            i = best
        }
        keys[i] = key
        items[i] = item
        state[Int(item)].heapPosition = Int32(truncatingIfNeeded: i)
    }
}

extension UnsafeBufferPointer {
    /// The first element's address; for an empty buffer (which may have none) a dummy
    /// aligned address that the search never dereferences, since there is nothing to read.
    @inlinable var start: UnsafePointer<Element> {
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
    }
}

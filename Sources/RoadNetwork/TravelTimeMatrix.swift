import Dispatch

/// Travel times from every source to every target, row-major.
public struct TravelTimeMatrix: Sendable, Hashable {
    /// The row nodes.
    public let sources: [NodeID]
    /// The column nodes.
    public let targets: [NodeID]
    @usableFromInline let values: [Double] // .infinity: unreachable
    @usableFromInline let lengthValues: [Double]? // lengths of the fastest routes, when asked for

    /// Whether ``length(_:_:)`` is available (the matrix was made with `includeLengths`).
    public var hasLengths: Bool { lengthValues != nil }

    /// Length (in the graph's ``RoadGraph/lengthUnit``) of the fastest route from
    /// `sources[row]` to `targets[column]`, or `nil` when unreachable or when the matrix
    /// was made without `includeLengths`. Among equally fast routes, one is chosen
    /// deterministically.
    @inlinable public func length(_ row: Int, _ column: Int) -> Double? {
        guard let lengthValues else { return nil }
        let l = lengthValues[row * targets.count + column]
        return l.isFinite ? l : nil
    }

    /// Travel time in hours from `sources[row]` to `targets[column]`, or `nil` when
    /// unreachable.
    @inlinable public subscript(row: Int, column: Int) -> Double? {
        let h = values[row * targets.count + column]
        return h.isFinite ? h : nil
    }

    /// One row as optionals.
    public func row(_ row: Int) -> [Double?] { (0..<targets.count).map { self[row, $0] } }

    /// Pairs `(row, column)` that are unreachable, in row-major order.
    public var unreachablePairs: [(row: Int, column: Int)] {
        values.indices.filter { !values[$0].isFinite }.map { ($0 / targets.count, $0 % targets.count) }
    }
}

extension RoadGraph {
    /// Travel times from every source to every target (many-to-many).
    ///
    /// Runs one search per source with early exit on the targets — or, when there are
    /// fewer targets than sources, one *backward* search per target with early exit on
    /// the sources (1,000 teams to 3 incidents is 3 searches, not 1,000). Searches are
    /// spread across `threads` workers (default: one per core), each with its own
    /// workspace over the shared immutable graph.
    ///
    /// With `includeLengths`, the matrix also holds the length of each fastest route
    /// (for distance-based costs), computed from the search tree in settle order at
    /// O(settled nodes) per search.
    /// A `stop` is asked inside every search and between them; when it says so the
    /// matrix is abandoned and ``RoadGraphError/stopped`` thrown (``SearchStop``).
    /// - Complexity: min(sources, targets) early-exit searches, divided by the number of
    ///   threads.
    public func travelTimeMatrix(from sources: [NodeID], to targets: [NodeID], overlay: DisruptionOverlay? = nil,
                                 threads: Int? = nil, includeLengths: Bool = false,
                                 stop: SearchStop? = nil) throws(RoadGraphError) -> TravelTimeMatrix {
        for v in sources + targets where !contains(v) { throw .unknownNode(v.index) }
        if let overlay, overlay.edgeCount != edgeCount {
            throw .overlayMismatch(expectedEdges: edgeCount, actualEdges: overlay.edgeCount)
        }
        let columns = targets.count
        var values = [Double](repeating: .infinity, count: sources.count * columns)
        var lengthValues = [Double](repeating: .infinity, count: includeLengths ? sources.count * columns : 0)
        // Search from the smaller side; a backward search from a target fills a column.
        let backward = targets.count < sources.count
        let starts = backward ? targets : sources, ends = backward ? sources : targets
        let workers = max(1, min(threads ?? _activeProcessorCount(), starts.count))
        var failures = [RoadGraphError?](repeating: nil, count: workers)
        values.withUnsafeMutableBufferPointer { out in
        lengthValues.withUnsafeMutableBufferPointer { outLengths in
        failures.withUnsafeMutableBufferPointer { failed in
            // Workers write disjoint rows (or columns) and their own failure slot.
            nonisolated(unsafe) let out = out
            nonisolated(unsafe) let outLengths = outLengths
            nonisolated(unsafe) let failed = failed
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var ws = SearchWorkspace(for: self)
                // Per-node route length, filled in settle order (parents come first).
                var pathLength = [Double](repeating: 0, count: includeLengths ? nodeCount : 0)
                var k = worker
                while k < starts.count {
                    do throws(RoadGraphError) {
                        try stop?.check()
                        var query = SearchQuery(from: starts[k], direction: backward ? .backward : .forward,
                                                overlay: overlay, targets: ends)
                        query.recordsRoutes = includeLengths
                        query.stop = stop
                        try search(query, in: &ws)
                    } catch {
                        failed[worker] = error
                        return
                    }
                    if includeLengths {
                        for i in 0..<ws.settledCount {
                            let v = Int(ws.settled[i]), p = Int(ws.parentNode[v])
                            pathLength[v] = p < 0 ? 0 : pathLength[p] + lengths[Int(ws.parentEdge[v])]
                        }
                    }
                    for j in 0..<ends.count {
                        let index = backward ? j * columns + k : k * columns + j
                        let h = ws.hours(to: ends[j])
                        out[index] = h ?? .infinity
                        if includeLengths { outLengths[index] = h == nil ? .infinity : pathLength[ends[j].index] }
                    }
                    k += workers
                }
            }
        }}}
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return TravelTimeMatrix(sources: sources, targets: targets, values: values,
                                lengthValues: includeLengths ? lengthValues : nil)
    }
}

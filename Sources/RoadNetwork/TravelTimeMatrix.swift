import Dispatch

/// Travel times from every source to every target, row-major.
public struct TravelTimeMatrix: Sendable, Hashable {
    /// The row nodes.
    public let sources: [NodeID]
    /// The column nodes.
    public let targets: [NodeID]
    @usableFromInline let values: [Double] // .infinity: unreachable

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
    /// - Complexity: min(sources, targets) early-exit searches, divided by the number of
    ///   threads.
    public func travelTimeMatrix(from sources: [NodeID], to targets: [NodeID], overlay: DisruptionOverlay? = nil,
                                 threads: Int? = nil) throws(RoadGraphError) -> TravelTimeMatrix {
        for v in sources + targets where !contains(v) { throw .unknownNode(v.index) }
        if let overlay, overlay.edgeCount != edgeCount {
            throw .overlayMismatch(expectedEdges: edgeCount, actualEdges: overlay.edgeCount)
        }
        let columns = targets.count
        var values = [Double](repeating: .infinity, count: sources.count * columns)
        // Search from the smaller side; a backward search from a target fills a column.
        let backward = targets.count < sources.count
        let starts = backward ? targets : sources, ends = backward ? sources : targets
        let workers = max(1, min(threads ?? _activeProcessorCount(), starts.count))
        var failures = [RoadGraphError?](repeating: nil, count: workers)
        values.withUnsafeMutableBufferPointer { out in
            failures.withUnsafeMutableBufferPointer { failed in
                // Workers write disjoint rows (or columns) and their own failure slot.
                nonisolated(unsafe) let out = out
                nonisolated(unsafe) let failed = failed
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var ws = SearchWorkspace(for: self)
                    var k = worker
                    while k < starts.count {
                        do throws(RoadGraphError) {
                            var query = SearchQuery(from: starts[k], direction: backward ? .backward : .forward,
                                                    overlay: overlay, targets: ends)
                            query.recordsRoutes = false
                            try search(query, in: &ws)
                        } catch {
                            failed[worker] = error
                            return
                        }
                        for j in 0..<ends.count {
                            let index = backward ? j * columns + k : k * columns + j
                            out[index] = ws.hours(to: ends[j]) ?? .infinity
                        }
                        k += workers
                    }
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return TravelTimeMatrix(sources: sources, targets: targets, values: values)
    }
}

import RoadNetwork

extension ComponentLabels {
    /// Strongly connected components of a road network given as roads (two ends and
    /// whether the road is one-way), not as arcs.
    ///
    /// The two ends of a two-way road always reach each other, so they are joined
    /// first with a union-find over flat `Int32` parents, in one sequential pass over
    /// the roads; only the one-way roads are left as arcs, between the groups, and
    /// Kosaraju's search (``init(nodeCount:arcCount:arcs:)``) runs on that much
    /// smaller graph. Joining mutually reachable nodes keeps every other node's
    /// reachability, so the partition is the one of the search on every arc, and
    /// labels are numbered from the partition alone (by each component's smallest
    /// node): the same labels, sizes and largest component. On the 1300² grid of
    /// `scripts/bench_import.py` the search on every arc built two adjacency arrays
    /// of 6.8 million arcs and walked them twice (docs/decisions.md, "OSM import
    /// speed, fifth round").
    ///
    /// - Parameter roads: calls its argument once per road (`a`, `b`, one-way from
    ///   `a` to `b`) on nodes `0..<nodeCount`; it is called twice, so it must give the
    ///   same roads both times.
    /// - Throws: ``RoadImportError/emptyNetwork(reason:)`` when the one-way roads
    ///   between groups are more arcs than `Int32` counts.
    init(nodeCount n: Int, roads: ((_ a: Int32, _ b: Int32, _ oneway: Bool) -> Void) -> Void) throws(RoadImportError) {
        // Union-find with path halving; a root is always the smallest node of its group
        // (the larger root is linked under the smaller), so groups number themselves
        // in order below.
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for v in 0..<n { buffer[v] = Int32(v) }
            count = n
        }
        var groupOf = [Int32](repeating: 0, count: n)
        var groupCount = 0
        parent.withUnsafeMutableBufferPointer { parent in
            @inline(__always) func find(_ v: Int32) -> Int32 {
                var v = v
                while parent[Int(v)] != v {
                    let up = parent[Int(parent[Int(v)])]
                    parent[Int(v)] = up
                    v = up
                }
                return v
            }
            roads { a, b, oneway in
                guard !oneway else { return }
                let ra = find(a), rb = find(b)
                if ra < rb { parent[Int(rb)] = ra } else if rb < ra { parent[Int(ra)] = rb }
            }
            // A node's root is never above it, so each root is numbered before the
            // nodes under it are reached.
            groupOf.withUnsafeMutableBufferPointer { groupOf in
                for v in 0..<n {
                    let root = find(Int32(v))
                    if Int(root) == v {
                        groupOf[v] = Int32(groupCount)
                        groupCount += 1
                    } else {
                        groupOf[v] = groupOf[Int(root)]
                    }
                }
            }
        }
        parent = []
        // The one-way roads between groups, as arcs of the groups' graph.
        var tails: [Int32] = [], heads: [Int32] = []
        roads { a, b, oneway in
            let ga = groupOf[Int(a)], gb = groupOf[Int(b)]
            if oneway && ga != gb { tails.append(ga); heads.append(gb) }
        }
        guard tails.count < Int(Int32.max) else { throw .emptyNetwork(reason: .tooManyArcs(arcs: tails.count)) }
        let groups = ComponentLabels(nodeCount: groupCount, arcCount: tails.count) { arc in
            for i in tails.indices { arc(tails[i], heads[i]) }
        }
        let groupComponent = groups.componentOf
        for v in 0..<n { groupOf[v] = groupComponent[Int(groupOf[v])] }
        self.init(rawLabels: groupOf)
    }
}

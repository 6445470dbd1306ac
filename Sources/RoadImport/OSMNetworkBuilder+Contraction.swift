extension OSMNetworkBuilder {
    /// Merges each node with exactly two road ends, from two pieces with the same
    /// attributes (class, speed, direction, bridge/tunnel/ford/ferry, name), into one
    /// edge: geometry joined and lengths added, so no route changes.
    /// One-way pieces merge only head to tail. Barrier copies never merge.
    ///
    /// Only pieces with both ends in `inLargest` (the largest component) take part. Returns
    /// which pieces are left: the kept ones not merged into another. They are not moved
    /// here: the numbering that follows moves them down as it reads them (one pass over
    /// the pieces instead of three; docs/decisions.md, "OSM import speed, eighth round").
    mutating func contract(_ store: inout PieceStore, inLargest: [Bool], ways: [KeptWay], waySpeed: [Double], nodeCount: Int,
                           isProtected: (Int32) -> Bool) -> [Bool] {
        var pieces = store.pieces
        store.pieces = []
        var alive = pieces.map { inLargest[Int($0.a)] && inLargest[Int($0.b)] }
        // The road ends at each node of degree 2, the only nodes a merge happens at, in
        // CSR form (one flat array, not an array per node: those allocations were a
        // tenth of an import). A merge rewrites one slot of the far node, which matters
        // only when that node has degree 2 itself; `cleared` stands for emptying a
        // merged node's list. Other nodes get no slots: on a grid, where every junction
        // has four roads, the lists of all nodes were 27 MB built for nothing.
        // Int32 offsets and piece numbers: half the memory (pieces < 2^31, as arcs are).
        var degree = [Int32](repeating: 0, count: nodeCount)
        for (i, p) in pieces.enumerated() where alive[i] {
            degree[Int(p.a)] += 1
            degree[Int(p.b)] += 1
        }
        var firstEnd = [Int32](repeating: 0, count: nodeCount + 1)
        for v in 0..<nodeCount { firstEnd[v + 1] = firstEnd[v] + (degree[v] == 2 ? 2 : 0) }
        degree = []
        var ends = [Int32](repeating: 0, count: Int(firstEnd[nodeCount]))
        var fill = firstEnd
        func add(_ piece: Int, at v: Int) {
            guard fill[v] < firstEnd[v + 1] else { return }
            ends[Int(fill[v])] = Int32(piece)
            fill[v] += 1
        }
        for (i, p) in pieces.enumerated() where alive[i] {
            add(i, at: Int(p.a))
            add(i, at: Int(p.b))
        }
        fill = []
        var cleared = [Bool](repeating: false, count: nodeCount)
        var contracted = 0
        for v in 0..<nodeCount {
            guard !cleared[v], firstEnd[v + 1] - firstEnd[v] == 2 else { continue }
            let list = (Int(ends[Int(firstEnd[v])]), Int(ends[Int(firstEnd[v]) + 1]))
            let node = Int32(v)
            guard list.0 != list.1, !isProtected(node), Self.mergeable(pieces[list.0], pieces[list.1], ways: ways, waySpeed: waySpeed) else { continue }
            var first = pieces[list.0], second = pieces[list.1]
            var keep = list.0, drop = list.1
            if first.oneway {
                // One must arrive at v and the other leave it.
                if first.b == node && second.a == node {
                } else if second.b == node && first.a == node {
                    swap(&first, &second)
                    swap(&keep, &drop)
                } else {
                    continue
                }
            } else {
                if first.b != node { store.reverse(&first) }
                if second.a != node { store.reverse(&second) }
            }
            // The joined polyline goes to the end of the merged pieces' buffer.
            let start = store.mergedPoints.count
            store.mergedPoints += store.polyline(first)
            store.mergedPoints += store.polyline(second).dropFirst()
            var merged = first
            merged.geometryStart = Int32(start)
            merged.geometryCount = Int32(store.mergedPoints.count - start)
            merged.reversed = false
            merged.merged = true
            merged.lengthKm += second.lengthKm
            merged.b = second.b
            var ids = store.wayIDs(first, ways: ways)
            for id in store.wayIDs(second, ways: ways) where ids.last != id { ids.append(id) }
            if ids.count > 1 {
                if merged.wayList < 0 {
                    merged.wayList = Int32(store.wayLists.count)
                    store.wayLists.append(ids)
                } else {
                    store.wayLists[Int(merged.wayList)] = ids
                }
            }
            pieces[keep] = merged
            alive[drop] = false
            // The far end of the dropped piece now belongs to the kept one.
            if let k = (Int(firstEnd[Int(second.b)])..<Int(firstEnd[Int(second.b) + 1])).first(where: { ends[$0] == Int32(drop) }) {
                ends[k] = Int32(keep)
            }
            cleared[v] = true
            contracted += 1
        }
        report.contractedNodes = contracted
        store.pieces = pieces
        return alive
    }

    static func mergeable(_ p: Piece, _ q: Piece, ways: [KeptWay], waySpeed: [Double]) -> Bool {
        guard p.oneway == q.oneway, waySpeed[Int(p.way)] == waySpeed[Int(q.way)], p.ford == q.ford,
              Int(p.geometryCount) + Int(q.geometryCount) - 1 <= Int(Piece.maximumPointCount) else { return false }
        let a = ways[Int(p.way)].attributes, b = ways[Int(q.way)].attributes
        return a.highway == b.highway && a.bridge == b.bridge && a.tunnel == b.tunnel && a.name == b.name
    }
}

extension OSMNetworkBuilder.PieceStore {
    /// Turns `p` end for end: its ends, its polyline and its way ids.
    mutating func reverse(_ p: inout OSMNetworkBuilder.Piece) {
        swap(&p.a, &p.b)
        p.reversed.toggle()
        if p.wayList >= 0 { wayLists[Int(p.wayList)].reverse() }
    }
}

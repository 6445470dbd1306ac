extension OSMNetworkBuilder {
    /// Merges each node with exactly two road ends, from two pieces with the same
    /// attributes (class, speed, direction, bridge/tunnel/ford/ferry, name), into one
    /// edge: geometry joined and lengths added, so no route changes.
    /// One-way pieces merge only head to tail. Barrier copies never merge.
    mutating func contract(_ input: [Piece], nodeCount: Int, isProtected: (Int) -> Bool) -> [Piece] {
        var pieces = input
        var alive = [Bool](repeating: true, count: pieces.count)
        // The road ends at each node in CSR form (one flat array, not an array per
        // node: those allocations were a tenth of an import). A merge rewrites one
        // slot of the far node; `cleared` stands for emptying a merged node's list.
        var firstEnd = [Int](repeating: 0, count: nodeCount + 1)
        for p in pieces {
            firstEnd[p.a + 1] += 1
            firstEnd[p.b + 1] += 1
        }
        for v in 0..<nodeCount { firstEnd[v + 1] += firstEnd[v] }
        var ends = [Int](repeating: 0, count: firstEnd[nodeCount])
        var fill = firstEnd
        for (i, p) in pieces.enumerated() {
            ends[fill[p.a]] = i
            fill[p.a] += 1
            ends[fill[p.b]] = i
            fill[p.b] += 1
        }
        var cleared = [Bool](repeating: false, count: nodeCount)
        var contracted = 0
        for v in 0..<nodeCount {
            guard !cleared[v], firstEnd[v + 1] - firstEnd[v] == 2 else { continue }
            let list = (ends[firstEnd[v]], ends[firstEnd[v] + 1])
            guard list.0 != list.1, !isProtected(v), Self.mergeable(pieces[list.0], pieces[list.1]) else { continue }
            var first = pieces[list.0], second = pieces[list.1]
            var keep = list.0, drop = list.1
            if first.oneway {
                // One must arrive at v and the other leave it.
                if first.b == v && second.a == v {
                } else if second.b == v && first.a == v {
                    swap(&first, &second)
                    swap(&keep, &drop)
                } else {
                    continue
                }
            } else {
                if first.b != v { first.reverse() }
                if second.a != v { second.reverse() }
            }
            var merged = first
            merged.geometry += second.geometry.dropFirst()
            merged.lengthKm += second.lengthKm
            merged.b = second.b
            for id in second.wayIDs where merged.wayIDs.last != id { merged.wayIDs.append(id) }
            pieces[keep] = merged
            alive[drop] = false
            // The far end of the dropped piece now belongs to the kept one.
            if let k = (firstEnd[second.b]..<firstEnd[second.b + 1]).first(where: { ends[$0] == drop }) { ends[k] = keep }
            cleared[v] = true
            contracted += 1
        }
        report.contractedNodes = contracted
        return pieces.indices.filter { alive[$0] }.map { pieces[$0] }
    }

    static func mergeable(_ p: Piece, _ q: Piece) -> Bool {
        p.oneway == q.oneway && p.speedKmh == q.speedKmh && p.ford == q.ford && p.attributes.highway == q.attributes.highway
            && p.attributes.bridge == q.attributes.bridge && p.attributes.tunnel == q.attributes.tunnel
            && p.attributes.name == q.attributes.name
    }
}

extension OSMNetworkBuilder.Piece {
    mutating func reverse() {
        swap(&a, &b)
        geometry.reverse()
        wayIDs.reverse()
    }
}

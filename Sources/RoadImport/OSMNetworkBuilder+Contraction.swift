extension OSMNetworkBuilder {
    /// Merges each node with exactly two road ends, from two pieces with the same
    /// attributes (class, speed, direction, bridge/tunnel/ford/ferry, name), into one
    /// edge: geometry joined and lengths added, so no route changes.
    /// One-way pieces merge only head to tail. Barrier copies never merge.
    mutating func contract(_ input: [Piece], nodeCount: Int, isProtected: (Int) -> Bool) -> [Piece] {
        var pieces = input
        var alive = [Bool](repeating: true, count: pieces.count)
        var ends = [[Int]](repeating: [], count: nodeCount)
        for (i, p) in pieces.enumerated() {
            ends[p.a].append(i)
            ends[p.b].append(i)
        }
        var contracted = 0
        for v in 0..<nodeCount {
            let list = ends[v]
            guard list.count == 2, list[0] != list[1], !isProtected(v) else { continue }
            var first = pieces[list[0]], second = pieces[list[1]]
            var keep = list[0], drop = list[1]
            guard Self.mergeable(first, second) else { continue }
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
            if let k = ends[second.b].firstIndex(of: drop) { ends[second.b][k] = keep }
            ends[v] = []
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

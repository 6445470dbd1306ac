import RoadNetwork

extension ComponentLabels {
    /// Strongly connected components of the imported pieces, from two compact adjacency
    /// arrays (`Int32` heads and offsets) instead of a full `RoadGraph`.
    ///
    /// Building a `RoadGraph` for this kept lengths, travel times, classes and reverse
    /// arcs of every arc and was a tenth of an import on a large grid, mostly in page
    /// faults (docs/decisions.md, "OSM import speed"). The search itself is the one
    /// `RoadGraph.stronglyConnectedComponents()` runs, so the labels, the largest
    /// component and its tie-break are the same.
    ///
    /// - Parameter arcs: calls its argument once per arc (tail, head) on nodes
    ///   `0..<nodeCount`; it is called twice, so it must give the same arcs both times.
    init(nodeCount n: Int, arcCount m: Int, arcs: ((Int32, Int32) -> Void) -> Void) {
        var firstOut = [Int32](repeating: 0, count: n + 1), firstIn = [Int32](repeating: 0, count: n + 1)
        arcs { a, b in
            firstOut[Int(a) + 1] += 1
            firstIn[Int(b) + 1] += 1
        }
        for v in 0..<n {
            firstOut[v + 1] += firstOut[v]
            firstIn[v + 1] += firstIn[v]
        }
        var head = [Int32](repeating: 0, count: m), tail = [Int32](repeating: 0, count: m)
        var nextOut = firstOut, nextIn = firstIn
        arcs { a, b in
            head[Int(nextOut[Int(a)])] = b
            nextOut[Int(a)] += 1
            tail[Int(nextIn[Int(b)])] = a
            nextIn[Int(b)] += 1
        }
        self.init(stronglyConnected: n, firstOut: firstOut, head: head, firstIn: firstIn, inTail: tail)
    }
}

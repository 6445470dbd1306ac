/// Strongly connected components of the imported pieces, computed on two compact
/// adjacency arrays (`Int32` heads and offsets) instead of a full `RoadGraph`.
///
/// Building a `RoadGraph` for this kept lengths, travel times, classes and reverse
/// arcs of every arc and was a tenth of an import on a large grid, mostly in page
/// faults (docs/decisions.md, "OSM import speed"). The components are the same sets
/// `RoadGraph.stronglyConnectedComponents()` finds (they are unique), and they are
/// numbered the same way: by first appearance in node order, so the largest one and
/// its tie-break (the smallest label) do not depend on the algorithm.
struct ArcComponents {
    /// Component of each node, numbered in order of each component's smallest node.
    let componentOf: [Int32]
    /// Nodes per component.
    let sizes: [Int]

    /// The largest component (the smallest label on ties), nil when there are no nodes.
    var largest: Int? { sizes.indices.max { (sizes[$0], -$0) < (sizes[$1], -$1) } }

    /// Kosaraju's algorithm over `arcs` (tail, head) on nodes `0..<nodeCount`, both
    /// depth-first searches iterative.
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
        nextOut = []
        nextIn = []
        // First search: nodes in order of finishing.
        var visited = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        var stack: [(node: Int32, next: Int32)] = []
        for s in 0..<n where !visited[s] {
            visited[s] = true
            stack.append((Int32(s), firstOut[s]))
            while let top = stack.last {
                let u = Int(top.node), i = Int(top.next)
                if i < Int(firstOut[u + 1]) {
                    stack[stack.count - 1].next += 1
                    let v = Int(head[i])
                    if !visited[v] { visited[v] = true; stack.append((Int32(v), firstOut[v])) }
                } else {
                    order.append(Int32(u))
                    stack.removeLast()
                }
            }
        }
        visited = []
        // Second search, on reversed arcs in reverse finishing order: one component per tree.
        var raw = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        var work: [Int32] = []
        for s in order.reversed() where raw[Int(s)] < 0 {
            raw[Int(s)] = next
            work.append(s)
            while let u32 = work.popLast() {
                let u = Int(u32)
                for i in Int(firstIn[u])..<Int(firstIn[u + 1]) where raw[Int(tail[i])] < 0 {
                    raw[Int(tail[i])] = next
                    work.append(tail[i])
                }
            }
            next += 1
        }
        // Renumber by first appearance in node order.
        var map = [Int32](repeating: -1, count: Int(next))
        var sizes: [Int] = []
        for v in 0..<n {
            let r = Int(raw[v])
            if map[r] < 0 { map[r] = Int32(sizes.count); sizes.append(0) }
            raw[v] = map[r]
            sizes[Int(map[r])] += 1
        }
        componentOf = raw
        self.sizes = sizes
    }
}

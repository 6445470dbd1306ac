/// A partition of the nodes into components.
public struct ComponentLabels: Sendable, Hashable {
    /// Component of each node, numbered `0..<count` in order of each component's
    /// smallest node id (so labels are deterministic).
    public let componentOf: [Int32]
    /// Number of nodes in each component.
    public let sizes: [Int]

    /// Number of components.
    public var count: Int { sizes.count }

    /// The component of a node.
    public func component(of node: NodeID) -> Int { Int(componentOf[node.index]) }

    /// The label of the largest component (smallest label on ties), or `nil` when empty.
    public var largest: Int? { sizes.indices.max { (sizes[$0], -$0) < (sizes[$1], -$1) } }

    package init(rawLabels: [Int32]) {
        // Renumber by first appearance so labels do not depend on traversal order.
        var map = [Int32](repeating: -1, count: rawLabels.count)
        var labels = [Int32](repeating: 0, count: rawLabels.count)
        var sizes: [Int] = []
        for v in rawLabels.indices {
            let raw = Int(rawLabels[v])
            if map[raw] < 0 { map[raw] = Int32(sizes.count); sizes.append(0) }
            labels[v] = map[raw]
            sizes[Int(map[raw])] += 1
        }
        componentOf = labels
        self.sizes = sizes
    }
}

extension ComponentLabels {
    /// Strongly connected components of a graph given by its forward arcs (`firstOut`,
    /// `head`) and its reverse arcs (`firstIn`, `inTail`), the layout of ``RoadGraph``.
    ///
    /// Kosaraju's algorithm with explicit stacks (no recursion, so no stack overflow on
    /// long roads). It takes bare arrays so that the OSM importer can find the largest
    /// component without building a whole `RoadGraph` (docs/decisions.md, "OSM import
    /// speed").
    /// - Complexity: O(n + m).
    package init(stronglyConnected n: Int, firstOut: [Int32], head: [Int32], firstIn: [Int32], inTail: [Int32]) {
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
        var label = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        var work: [Int32] = []
        for s in order.reversed() where label[Int(s)] < 0 {
            label[Int(s)] = next
            work.append(s)
            while let u32 = work.popLast() {
                let u = Int(u32)
                for i in Int(firstIn[u])..<Int(firstIn[u + 1]) where label[Int(inTail[i])] < 0 {
                    label[Int(inTail[i])] = next; work.append(inTail[i])
                }
            }
            next += 1
        }
        self.init(rawLabels: label)
    }
}

extension RoadGraph {
    /// Weakly connected components: nodes joined ignoring edge directions.
    /// - Complexity: O(n + m).
    public func weaklyConnectedComponents() -> ComponentLabels {
        var label = [Int32](repeating: -1, count: nodeCount)
        var stack: [Int32] = []
        var next: Int32 = 0
        for s in 0..<nodeCount where label[s] < 0 {
            label[s] = next
            stack.append(Int32(s))
            while let u32 = stack.popLast() {
                let u = Int(u32)
                for i in Int(firstOut[u])..<Int(firstOut[u + 1]) where label[Int(head[i])] < 0 {
                    label[Int(head[i])] = next; stack.append(head[i])
                }
                for i in Int(firstIn[u])..<Int(firstIn[u + 1]) where label[Int(inTail[i])] < 0 {
                    label[Int(inTail[i])] = next; stack.append(inTail[i])
                }
            }
            next += 1
        }
        return ComponentLabels(rawLabels: label)
    }

    /// Strongly connected components: nodes that can all reach one another. A depot
    /// and an area in different components cannot serve each other both ways.
    ///
    /// Kosaraju's algorithm with explicit stacks (no recursion, so no stack overflow on
    /// long roads).
    /// - Complexity: O(n + m).
    public func stronglyConnectedComponents() -> ComponentLabels {
        ComponentLabels(stronglyConnected: nodeCount, firstOut: firstOut, head: head, firstIn: firstIn, inTail: inTail)
    }

    /// Which sources and targets cannot be connected, and why.
    ///
    /// Runs one multi-source forward search from all sources and one backward search
    /// from all targets, and counts unreachable pairs with a search per source.
    /// - Complexity: O(sources × (n + m) log n).
    public func reachabilityReport(sources: [NodeID], targets: [NodeID],
                                   overlay: DisruptionOverlay? = nil) throws(RoadGraphError) -> ReachabilityReport {
        var ws = SearchWorkspace(for: self)
        try search(SearchQuery(sources: sources.map { ($0, 0) }, overlay: overlay), in: &ws)
        let unreachableTargets = targets.filter { !ws.isSettled($0) }
        try search(SearchQuery(sources: targets.map { ($0, 0) }, direction: .backward, overlay: overlay), in: &ws)
        let strandedSources = sources.filter { !ws.isSettled($0) }
        var pairs: [ReachabilityReport.Pair] = []
        for s in sources {
            try search(SearchQuery(from: s, overlay: overlay, targets: targets), in: &ws)
            for t in targets where !ws.isSettled(t) { pairs.append(.init(source: s, target: t)) }
        }
        return ReachabilityReport(unreachableTargets: unreachableTargets, strandedSources: strandedSources,
                                  unreachablePairs: pairs, components: stronglyConnectedComponents())
    }
}

/// The result of ``RoadGraph/reachabilityReport(sources:targets:overlay:)``.
public struct ReachabilityReport: Sendable {
    /// A source–target pair with no route.
    public struct Pair: Hashable, Sendable {
        /// The source that cannot reach ``target``.
        public var source: NodeID
        /// The target.
        public var target: NodeID
    }

    /// Targets that no source can reach.
    public let unreachableTargets: [NodeID]
    /// Sources that can reach no target.
    public let strandedSources: [NodeID]
    /// Every pair without a route, in source-major order.
    public let unreachablePairs: [Pair]
    /// Strongly connected components of the undisrupted graph, to explain the gaps.
    public let components: ComponentLabels

    /// Whether every source reaches every target.
    public var isComplete: Bool { unreachablePairs.isEmpty }

    /// Plain sentences naming every problem, with node names and components.
    public func lines(in graph: RoadGraph) -> [String] {
        var out: [String] = []
        func describe(_ v: NodeID) -> String {
            "node \(graph.name(of: v)) (component \(components.component(of: v)) of \(components.count), "
                + "\(components.sizes[components.component(of: v)]) nodes)"
        }
        for t in unreachableTargets { out.append("target \(describe(t)) is unreachable from every source") }
        for s in strandedSources { out.append("source \(describe(s)) reaches no target") }
        let shown = unreachablePairs.prefix(50)
        for p in shown { out.append("no route from \(graph.name(of: p.source)) to \(graph.name(of: p.target))") }
        if unreachablePairs.count > shown.count { out.append("… and \(unreachablePairs.count - shown.count) more unreachable pairs") }
        return out
    }
}

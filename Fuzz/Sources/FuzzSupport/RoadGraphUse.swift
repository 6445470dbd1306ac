
/// What `reserve route` does with a graph it has just read, on a bounded scale:
/// travel times from the first node and the route from the first to the last node,
/// with its node names. Reading must leave a graph these can use without trapping.
public enum RoadGraphUse {
    public static func exercise(_ graph: RoadGraph) {
        guard graph.nodeCount > 0, graph.nodeCount <= 10_000 else { return }
        let first = NodeID(0), last = NodeID(graph.nodeCount - 1)
        _ = try? graph.travelTimes(from: first)
        if let route = try? graph.shortestPath(from: first, to: last) {
            for node in route.nodes { _ = graph.name(of: node) }
        }
    }
}

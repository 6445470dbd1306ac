import RoadNetwork
import TestSupport
import Testing

/// Every query against Floyd–Warshall on seeded random graphs.
@Suite struct DijkstraPropertyTests {
    static let seeds: [UInt64] = Array(0..<400)

    @Test(arguments: seeds) func oneToAllMatchesFloydWarshall(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
        for s in 0..<net.nodeCount {
            let tree = try graph.travelTimes(from: NodeID(s))
            for t in 0..<net.nodeCount {
                #expect(close(tree.hours(to: NodeID(t)), fw[s][t]), "seed \(seed) \(s)→\(t)")
                if let route = tree.route(to: NodeID(t), in: graph) {
                    try checkRoute(route, graph: graph, from: s, to: t)
                }
            }
        }
    }

    @Test(arguments: seeds) func oneToManyReverseAndMatrixMatch(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
        var rng = SeededGenerator(seed: seed &+ 1000)
        let targets = (0..<Int.random(in: 1...4, using: &rng)).map { _ in NodeID(Int.random(in: 0..<net.nodeCount, using: &rng)) }
        let sources = (0..<Int.random(in: 1...4, using: &rng)).map { _ in NodeID(Int.random(in: 0..<net.nodeCount, using: &rng)) }
        for s in sources {
            let times = try graph.travelTimes(from: s, to: targets)
            for (t, h) in zip(targets, times) { #expect(close(h, fw[s.index][t.index]), "seed \(seed)") }
            for t in targets {
                let route = try graph.shortestPath(from: s, to: t)
                #expect(close(route?.hours, fw[s.index][t.index]))
                if let route { try checkRoute(route, graph: graph, from: s.index, to: t.index) }
            }
        }
        for t in targets {
            let back = try graph.travelTimes(to: t, from: sources)
            for (s, h) in zip(sources, back) { #expect(close(h, fw[s.index][t.index]), "seed \(seed) reverse") }
            let tree = try graph.travelTimes(toNearestOf: [t])
            for s in 0..<net.nodeCount {
                if let route = tree.route(to: NodeID(s), in: graph) { try checkRoute(route, graph: graph, from: s, to: t.index) }
            }
        }
        let matrix = try graph.travelTimeMatrix(from: sources, to: targets, threads: 2)
        for (i, s) in sources.enumerated() {
            for (j, t) in targets.enumerated() { #expect(close(matrix[i, j], fw[s.index][t.index]), "seed \(seed) matrix") }
        }
    }

    @Test(arguments: seeds) func multiSourceWithOffsetsPicksTheWinner(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
        var rng = SeededGenerator(seed: seed &+ 2000)
        let sources = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            (node: NodeID(Int.random(in: 0..<net.nodeCount, using: &rng)), offsetHours: Double(Int.random(in: 0...10, using: &rng)) / 10)
        }
        let tree = try graph.travelTimes(fromNearestOf: sources)
        for v in 0..<net.nodeCount {
            let expected = sources.compactMap { s in fw[s.node.index][v].map { $0 + s.offsetHours } }.min()
            #expect(close(tree.hours(to: NodeID(v)), expected), "seed \(seed) node \(v)")
            if let winner = tree.source(of: NodeID(v)), let h = tree.hours(to: NodeID(v)) {
                let viaWinner = sources.filter { $0.node == winner }.compactMap { s in fw[s.node.index][v].map { $0 + s.offsetHours } }.min()
                #expect(close(viaWinner, h), "seed \(seed): winner \(winner) does not achieve \(h)")
            }
        }
    }

    @Test(arguments: seeds) func isochroneIsExactlyTheNodesWithinTheLimit(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
        let s = Int(seed) % net.nodeCount
        let distinct = Set(fw[s].compactMap { $0 }).sorted()
        // Limits strictly between distinct distances, so rounding cannot decide membership.
        let limits = zip(distinct, distinct.dropFirst()).map { ($0 + $1) / 2 } + [(distinct.last ?? 0) + 1]
        for limit in limits {
            let iso = try graph.isochrone(from: NodeID(s), withinHours: limit)
            let expected = Set((0..<net.nodeCount).filter { (fw[s][$0] ?? .infinity) <= limit })
            #expect(Set(iso.nodes.map(\.index)) == expected, "seed \(seed) limit \(limit)")
            #expect(iso.hours == iso.hours.sorted())
        }
    }

    @Test(arguments: seeds) func closedRoadsMatchARebuiltGraph(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        guard !net.roads.isEmpty else { return }
        let graph = try net.build()
        var rng = SeededGenerator(seed: seed &+ 3000)
        let closedRoads = Set((0..<Int.random(in: 1...max(1, net.roads.count / 2), using: &rng)).map { _ in
            Int.random(in: 0..<net.roads.count, using: &rng)
        })
        var overlay = DisruptionOverlay(for: graph)
        for i in closedRoads { try overlay.closeRoad(between: NodeID(net.roads[i].from), and: NodeID(net.roads[i].to), in: graph) }
        // closeRoad closes every parallel road between the two nodes, in both directions.
        let pairs = Set(closedRoads.map { [net.roads[$0].from, net.roads[$0].to].sorted() })
        let skipped = Set(net.roads.indices.filter { pairs.contains([net.roads[$0].from, net.roads[$0].to].sorted()) })
        let rebuilt = try net.build(excluding: skipped)
        for s in 0..<net.nodeCount {
            let disrupted = try graph.travelTimes(from: NodeID(s), overlay: overlay)
            let reference = try rebuilt.travelTimes(from: NodeID(s))
            for t in 0..<net.nodeCount { #expect(close(disrupted.hours(to: NodeID(t)), reference.hours(to: NodeID(t))), "seed \(seed)") }
            // The workspace API must say "not reached" too, never report an infinite time.
            let direct = try graph.travelTimes(from: NodeID(s), to: Array(graph.nodes), overlay: overlay)
            for t in 0..<net.nodeCount { #expect(close(direct[t], reference.hours(to: NodeID(t))), "seed \(seed) one-to-many") }
        }
    }

    @Test(arguments: seeds) func factorsMatchFloydWarshallOnScaledTimes(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        var rng = SeededGenerator(seed: seed &+ 4000)
        var overlay = DisruptionOverlay(for: graph)
        let slowClass = RoadClass.allCases.randomElement(using: &rng)!
        try overlay.scale(slowClass, by: 2.5)
        try overlay.scaleAll(by: 1.2)
        var roadFactor: [Int: Double] = [:]
        for (i, r) in net.roads.enumerated() where Int.random(in: 0..<4, using: &rng) == 0 {
            // Scale every directed edge of the pair so the reference can scale per road.
            let f = Double(Int.random(in: 2...5, using: &rng))
            if net.roads.indices.contains(where: { $0 != i && Set([net.roads[$0].from, net.roads[$0].to]) == Set([r.from, r.to]) }) { continue }
            for e in graph.outEdges(of: NodeID(r.from)) where graph.head[e] == r.to { try overlay.scale(EdgeID(e), by: f) }
            if !r.oneWay && r.from != r.to {
                for e in graph.outEdges(of: NodeID(r.to)) where graph.head[e] == r.from { try overlay.scale(EdgeID(e), by: f) }
            }
            roadFactor[i] = f
        }
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs { i, r in
            (r.roadClass == slowClass ? 2.5 : 1) * 1.2 * (roadFactor[i] ?? 1)
        })
        let matrix = try graph.travelTimeMatrix(from: Array(graph.nodes), to: Array(graph.nodes), overlay: overlay)
        for s in 0..<net.nodeCount {
            for t in 0..<net.nodeCount where s != t { #expect(close(matrix[s, t], fw[s][t]), "seed \(seed) \(s)→\(t)") }
        }
    }

    private func checkRoute(_ route: Route, graph: RoadGraph, from s: Int, to t: Int,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(route.start.index == s && route.end.index == t, sourceLocation: sourceLocation)
        #expect(route.edges.count == route.nodes.count - 1, sourceLocation: sourceLocation)
        var hours = 0.0, length = 0.0
        for (k, e) in route.edges.enumerated() {
            #expect(graph.source(of: e) == route.nodes[k] && graph.target(of: e) == route.nodes[k + 1], sourceLocation: sourceLocation)
            hours += graph.hours(of: e)
            length += graph.length(of: e)
        }
        #expect(isApproximatelyEqual(hours, route.hours, absolute: 1e-9), sourceLocation: sourceLocation)
        #expect(isApproximatelyEqual(length, route.length, absolute: 1e-9), sourceLocation: sourceLocation)
    }
}

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
        // Both shapes: more sources than targets runs backward searches per column.
        for (rows, columns) in [(sources, targets), (sources + targets + sources, targets), (targets, sources + targets)] {
            let matrix = try graph.travelTimeMatrix(from: rows, to: columns, threads: 2)
            for (i, s) in rows.enumerated() {
                for (j, t) in columns.enumerated() { #expect(close(matrix[i, j], fw[s.index][t.index]), "seed \(seed) matrix") }
            }
        }
    }

    @Test(arguments: seeds) func matrixLengthsAreTheLengthsOfFastestRoutes(seed: UInt64) throws {
        // With one speed everywhere the fastest route is the shortest, so its length is
        // known independently: Floyd–Warshall on lengths.
        var net = RandomNetwork(seed: seed)
        for i in net.roads.indices { net.roads[i].speedKmh = 50 }
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs().map { ($0.0, $0.1, $0.2 * 50) })
        var rng = SeededGenerator(seed: seed &+ 6000)
        let some = (0..<Int.random(in: 1...3, using: &rng)).map { _ in NodeID(Int.random(in: 0..<net.nodeCount, using: &rng)) }
        let all = Array(graph.nodes)
        for (rows, columns) in [(some, all), (all, some)] {
            let m = try graph.travelTimeMatrix(from: rows, to: columns, threads: 2, includeLengths: true)
            #expect(m.hasLengths)
            for (i, s) in rows.enumerated() {
                for (j, t) in columns.enumerated() {
                    let want = fw[s.index][t.index]
                    #expect((m.length(i, j) == nil) == (want == nil), "seed \(seed)")
                    if let got = m.length(i, j), let want { #expect(isApproximatelyEqual(got, want, absolute: 1e-7), "seed \(seed) \(s)→\(t)") }
                }
            }
        }
        #expect(try graph.travelTimeMatrix(from: some, to: some).length(0, 0) == nil) // not asked for
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

    @Test(arguments: seeds) func nearestTargetOfEveryNodeByOneBackwardSearch(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed)
        let graph = try net.build()
        let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
        var rng = SeededGenerator(seed: seed &+ 5000)
        let targets = (0..<Int.random(in: 1...3, using: &rng)).map { _ in NodeID(Int.random(in: 0..<net.nodeCount, using: &rng)) }
        let tree = try graph.travelTimes(toNearestOf: targets)
        for v in 0..<net.nodeCount {
            let expected = targets.compactMap { fw[v][$0.index] }.min()
            #expect(close(tree.hours(to: NodeID(v)), expected), "seed \(seed) node \(v)")
            if let nearest = tree.source(of: NodeID(v)), let h = tree.hours(to: NodeID(v)) {
                #expect(close(fw[v][nearest.index], h), "seed \(seed): \(nearest) is not the nearest target of \(v)")
                let route = try #require(tree.route(to: NodeID(v), in: graph))
                #expect(route.start == NodeID(v) && route.end == nearest)
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
            for t in 0..<net.nodeCount {
                let route = try graph.shortestPath(from: NodeID(s), to: NodeID(t), overlay: overlay)
                #expect(close(route?.hours, reference.hours(to: NodeID(t))), "seed \(seed) point-to-point")
                #expect(route?.edges.allSatisfy { !overlay.closedEdges.contains($0) } ?? true)
            }
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
            for t in 0..<net.nodeCount where s != t {
                #expect(close(matrix[s, t], fw[s][t]), "seed \(seed) \(s)→\(t)")
                let route = try graph.shortestPath(from: NodeID(s), to: NodeID(t), overlay: overlay)
                #expect(close(route?.hours, fw[s][t]), "seed \(seed) \(s)→\(t) point-to-point")
                if let route {
                    let sum = route.edges.reduce(0.0) { $0 + (overlay.hours(of: $1, in: graph) ?? .infinity) }
                    #expect(isApproximatelyEqual(sum, route.hours, absolute: 1e-9))
                }
            }
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

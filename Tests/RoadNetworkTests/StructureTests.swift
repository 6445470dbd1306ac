import Foundation
@testable import RoadNetwork
import TestSupport
import Testing

@Suite struct StructureTests {
    @Test func edgeStorageIsAtMost32BytesPerDirectedEdge() throws {
        let graph = SyntheticGrid(rows: 30, columns: 30).build()
        #expect(graph.edgeCount > 0)
        #expect(RoadGraph.bytesPerDirectedEdge <= 32)
        // Measured from the arrays' element strides, not restated from the constant.
        #expect(graph.edgeStorageBytes == RoadGraph.bytesPerDirectedEdge * graph.edgeCount)
        #expect(MemoryLayout<RoadClass>.stride == 1)
    }

    @Test func builderSortsEdgesByTailAndKeepsReverseIndexConsistent() throws {
        for seed in UInt64(0)..<200 {
            let net = RandomNetwork(seed: seed)
            let graph = try net.build()
            var forward: [[Int]] = Array(repeating: [], count: net.nodeCount)
            for u in 0..<net.nodeCount { for e in graph.outEdges(of: NodeID(u)) { forward[u].append(e); #expect(graph.source(of: EdgeID(e)).index == u) } }
            var seen = Set<Int>()
            for v in 0..<net.nodeCount {
                for i in graph.inEntries(of: NodeID(v)) {
                    let e = Int(graph.inEdge[i])
                    #expect(Int(graph.head[e]) == v)
                    #expect(forward[Int(graph.inTail[i])].contains(e))
                    seen.insert(e)
                }
            }
            #expect(seen.count == graph.edgeCount)
            #expect(graph.edgeCount == net.roads.reduce(0) { $0 + ($1.oneWay ? 1 : 2) })
        }
    }

    @Test func speedTableDefaultsAndOverridesSetTravelTimes() throws {
        var b = RoadGraphBuilder()
        let a = b.addNode(), c = b.addNode()
        try b.addRoad(from: a, to: c, lengthKm: 90, roadClass: .expressway, oneWay: true)
        try b.addRoad(from: a, to: c, lengthKm: 30, roadClass: .village, speedKmh: 60, oneWay: true)
        let standard = b.build()
        #expect(standard.hours(of: EdgeID(0)) == 1.0) // 90 km at 90 km/h
        #expect(standard.hours(of: EdgeID(1)) == 0.5) // own speed wins over the class default
        let slower = b.build(speeds: SpeedTable(overriding: [.expressway: 45]))
        #expect(slower.hours(of: EdgeID(0)) == 2.0)
        #expect(slower.speed(of: EdgeID(0)) == 45)
        #expect(throws: RoadGraphError.invalidLength(-1)) { try b.addRoad(from: a, to: c, lengthKm: -1) }
        #expect(throws: RoadGraphError.unknownNode(7)) { try b.addRoad(from: a, to: NodeID(7), lengthKm: 1) }
        #expect(throws: RoadGraphError.invalidSpeed(0)) { try b.addRoad(from: a, to: c, lengthKm: 1, speedKmh: 0) }
    }

    @Test func componentsMatchReachabilityFromFloydWarshall() throws {
        for seed in UInt64(0)..<300 {
            let net = RandomNetwork(seed: seed)
            let graph = try net.build()
            let fw = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs())
            let scc = graph.stronglyConnectedComponents()
            let wcc = graph.weaklyConnectedComponents()
            let undirected = floydWarshall(nodeCount: net.nodeCount, arcs: net.arcs().flatMap { [($0.0, $0.1, 1.0), ($0.1, $0.0, 1.0)] })
            for i in 0..<net.nodeCount {
                for j in 0..<net.nodeCount {
                    #expect((scc.component(of: NodeID(i)) == scc.component(of: NodeID(j))) == (fw[i][j] != nil && fw[j][i] != nil), "seed \(seed)")
                    #expect((wcc.component(of: NodeID(i)) == wcc.component(of: NodeID(j))) == (undirected[i][j] != nil), "seed \(seed)")
                }
            }
            #expect(scc.sizes.reduce(0, +) == net.nodeCount)
        }
    }

    @Test func reachabilityReportNamesUnreachableTargetsAndStrandedSources() throws {
        // 0 → 1 → 2, and 3 on its own.
        var b = RoadGraphBuilder()
        for name in ["a", "b", "c", "d"] { b.addNode(named: name) }
        try b.addRoad(from: NodeID(0), to: NodeID(1), lengthKm: 1, oneWay: true)
        try b.addRoad(from: NodeID(1), to: NodeID(2), lengthKm: 1, oneWay: true)
        let g = b.build()
        let report = try g.reachabilityReport(sources: [NodeID(0), NodeID(2)], targets: [NodeID(1), NodeID(3)])
        #expect(report.unreachableTargets == [NodeID(3)])
        #expect(report.strandedSources == [NodeID(2)])
        #expect(report.unreachablePairs.map { [$0.source.index, $0.target.index] } == [[0, 3], [2, 1], [2, 3]])
        #expect(!report.isComplete)
        let lines = report.lines(in: g)
        #expect(lines.contains { $0.contains("target node d") && $0.contains("unreachable from every source") })
        #expect(lines.contains { $0.contains("source node c") && $0.contains("reaches no target") })
    }

    @Test func snappingFindsTheSameNodeAsALinearScan() throws {
        var rng = SeededGenerator(seed: 99)
        for trial in 0..<30 {
            let net = RandomNetwork(seed: UInt64(trial), maxNodes: 60)
            let graph = try net.build()
            let coords = try #require(graph.coordinates)
            for _ in 0..<50 {
                // Points inside and well outside the network's bounding box.
                let p = GeoCoordinate(latitude: 29 + Double.random(in: 0..<3, using: &rng), longitude: 119 + Double.random(in: 0..<3, using: &rng))
                let snap = try graph.snap(p, warnBeyondKm: 5)
                let best = coords.indices.map { p.distanceKm(to: coords[$0]) }.min()!
                // The grid ranks in the projected plane; on this 1° area that can only
                // swap near-ties, so compare distances with a small tolerance.
                #expect(snap.distanceKm <= best * 1.01 + 1e-9, "trial \(trial) \(p)")
                #expect(snap.isFar == (snap.distanceKm > 5))
                #expect(isApproximatelyEqual(snap.accessHours, snap.distanceKm / 20))
            }
        }
        // Restricted snapping: only even nodes, against a filtered scan.
        for trial in 0..<20 {
            let net = RandomNetwork(seed: UInt64(500 + trial), maxNodes: 60)
            let graph = try net.build()
            let coords = try #require(graph.coordinates)
            for _ in 0..<20 {
                let p = GeoCoordinate(latitude: 29.5 + Double.random(in: 0..<2, using: &rng), longitude: 119.5 + Double.random(in: 0..<2, using: &rng))
                let allowed = coords.indices.filter { $0 % 2 == 0 }
                let snap = try graph.snap(p, where: { $0.index % 2 == 0 })
                #expect(snap.node.index % 2 == 0)
                let best = allowed.map { p.distanceKm(to: coords[$0]) }.min()!
                #expect(snap.distanceKm <= best * 1.01 + 1e-9, "trial \(trial)")
            }
            #expect(throws: RoadGraphError.noAllowedNode) { try graph.snap(GeoCoordinate(latitude: 30, longitude: 120), where: { _ in false }) }
        }
        let bare = try CEdgeReader.read("0 0 1 1.0\n")
        #expect(throws: RoadGraphError.noCoordinates) { try bare.snap(GeoCoordinate(latitude: 0, longitude: 0)) }
    }

    @Test func haversineMatchesAKnownDistance() {
        // Beijing Capital to Shanghai Pudong airport: 1,098.84 km on a 6,371.0088 km sphere
        // (computed separately in Python's math module).
        let pek = GeoCoordinate(latitude: 40.0799, longitude: 116.6031)
        let pvg = GeoCoordinate(latitude: 31.1443, longitude: 121.8083)
        #expect(abs(pek.distanceKm(to: pvg) - 1_098.84) < 0.01)
        #expect(abs(GeoCoordinate(latitude: 0, longitude: 0).distanceKm(to: GeoCoordinate(latitude: 0, longitude: 1)) - 111.195) < 0.001)
    }

    @Test func syntheticGridIsRoadLikeAndDeterministic() {
        let g = SyntheticGrid(rows: 100, columns: 100, seed: 7).build()
        let again = SyntheticGrid(rows: 100, columns: 100, seed: 7).build()
        #expect(g.nodeCount == 10_000)
        #expect(g.head == again.head && g.baseHours == again.baseHours)
        let perNode = Double(g.edgeCount) / Double(g.nodeCount)
        #expect(perNode > 2.4 && perNode < 3.0) // ~2.7 directed edges per node, like the 1M benchmark graph
        #expect(Set(g.roadClasses).count >= 4)
        let largest = g.stronglyConnectedComponents()
        #expect(largest.sizes[largest.largest!] > 9_000)
    }
}

@Suite struct AccessLegTests {
    @Test func routesBetweenPointsIncludeBothAccessLegs() throws {
        var b = RoadGraphBuilder()
        let x = b.addNode(at: GeoCoordinate(latitude: 45, longitude: 120))
        let y = b.addNode(at: GeoCoordinate(latitude: 45, longitude: 121))
        try b.addRoad(from: x, to: y, lengthKm: 90, roadClass: .expressway)
        let g = b.build()
        let p = GeoCoordinate(latitude: 45.01, longitude: 120), q = GeoCoordinate(latitude: 45, longitude: 121.02)
        let route = try #require(try g.shortestPath(from: p, to: q, accessSpeedKmh: 10, warnBeyondKm: 1.5))
        let dp = p.distanceKm(to: g.coordinate(of: x)!), dq = q.distanceKm(to: g.coordinate(of: y)!)
        #expect(route.nodes == [x, y])
        #expect(isApproximatelyEqual(route.hours, 1 + (dp + dq) / 10))
        #expect(isApproximatelyEqual(route.length, 90 + dp + dq))
        #expect(isApproximatelyEqual(route.accessHours, (dp + dq) / 10))
        #expect(route.startAccess?.isFar == false && route.endAccess?.isFar == true) // 1.11 km vs 1.57 km
    }
}

@Suite struct WorkspaceTests {
    @Test func generationWrapAroundClearsStaleMarks() throws {
        let graph = SyntheticGrid(rows: 20, columns: 20, seed: 9).build()
        let sources = [NodeID(0), NodeID(57), NodeID(399), NodeID(210), NodeID(3)]
        let expected = try sources.map { try graph.travelTimes(from: $0).allHours }
        var ws = SearchWorkspace(for: graph)
        // Fill every stamp with generations just below the wrap, then run across it.
        try graph.search(SearchQuery(from: NodeID(0)), in: &ws)
        ws.generation = UInt32.max - 2
        for (k, s) in (sources + sources).enumerated() {
            try graph.search(SearchQuery(from: s, maxHours: k.isMultiple(of: 3) ? 0.3 : nil), in: &ws)
            let limit = k.isMultiple(of: 3) ? 0.3 : Double.infinity
            for v in 0..<graph.nodeCount {
                let want = expected[k % sources.count][v].flatMap { $0 <= limit ? $0 : nil }
                #expect(close(ws.hours(to: NodeID(v)), want), "query \(k) node \(v)")
            }
        }
        #expect(ws.generation < 10) // it did wrap
    }

    @Test func searchesWithoutRoutesGiveTheSameTimesAndNoRoutes() throws {
        let graph = SyntheticGrid(rows: 15, columns: 15, seed: 4).build()
        var ws = SearchWorkspace(for: graph)
        try graph.search(SearchQuery(from: NodeID(7)), in: &ws)
        let withRoutes = (0..<graph.nodeCount).map { ws.hours(to: NodeID($0)) }
        #expect(ws.route(to: NodeID(200), in: graph) != nil)
        var query = SearchQuery(from: NodeID(7))
        query.recordsRoutes = false
        try graph.search(query, in: &ws)
        #expect((0..<graph.nodeCount).map { ws.hours(to: NodeID($0)) } == withRoutes)
        #expect(ws.route(to: NodeID(200), in: graph) == nil)
        #expect(ws.parent(of: NodeID(200)) == nil)
        let bare = ShortestPathTree(of: ws, in: graph, sources: [NodeID(7)])
        #expect(!bare.hasRoutes && bare.route(to: NodeID(200), in: graph) == nil && bare.source(of: NodeID(200)) == nil)
        #expect(bare.allHours == withRoutes)
    }

    @Test func treesCopiedFromAReusedWorkspaceMatchTheConvenienceQueries() throws {
        let graph = SyntheticGrid(rows: 15, columns: 15, seed: 6).build()
        var ws = SearchWorkspace(for: graph)
        for target in [NodeID(0), NodeID(100), NodeID(224)] {
            try graph.search(SearchQuery(from: target, direction: .backward), in: &ws)
            let kept = ShortestPathTree(of: ws, in: graph, sources: [target])
            let fresh = try graph.travelTimes(toNearestOf: [target])
            #expect(kept.allHours == fresh.allHours)
            #expect(kept.route(to: NodeID(37), in: graph) == fresh.route(to: NodeID(37), in: graph))
            #expect(kept.source(of: NodeID(37)) == fresh.source(of: NodeID(37)))
            #expect(kept.source(of: NodeID(37)) == (kept.isReachable(NodeID(37)) ? target : nil))
        }
    }

    @Test func aSmallWorkspaceIsRejectedNotOverrun() {
        let graph = SyntheticGrid(rows: 5, columns: 5).build()
        var ws = SearchWorkspace(nodeCount: 3)
        #expect(throws: RoadGraphError.tooLarge("graph for this workspace")) { try graph.search(SearchQuery(from: NodeID(0)), in: &ws) }
        var ok = SearchWorkspace(for: graph)
        #expect(throws: RoadGraphError.unknownNode(25)) { try graph.search(SearchQuery(from: NodeID(25)), in: &ok) }
        #expect(throws: RoadGraphError.invalidTimeLimit(-1)) { try graph.search(SearchQuery(from: NodeID(0), maxHours: -1), in: &ok) }
        #expect(throws: RoadGraphError.invalidLength(-.infinity)) { try graph.search(SearchQuery(sources: [(NodeID(0), -.infinity)]), in: &ok) }
    }
}

@Suite struct EdgelessGraphTests {
    @Test func graphsWithoutEdgesAnswerEveryQuery() throws {
        var b = RoadGraphBuilder()
        b.addNode(named: "only"); b.addNode(named: "other")
        let g = b.build()
        #expect(g.edgeCount == 0)
        #expect(try g.travelTimes(from: NodeID(0)).hours(to: NodeID(0)) == 0)
        #expect(try g.travelTimes(from: NodeID(0), to: [NodeID(1)]) == [nil])
        #expect(try g.travelTimes(to: NodeID(1), from: [NodeID(0)]) == [nil])
        #expect(try g.isochrone(from: NodeID(1), withinHours: 5).nodes == [NodeID(1)])
        var overlay = DisruptionOverlay(for: g)
        try overlay.scaleAll(by: 2)
        #expect(try g.travelTimeMatrix(from: [NodeID(0), NodeID(1)], to: [NodeID(1)], overlay: overlay).row(0) == [nil])
        #expect(g.stronglyConnectedComponents().count == 2)
        let empty = RoadGraphBuilder().build()
        #expect(empty.nodeCount == 0 && empty.weaklyConnectedComponents().count == 0)
        #expect(throws: RoadGraphError.unknownNode(0)) { try empty.travelTimes(from: NodeID(0)) }
    }
}

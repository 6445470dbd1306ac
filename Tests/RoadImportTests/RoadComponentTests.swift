import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// The import's component search on roads (two-way roads joined by a union-find, the
/// search only on one-way roads between the groups; docs/decisions.md, "OSM import
/// speed, fifth round") against reachability worked out by brute force, and against
/// `RoadGraph.stronglyConnectedComponents()` on the same roads as arcs.
@Suite struct RoadComponentTests {
    struct Road { var a: Int32, b: Int32, oneway: Bool }

    /// Every node's reachable set by a plain search from it; u and v share a component
    /// exactly when each reaches the other.
    static func reachability(_ n: Int, _ roads: [Road]) -> [[Bool]] {
        var out = [[Int]](repeating: [], count: n)
        for r in roads {
            out[Int(r.a)].append(Int(r.b))
            if !r.oneway { out[Int(r.b)].append(Int(r.a)) }
        }
        return (0..<n).map { s in
            var seen = [Bool](repeating: false, count: n)
            seen[s] = true
            var stack = [s]
            while let u = stack.popLast() { for v in out[u] where !seen[v] { seen[v] = true; stack.append(v) } }
            return seen
        }
    }

    static func randomRoads(_ n: Int, _ m: Int, onewayShare: Double, using rng: inout SeededGenerator) -> [Road] {
        (0..<m).map { _ in
            Road(a: Int32.random(in: 0..<Int32(n), using: &rng), b: Int32.random(in: 0..<Int32(n), using: &rng),
                 oneway: Double.random(in: 0..<1, using: &rng) < onewayShare)
        }
    }

    @Test func sameComponentExactlyWhenMutuallyReachable() throws {
        var rng = SeededGenerator(seed: 5)
        var checkedPairs = 0, sharedPairs = 0
        for round in 0..<120 {
            let n = Int.random(in: 1...60, using: &rng)
            let m = Int.random(in: 0...(2 * n), using: &rng)
            let roads = Self.randomRoads(n, m, onewayShare: [0, 0.2, 0.6, 1][round % 4], using: &rng)
            let labels = try ComponentLabels(nodeCount: n) { road in for r in roads { road(r.a, r.b, r.oneway) } }
            let reach = Self.reachability(n, roads)
            for u in 0..<n {
                for v in 0..<n {
                    let together = reach[u][v] && reach[v][u]
                    #expect((labels.componentOf[u] == labels.componentOf[v]) == together, "round \(round): \(u), \(v)")
                    checkedPairs += 1
                    if together && u != v { sharedPairs += 1 }
                }
            }
            // Labels numbered by each component's smallest node, sizes counted.
            var firstSeen: [Int32] = []
            for v in 0..<n where !firstSeen.contains(labels.componentOf[v]) { firstSeen.append(labels.componentOf[v]) }
            #expect(firstSeen == (0..<Int32(labels.count)).map { $0 }, "round \(round)")
            #expect(labels.sizes.reduce(0, +) == n)
        }
        // The seeds exercise both outcomes, not only singletons.
        #expect(checkedPairs > 50_000 && sharedPairs > 5_000)
    }

    @Test func sameLabelsAsTheSearchOnEveryArc() throws {
        var rng = SeededGenerator(seed: 23)
        for round in 0..<60 {
            let n = Int.random(in: 1...400, using: &rng)
            let m = Int.random(in: 0...(3 * n), using: &rng)
            let roads = Self.randomRoads(n, m, onewayShare: Double(round % 5) / 4, using: &rng)
            var builder = RoadGraphBuilder(nodeCount: n, lengthUnit: .fileUnit)
            for r in roads {
                try builder.addEdge(from: NodeID(r.a), to: NodeID(r.b), length: 1)
                if !r.oneway { try builder.addEdge(from: NodeID(r.b), to: NodeID(r.a), length: 1) }
            }
            let expected = builder.build().stronglyConnectedComponents()
            let ours = try ComponentLabels(nodeCount: n) { road in for r in roads { road(r.a, r.b, r.oneway) } }
            #expect(ours.componentOf == expected.componentOf, "round \(round)")
            #expect(ours.sizes == expected.sizes, "round \(round)")
            #expect(ours.largest == expected.largest, "round \(round)")
        }
    }

    @Test func aOneWayRingIsOneComponentAndATailIsNot() throws {
        // 0 → 1 → 2 → 0 one-way, 2 – 3 two-way, 3 → 4 one-way: {0, 1, 2, 3} and {4}.
        let roads = [Road(a: 0, b: 1, oneway: true), Road(a: 1, b: 2, oneway: true), Road(a: 2, b: 0, oneway: true),
                     Road(a: 3, b: 2, oneway: false), Road(a: 3, b: 4, oneway: true)]
        let labels = try ComponentLabels(nodeCount: 6) { road in for r in roads { road(r.a, r.b, r.oneway) } }
        #expect(labels.componentOf == [0, 0, 0, 0, 1, 2])
        #expect(labels.sizes == [4, 1, 1])
        #expect(labels.largest == 0)
    }
}

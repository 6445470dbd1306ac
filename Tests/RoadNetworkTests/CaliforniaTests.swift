import Foundation
import RoadNetwork
import TestSupport
import Testing

/// The California road network (Li et al. 2005) against distances computed by
/// scipy.sparse.csgraph and checked with networkx (Fixtures/make_california_pairs.py).
@Suite struct CaliforniaTests {
    static func cedgePath() throws -> String { try ReferenceData.path("roads-california/cal.cedge") }

    struct Pair {
        var source: Int, target: Int
        var distance: Double?
    }

    static func pairs() throws -> [Pair] {
        let url = try #require(Bundle.module.url(forResource: "california_pairs", withExtension: "csv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return Pair(source: Int(f[0])!, target: Int(f[1])!, distance: Double(f[2]))
        }
    }

    @Test func distancesMatchScipyForFixedPairs() throws {
        let graph = try RoadGraph.read(contentsOf: try Self.cedgePath())
        #expect(graph.nodeCount == 21_048)
        #expect(graph.edgeCount == 2 * 21_693)
        #expect(graph.lengthUnit == .fileUnit)
        let pairs = try Self.pairs()
        #expect(pairs.count >= 200)
        var ws = SearchWorkspace(for: graph)
        for (source, group) in Dictionary(grouping: pairs, by: \.source).sorted(by: { $0.key < $1.key }) {
            let targets = group.map { NodeID($0.target) }
            try graph.search(SearchQuery(from: NodeID(source), targets: targets), in: &ws)
            for pair in group {
                let got = ws.hours(to: NodeID(pair.target))
                #expect(close(got, pair.distance), "\(pair.source)→\(pair.target): \(String(describing: got)) vs \(String(describing: pair.distance))")
                if let route = ws.route(to: NodeID(pair.target), in: graph), let expected = pair.distance {
                    #expect(isApproximatelyEqual(route.length, expected, absolute: 1e-9, relative: 1e-9))
                }
            }
        }
    }

    @Test func matrixAndReverseSearchAgreeWithTheFixture() throws {
        let graph = try RoadGraph.read(contentsOf: try Self.cedgePath())
        let pairs = try Self.pairs()
        let sources = Array(Set(pairs.map(\.source))).sorted().map { NodeID($0) }
        let targets = Array(Set(pairs.map(\.target))).sorted().map { NodeID($0) }
        let matrix = try graph.travelTimeMatrix(from: sources, to: targets)
        for pair in pairs {
            let i = try #require(sources.firstIndex(of: NodeID(pair.source)))
            let j = try #require(targets.firstIndex(of: NodeID(pair.target)))
            #expect(close(matrix[i, j], pair.distance))
        }
        // The network is undirected, so a backward search from the target gives the same.
        let first = pairs[0]
        let back = try graph.travelTimes(to: NodeID(first.target), from: [NodeID(first.source)])
        #expect(close(back[0], first.distance))
    }

    @Test func californiaIsOneComponent() throws {
        // networkx.number_connected_components on the same file gives 1.
        let graph = try RoadGraph.read(contentsOf: try Self.cedgePath())
        #expect(graph.weaklyConnectedComponents().count == 1)
        #expect(graph.stronglyConnectedComponents().count == 1)
    }
}

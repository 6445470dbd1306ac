import Foundation
import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// The real Helsinki extract against an independent reference: libosmium decoding
/// (osmium tags-filter + OPL) with the truck rules re-implemented in Python and
/// shortest paths by scipy (Fixtures/helsinki-crosscheck/crosscheck_osmium.py wrote
/// helsinki_truck.json).
@Suite struct HelsinkiCrossCheckTests {
    struct Reference: Decodable {
        struct Pair: Decodable { var from: String; var to: String; var km: Double }
        var ways_by_highway: [String: Int]
        var length_km_by_highway: [String: Double]
        var oneway_pieces: Int
        var pairs: [Pair]
    }

    static let reference: Reference? = {
        let path = FixturePaths.local("helsinki-crosscheck/helsinki_truck.json")
        return FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Reference.self, from: $0) }
    }()

    static let network = Result { try OSMImporter.importPBF(path: FixturePaths.helsinki, options: OSMImportOptions(profile: OSMProfile(.truck))) }

    @Test func drivableWaysPerClass() throws {
        let reference = try #require(Self.reference)
        let report = try Self.network.get().report
        #expect(report.waysByHighway == reference.ways_by_highway)
    }

    @Test func drivableLengthPerClassWithinATenthOfAPercent() throws {
        let reference = try #require(Self.reference)
        let report = try Self.network.get().report
        #expect(Set(report.lengthKmByHighway.keys) == Set(reference.length_km_by_highway.keys))
        for (highway, km) in reference.length_km_by_highway {
            let ours = report.lengthKmByHighway[highway] ?? 0
            #expect(abs(ours - km) <= 0.001 * km, "\(highway): \(ours) km vs osmium \(km) km")
        }
        let total = reference.length_km_by_highway.values.reduce(0, +)
        let ours = report.lengthKmByHighway.values.reduce(0, +)
        #expect(abs(ours - total) <= 0.001 * total)
    }

    @Test func onewayArcs() throws {
        let reference = try #require(Self.reference)
        #expect(try Self.network.get().report.onewayPieces == reference.oneway_pieces)
    }

    /// Contraction and barrier handling must not change one route: every pair's
    /// shortest length by our Dijkstra on the contracted graph equals scipy's on the
    /// raw node-to-node arcs.
    @Test func shortestPathsMatchScipy() throws {
        let reference = try #require(Self.reference)
        #expect(reference.pairs.count == 200)
        let network = try Self.network.get()
        var builder = RoadGraphBuilder(lengthUnit: .fileUnit)
        for node in network.nodes { _ = builder.addNode(named: node.name, at: node.coordinate) }
        for e in network.edges {
            try builder.addRoad(from: NodeID(Int32(e.from)), to: NodeID(Int32(e.to)), lengthKm: e.lengthKm, oneWay: e.oneway)
        }
        let graph = builder.build()
        var workspace = SearchWorkspace(for: graph)
        var mismatches: [String] = []
        for pair in reference.pairs {
            let a = try #require(graph.node(named: pair.from), "\(pair.from) missing")
            let b = try #require(graph.node(named: pair.to), "\(pair.to) missing")
            try graph.search(SearchQuery(from: a, targets: [b]), in: &workspace)
            let km = workspace.hours(to: b)
            if km == nil || !isApproximatelyEqual(km!, pair.km, absolute: 1e-9, relative: 1e-9) {
                mismatches.append("\(pair.from)→\(pair.to): \(km.map { "\($0)" } ?? "unreachable") vs scipy \(pair.km)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

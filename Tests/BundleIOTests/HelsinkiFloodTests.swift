import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import RoadNetwork
import Testing

/// The storm-surge closure of Data/helsinki (real OpenStreetMap roads) against shapely
/// and networkx: Fixtures/helsinki-flood/crosscheck_flood.py picked the rows whose
/// bridge/ford/tunnel geometry intersects the flood polygon, and timed 150 seeded node
/// pairs before and after removing them.
@Suite("Helsinki flood: closed crossings against shapely and networkx")
struct HelsinkiFloodTests {
    struct Reference: Decodable {
        struct Row: Decodable { var row: Int; var from: String; var to: String; var kinds: [String] }
        struct Pair: Decodable { var from: String; var to: String; var hours_before: Double?; var hours_after: Double? }
        var closed_rows: [Row]
        var pairs: [Pair]
    }

    static func load() throws -> (ReserveBundle, BundleNetwork, Reference) {
        let loaded = try BundleReader.read(at: RepositoryRoot.url.appendingPathComponent("Data/helsinki").path)
        let url = try #require(Bundle.module.url(forResource: "Fixtures/helsinki-flood/reference", withExtension: "json"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        return (loaded.bundle, try BundleNetwork(bundle: loaded.bundle), reference)
    }

    static func closure(_ bundle: ReserveBundle) throws -> CrossingClosure {
        let surge = try #require(bundle.scenarios.first { $0.id == ScenarioID("hel-storm-surge") })
        return try #require(surge.incidents.first?.roadDisruptions.closedCrossings.first)
    }

    @Test("The closed roads are shapely's: both carriageways of Pitkäsilta, two tunnels of Siltavuorenpenger, one service tunnel")
    func closedRoads() throws {
        let (bundle, network, reference) = try Self.load()
        let closure = try Self.closure(bundle)
        #expect(closure.polygonFile == nil && closure.polygon?.count == 5)
        let ours = network.roads(closedBy: closure).map { "\($0.from.rawValue)-\($0.to.rawValue)" }
        #expect(ours == reference.closed_rows.map { "\($0.from)-\($0.to)" })
        #expect(reference.closed_rows.map(\.kinds) == [["tunnel"], ["bridge"], ["tunnel"], ["tunnel"], ["bridge"]])
        let names = reference.closed_rows.map { bundle.roadEdges[$0.row].attributes?.name ?? "" }
        #expect(names.filter { $0 == "Pitkäsilta" }.count == 2)
    }

    @Test("Travel times before and after the closure equal networkx's on 150 seeded pairs")
    func travelTimes() throws {
        let (bundle, network, reference) = try Self.load()
        var overlay = DisruptionOverlay(for: network.graph)
        // Each closed row is a one-way carriageway or a two-way road: 5 rows here.
        let closedEdges = network.close(try Self.closure(bundle), in: &overlay)
        #expect(closedEdges == overlay.closedEdges.count && closedEdges >= reference.closed_rows.count)
        var workspace = SearchWorkspace(for: network.graph)
        var mismatches: [String] = []
        var changed = 0
        for pair in reference.pairs {
            let a = try #require(network.node(RoadNodeID(pair.from))), b = try #require(network.node(RoadNodeID(pair.to)))
            try network.graph.search(SearchQuery(from: a, targets: [b]), in: &workspace)
            let before = workspace.hours(to: b)
            try network.graph.search(SearchQuery(from: a, overlay: overlay, targets: [b]), in: &workspace)
            let after = workspace.hours(to: b)
            func same(_ x: Double?, _ y: Double?) -> Bool {
                switch (x, y) {
                case (nil, nil): true
                case let (x?, y?): abs(x - y) <= 1e-9 * max(1, y)
                default: false
                }
            }
            if !same(before, pair.hours_before) || !same(after, pair.hours_after) {
                mismatches.append("\(pair.from)→\(pair.to): \(String(describing: before))/\(String(describing: after)) vs \(String(describing: pair.hours_before))/\(String(describing: pair.hours_after))")
            }
            if pair.hours_before != pair.hours_after { changed += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The reference itself shows the closure matters (23 of the 150 pairs).
        #expect(changed == 23)
    }
}

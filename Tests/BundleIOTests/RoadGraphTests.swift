import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import RoadNetwork
import TestSupport
import Testing

@Suite("Bundle road graph (RoadNetwork)")
struct RoadGraphTests {
    @Test("The fixture's road rows become a RoadNetwork graph")
    func build() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let bundle = try BundleReader.read(at: copy.path).bundle
        let built = bundle.roadGraph()
        #expect(built.skippedEdges.isEmpty)
        #expect(built.graph.nodeCount == 4)
        #expect(built.graph.head.count == 6)  // three two-way roads
        let n4 = try #require(built.node("n4")), n3 = try #require(built.node("n3"))
        let e = try #require(built.graph.edge(from: n4, to: n3))
        // 1.2 km at the row's own 45 km/h.
        #expect(isApproximatelyEqual(built.graph.baseHours[Int(e.rawValue)], 1.2 / 45))
        let n1 = try #require(built.node("n1")), n2 = try #require(built.node("n2"))
        let national = try #require(built.graph.edge(from: n1, to: n2))
        #expect(isApproximatelyEqual(built.graph.baseHours[Int(national.rawValue)], 1.8 / 70))
    }

    @Test("Rows that cannot be built are skipped and listed")
    func skipped() {
        var b = ReserveBundle(manifest: BundleManifest(name: "x"))
        b.roadNodes = [RoadNodeRecord(id: "a", lat: 47, lon: 130), RoadNodeRecord(id: "b", lat: 47.01, lon: 130)]
        b.roadEdges = [RoadEdgeRecord(from: "a", to: "b", lengthKm: 1, roadClass: "county"),
                       RoadEdgeRecord(from: "a", to: "zz", lengthKm: 1, roadClass: "county"),
                       RoadEdgeRecord(from: "a", to: "b", lengthKm: -1, roadClass: "county")]
        #expect(b.roadGraph().skippedEdges == [1, 2])
    }

    @Test("RoadNetwork snapping agrees with the built-in nearest-node search", arguments: 0..<5)
    func snappingAgrees(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var b = ReserveBundle(manifest: BundleManifest(name: "x"))
        b.roadNodes = (0..<400).map { RoadNodeRecord(id: RoadNodeID("n\($0)"), lat: Double.random(in: 30...30.5, using: &rng),
                                                    lon: Double.random(in: 115...115.6, using: &rng)) }
        let network = RoadGraphSnapper(graph: b.roadGraph().graph)
        let simple = NearestNodeIndex(points: b.roadNodes.map(\.point))
        for _ in 0..<100 {
            let p = GeoPoint(lat: Double.random(in: 29.9...30.6, using: &rng), lon: Double.random(in: 114.9...115.7, using: &rng))
            let a = network.snapDistanceKm(to: p, maxKm: 3), s = simple.snapDistanceKm(to: p, maxKm: 3)
            #expect((a == nil) == (s == nil))
            if let a, let s { #expect(isApproximatelyEqual(a, s, absolute: 1e-6, relative: 1e-3)) }
        }
    }

    @Test("A depot on a cut-off piece of road is a warning")
    func cutOff() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.write("nodes.csv", try copy.text("nodes.csv") + "n5,47.35,130.36\nn6,47.351,130.362\n")
        try copy.write("roads.csv", try copy.text("roads.csv") + "n5,n6,0.2,village,,false\n")
        try copy.write("depots.csv", try copy.text("depots.csv") + "D4,孤立储备点,township,A2,47.3502,130.3601,乡,100,10,0.5,2,physical,0,,,0,false,\r\n")
        try copy.write("stock.csv", try copy.text("stock.csv") + "D4,water,10,L,B9,2025-03-01,2026-08-01\n")
        let report = try copy.validate()
        #expect(!report.hasErrors)
        #expect(report.problems(at: "depots.csv:6:lat").map(\.message)
                == ["Depot 'D4' snaps to road node 'n5', in a part of the network of 2 node(s) cut off from the main network of 4."])
    }
}

import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import RoadNetwork
import Testing

/// An empty `geometry` cell in roads.csv is the straight line between the row's nodes
/// (docs/formats.md), which `reserve import osm` now writes for every two-point road.
/// The tiny fixture with the road n2–n4 a bridge, once with its `geometry` cell empty
/// and once with that straight line spelt out as WKT, must give the same answers in
/// every reader: the attributes, the validator, the closure of the bridge by a polygon
/// its line crosses with neither end inside, and the disrupted-road shape a map draws.
/// Worked by hand (as in CrossingClosureTests): n2 = (130.321 E, 47.301 N), n4 =
/// (130.33 E, 47.302 N); the box 130.324–130.327 E × 47.29–47.31 N holds neither, but
/// the road passes lon 130.325 at lat 47.30144, inside it.
@Suite("roads.csv: an empty geometry cell is the straight line")
struct EmptyGeometryTests {
    static let box = "[[130.324, 47.29], [130.327, 47.29], [130.327, 47.31], [130.324, 47.31]]"
    static let flood = "scenarios/s-flood.json"

    func fixture(bridgeGeometry: String) throws -> FixtureCopy {
        let copy = try FixtureCopy()
        try copy.write("roads.csv", """
            from,to,length_km,class,speed_kmh,oneway,highway,name,bridge,tunnel,ford,ferry,osm_ways,geometry
            n1,n2,1.8,national,,false,primary,,false,false,false,false,1,"LINESTRING(130.30 47.30, 130.31 47.305, 130.321 47.301)"
            n2,n4,0.8,county,,false,secondary,Siltakatu,true,false,false,false,2,\(bridgeGeometry)
            n4,n3,1.2,township,45,false,tertiary,,false,false,false,false,3,

            """)
        try copy.replace(Self.flood, "\"road_disruptions\": {\"closed_edges\": [{\"from\": \"n4\", \"to\": \"n3\"}], \"slowed_edges\": [{\"from\": \"n1\", \"to\": \"n2\", \"factor\": 0.5}]}",
                         with: "\"road_disruptions\": {\"closed_crossings\": [{\"crossings\": [\"bridge\"], \"polygon\": \(Self.box)}]}")
        return copy
    }

    struct Answers: Equatable {
        var problems: [String]
        var closed: [NodePair]
        var closedEdges: Int
        var disrupted: [String]
    }

    func answers(bridgeGeometry: String) throws -> (Answers, LoadedBundle) {
        let copy = try fixture(bridgeGeometry: bridgeGeometry)
        defer { copy.remove() }
        let loaded = try BundleReader.read(at: copy.path)
        let network = try BundleNetwork(bundle: loaded.bundle)
        let scenario = try #require(loaded.bundle.scenarios.first)
        let closure = try #require(scenario.incidents.first?.roadDisruptions.closedCrossings.first)
        let (overlay, _) = try network.overlay(for: scenario)
        let disrupted = network.disruptedRoads(in: loaded.bundle, scenario: scenario, overlay: overlay)
            .map { "\($0.from.rawValue)-\($0.to.rawValue) \($0.effect) \($0.polyline.map { "\($0.lon) \($0.lat)" })" }
        return (Answers(problems: loaded.validate().problems.map(\.description), closed: network.roads(closedBy: closure),
                        closedEdges: overlay.closedEdges.count, disrupted: disrupted), loaded)
    }

    @Test func anEmptyCellAnswersLikeItsStraightLine() throws {
        let (empty, emptyBundle) = try answers(bridgeGeometry: "")
        let (spelt, speltBundle) = try answers(bridgeGeometry: "\"LINESTRING(130.321 47.301, 130.33 47.302)\"")
        // Read as no geometry (the readers then take the straight line) …
        #expect(emptyBundle.bundle.roadEdges[1].attributes?.geometry == nil)
        #expect(emptyBundle.bundle.roadEdges[1].attributes?.bridge == true)
        #expect(emptyBundle.bundle.roadEdges[2].attributes?.geometry == nil)
        #expect(speltBundle.bundle.roadEdges[1].attributes?.geometry == [GeoPoint(lat: 47.301, lon: 130.321), GeoPoint(lat: 47.302, lon: 130.33)])
        // … and every answer is the spelt-out line's.
        #expect(empty == spelt)
        #expect(empty.problems.isEmpty, "\(empty.problems)")
        #expect(empty.closed == [NodePair(from: RoadNodeID("n2"), to: RoadNodeID("n4"))])
        #expect(empty.closedEdges == 2)
        #expect(empty.disrupted == ["n2-n4 closedCrossing [\"130.321 47.301\", \"130.33 47.302\"]"])
    }
}

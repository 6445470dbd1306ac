import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import RoadNetwork
import Testing

/// `road_disruptions.closed_crossings` on the tiny fixture, where the road n2–n4 is
/// made a bridge. Worked by hand: n2 = (130.321 E, 47.301 N), n4 = (130.33 E,
/// 47.302 N); the box 130.324–130.327 E × 47.29–47.31 N holds neither end, but the
/// straight road passes lon 130.325 at lat 47.30144, inside it. n1→n3 runs n1–n2
/// (1.8 km national, 70 km/h), n2–n4 (0.8 km county, 45), n4–n3 (1.2 km, 45):
/// 1.8/70 + 0.8/45 + 1.2/45 h; there is no other way, so closing the bridge cuts it.
@Suite("Closed crossings (bridges, fords, tunnels in a polygon)")
struct CrossingClosureTests {
    static let box = "[[130.324, 47.29], [130.327, 47.29], [130.327, 47.31], [130.324, 47.31]]"
    static let flood = "scenarios/s-flood.json"
    static let at = "scenarios/s-flood.json:$.incidents[0].road_disruptions.closed_crossings[0]"

    /// The fixture with n2–n4 a bridge and the flood's disruptions replaced by `closures`.
    func fixture(closures: String) throws -> FixtureCopy {
        let copy = try FixtureCopy()
        try copy.write("roads.csv", """
            from,to,length_km,class,speed_kmh,oneway,bridge
            n1,n2,1.8,national,,false,false
            n2,n4,0.8,county,,false,true
            n4,n3,1.2,township,45,false,false

            """)
        try copy.replace(Self.flood, "\"road_disruptions\": {\"closed_edges\": [{\"from\": \"n4\", \"to\": \"n3\"}], \"slowed_edges\": [{\"from\": \"n1\", \"to\": \"n2\", \"factor\": 0.5}]}",
                         with: "\"road_disruptions\": {\"closed_crossings\": \(closures)}")
        return copy
    }

    @Test("A bridge crossing the polygon's edge is closed, and the only way from n1 to n3 with it")
    func closesTheBridge() throws {
        let copy = try fixture(closures: "[{\"crossings\": [\"bridge\", \"ford\"], \"polygon\": \(Self.box), \"reason\": \"洪水\"}]")
        defer { copy.remove() }
        let loaded = try BundleReader.read(at: copy.path)
        #expect(loaded.validate().problems.isEmpty, "\(loaded.validate().problems.map(\.description))")
        let network = try BundleNetwork(bundle: loaded.bundle)
        let scenario = try #require(loaded.bundle.scenarios.first)
        let closure = try #require(scenario.incidents.first?.roadDisruptions.closedCrossings.first)
        #expect(network.roads(closedBy: closure) == [NodePair(from: RoadNodeID("n2"), to: RoadNodeID("n4"))])
        let (overlay, warnings) = try network.overlay(for: scenario)
        #expect(warnings.isEmpty)
        #expect(overlay.closedEdges.count == 2)
        let n1 = try #require(network.node(RoadNodeID("n1"))), n3 = try #require(network.node(RoadNodeID("n3")))
        var workspace = SearchWorkspace(for: network.graph)
        try network.graph.search(SearchQuery(from: n1, targets: [n3]), in: &workspace)
        let before = workspace.hours(to: n3) ?? .nan
        #expect(abs(before - (1.8 / 70 + 0.8 / 45 + 1.2 / 45)) < 1e-12)
        try network.graph.search(SearchQuery(from: n1, overlay: overlay, targets: [n3]), in: &workspace)
        let after = workspace.hours(to: n3)
        #expect(after == nil)
    }

    @Test("Only the kinds named are closed")
    func kinds() throws {
        let copy = try fixture(closures: "[{\"crossings\": [\"ford\", \"tunnel\"], \"polygon\": \(Self.box)}]")
        defer { copy.remove() }
        let report = try copy.validate()
        #expect(report.problems(at: Self.at).map(\.message) == ["No road marked ford, tunnel in roads.csv meets this polygon; the closure closes nothing."])
        #expect(report.problems(at: Self.at).map(\.severity) == [.warning])
        let loaded = try BundleReader.read(at: copy.path)
        let (overlay, warnings) = try BundleNetwork(bundle: loaded.bundle).overlay(for: loaded.bundle.scenarios[0])
        #expect(overlay.closedEdges.isEmpty)
        #expect(warnings == ["incident i1: closed crossings [0] (ford, tunnel) meet no road of the network"])
    }

    @Test("Every mistake at once, each at its JSON path")
    func errors() throws {
        let copy = try fixture(closures: """
            [{"crossings": ["bridge", "culvert"], "polygon": [[130.3, 47.3], [130.4, 47.3]]},
             {"crossings": []},
             {"crossings": ["ford"], "polygon": [[130.3, 47.3], [190.4, 47.3], [130.4, 47.4]]}]
            """)
        defer { copy.remove() }
        let report = try copy.validate()
        let base = "scenarios/s-flood.json:$.incidents[0].road_disruptions.closed_crossings"
        #expect(report.problems(at: base + "[0].crossings[1]").map(\.message) == ["Unknown crossing 'culvert'; expected one of bridge, tunnel, ford, ferry."])
        #expect(report.problems(at: base + "[0].polygon").map(\.message) == ["Polygon must have at least 3 [lon, lat] vertices."])
        #expect(report.problems(at: base + "[1].crossings").map(\.message) == ["Closed crossings must name at least one of bridge, tunnel, ford, ferry."])
        #expect(report.problems(at: base + "[1].polygon").map(\.message) == ["Closed crossings need a `polygon` ([[lon, lat], …]) or a `polygon_file` (GeoJSON)."])
        #expect(report.problems(at: base + "[2].polygon").map(\.message) == ["Polygon has a vertex outside lon −180…180 / lat −90…90."])
        #expect(report.problems.filter { $0.severity == .error }.count == 5)
    }

    @Test("The polygon can come from a GeoJSON file in the bundle (Polygon, Feature or FeatureCollection)")
    func polygonFile() throws {
        let copy = try fixture(closures: "[{\"crossings\": [\"bridge\"], \"polygon_file\": \"scenarios/zone.geojson\"}]")
        defer { copy.remove() }
        let ring = "[\(Self.box.dropFirst().dropLast()), [130.324, 47.29]]"
        for geojson in ["{\"type\": \"Polygon\", \"coordinates\": [\(ring)]}",
                        "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\(ring)]}}",
                        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\(ring)]}}]}"] {
            try copy.write("scenarios/zone.geojson", geojson)
            let loaded = try BundleReader.read(at: copy.path)
            #expect(loaded.validate().problems.isEmpty, "\(loaded.validate().problems.map(\.description))")
            let closure = try #require(loaded.bundle.scenarios.first?.incidents.first?.roadDisruptions.closedCrossings.first)
            #expect(closure.polygonFile == nil)
            #expect(closure.polygon?.count == 5)
            #expect(try BundleNetwork(bundle: loaded.bundle).roads(closedBy: closure).count == 1)
        }
    }

    @Test("A polygon file that is missing or not one polygon is an error at the scenario's JSON path")
    func badPolygonFiles() throws {
        let copy = try fixture(closures: "[{\"crossings\": [\"bridge\"], \"polygon_file\": \"scenarios/zone.geojson\"}]")
        defer { copy.remove() }
        let place = Self.at + ".polygon_file"
        let cases: [(String?, String)] = [
            (nil, "Polygon file scenarios/zone.geojson: missing or unreadable."),
            ("{\"type\": ", "Polygon file scenarios/zone.geojson: not valid JSON."),
            ("{\"type\": \"MultiPolygon\", \"coordinates\": []}",
             "Polygon file scenarios/zone.geojson: $.type is 'MultiPolygon'; one Polygon is expected (split a MultiPolygon into one closure per part)."),
            ("{\"type\": \"FeatureCollection\", \"features\": []}",
             "Polygon file scenarios/zone.geojson: $.features has 0 features; exactly one Polygon feature is expected."),
            ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1, 2], \"x\"]]}}",
             "Polygon file scenarios/zone.geojson: $.geometry.coordinates[0][1] is not a [lon, lat] position."),
        ]
        for (text, message) in cases {
            if let text { try copy.write("scenarios/zone.geojson", text) }
            let found = try copy.validate().problems(at: place)
            #expect(found.map(\.message) == [message, "The polygon of 'scenarios/zone.geojson' was not read; a single-JSON bundle must give `polygon` inline."])
        }
    }

    @Test("Meets: a vertex inside, a segment across the boundary, or neither (by hand)")
    func meets() {
        let c = CrossingClosure(crossings: ["bridge"], polygon: [[0, 0], [2, 0], [2, 2], [0, 2]])
        #expect(c.meets([GeoPoint(lat: 1, lon: 1), GeoPoint(lat: 5, lon: 5)]))      // starts inside
        #expect(c.meets([GeoPoint(lat: 1, lon: -1), GeoPoint(lat: 1, lon: 3)]))     // passes through
        #expect(c.meets([GeoPoint(lat: 2, lon: -1), GeoPoint(lat: 2, lon: 3)]))     // runs along the top edge
        #expect(!c.meets([GeoPoint(lat: 3, lon: -1), GeoPoint(lat: 3, lon: 3)]))    // passes above
        #expect(!c.meets([GeoPoint(lat: -1, lon: 1), GeoPoint(lat: 1, lon: 3.5), GeoPoint(lat: 3, lon: 3)])) // bends round a corner
        #expect(c.selects(RoadEdgeAttributes(bridge: true)) && !c.selects(RoadEdgeAttributes(ford: true)) && !c.selects(nil))
    }
}

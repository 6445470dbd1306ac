import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import RoadNetwork
import Testing

/// The headline scenarios are meant to be interesting for a dispatcher: these
/// checks keep the sample data honest about the travel times its READMEs promise.
@Suite("Headline scenarios route as described")
struct HeadlineScenarioTests {
    func load(_ city: String) throws -> ReserveBundle {
        try BundleReader.read(at: RepositoryRoot.url.appendingPathComponent("Data/\(city)").path).bundle
    }

    func hours(_ b: ReserveBundle, from depot: DepotID, to area: AreaID, closing: [NodePair] = []) throws -> Double? {
        let built = b.roadGraph()
        var overlay = DisruptionOverlay(for: built.graph)
        for pair in closing {
            let a = try #require(built.node(pair.from)), c = try #require(built.node(pair.to))
            _ = try overlay.closeRoad(between: a, and: c, in: built.graph)
        }
        let from = try #require(b.depot(depot)?.location), to = try #require(b.area(area)?.centroid)
        return try built.graph.shortestPath(from: GeoCoordinate(latitude: from.lat, longitude: from.lon),
                                            to: GeoCoordinate(latitude: to.lat, longitude: to.lon), overlay: overlay)?.hours
    }

    @Test("Hegang: Suibin is more than 2 h from the city depot")
    func hegang() throws {
        let b = try load("hegang")
        let h = try #require(try hours(b, from: "HG-D-CITY", to: "HG-SB-SB"))
        #expect(h > 2 && h < 4, "\(h)")
    }

    @Test("Linjiang: the landslide pushes the upper valley past the 2 h target with mobilisation")
    func linjiang() throws {
        let b = try load("linjiang")
        let scenario = try #require(b.scenario("lj-landslide-flashflood"))
        let closed = scenario.incidents.flatMap(\.roadDisruptions.closedEdges)
        let before = try #require(try hours(b, from: "LJ-D-CITY", to: "LJ-LDG"))
        let after = try #require(try hours(b, from: "LJ-D-CITY", to: "LJ-LDG", closing: closed))
        #expect(before < 1, "\(before)")
        #expect(after > 1.5, "\(after)")
    }
}

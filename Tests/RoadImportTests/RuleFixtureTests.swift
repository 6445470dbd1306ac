import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// rules.osm (hand-written, one way per tag rule) read as XML and as the PBF osmium
/// made from it: both must give the same network, with each rule applied.
@Suite struct RuleFixtureTests {
    enum Source: String, CaseIterable { case xml, pbf }

    static func network(_ source: Source, profile: OSMProfile = OSMProfile(.truck)) throws -> ImportedRoadNetwork {
        let options = OSMImportOptions(profile: profile)
        switch source {
        case .xml: return try OSMImporter.importXML(path: FixturePaths.local("osm-rules/rules.osm"), options: options)
        case .pbf: return try OSMImporter.importPBF(path: FixturePaths.local("osm-rules/rules.osm.pbf"), options: options)
        }
    }

    func edges(_ n: ImportedRoadNetwork, way: Int64) -> [ImportedRoadNetwork.Edge] { n.edges.filter { $0.wayIDs.contains(way) } }
    func name(_ n: ImportedRoadNetwork, _ i: Int) -> String { n.nodes[i].name }

    @Test(arguments: Source.allCases) func onewayMinusOneRunsBackwards(_ source: Source) throws {
        let n = try Self.network(source)
        let e = try #require(edges(n, way: 1).first)
        #expect(e.oneway && name(n, e.from) == "n3" && name(n, e.to) == "n1")
        // 3 → 7 → 1: the geometry follows the driving direction.
        #expect(e.geometry.map(\.latitude) == [60.0, 59.999, 60.0] && e.geometry.first?.longitude == 25.004)
        // Haversine of both legs, R = 6371.0088 km (worked out with Python's math module).
        #expect(isApproximatelyEqual(e.lengthKm, 0.3145095579347685, absolute: 1e-12))
    }

    @Test(arguments: Source.allCases) func maxspeedInMph(_ source: Source) throws {
        let e = try #require(edges(try Self.network(source), way: 2).first)
        #expect(isApproximatelyEqual(e.speedKmh, 20 * 1.609344) && e.roadClass == .provincial && !e.oneway)
    }

    @Test(arguments: Source.allCases) func roundaboutIsImpliedOneway(_ source: Source) throws {
        let n = try Self.network(source)
        let ring = edges(n, way: 3)
        #expect(ring.count == 2 && ring.allSatisfy(\.oneway))
        let pairs = Set(ring.map { "\(name(n, $0.from))>\(name(n, $0.to))" })
        #expect(pairs == ["n5>n6", "n6>n5"])
        #expect(ring.first { name(n, $0.from) == "n5" }?.geometry.count == 3) // 5, 10, 6
    }

    @Test(arguments: Source.allCases) func privateAccessIsExcluded(_ source: Source) throws {
        let n = try Self.network(source)
        #expect(edges(n, way: 4).isEmpty)
        #expect(n.report.waysByHighway["service"] == nil)
    }

    @Test(arguments: Source.allCases) func fordWayAndFordNode(_ source: Source) throws {
        let n = try Self.network(source)
        #expect(edges(n, way: 5).map(\.ford) == [true])
        // Way 6 runs 3 → 12 (ford node) → 6: both halves ford, merged back into one edge.
        let six = edges(n, way: 6)
        #expect(six.count == 1 && six[0].ford && six[0].geometry.count == 3)
        #expect(edges(n, way: 10)[0].ford == false)
    }

    @Test(arguments: Source.allCases) func ferryTakesItsDuration(_ source: Source) throws {
        let e = try #require(edges(try Self.network(source), way: 7).first)
        // 0.002° of latitude = 0.002 × π × 6371.0088 / 180 km, crossed in 0.5 h.
        let km = 0.002 * Double.pi * 6371.0088 / 180
        #expect(e.ferry && isApproximatelyEqual(e.lengthKm, km) && isApproximatelyEqual(e.speedKmh, km / 0.5))
    }

    @Test(arguments: Source.allCases) func bollardBlocksTheWay(_ source: Source) throws {
        let n = try Self.network(source)
        let pieces = edges(n, way: 8)
        #expect(pieces.count == 2)
        let ends = Set(pieces.flatMap { [name(n, $0.from), name(n, $0.to)] })
        #expect(ends == ["n2", "n13b1", "n13b2", "n6"])
        #expect(n.report.blockingBarriers == 1)
    }

    @Test(arguments: Source.allCases) func hgvNoExcludesTrucksOnly(_ source: Source) throws {
        #expect(edges(try Self.network(source), way: 9).isEmpty)
        #expect(edges(try Self.network(source, profile: OSMProfile(.car)), way: 9).count == 1)
    }

    @Test func xmlAndPBFAgree() throws {
        #expect(try Self.network(.xml) == Self.network(.pbf))
    }
}

import Foundation
import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// What `reserve import osm` writes must read back with `reserve route --graph
/// roads.csv --nodes nodes.csv` (CSVEdgeListReader). Found by the fuzz target
/// FuzzOSMPBF (RELIABILITY.md) on its very first seed, rules.osm.pbf: the ferry row's
/// class `ferry` was refused as an unknown road class.
@Suite struct ImportedTablesReadBackTests {
    @Test func anImportedFerryReadsBackWithItsOwnSpeed() throws {
        let network = try OSMImporter.importPBF(path: FixturePaths.local("osm-rules/rules.osm.pbf"))
        let graph = try CSVEdgeListReader.read(edges: RoadTableWriter.roadsCSV(network), file: "roads.csv",
                                               nodes: RoadTableWriter.nodesCSV(network), nodesFile: "nodes.csv")
        #expect(graph.nodeCount == network.nodes.count)
        // Way 7 (rules.osm): a ferry between nodes 1 and 6, 0.002° of latitude apart,
        // 30 minutes. roads.csv gives its length to the metre's thousandth and its speed
        // to 0.01 km/h, so its time is those two rounded numbers divided:
        // 0.222390 km ÷ 0.44 km/h (0.002 × π × 6371.0088 / 180 = 0.2223899 km; ÷ 0.5 h =
        // 0.4447798 km/h).
        let ferry = try #require(network.edges.first { $0.wayIDs == [7] })
        let a = try #require(graph.node(named: network.nodes[ferry.from].name))
        let b = try #require(graph.node(named: network.nodes[ferry.to].name))
        #expect(Set([network.nodes[ferry.from].name, network.nodes[ferry.to].name]) == ["n1", "n6"])
        // Both directions; other roads join the same two nodes, so look at every edge.
        func hours(_ x: NodeID, _ y: NodeID) -> [Double] {
            graph.outEdges(of: x).map(EdgeID.init).filter { graph.target(of: $0) == y }.map { graph.hours(of: $0) }
        }
        #expect(hours(a, b).contains { isApproximatelyEqual($0, 0.222390 / 0.44, absolute: 1e-9) }, "\(hours(a, b))")
        #expect(hours(b, a).contains { isApproximatelyEqual($0, 0.222390 / 0.44, absolute: 1e-9) }, "\(hours(b, a))")
    }

    /// Found by FuzzOSMPBF (2026-12-05 campaign): a ferry 0.7 m long (nodes 1 and 6 moved
    /// 6.2e-6° apart) with `duration=00:30` moves at 0.000689 km ÷ 0.5 h = 0.0014 km/h,
    /// which roads.csv wrote as `0.00` and the reader then refused ("bad speed_kmh").
    /// The importer keeps no speed slower than roads.csv can write, 0.01 km/h.
    @Test func aFerryTooSlowToWriteReadsBackAtTheSlowestWritableSpeed() throws {
        let network = try OSMImporter.importPBF(path: FixturePaths.local("fuzz/ferry-speed-below-writable.osm.pbf"))
        let roads = RoadTableWriter.roadsCSV(network)
        let graph = try CSVEdgeListReader.read(edges: roads, file: "roads.csv",
                                               nodes: RoadTableWriter.nodesCSV(network), nodesFile: "nodes.csv")
        #expect(graph.nodeCount == network.nodes.count)
        let ferry = try #require(network.edges.first { $0.ferry })
        #expect(ferry.speedKmh == 0.01)
        #expect(roads.contains("n1,n6,0.000689,ferry,0.01,"))
    }

    /// Found by FuzzOSMPBF (2026-12-05 campaign, after 979,011 inputs): a way named
    /// "␁⏎llard" (U+0001 and a line feed, mutated from "Bollard"). roads.csv quoted it, as RFC 4180 allows,
    /// but the road reader reads one record per line and found a row of 2 fields. The
    /// importer now turns each run of control characters in a name into one space and
    /// trims the name: "llard".
    @Test func aRoadNameWithALineBreakReadsBack() throws {
        let network = try OSMImporter.importPBF(path: FixturePaths.local("fuzz/road-name-with-newline.osm.pbf"))
        let roads = RoadTableWriter.roadsCSV(network)
        let graph = try CSVEdgeListReader.read(edges: roads, file: "roads.csv",
                                               nodes: RoadTableWriter.nodesCSV(network), nodesFile: "nodes.csv")
        #expect(graph.nodeCount == network.nodes.count)
        #expect(roads.split(separator: "\n").count == network.edges.count + 1)
        #expect(network.edges.contains { $0.name == "llard" })
        #expect(!network.edges.contains { $0.name.unicodeScalars.contains { $0.properties.generalCategory == .control } })
    }

    /// `maxspeed` values that are no speed a road can have (zero, below 1 km/h, not
    /// finite, negative zones) are ignored like unreadable ones: the class speed applies.
    @Test func maxspeedsThatAreNoSpeedAreIgnored() {
        for raw in ["0", "0.001", "zone0", "DE:zone:0", "zone-5", "inf", "1e400", "0.5 mph", "-30"] {
            #expect(OSMTagRules.maxspeedKmh(parsing: raw) == nil, "\(raw)")
        }
        #expect(OSMTagRules.maxspeedKmh(parsing: "30 mph") == 30 * 1.609344)
        #expect(OSMTagRules.maxspeedKmh(parsing: "RU:zone20") == 20)
        #expect(OSMTagRules.maxspeedKmh(parsing: "1") == 1)
    }

    /// Without a speed an unknown class still has no speed to route with: an error.
    @Test func anUnknownClassWithoutASpeedIsStillAnError() throws {
        #expect(throws: GraphReadError.self) {
            try CSVEdgeListReader.read(edges: "from,to,length_km,class,speed_kmh\na,b,1,ferry,\n")
        }
    }
}

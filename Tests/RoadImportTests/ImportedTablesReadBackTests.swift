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

    /// Without a speed an unknown class still has no speed to route with: an error.
    @Test func anUnknownClassWithoutASpeedIsStillAnError() throws {
        #expect(throws: GraphReadError.self) {
            try CSVEdgeListReader.read(edges: "from,to,length_km,class,speed_kmh\na,b,1,ferry,\n")
        }
    }
}

import Foundation
import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// The speed-ups of docs/decisions.md ("OSM import speed, second round") must not change
/// what an import gives: the tables formatted in blocks on several threads are the
/// bytes formatted in one piece, and the compact component search finds what
/// `RoadGraph.stronglyConnectedComponents()` finds.
@Suite struct ImportSpeedEquivalenceTests {
    static func table(_ table: RoadTableWriter.Table, _ network: ImportedRoadNetwork, blockRows: Int) -> [UInt8] {
        var out: [UInt8] = []
        RoadTableWriter.formatTable(table, network, blockRows: blockRows) { (bytes) throws(Never) in out += bytes }
        return out
    }

    @Test func blocksOnAllCoresGiveTheSameBytesAsOneBlock() throws {
        let network = try OSMImporter.importPBF(path: FixturePaths.helsinki)
        #expect(network.edges.count == 461 && network.nodes.count == 376) // Data/helsinki's tables
        for table in [RoadTableWriter.Table.nodes, .roads] {
            let whole = Self.table(table, network, blockRows: 1 << 30)
            // 7 rows per block: dozens of blocks, several batches, the last one partial.
            for blockRows in [1, 7, 100] {
                #expect(Self.table(table, network, blockRows: blockRows) == whole, "\(table) in blocks of \(blockRows)")
            }
        }
        // And the public String form is the same bytes.
        #expect(Array(RoadTableWriter.roadsCSV(network).utf8) == Self.table(.roads, network, blockRows: 1 << 30))
    }

    @Test func componentsMatchRoadGraphOnSeededGraphs() throws {
        var rng = SeededGenerator(seed: 17)
        for round in 0..<40 {
            let n = Int.random(in: 1...300, using: &rng)
            let m = Int.random(in: 0...(3 * n), using: &rng)
            let arcs = (0..<m).map { _ in (Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng)) }
            var builder = RoadGraphBuilder(nodeCount: n, lengthUnit: .fileUnit)
            for (a, b) in arcs { try builder.addEdge(from: NodeID(a), to: NodeID(b), length: 1) }
            let expected = builder.build().stronglyConnectedComponents()
            let ours = ComponentLabels(nodeCount: n, arcCount: m) { arc in for (a, b) in arcs { arc(a, b) } }
            #expect(ours.componentOf == expected.componentOf, "round \(round)")
            #expect(ours.sizes == expected.sizes, "round \(round)")
            #expect(ours.largest == expected.largest, "round \(round)")
        }
    }
}

import RoadNetwork
import Testing
@testable import RoadImport

/// roads.csv writes every road's WKT, a straight two-point road's too (QGIS draws
/// nothing for an empty cell, docs/decisions.md). Worked by hand on a square of four nodes 0.001° apart:
/// n1 (60.000 N, 24.000 E), n2 (60.000, 24.001), n3 (60.001, 24.001), n4 (60.001, 24.000);
/// way 10 runs n1–n2, way 11 n2–n3–n4 and way 12 n4–n1, each with its own name so
/// nothing contracts. n3 is used by one way only, so it stays inside way 11's road:
/// roads n1–n2 (2 points), n2–n4 (3 points, bent at n3) and n4–n1 (2 points).
@Suite struct StraightGeometryTests {
    static let square = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="60.000" lon="24.000"/>
          <node id="2" lat="60.000" lon="24.001"/>
          <node id="3" lat="60.001" lon="24.001"/>
          <node id="4" lat="60.001" lon="24.000"/>
          <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="name" v="A"/></way>
          <way id="11"><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="name" v="B"/></way>
          <way id="12"><nd ref="4"/><nd ref="1"/><tag k="highway" v="residential"/><tag k="name" v="C"/></way>
        </osm>
        """

    @Test func aTwoPointRoadKeepsItsGeometry() throws {
        let network = try OSMImporter.importData(OSMXMLReader.read(bytes: Array(Self.square.utf8)))
        #expect(network.nodes.map(\.name) == ["n1", "n2", "n4"])
        #expect(network.edges.map(\.geometry.count) == [2, 3, 2])
        let rows = RoadTableWriter.roadsCSV(network).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.count == 5 && rows[4].isEmpty)
        #expect(rows[0].hasSuffix(",osm_ways,geometry"))
        #expect(rows[1].hasPrefix("n1,n2,") && rows[1].hasSuffix(
            ",A,false,false,false,false,10,\"LINESTRING(24.0000000 60.0000000, 24.0010000 60.0000000)\""), "\(rows[1])")
        #expect(rows[2].hasPrefix("n2,n4,") && rows[2].hasSuffix(
            ",B,false,false,false,false,11,\"LINESTRING(24.0010000 60.0000000, 24.0010000 60.0010000, 24.0000000 60.0010000)\""), "\(rows[2])")
        #expect(rows[3].hasPrefix("n4,n1,") && rows[3].hasSuffix(
            ",C,false,false,false,false,12,\"LINESTRING(24.0000000 60.0010000, 24.0000000 60.0000000)\""), "\(rows[3])")
        // The table still reads back as a graph with the same three roads.
        let graph = try CSVEdgeListReader.read(edges: RoadTableWriter.roadsCSV(network), file: "roads.csv",
                                               nodes: RoadTableWriter.nodesCSV(network), nodesFile: "nodes.csv")
        #expect(graph.nodeCount == 3 && graph.edgeCount == 6)
    }

    /// The same square with names a CSV cell must quote (RFC 4180: a comma or a quote; a
    /// quote doubled) and one it must not (a Chinese name with full-width punctuation,
    /// 10 characters and 30 bytes). A line break in a name becomes a space before it gets
    /// here (`OSMTagRules.roadName`).
    @Test func namesAreQuotedOnlyWhenTheyMustBe() throws {
        let named = Self.square
            .replacingOccurrences(of: "v=\"A\"", with: "v=\"He said &quot;stop&quot;, then\"")
            .replacingOccurrences(of: "v=\"B\"", with: "v=\"中山路（东段），北\"")
            .replacingOccurrences(of: "v=\"C\"", with: "v=\"two&#10;lines, one road\"")
        let network = try OSMImporter.importData(OSMXMLReader.read(bytes: Array(named.utf8)))
        let table = RoadTableWriter.roadsCSV(network)
        #expect(table.contains(",residential,\"He said \"\"stop\"\", then\",false,false,false,false,10,\"LINESTRING("))
        #expect(table.contains(",residential,中山路（东段），北,false,false,false,false,11,\"LINESTRING("))
        #expect(table.contains(",residential,\"two lines, one road\",false,false,false,false,12,\"LINESTRING("))
        let graph = try CSVEdgeListReader.read(edges: table, file: "roads.csv", nodes: RoadTableWriter.nodesCSV(network), nodesFile: "nodes.csv")
        #expect(graph.nodeCount == 3 && graph.edgeCount == 6)
    }

    /// Node ids are written from the text kept per vertex when it fits 15 bytes, else
    /// from their digits: the same square with ids of 16 and 15 bytes written (`n` and 15
    /// or 14 digits), a negative one (JOSM's new nodes) and a blocking barrier on n4.
    /// Each road end at the barrier gets its own copy: way 11 ends on `n-4b1` and makes
    /// `n-4b2` for a road going on past it (it has none: that copy is left without
    /// roads), and way 12 starts on `n-4b3`.
    @Test func longNegativeAndCopiedIdsAreWrittenWhole() throws {
        let xml = Self.square
            .replacingOccurrences(of: "\"1\"", with: "\"123456789012345\"")
            .replacingOccurrences(of: "\"2\"", with: "\"12345678901234\"")
            .replacingOccurrences(of: "<node id=\"4\" lat=\"60.001\" lon=\"24.000\"/>",
                                  with: "<node id=\"-4\" lat=\"60.001\" lon=\"24.000\"><tag k=\"barrier\" v=\"block\"/></node>")
            .replacingOccurrences(of: "<nd ref=\"4\"/>", with: "<nd ref=\"-4\"/>")
        let network = try OSMImporter.importData(OSMXMLReader.read(bytes: Array(xml.utf8)))
        // The barrier splits the ring into a line n-4b3 … n-4b1, one strongly connected piece.
        let nodes = RoadTableWriter.nodesCSV(network).split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(nodes == ["id", "n123456789012345", "n12345678901234", "n-4b1", "n-4b3"], "\(nodes)")
        let roads = RoadTableWriter.roadsCSV(network).split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(roads == ["n123456789012345,n12345678901234", "n12345678901234,n-4b1", "n-4b3,n123456789012345"], "\(roads)")
        #expect(network.nodes.map(\.name).sorted() == nodes.dropFirst().sorted())
    }
}

/// The edges' polylines are ranges of dense node indices: of the ways' own references,
/// where a piece taken from a `oneway=-1` way stays stored against its direction (read
/// backwards), or of the merged pieces' buffer for a road contraction joined. Both must
/// give the geometry and the roads.csv cells of the driving direction.
@Suite struct SharedShapeTests {
    /// The record behind the edge of `wayIDs`.
    static func piece(_ network: ImportedRoadNetwork, wayIDs: [Int64]) throws -> OSMNetworkBuilder.Piece {
        let i = try #require(network.edges.firstIndex { $0.wayIDs == wayIDs })
        return network.store.pieces[i]
    }

    /// rules.osm's way 1 (`oneway=-1`, nodes 1, 7, 3) is driven 3 → 7 → 1: its edge is
    /// stored 1, 7, 3 (the way's own references) and written in the driving direction.
    @Test func aReversedPieceIsWrittenInItsDrivingDirection() throws {
        let network = try OSMImporter.importXML(path: FixturePaths.local("osm-rules/rules.osm"))
        let p = try Self.piece(network, wayIDs: [1])
        #expect(p.reversed && !p.merged && p.geometryCount == 3)
        let e = try #require(network.edges.first { $0.wayIDs == [1] })
        #expect(e.geometry.map(\.longitude) == [25.004, 25.002, 25.0])
        let row = try #require(RoadTableWriter.roadsCSV(network).split(separator: "\n").first { $0.hasPrefix("n3,n1,") })
        #expect(row.hasSuffix(",1,\"LINESTRING(25.0040000 60.0000000, 25.0020000 59.9990000, 25.0000000 60.0000000)\""), "\(row)")
    }

    /// A two-point `oneway=-1` road n4 → n1 stored as (n4, n1) backwards: written n1 → n4.
    @Test func aReversedStraightRoadIsWrittenInItsDrivingDirection() throws {
        let square = StraightGeometryTests.square.replacingOccurrences(
            of: "<tag k=\"name\" v=\"C\"/>", with: "<tag k=\"name\" v=\"C\"/><tag k=\"oneway\" v=\"-1\"/>")
        let network = try OSMImporter.importData(OSMXMLReader.read(bytes: Array(square.utf8)))
        let p = try Self.piece(network, wayIDs: [12])
        #expect(p.reversed && p.oneway)
        let rows = RoadTableWriter.roadsCSV(network).split(separator: "\n")
        #expect(rows[3].hasPrefix("n1,n4,") && rows[3].hasSuffix(
            ",true,residential,C,false,false,false,false,12,\"LINESTRING(24.0000000 60.0000000, 24.0000000 60.0010000)\""), "\(rows[3])")
    }

    /// Five two-node ways in a row, n1 … n6 along a parallel, alike in every attribute:
    /// contraction merges them into one road n1 → n6 of six points, at n2, n3, n4 and n5
    /// in turn, appending each joined polyline (3, 4, 5, 6 points) to the merged
    /// pieces' buffer: 18 points stored, the road's the last 6 of them.
    @Test func aContractedRoadReadsItsJoinedPolyline() throws {
        var xml = "<osm version=\"0.6\">"
        for k in 1...6 { xml += "<node id=\"\(k)\" lat=\"60.0\" lon=\"24.00\(k)\"/>" }
        for k in 1...5 {
            xml += "<way id=\"\(19 + k)\"><nd ref=\"\(k)\"/><nd ref=\"\(k + 1)\"/><tag k=\"highway\" v=\"residential\"/></way>"
        }
        let network = try OSMImporter.importData(OSMXMLReader.read(bytes: Array((xml + "</osm>").utf8)))
        #expect(network.edges.count == 1 && network.report.contractedNodes == 4)
        let p = try #require(network.store.pieces.first)
        #expect(p.merged && !p.reversed && p.geometryStart == 12 && p.geometryCount == 6 && network.store.mergedPoints.count == 18)
        let e = try #require(network.edges.first)
        #expect(e.wayIDs == [20, 21, 22, 23, 24])
        #expect(e.geometry.map(\.longitude) == [24.001, 24.002, 24.003, 24.004, 24.005, 24.006])
        let row = try #require(RoadTableWriter.roadsCSV(network).split(separator: "\n").last)
        #expect(row.hasPrefix("n1,n6,"))
        #expect(row.hasSuffix(",20;21;22;23;24,\"LINESTRING(24.0010000 60.0000000, 24.0020000 60.0000000, 24.0030000 60.0000000, "
            + "24.0040000 60.0000000, 24.0050000 60.0000000, 24.0060000 60.0000000)\""), "\(row)")
    }
}

/// The builder's pieces are a large part of an import's memory (3.4 M on the 1300²
/// grid of scripts/bench_import.py): their size follows from the field order (doubles
/// first, flags together; docs/decisions.md, "OSM import speed, third round"). No
/// per-edge record is kept besides them (sixth round).
@Suite struct ImportRecordSizeTests {
    @Test func recordsKeepTheirSizes() {
        // Piece: a double (8) + 5 Int32 (20) + the point count with 4 flags (4) = 32 (the
        // speed is the way's).
        #expect(MemoryLayout<OSMNetworkBuilder.Piece>.stride == 32)
    }
}

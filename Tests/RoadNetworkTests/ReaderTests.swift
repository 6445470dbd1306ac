import Foundation
import RoadNetwork
import TestSupport
import Testing

/// Every reader: a well-formed file gives the expected graph, and every malformed
/// case gives an error naming the file and the line.
@Suite struct ReaderTests {
    /// Asserts that reading fails with exactly these `(line, message fragment)` problems.
    func expectProblems(_ expected: [(Int, String)], file: String = "f", files: [String]? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation, _ read: () throws(GraphReadError) -> RoadGraph) {
        do throws(GraphReadError) {
            _ = try read()
            Issue.record("expected \(expected.count) problems, read succeeded", sourceLocation: sourceLocation)
        } catch {
            #expect(error.problems.map(\.line) == expected.map(\.0), "\(error)", sourceLocation: sourceLocation)
            for (k, (problem, (_, fragment))) in zip(error.problems, expected).enumerated() {
                let file = files?[k] ?? file
                #expect(problem.message.contains(fragment), "\(problem)", sourceLocation: sourceLocation)
                #expect(problem.file == file, sourceLocation: sourceLocation)
                #expect(problem.description.hasPrefix(problem.line > 0 ? "\(file):\(problem.line): " : "\(file): "), sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: CSV

    @Test func csvWithHeaderNodesAndDefaults() throws {
        let edges = """
        from,to,length_km,class,speed_kmh,oneway
        depot,鹤岗村,45,county,,false
        鹤岗村,"farm, north",10,village,20,yes
        depot,"farm, north",100,expressway,,
        """
        let nodes = "id,lat,lon\ndepot,47.35,130.30\n鹤岗村,47.40,130.25\n\"farm, north\",47.50,130.20\n"
        let g = try CSVEdgeListReader.read(edges: edges, nodes: nodes)
        #expect(g.nodeCount == 3 && g.edgeCount == 5)
        #expect(g.nodeNames == ["depot", "鹤岗村", "farm, north"])
        let depot = try #require(g.node(named: "depot")), farm = try #require(g.node(named: "farm, north"))
        #expect(g.coordinate(of: farm) == GeoCoordinate(latitude: 47.5, longitude: 130.2))
        // depot→村 45 km at county 45 km/h = 1 h, 村→farm 10 km at 20 km/h = 0.5 h; the
        // expressway is 100 km at 90 km/h = 1.11 h.
        let route = try #require(try g.shortestPath(from: depot, to: farm))
        #expect(isApproximatelyEqual(route.hours, 100.0 / 90))
        // One-way: the farm cannot go back to the village.
        let back = try g.travelTimes(from: farm, to: [try #require(g.node(named: "鹤岗村"))])
        #expect(isApproximatelyEqual(back[0]!, 100.0 / 90 + 1))
    }

    @Test func csvWithoutHeaderIsPositional() throws {
        let g = try CSVEdgeListReader.read(edges: "a,b,10\r\nb,c,20,national,100,1\r\n")
        #expect(g.nodeNames == ["a", "b", "c"])
        #expect(g.edgeCount == 3)
        #expect(g.coordinates == nil)
        #expect(isApproximatelyEqual(try g.travelTimes(from: NodeID(0), to: [NodeID(2)])[0]!, 10.0 / 45 + 0.2))
    }

    @Test func csvMalformedLinesAreAllReported() {
        let edges = """
        from,to,length_km,class,speed_kmh,oneway
        a,b,ten,county,,
        a,b,-3,county,,
        a,b,1,motorboat,,
        a,b,1,county,0,
        a,b,1,county,,maybe
        a,b
        ,b,1,county,,
        a,zz,1,county,,
        a,b,1,county,50,no
        """
        let nodes = "id,lat,lon\na,47,130\nb,47.1,130.1\nb,47.2,130.2\nc,95,130\nd,x,130\n"
        expectProblems([(4, "duplicate node id 'b'"), (5, "outside WGS-84"), (6, "bad coordinate"),
                        (2, "bad length_km 'ten'"), (3, "bad length_km '-3'"), (4, "unknown road class 'motorboat'"),
                        (5, "bad speed_kmh '0'"), (6, "bad oneway 'maybe'"), (7, "expected at least 3 fields"),
                        (8, "empty node id"), (9, "node 'zz' is not in nodes.csv")],
                       files: Array(repeating: "nodes.csv", count: 3) + Array(repeating: "f", count: 8)) { () throws(GraphReadError) in
            try CSVEdgeListReader.read(edges: edges, file: "f", nodes: nodes, nodesFile: "nodes.csv")
        }
        expectProblems([(1, "header needs columns from, to and length_km")]) { () throws(GraphReadError) in
            try CSVEdgeListReader.read(edges: "source_id,dest,len\na,b,1\n", file: "f")
        }
    }

    @Test func csvNodeFileProblemsNameTheNodesFile() {
        do throws(GraphReadError) {
            _ = try CSVEdgeListReader.read(edges: "a,b,1\n", file: "edges.csv", nodes: "id,lat,lon\na,1\n", nodesFile: "nodes.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.description == "nodes.csv:2: expected fields id,lat,lon, found 2")
        }
    }

    // MARK: GeoJSON

    static let roads = """
    {"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"class": "national", "length_km": 70},
       "geometry": {"type": "LineString", "coordinates": [[130.0, 47.0], [130.5, 47.2], [131.0, 47.0]]}},
      {"type": "Feature", "properties": {"class": "village", "oneway": "-1"},
       "geometry": {"type": "LineString", "coordinates": [[131.0, 47.0], [131.0, 47.1]]}},
      {"type": "Feature", "properties": {"speed_kmh": 50, "oneway": true},
       "geometry": {"type": "MultiLineString", "coordinates": [[[130.0, 47.0], [130.0, 46.9]]]}}
    ]}
    """

    @Test func geoJSONSharesEndpointsAndMeasuresGeometry() throws {
        let g = try GeoJSONRoadReader.read(Self.roads)
        #expect(g.nodeCount == 4)
        #expect(g.edgeCount == 2 + 1 + 1)
        let a = NodeID(0), b = NodeID(1), c = NodeID(2), d = NodeID(3)
        #expect(g.coordinate(of: c) == GeoCoordinate(latitude: 47.1, longitude: 131.0))
        #expect(isApproximatelyEqual(try g.travelTimes(from: a, to: [b])[0]!, 1.0)) // 70 km at 70 km/h
        // The village road is one-way against its drawing: 47.1 → 47.0 only.
        #expect(try g.travelTimes(from: b, to: [c])[0] == nil)
        let villageKm = GeoCoordinate(latitude: 47.1, longitude: 131).distanceKm(to: GeoCoordinate(latitude: 47, longitude: 131))
        #expect(isApproximatelyEqual(try g.travelTimes(from: c, to: [b])[0]!, villageKm / 25))
        let south = try #require(try g.shortestPath(from: a, to: d))
        #expect(isApproximatelyEqual(south.length, GeoCoordinate(latitude: 47, longitude: 130).distanceKm(to: GeoCoordinate(latitude: 46.9, longitude: 130))))
    }

    @Test func geoJSONMalformedFeaturesAreReportedByLine() {
        let text = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}},
          {"type": "Feature", "properties": {"class": "canal"},
           "geometry": {"type": "LineString", "coordinates": [[130, 47], [130, 48]]}},
          {"type": "Feature", "properties": {},
           "geometry": {"type": "LineString", "coordinates": [[130, 47]]}},
          {"type": "Feature", "properties": {"speed": -5},
           "geometry": {"type": "LineString", "coordinates": [[130, 47], [130, 48]]}},
          {"type": "Feature", "properties": {},
           "geometry": {"type": "LineString", "coordinates": [[130, 47], [200, 48]]}},
          {"type": "Feature", "properties": {"oneway": "sometimes"},
           "geometry": {"type": "LineString", "coordinates": [[130, 47], [130, 48]]}},
          {"type": "Feature", "properties": {}, "geometry": null},
          {"type": "Thing"},
          {"type": "Feature", "properties": {"length": "long"},
           "geometry": {"type": "LineString", "coordinates": [[130, 47], [130, 48]]}}
        ]}
        """
        expectProblems([(2, "must be a LineString"), (3, "unknown road class 'canal'"), (6, "at least two positions"),
                        (7, "speed must be a number > 0"), (10, "outside WGS-84"), (11, "oneway must be"),
                        (13, "no geometry"), (14, "\"type\": \"Feature\""), (15, "length must be a number")]) { () throws(GraphReadError) in
            try GeoJSONRoadReader.read(text, file: "f")
        }
    }

    @Test func geoJSONSyntaxErrorsGiveTheLine() {
        expectProblems([(3, "invalid JSON")]) { () throws(GraphReadError) in
            try GeoJSONRoadReader.read("{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\",, }]}", file: "f")
        }
        expectProblems([(2, "unterminated string")]) { () throws(GraphReadError) in
            try GeoJSONRoadReader.read("{\"type\":\n \"FeatureColl", file: "f")
        }
        expectProblems([(1, "expected a FeatureCollection")]) { () throws(GraphReadError) in
            try GeoJSONRoadReader.read("[1, 2]", file: "f")
        }
    }

    // MARK: DIMACS

    static let gr = """
    c tiny example
    p sp 4 5
    a 1 2 7
    a 2 3 8
    a 3 4 1
    a 1 4 20
    a 4 1 2
    """

    @Test func dimacsReadsArcsAndCoordinates() throws {
        let co = "p aux sp co 4\nv 1 130000000 47000000\nv 2 130100000 47000000\nv 3 130200000 47000000\nv 4 130300000 47000000\n"
        let g = try DIMACSReader.read(graph: Self.gr, coordinates: co)
        #expect(g.nodeCount == 4 && g.edgeCount == 5)
        #expect(g.lengthUnit == .fileUnit)
        #expect(g.node(named: "1") == NodeID(0))
        #expect(g.coordinate(of: NodeID(3)) == GeoCoordinate(latitude: 47, longitude: 130.3))
        let route = try #require(try g.shortestPath(from: NodeID(0), to: NodeID(3)))
        #expect(route.length == 16 && route.hours == 16)
        #expect(route.nodes.map { g.name(of: $0) } == ["1", "2", "3", "4"])
    }

    @Test func dimacsMalformedLinesAreReported() {
        let bad = """
        c header comes late
        a 1 2 3
        p sp 3 4
        a 1 2
        a 0 2 5
        a 1 9 5
        a 1 2 -4
        x what
        a 1 2 3
        """
        expectProblems([(2, "arc before the problem line"), (4, "expected 'a FROM TO WEIGHT'"), (5, "node '0' outside 1…3"),
                        (6, "node '9' outside 1…3"), (7, "bad weight '-4'"), (8, "unknown line type 'x'")]) { () throws(GraphReadError) in
            try DIMACSReader.read(graph: bad, file: "f")
        }
        expectProblems([(2, "declares 5 arcs but the file has 1")]) { () throws(GraphReadError) in
            try DIMACSReader.read(graph: "c\np sp 2 5\na 1 2 1\n", file: "f")
        }
        expectProblems([(0, "no problem line")]) { () throws(GraphReadError) in
            try DIMACSReader.read(graph: "c nothing here\n", file: "f")
        }
        do throws(GraphReadError) {
            _ = try DIMACSReader.read(graph: Self.gr, file: "g.gr", coordinates: "p aux sp co 4\nv 1 1 2 3\nv 5 1 2\nv 2 999000000 1\n", coordinatesFile: "g.co")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.description) == ["g.co:2: expected 'v ID X Y', found 5 fields", "g.co:3: node '5' outside 1…4",
                                                          "g.co:4: coordinate (1e-06, 999.0) is outside WGS-84 ranges"])
        }
    }

    // MARK: cedge

    @Test func cedgeReadsUndirectedSegments() throws {
        let g = try CEdgeReader.read("0 0 1 0.5\n1 1 2 0.25\n\n2 0 2 1.0\n")
        #expect(g.nodeCount == 3 && g.edgeCount == 6)
        #expect(try g.travelTimes(from: NodeID(2), to: [NodeID(0)])[0] == 0.75)
    }

    @Test func cedgeMalformedLinesAreReported() {
        expectProblems([(1, "expected 4 fields"), (2, "bad node id '-1'"), (3, "bad length 'x'"), (4, "bad edge id 'e'"), (5, "bad node id '1.5'")]) { () throws(GraphReadError) in
            try CEdgeReader.read("0 1 2\n1 -1 2 0.5\n2 1 2 x\ne 1 2 1\n4 1.5 2 1\n5 1 2 1\n", file: "f")
        }
    }

    @Test func absurdNodeCountsAreRejectedBeforeAllocating() {
        expectProblems([(0, "node id 2000000000 is far beyond")]) { () throws(GraphReadError) in
            try CEdgeReader.read("0 0 1 1\n1 1 2000000000 1\n", file: "f")
        }
        expectProblems([(1, "declares 2000000000 nodes")]) { () throws(GraphReadError) in
            try DIMACSReader.read(graph: "p sp 2000000000 1\na 1 2 3\n", file: "f")
        }
    }

    @Test func filesAreReadByExtensionAndMissingFilesReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roadnetwork-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gr = dir.appendingPathComponent("g.gr").path
        try Self.gr.write(toFile: gr, atomically: true, encoding: .utf8)
        #expect(try RoadGraph.read(contentsOf: gr).edgeCount == 5)
        expectProblems([(0, "cannot read the file")], file: dir.appendingPathComponent("missing.cedge").path) { () throws(GraphReadError) in
            try RoadGraph.read(contentsOf: dir.appendingPathComponent("missing.cedge").path)
        }
        expectProblems([(0, "cannot tell the format")], file: "roads.txt") { () throws(GraphReadError) in
            try RoadGraph.read(contentsOf: "roads.txt")
        }
    }
}

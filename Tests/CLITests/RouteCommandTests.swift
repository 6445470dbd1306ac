import Foundation
import Testing
import TestSupport

/// End-to-end: runs the built `reserve` binary and checks stdout, stderr and exit codes.
@Suite struct RouteCommandTests {

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        }
    }

    /// Runs the built binary through TestSupport's runner (files, not pipes, so
    /// large outputs cannot block).
    func reserve(_ arguments: [String]) throws -> Run {
        let r = try runReserve(arguments)
        return Run(status: r.exitCode, stdout: r.stdout, stderr: r.stderr)
    }

    /// A small network: A —(national 70 km)— B —(county 45 km)— C, a one-way C → D,
    /// and an island E.
    func writeNetwork() throws -> (edges: String, nodes: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reserve-route-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let edges = dir.appendingPathComponent("roads.csv"), nodes = dir.appendingPathComponent("nodes.csv")
        try """
        from,to,length_km,class,speed_kmh,oneway
        A,B,70,national,,no
        B,C,45,county,,no
        C,D,10,village,,yes
        A,C,200,expressway,,no
        """.write(to: edges, atomically: true, encoding: .utf8)
        try "id,lat,lon\nA,47.0,130.0\nB,47.3,130.5\nC,47.6,130.9\nD,47.7,131.0\nE,46.0,129.0\n".write(to: nodes, atomically: true, encoding: .utf8)
        return (edges.path, nodes.path)
    }

    @Test func routeBetweenTwoNodesPrintsTimeLengthAndPath() throws {
        let (edges, nodes) = try writeNetwork()
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "D", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(run.json)
        #expect(json["reachable"] as? Bool == true)
        #expect(json["from"] as? String == "A" && json["to"] as? String == "D")
        #expect(json["path"] as? [String] == ["A", "B", "C", "D"])
        // 70/70 + 45/45 + 10/25 h = 2.4 h over 125 km (the expressway is 200/90 = 2.22 h to C alone).
        #expect(abs((json["distance"] as? Double ?? 0) - 125) < 1e-9)
        #expect(abs((json["hours"] as? Double ?? 0) - 2.4) < 1e-9)

        let text = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "D"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("2 h 24 min") && text.stdout.contains("125.000 km") && text.stdout.contains("A → B → C → D"))
    }

    @Test func closuresAndSlowdownChangeTheRoute() throws {
        let (edges, nodes) = try writeNetwork()
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "C", "--close", "A,B", "--json"])
        #expect(run.status == 0)
        #expect(run.json?["path"] as? [String] == ["A", "C"])
        let slow = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "C", "--slowdown", "2", "--json"])
        #expect(abs((slow.json?["hours"] as? Double ?? 0) - 4) < 1e-9)
    }

    @Test func coordinatesSnapAndAddTheAccessLeg() throws {
        let (edges, nodes) = try writeNetwork()
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "47.01,130.0", "--to", "D", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(run.json)
        #expect(json["path"] as? [String] == ["A", "B", "C", "D"])
        // 0.01° of latitude is 1.112 km from A; at the default 20 km/h that is 0.0556 h.
        let access = try #require(json["accessHours"] as? Double)
        #expect(abs(access - 1.11195 / 20) < 1e-4)
        #expect(abs((json["hours"] as? Double ?? 0) - (2.4 + access)) < 1e-9)
        let far = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "47.5,130.0", "--to", "D"])
        #expect(far.status == 0)
        #expect(far.stderr.contains("warning: 47.5,130.0 is"))
    }

    @Test func unreachableIsAnAnswerWithExitZero() throws {
        let (edges, nodes) = try writeNetwork()
        let json = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "D", "--to", "A", "--json"])
        #expect(json.status == 0)
        #expect(json.json?["reachable"] as? Bool == false)
        #expect((json.json?["path"] as? [String])?.isEmpty == true)
        #expect(json.json?["distance"] is NSNull) // present, and explicitly null
        let text = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "E"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("unreachable"))
    }

    @Test func unknownNodeExits65() throws {
        let (edges, nodes) = try writeNetwork()
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "Nowhere"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("unknown node 'Nowhere'"))
        #expect(run.stdout.isEmpty)
    }

    @Test func malformedGraphExits65WithFileAndLine() throws {
        let (edges, nodes) = try writeNetwork()
        try "from,to,length_km\nA,B,oops\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--to", "B"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(edges):2: bad length_km 'oops'"))
    }

    @Test func usageErrorsExit64() throws {
        let (edges, nodes) = try writeNetwork()
        #expect(try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A"]).status == 64)
        #expect(try reserve(["route", "--graph", edges, "--from", "A", "--to", "B", "--within", "1"]).status == 64)
        #expect(try reserve(["route", "--graph", "roads.txt", "--from", "A", "--to", "B"]).status == 64)
    }

    @Test func isochronePrintsCountAndGeoJSON() throws {
        let (edges, nodes) = try writeNetwork()
        let run = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--within", "2", "--json"])
        #expect(run.status == 0)
        #expect(run.json?["count"] as? Int == 3) // A, B (1 h), C (2 h); D is 2.4 h away
        let geo = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "A", "--within", "2", "--geojson"])
        #expect(geo.status == 0)
        let collection = try #require(geo.json)
        #expect(collection["type"] as? String == "FeatureCollection")
        let geometry = ((collection["features"] as? [[String: Any]])?.first?["geometry"]) as? [String: Any]
        #expect(geometry?["type"] as? String == "Polygon")
        let text = try reserve(["route", "--graph", edges, "--nodes", nodes, "--from", "47.01,130.01", "--within", "2"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("3 nodes reachable from 47.01,130.01 within 2.0 h"))
    }

    @Test func dimacsAndGeoJSONFilesRouteThroughTheCLI() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reserve-formats-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let gr = dir.appendingPathComponent("g.gr").path, co = dir.appendingPathComponent("g.co").path
        try "p sp 4 4\na 1 2 7\na 2 3 8\na 3 4 1\na 1 4 20\n".write(toFile: gr, atomically: true, encoding: .utf8)
        try "p aux sp co 4\nv 1 130000000 47000000\nv 2 130100000 47000000\nv 3 130200000 47000000\nv 4 130300000 47000000\n"
            .write(toFile: co, atomically: true, encoding: .utf8)
        let dimacs = try reserve(["route", "--graph", gr, "--nodes", co, "--from", "1", "--to", "4", "--json"])
        #expect(dimacs.status == 0, "\(dimacs.stderr)")
        #expect(dimacs.json?["distance"] as? Double == 16)
        #expect(dimacs.json?["path"] as? [String] == ["1", "2", "3", "4"])
        #expect(try reserve(["route", "--graph", gr, "--from", "4", "--to", "1", "--json"]).json?["reachable"] as? Bool == false)

        let roads = dir.appendingPathComponent("roads.txt").path
        try """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"class": "national", "length_km": 70, "from": "A", "to": "B"},
           "geometry": {"type": "LineString", "coordinates": [[130.0, 47.0], [130.5, 47.2]]}}]}
        """.write(toFile: roads, atomically: true, encoding: .utf8)
        let geo = try reserve(["route", "--graph", roads, "--graph-format", "geojson", "--from", "A", "--to", "B", "--json"])
        #expect(geo.status == 0, "\(geo.stderr)")
        #expect(geo.json?["hours"] as? Double == 1)
        let line = try reserve(["route", "--graph", roads, "--graph-format", "geojson", "--from", "B", "--to", "A", "--geojson"])
        #expect(line.stdout.contains("\"LineString\""))
        try "{\"type\": \"FeatureCollection\",\n \"features\": [oops]}".write(toFile: roads, atomically: true, encoding: .utf8)
        let bad = try reserve(["route", "--graph", roads, "--graph-format", "geojson", "--from", "A", "--to", "B"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\(roads):2: invalid JSON"))
    }

    @Test func californiaDistanceIsInTheFileUnit() throws {
        let cedge = try ReferenceData.path("roads-california/cal.cedge")
        // 101 → 12388 is 8.157517 by scipy (Tests/RoadNetworkTests/Fixtures/california_pairs.csv).
        let run = try reserve(["route", "--graph", cedge, "--from", "101", "--to", "12388", "--json"])
        #expect(run.status == 0)
        #expect(abs((run.json?["distance"] as? Double ?? 0) - 8.157517) < 1e-9)
        #expect((run.json?["path"] as? [String])?.first == "101")
        let unknown = try reserve(["route", "--graph", cedge, "--from", "101", "--to", "21048"])
        #expect(unknown.status == 65)
    }
}

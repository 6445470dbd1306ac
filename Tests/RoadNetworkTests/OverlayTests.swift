import Foundation
import RoadNetwork
import TestSupport
import Testing

@Suite struct OverlayTests {
    @Test(arguments: Array(UInt64(0)..<150)) func closingAPolygonMatchesARebuiltGraph(seed: UInt64) throws {
        let net = RandomNetwork(seed: seed, maxNodes: 15)
        let graph = try net.build()
        var rng = SeededGenerator(seed: seed &+ 77)
        let lat = 30 + Double.random(in: 0..<0.6, using: &rng), lon = 120 + Double.random(in: 0..<0.6, using: &rng)
        let zone = GeoPolygon(outer: [GeoCoordinate(latitude: lat, longitude: lon), GeoCoordinate(latitude: lat, longitude: lon + 0.4),
                                      GeoCoordinate(latitude: lat + 0.4, longitude: lon + 0.4), GeoCoordinate(latitude: lat + 0.4, longitude: lon)])
        var overlay = DisruptionOverlay(for: graph)
        try overlay.close(inside: zone, in: graph)
        let inside = net.coordinates.map { c in c.latitude > lat && c.latitude < lat + 0.4 && c.longitude > lon && c.longitude < lon + 0.4 }
        let skipped = Set(net.roads.indices.filter { inside[net.roads[$0].from] || inside[net.roads[$0].to] })
        let rebuilt = try net.build(excluding: skipped)
        let a = try graph.travelTimeMatrix(from: Array(graph.nodes), to: Array(graph.nodes), overlay: overlay)
        let b = try rebuilt.travelTimeMatrix(from: Array(rebuilt.nodes), to: Array(rebuilt.nodes))
        for s in 0..<net.nodeCount { for t in 0..<net.nodeCount { #expect(close(a[s, t], b[s, t]), "seed \(seed) \(s)→\(t)") } }
        #expect(overlay.closedEdges.count == net.roads.indices.filter { skipped.contains($0) }.reduce(0) { $0 + (net.roads[$1].oneWay ? 1 : 2) })
    }

    @Test func slowingAPolygonScalesOnlyEdgesTouchingIt() throws {
        // a —— b —— c along a parallel; the zone covers c only.
        var builder = RoadGraphBuilder()
        let a = builder.addNode(at: GeoCoordinate(latitude: 45, longitude: 120))
        let b = builder.addNode(at: GeoCoordinate(latitude: 45, longitude: 120.1))
        let c = builder.addNode(at: GeoCoordinate(latitude: 45, longitude: 120.2))
        try builder.addRoad(from: a, to: b, lengthKm: 10, roadClass: .county)
        try builder.addRoad(from: b, to: c, lengthKm: 10, roadClass: .county)
        let graph = builder.build()
        let zone = GeoPolygon(outer: [GeoCoordinate(latitude: 44.9, longitude: 120.15), GeoCoordinate(latitude: 44.9, longitude: 120.3),
                                      GeoCoordinate(latitude: 45.1, longitude: 120.3), GeoCoordinate(latitude: 45.1, longitude: 120.15)])
        var overlay = DisruptionOverlay(for: graph)
        #expect(try overlay.scale(inside: zone, by: 3, in: graph) == 2)
        let times = try graph.travelTimes(from: a, to: [b, c], overlay: overlay)
        #expect(isApproximatelyEqual(times[0]!, 10.0 / 45))
        #expect(isApproximatelyEqual(times[1]!, 10.0 / 45 + 3 * 10.0 / 45))
        // Restricted to classes: the county roads touching the zone, not others.
        var expresswaysOnly = DisruptionOverlay(for: graph)
        #expect(try expresswaysOnly.close(inside: zone, in: graph, classes: [.expressway]) == 0)
        var countyOnly = DisruptionOverlay(for: graph)
        #expect(try countyOnly.close(inside: zone, in: graph, classes: [.county, .village]) == 2)
        #expect(try graph.travelTimes(from: a, to: [c], overlay: countyOnly)[0] == nil)
        #expect(throws: RoadGraphError.invalidFactor(0)) { try overlay.scaleAll(by: 0) }
        #expect(throws: RoadGraphError.unknownEdge(99)) { try overlay.close(EdgeID(99)) }
        let other = DisruptionOverlay(for: SyntheticGrid(rows: 3, columns: 3).build())
        #expect(throws: RoadGraphError.overlayMismatch(expectedEdges: graph.edgeCount, actualEdges: other.edgeCount)) {
            try graph.travelTimes(from: a, overlay: other)
        }
    }

    @Test func concurrentQueriesWithDifferentOverlaysShareOneGraph() async throws {
        let graph = SyntheticGrid(rows: 40, columns: 40, seed: 3).build()
        var rng = SeededGenerator(seed: 11)
        let overlays: [DisruptionOverlay] = try (0..<16).map { k in
            var o = DisruptionOverlay(for: graph)
            for _ in 0..<(20 * k) { try o.close(EdgeID(Int.random(in: 0..<graph.edgeCount, using: &rng))) }
            try o.scale(RoadClass.allCases[k % 7], by: 1 + Double(k) / 4)
            if k % 3 == 0 { try o.scaleAll(by: 1.5) }
            return o
        }
        let sources = (0..<8).map { NodeID($0 * 197) }
        // Reference: one at a time.
        let expected = try overlays.map { try graph.travelTimeMatrix(from: sources, to: Array(graph.nodes), overlay: $0, threads: 1) }
        // The same, all at once from many tasks over the one graph value.
        let results = try await withThrowingTaskGroup(of: (Int, TravelTimeMatrix).self) { group in
            for (k, overlay) in overlays.enumerated() {
                group.addTask { (k, try graph.travelTimeMatrix(from: sources, to: Array(graph.nodes), overlay: overlay, threads: 2)) }
            }
            var out = [TravelTimeMatrix?](repeating: nil, count: overlays.count)
            for try await (k, m) in group { out[k] = m }
            return out
        }
        for k in overlays.indices { #expect(results[k] == expected[k], "overlay \(k)") }
        // Different overlays really gave different answers (the test could fail).
        #expect(Set(expected.map { $0.row(0).compactMap { $0 }.reduce(0, +) }).count > 8)
    }
}

@Suite struct GeoJSONOutputTests {
    func parse(_ text: String?) throws -> [String: Any] {
        let data = try #require(text).data(using: .utf8)!
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func routeAndIsochroneGeoJSONAreValidAndMatchTheQuery() throws {
        let graph = SyntheticGrid(rows: 12, columns: 12, seed: 5).build()
        let route = try #require(try graph.shortestPath(from: NodeID(0), to: NodeID(143)))
        let line = try parse(route.geoJSON(in: graph))
        #expect(line["type"] as? String == "Feature")
        let geometry = try #require(line["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "LineString")
        let coordinates = try #require(geometry["coordinates"] as? [[Double]])
        #expect(coordinates.count == route.nodes.count)
        #expect(coordinates.first == [graph.coordinate(of: NodeID(0))!.longitude, graph.coordinate(of: NodeID(0))!.latitude])

        let iso = try graph.isochrone(from: NodeID(70), withinHours: 0.2)
        #expect(iso.count > 3 && iso.count < graph.nodeCount)
        let hull = try parse(iso.geoJSON(in: graph))
        let features = try #require(hull["features"] as? [[String: Any]])
        let polygon = try #require(features.first?["geometry"] as? [String: Any])
        #expect(polygon["type"] as? String == "Polygon")
        let ring = try #require((polygon["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.first == ring.last)
        let zone = GeoPolygon(outer: ring.map { GeoCoordinate(latitude: $0[1], longitude: $0[0]) })
        // Every reachable node that is not a hull vertex lies inside the hull. (Foundation's
        // JSON parser may be an ulp off, so vertices are matched with a tolerance.)
        func isVertex(_ c: GeoCoordinate) -> Bool {
            ring.contains { abs($0[0] - c.longitude) < 1e-9 && abs($0[1] - c.latitude) < 1e-9 }
        }
        #expect(iso.nodes.filter { isVertex(graph.coordinate(of: $0)!) }.count == ring.count - 1)
        for v in iso.nodes where !isVertex(graph.coordinate(of: v)!) {
            #expect(zone.contains(graph.coordinate(of: v)!))
        }
        let points = try parse(iso.geoJSON(in: graph, shape: .points))
        #expect((points["features"] as? [Any])?.count == iso.count)
        #expect(try CEdgeReader.read("0 0 1 1\n").shortestPath(from: NodeID(0), to: NodeID(1))?.geoJSON(in: CEdgeReader.read("0 0 1 1\n")) == nil)
    }
}

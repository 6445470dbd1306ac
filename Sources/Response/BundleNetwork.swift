import BundleIO
import ReserveModel
import RoadNetwork

/// A bundle's road network as a routable graph, built once and shared (it is an
/// immutable `Sendable` value): every scenario of the bundle routes on it through
/// its own disruption overlay.
public struct BundleNetwork: Sendable {
    /// The graph (kilometres, travel time from class speeds).
    public let graph: RoadGraph
    /// Speed of the straight-line access leg from a depot, area centroid or team base
    /// to its nearest node, km/h.
    public let accessSpeedKmh: Double
    /// Snapping distance above which a place is reported as probably off the network, km.
    public let warnBeyondKm: Double

    /// Builds the graph from the bundle's `nodes.csv`/`roads.csv` (or GeoJSON) rows.
    ///
    /// - Throws: ``ResponseError/invalidNetwork(_:)`` when there are no nodes, an edge
    ///   names an unknown node, or a number is unusable.
    public init(bundle: ReserveBundle, accessSpeedKmh: Double = 20) throws(ResponseError) {
        let built = bundle.roadGraph()
        var problems = built.skippedEdges.prefix(30).map { k -> String in
            let e = bundle.roadEdges[k]
            return "road \(k + 1) (\(e.from)–\(e.to)): unknown node, or an unusable length or speed"
        }
        if bundle.roadNodes.isEmpty { problems.append("the bundle has no road nodes") }
        if bundle.roadNodes.contains(where: { !GeoPoint(lat: $0.lat, lon: $0.lon).isValid }) {
            problems.append("some road nodes have invalid coordinates")
        }
        if !problems.isEmpty { throw .invalidNetwork(problems) }
        graph = built.graph
        self.accessSpeedKmh = accessSpeedKmh
        self.warnBeyondKm = bundle.manifest.maxSnapKm
    }

    /// The place snapped to its nearest node, with the access leg.
    public func snap(_ point: GeoPoint) -> SnappedPoint? {
        try? graph.snap(GeoCoordinate(latitude: point.lat, longitude: point.lon),
                        accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm)
    }

    /// The node of a bundle node id.
    public func node(_ id: RoadNodeID) -> NodeID? { graph.node(named: id.rawValue) }

    /// The disruption overlay of all of a scenario's incidents (closures, slowed
    /// roads, area-wide factors), and a sentence for each disruption that names no
    /// road of the network.
    ///
    /// Bundles give *speed* multipliers (0.5 = half speed); the overlay scales travel
    /// *time*, so each factor f becomes 1 / f (f ≤ 0 closes the road).
    public func overlay(for scenario: Scenario) -> (overlay: DisruptionOverlay, warnings: [String]) {
        var overlay = DisruptionOverlay(for: graph)
        var warnings: [String] = []
        for incident in scenario.incidents {
            let d = incident.roadDisruptions
            for pair in d.closedEdges {
                guard let a = node(pair.from), let b = node(pair.to),
                      let closed = try? overlay.closeRoad(between: a, and: b, in: graph), closed > 0 else {
                    warnings.append("incident \(incident.id): closed road \(pair.from)–\(pair.to) is not in the network")
                    continue
                }
            }
            for slowed in d.slowedEdges {
                guard let a = node(slowed.from), let b = node(slowed.to) else {
                    warnings.append("incident \(incident.id): slowed road \(slowed.from)–\(slowed.to) is not in the network")
                    continue
                }
                var found = false
                for (x, y) in [(a, b), (b, a)] {
                    for e in graph.outEdges(of: x) where graph.head[e] == y.rawValue {
                        if slowed.factor > 0 { try? overlay.scale(EdgeID(e), by: 1 / slowed.factor) } else { try? overlay.close(EdgeID(e)) }
                        found = true
                    }
                }
                if !found { warnings.append("incident \(incident.id): slowed road \(slowed.from)–\(slowed.to) is not in the network") }
            }
            for area in d.areaFactors {
                let timeFactor = area.factor > 0 ? 1 / area.factor : Double.infinity
                if let polygon = area.polygon, polygon.count >= 3 {
                    let ring = polygon.compactMap { $0.count >= 2 ? GeoCoordinate(latitude: $0[1], longitude: $0[0]) : nil }
                    if let classes = area.roadClasses, !classes.isEmpty {
                        // Only the named classes inside the polygon.
                        let wanted = Set(classes.compactMap { RoadClass(parsing: $0) })
                        let poly = GeoPolygon(outer: ring)
                        for e in 0..<graph.edgeCount where wanted.contains(graph.roadClasses[e]) {
                            let tail = graph.source(of: EdgeID(e)), head = graph.target(of: EdgeID(e))
                            if let p = graph.coordinate(of: tail), let q = graph.coordinate(of: head),
                               poly.contains(p) || poly.contains(q) {
                                if timeFactor.isFinite { try? overlay.scale(EdgeID(e), by: timeFactor) } else { try? overlay.close(EdgeID(e)) }
                            }
                        }
                    } else {
                        _ = try? overlay.scale(inside: GeoPolygon(outer: ring), by: timeFactor, in: graph)
                    }
                } else if let classes = area.roadClasses, !classes.isEmpty {
                    for name in classes {
                        if let roadClass = RoadClass(parsing: name) {
                            try? overlay.scale(roadClass, by: timeFactor)
                        } else {
                            warnings.append("incident \(incident.id): unknown road class '\(name)' in an area factor")
                        }
                    }
                } else {
                    try? overlay.scaleAll(by: timeFactor)
                }
            }
        }
        return (overlay, warnings)
    }
}

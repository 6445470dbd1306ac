/// Every node reachable within a time limit: a service area.
public struct Isochrone: Sendable {
    /// The limit in hours.
    public let limitHours: Double
    /// Reachable nodes in order of increasing travel time.
    public let nodes: [NodeID]
    /// Travel time of each entry of ``nodes``, in hours.
    public let hours: [Double]

    /// Number of reachable nodes.
    public var count: Int { nodes.count }

    /// How to draw an isochrone in GeoJSON.
    public enum Shape: String, Sendable, CaseIterable {
        /// One `Polygon` feature: the convex hull of the reachable nodes.
        case convexHull = "hull"
        /// One `Point` feature per reachable node, with its `hours`.
        case points
    }

    /// The isochrone as a GeoJSON `FeatureCollection`, or `nil` without coordinates.
    ///
    /// A hull of fewer than three distinct points is drawn as a `MultiPoint`.
    public func geoJSON(in graph: RoadGraph, shape: Shape = .convexHull) -> String? {
        guard let coordinates = graph.coordinates else { return nil }
        var json = GeoJSONWriter()
        json.beginCollection()
        switch shape {
        case .convexHull:
            let hull = convexHull(nodes.map { coordinates[$0.index] })
            json.feature(properties: [("limitHours", .number(limitHours)), ("nodes", .int(count))]) {
                if hull.count >= 3 { $0.polygon(hull) } else { $0.multiPoint(hull) }
            }
        case .points:
            for (node, h) in zip(nodes, hours) {
                json.feature(properties: [("node", .string(graph.name(of: node))), ("hours", .number(h))]) {
                    $0.point(coordinates[node.index])
                }
            }
        }
        json.endCollection()
        return json.text
    }
}

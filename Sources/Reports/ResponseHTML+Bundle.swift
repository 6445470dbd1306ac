import BundleGraph
import Localization
import ReserveModel
import Response

extension ResponseHTML {
    /// The bundle's roads as the map draws them: one two-point line per road row
    /// whose nodes exist, in file order, and the nodes by id (route lines without
    /// geometry are drawn through them).
    public static func roadLines(of bundle: ReserveBundle) -> (roads: [[GeoPoint]], nodes: [RoadNodeID: GeoPoint]) {
        var nodes: [RoadNodeID: GeoPoint] = [:]
        for node in bundle.roadNodes { nodes[node.id] = GeoPoint(lat: node.lat, lon: node.lon) }
        let roads = bundle.roadEdges.compactMap { e -> [GeoPoint]? in
            guard let a = nodes[e.from], let b = nodes[e.to] else { return nil }
            return [a, b]
        }
        return (roads, nodes)
    }

    /// The page `reserve dispatch --format html` writes, with the roads taken from
    /// `bundle` (the response should be computed with
    /// ``ResponseOptions/routeGeometry`` on, so that routes follow the roads).
    ///
    /// ```swift
    /// let html = ResponseHTML.render(response, bundle: validated.bundle,
    ///                                boundaries: validated.areaBoundaries, language: .zhHans)
    /// ```
    ///
    /// The scenario's closed and slowed roads are drawn along their shapes, from
    /// `network` (the bundle's, as the response was computed on) or, without one, a
    /// network built from `bundle`.
    public static func render(_ response: ScenarioResponse, bundle: ReserveBundle, boundaries: [AreaBoundary] = [],
                              network: BundleNetwork? = nil, language: Language = .en) -> String {
        let lines = roadLines(of: bundle)
        let graph = network ?? (try? BundleNetwork(bundle: bundle))
        let disrupted = graph?.disruptedRoads(in: bundle, scenario: response.scenario, overlay: response.overlay) ?? []
        return render(response, report: ResponseReport(response, bundle: bundle), roads: lines.roads, nodes: lines.nodes,
                      boundaries: boundaries, disrupted: disrupted, language: language)
    }
}

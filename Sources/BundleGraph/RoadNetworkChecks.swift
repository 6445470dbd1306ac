import ReserveModel
import RoadNetwork

/// Checks that need the built road graph: places that snap into a part of the
/// network cut off from the rest, where nothing can reach them or leave them.
package enum RoadNetworkChecks {
    /// Warnings for every place whose snap (within the bundle's snapping distance)
    /// lies outside the largest strongly connected component.
    package static func problems(_ bundle: ReserveBundle, _ network: BundleNetwork) -> [ValidationProblem] {
        let graph = network.graph
        guard graph.nodeCount > 0, graph.coordinates != nil else { return [] }
        // Strongly connected: with one-way roads a place must be able to both reach
        // and be reached.
        let components = graph.stronglyConnectedComponents()
        guard let main = components.largest, components.count > 1 else { return [] }
        var out: [ValidationProblem] = []
        func check(_ snapped: SnappedPoint?, _ table: BundleTable, _ index: Int, _ owner: String, _ id: String) {
            guard let snapped, snapped.distanceKm <= bundle.manifest.maxSnapKm else { return }
            let c = components.component(of: snapped.node)
            if c != main {
                out.append(ValidationProblem(
                    severity: .warning, subject: RecordReference(table: table, index: index, column: "lat"),
                    code: "snap.cutOff",
                    arguments: ["ownerKey": "owner." + owner, "id": id, "node": graph.name(of: snapped.node),
                                "size": "\(components.sizes[c])", "mainSize": "\(components.sizes[main])"]))
            }
        }
        let snaps = network.snaps
        for (i, a) in bundle.areas.enumerated() { check(snaps.areas[a.id], .areas, i, "area", a.id.rawValue) }
        for (i, d) in bundle.depots.enumerated() { check(snaps.depots[d.id], .depots, i, "depot", d.id.rawValue) }
        for (i, t) in bundle.teams.enumerated() { check(snaps.teams[t.id], .teams, i, "team", t.id.rawValue) }
        return out
    }
}

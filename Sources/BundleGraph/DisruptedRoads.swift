import ReserveModel
import RoadNetwork

/// A road-table row that a scenario closes or slows, with its shape: what a report
/// map draws and its legend counts.
public struct DisruptedRoad: Sendable, Hashable {
    /// What the scenario does to the road.
    public enum Effect: String, Sendable, Hashable {
        /// Closed by a `closed_edges` pair (or an area factor of 0).
        case closed
        /// A bridge, tunnel, ford or ferry closed by `closed_crossings`.
        case closedCrossing
        /// Slower (a `slowed_edges` pair or an `area_factors` polygon).
        case slowed
    }

    /// The row's ends.
    public var from: RoadNodeID, to: RoadNodeID
    /// Closed, closed as a crossing, or slowed.
    public var effect: Effect
    /// The lowest speed multiplier on the row's edges (0 when closed; 0.5 = half speed).
    public var speedFactor: Double
    /// The road's shape (its geometry, else the straight line between its nodes).
    public var polyline: [GeoPoint]
}

extension BundleNetwork {
    /// Every row of `bundle`'s road table whose edges `overlay` (the scenario's)
    /// closes or slows by an edge-level disruption, in table order. Class-wide and
    /// global factors (snow on every road) are not road-level and are left out.
    ///
    /// A row counts as closed when any of its directed edges is closed, and as a
    /// closed crossing when one of `scenario`'s `closed_crossings` selects it.
    public func disruptedRoads(in bundle: ReserveBundle, scenario: Scenario, overlay: DisruptionOverlay) -> [DisruptedRoad] {
        guard !overlay.isEmpty else { return [] }
        let closures = scenario.incidents.flatMap(\.roadDisruptions.closedCrossings)
        var out: [DisruptedRoad] = []
        for row in bundle.roadEdges {
            guard let u = node(row.from), let v = node(row.to) else { continue }
            var worst = 1.0
            let directions = row.oneway ? [(u, v)] : [(u, v), (v, u)]
            for (x, y) in directions {
                for e in graph.outEdges(of: x) where graph.head[e] == y.rawValue
                    && abs(graph.lengths[e] - row.lengthKm) <= 1e-9 * max(1, row.lengthKm) {
                    worst = max(worst, overlay.edgeFactor(of: EdgeID(Int32(e))))
                }
            }
            guard worst > 1 else { continue }
            var line = row.attributes?.geometry ?? []
            if line.count < 2, let c = graph.coordinates {
                line = [u, v].map { GeoPoint(lat: c[$0.index].latitude, lon: c[$0.index].longitude) }
            }
            let effect: DisruptedRoad.Effect
            if worst == .infinity {
                effect = closures.contains { $0.closes(row.attributes, polyline: line) } ? .closedCrossing : .closed
            } else {
                effect = .slowed
            }
            out.append(DisruptedRoad(from: row.from, to: row.to, effect: effect, speedFactor: worst == .infinity ? 0 : 1 / worst,
                                     polyline: line))
        }
        return out
    }
}

import ReserveModel
import RoadNetwork

/// The roads of a bundle that carry a structure (bridge, tunnel, ford, ferry), kept
/// with their polylines so that a scenario's ``CrossingClosure`` can find them
/// without the bundle's road table. Usually a few percent of the roads.
public struct CrossingRoads: Sendable {
    /// One road row with a structure.
    public struct Road: Sendable {
        /// The row's attributes (which structures).
        public var attributes: RoadEdgeAttributes
        /// Graph nodes of the row's ends.
        public var from: NodeID, to: NodeID
        /// The row's length in kilometres, which tells its edges from parallel ones.
        public var lengthKm: Double
        /// Only from → to.
        public var oneway: Bool
        /// The road's shape (its geometry, else the straight line between its nodes).
        public var polyline: [GeoPoint]
    }

    /// The roads, in road-table order.
    public var roads: [Road] = []

    /// Collects the rows of `bundle` with a structure whose ends are nodes of `graph`.
    /// - Complexity: O(m) plus a name look-up per structure row.
    init(bundle: ReserveBundle, graph: RoadGraph) {
        for e in bundle.roadEdges {
            guard let a = e.attributes, a.bridge || a.tunnel || a.ford || a.ferry,
                  let u = graph.node(named: e.from.rawValue), let v = graph.node(named: e.to.rawValue) else { continue }
            var line = a.geometry ?? []
            if line.count < 2, let c = graph.coordinates {
                line = [u, v].map { GeoPoint(lat: c[$0.index].latitude, lon: c[$0.index].longitude) }
            }
            roads.append(Road(attributes: a, from: u, to: v, lengthKm: e.lengthKm, oneway: e.oneway, polyline: line))
        }
    }

    init() {}

    /// The directed edges of `road` in `graph`: those between its ends, in the
    /// directions it was built, whose length is the row's (a parallel road of another
    /// length between the same two nodes stays open).
    func edges(of road: Road, in graph: RoadGraph) -> [EdgeID] {
        var found: [EdgeID] = []
        let directions = road.oneway ? [(road.from, road.to)] : [(road.from, road.to), (road.to, road.from)]
        for (x, y) in directions {
            for e in graph.outEdges(of: x) where graph.head[e] == y.rawValue
                && abs(graph.lengths[e] - road.lengthKm) <= 1e-9 * max(1, road.lengthKm) {
                found.append(EdgeID(Int32(e)))
            }
        }
        return found
    }
}

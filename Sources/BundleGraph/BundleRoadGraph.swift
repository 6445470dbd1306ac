import ReserveModel
import RoadNetwork

/// The RoadNetwork graph of a bundle's road rows.
public struct BundleRoadGraph: Sendable {
    /// The compact graph; node names are the bundle's road node ids.
    public var graph: RoadGraph
    /// Indices of road rows left out because they cannot be built (unknown node,
    /// bad length or speed); validation reports each of them.
    public var skippedEdges: [Int]

    /// The graph node of a bundle node id.
    public func node(_ id: RoadNodeID) -> NodeID? { graph.node(named: id.rawValue) }
}

extension ReserveBundle {
    /// Builds the RoadNetwork graph from `roadNodes` and `roadEdges`: one named node
    /// per row, one road per edge row (two directed edges unless one-way), classes
    /// parsed with `RoadClass(parsing:)` (other labels count as `county` and must
    /// carry their own speed).
    /// - Complexity: O(n + m).
    public func roadGraph(speeds: SpeedTable = .standard) -> BundleRoadGraph {
        var builder = RoadGraphBuilder(lengthUnit: .kilometres)
        builder.reserveCapacity(nodes: roadNodes.count)
        for n in roadNodes {
            let c = GeoCoordinate(latitude: n.lat, longitude: n.lon)
            // An invalid position is a validation error; the node still exists so that
            // edges naming it can be built.
            builder.addNode(named: n.id.rawValue, at: c.isValid ? c : nil)
        }
        builder.reserveCapacity(edges: roadEdges.count * 2)
        var skipped: [Int] = []
        for (i, e) in roadEdges.enumerated() {
            guard let a = builder.node(named: e.from.rawValue), let b = builder.node(named: e.to.rawValue) else {
                skipped.append(i)
                continue
            }
            do {
                try builder.addRoad(from: a, to: b, lengthKm: e.lengthKm, roadClass: RoadClass(parsing: e.roadClass) ?? .county,
                                    speedKmh: e.speedKmh, oneWay: e.oneway)
            } catch {
                skipped.append(i)
            }
        }
        return BundleRoadGraph(graph: builder.build(speeds: speeds), skippedEdges: skipped)
    }
}

/// Snapping through RoadNetwork's spatial grid, for ``BundleValidator``.
public struct RoadGraphSnapper: RoadSnapper {
    /// The graph (must have coordinates for every node).
    public var graph: RoadGraph

    /// Wraps a graph.
    public init(graph: RoadGraph) { self.graph = graph }

    /// Distance to the nearest node, if within `maxKm`.
    public func snapDistanceKm(to p: GeoPoint, maxKm: Double) -> Double? {
        guard let snapped = try? graph.snap(GeoCoordinate(latitude: p.lat, longitude: p.lon)) else { return nil }
        return snapped.distanceKm <= maxKm ? snapped.distanceKm : nil
    }
}

import ReserveModel
import RoadNetwork

/// Every place of a bundle snapped once to its road graph: depots, area centroids
/// and team bases, each with its nearest node and access leg.
///
/// Validation asks "can this place be snapped?", the connectivity check asks "into
/// which component?", and every scenario asks "from which node, with which access
/// leg?": all three read these snaps, so no place is snapped twice.
public struct PlaceSnaps: Sendable {
    /// Snaps by depot id (depots without a usable location are absent).
    public let depots: [DepotID: SnappedPoint]
    /// Snaps of area centroids by area id.
    public let areas: [AreaID: SnappedPoint]
    /// Snaps of team bases by team id.
    public let teams: [TeamID: SnappedPoint]

    /// Snaps every place of `bundle` to `graph` (which must have coordinates).
    ///
    /// - Parameters:
    ///   - accessSpeedKmh: speed of the straight-line access leg, km/h.
    ///   - warnBeyondKm: snapping distance above which a snap is marked far.
    package init(bundle: ReserveBundle, graph: RoadGraph, accessSpeedKmh: Double, warnBeyondKm: Double) {
        func snap(_ p: GeoPoint?) -> SnappedPoint? {
            guard let p, p.isValid else { return nil }
            return try? graph.snap(GeoCoordinate(latitude: p.lat, longitude: p.lon),
                                   accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm)
        }
        var depots: [DepotID: SnappedPoint] = [:], areas: [AreaID: SnappedPoint] = [:], teams: [TeamID: SnappedPoint] = [:]
        for d in bundle.depots { if let s = snap(d.location) { depots[d.id] = s } }
        for a in bundle.areas { if let s = snap(a.centroid) { areas[a.id] = s } }
        for t in bundle.teams { if let s = snap(t.location) { teams[t.id] = s } }
        self.depots = depots
        self.areas = areas
        self.teams = teams
    }

    /// No snaps (a graph without coordinates).
    package init() {
        depots = [:]
        areas = [:]
        teams = [:]
    }
}

/// Answers the validator's "can this place be snapped?" from snaps already made,
/// and snaps only a point it has not seen.
package struct PrecomputedSnapper: RoadSnapper {
    let graph: RoadGraph
    let distances: [GeoPoint: Double]

    package init(graph: RoadGraph, snaps: PlaceSnaps) {
        self.graph = graph
        var distances: [GeoPoint: Double] = [:]
        for s in snaps.depots.values { distances[GeoPoint(lat: s.point.latitude, lon: s.point.longitude)] = s.distanceKm }
        for s in snaps.areas.values { distances[GeoPoint(lat: s.point.latitude, lon: s.point.longitude)] = s.distanceKm }
        for s in snaps.teams.values { distances[GeoPoint(lat: s.point.latitude, lon: s.point.longitude)] = s.distanceKm }
        self.distances = distances
    }

    package func snapDistanceKm(to p: GeoPoint, maxKm: Double) -> Double? {
        let d = distances[p] ?? RoadGraphSnapper(graph: graph).snapDistanceKm(to: p, maxKm: .infinity)
        guard let d, d <= maxKm else { return nil }
        return d
    }
}

import BundleGraph
import ReserveModel
import RoadNetwork

/// The fastest possible team arrival at an area, by specialty, on one scenario's
/// network: the one function `dispatch` (its "fastest" column) and `coverage` (every
/// area's arrival) both read, so the two commands cannot disagree.
///
/// Arrival is counted in hours after the **scenario start**: the incident's start
/// offset, plus the team's mobilisation, its base's access leg, the road time on the
/// scenario's disrupted network and the area's access leg, minimised over every team
/// with the specialty (docs/formats.md, "one truth across commands"). Whether the team
/// is free (not sent elsewhere) does not enter: that is the assignment's business.
public struct TeamReach: Sendable {
    /// One forward search per specialty from every team base that has it, each base
    /// starting at its mobilisation plus access hours.
    let trees: [HazardType: ShortestPathTree]
    let areaSnaps: [AreaID: SnappedPoint]

    /// Searches for each of `specialties` on `network` under `overlay`.
    public init(bundle: ReserveBundle, network: BundleNetwork, overlay: DisruptionOverlay, specialties: [HazardType]) {
        var trees: [HazardType: ShortestPathTree] = [:]
        for specialty in Set(specialties) {
            let starts: [(node: NodeID, offsetHours: Double)] = bundle.teams.compactMap { team in
                guard team.specialties.contains(specialty), let snap = network.snaps.teams[team.id] else { return nil }
                return (snap.node, team.mobilisationMinutes / 60 + snap.accessHours)
            }
            if !starts.isEmpty, let tree = try? network.graph.travelTimes(fromNearestOf: starts, overlay: overlay) {
                trees[specialty] = tree
            }
        }
        self.trees = trees
        self.areaSnaps = network.snaps.areas
    }

    /// The earliest a team of `specialty` can be at `area`, hours after the scenario
    /// start, for an incident that starts `startOffsetHours` after it; nil when no such
    /// team can reach the area.
    public func fastestArrivalHours(of specialty: HazardType, at area: AreaID, startOffsetHours: Double) -> Double? {
        guard let snap = areaSnaps[area], let tree = trees[specialty], let hours = tree.hours(to: snap.node) else { return nil }
        return startOffsetHours + (hours + snap.accessHours)
    }
}

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
        self.trees = (try? Self.trees(bundle: bundle, network: network, overlay: overlay, specialties: specialties, stop: nil)) ?? [:]
        self.areaSnaps = network.snaps.areas
    }

    /// The searches of ``init(bundle:network:overlay:specialties:)``, asking `stop` (the
    /// call's deadline and stop switch) inside each search and before each.
    /// - Throws: ``RoadGraphError/stopped`` when `stop` said so.
    package init(bundle: ReserveBundle, network: BundleNetwork, overlay: DisruptionOverlay, specialties: [HazardType],
                 stop: SearchStop?) throws(RoadGraphError) {
        self.trees = try Self.trees(bundle: bundle, network: network, overlay: overlay, specialties: specialties, stop: stop)
        self.areaSnaps = network.snaps.areas
    }

    private static func trees(bundle: ReserveBundle, network: BundleNetwork, overlay: DisruptionOverlay, specialties: [HazardType],
                              stop: SearchStop?) throws(RoadGraphError) -> [HazardType: ShortestPathTree] {
        var trees: [HazardType: ShortestPathTree] = [:]
        // In a fixed order, so that a stop lands at the same place on every run.
        for specialty in Set(specialties).sorted(by: { $0.rawValue < $1.rawValue }) {
            try stop?.check()
            let starts: [(node: NodeID, offsetHours: Double)] = bundle.teams.compactMap { team in
                guard team.specialties.contains(specialty), let snap = network.snaps.teams[team.id] else { return nil }
                return (snap.node, team.mobilisationMinutes / 60 + snap.accessHours)
            }
            guard !starts.isEmpty else { continue }
            do {
                trees[specialty] = try network.graph.travelTimes(fromNearestOf: starts, overlay: overlay, stop: stop)
            } catch .stopped {
                throw .stopped
            } catch {
                continue
            }
        }
        return trees
    }

    /// The earliest a team of `specialty` can be at `area`, hours after the scenario
    /// start, for an incident that starts `startOffsetHours` after it; nil when no such
    /// team can reach the area.
    public func fastestArrivalHours(of specialty: HazardType, at area: AreaID, startOffsetHours: Double) -> Double? {
        guard let snap = areaSnaps[area], let tree = trees[specialty], let hours = tree.hours(to: snap.node) else { return nil }
        return startOffsetHours + (hours + snap.accessHours)
    }
}

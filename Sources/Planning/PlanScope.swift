import Response
import ReserveModel

/// Which depots a reserve plan may change: those the scope area's bureau runs
/// (docs/formulation.md, "Scope"). Physical depots of the area and of every area below
/// it change; agreement reserves located there may be contracted. Provincial and
/// national depots, mutual-aid neighbours, depots of other areas and delegated
/// reserves keep today's stock and stay sources in every scenario.
struct PlanScope: Sendable {
    /// The scope's root areas (one unless the bundle has several top areas and none was named).
    var roots: [AreaID]
    /// The roots and every area below them.
    var areas: Set<AreaID>

    /// The scope named `area`, or the bundle's top areas (those without a parent).
    init(bundle: ReserveBundle, area: AreaID?) throws(PlanningError) {
        let known = Set(bundle.areas.map(\.id))
        if let area {
            guard known.contains(area) else {
                throw .invalidOptions([ProblemIssueList.scope(area, available: bundle.areas.map(\.id))])
            }
            roots = [area]
        } else {
            roots = bundle.areas.filter { $0.parent.map { !known.contains($0) } ?? true }.map(\.id)
        }
        var children: [AreaID: [AreaID]] = [:]
        for a in bundle.areas { if let p = a.parent { children[p, default: []].append(a.id) } }
        var seen = Set<AreaID>()
        var stack = roots
        while let a = stack.popLast() {
            guard seen.insert(a).inserted else { continue }
            stack += children[a] ?? []
        }
        areas = seen
    }

    /// Whether the plan may set this depot's stock: a physical depot of the scope's
    /// bureau (its own level or below, not a mutual-aid neighbour).
    func plans(_ depot: Depot) -> Bool {
        guard depot.mode == .physical, !depot.mutualAid, ![.national, .province].contains(depot.level),
              let area = depot.area else { return false }
        return areas.contains(area)
    }

    /// Whether the plan may add agreement capacity at this supplier: an agreement
    /// reserve (a supplier's promise to deliver) located in the scope.
    func contracts(_ depot: Depot) -> Bool {
        guard depot.mode == .agreement, !depot.mutualAid, let area = depot.area else { return false }
        return areas.contains(area)
    }
}

/// The option problems the planner reports.
enum ProblemIssueList {
    static func scope(_ area: AreaID, available: [AreaID]) -> ProblemIssue {
        let list = available.prefix(12).map(\.rawValue).joined(separator: ", ") + (available.count > 12 ? ", …" : "")
        return ProblemIssue("scope", "no area '\(area)' in the bundle (areas: \(list))")
    }
}

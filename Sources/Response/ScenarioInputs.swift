import Foundation
import Dispatch
import BundleGraph
import ReserveModel
import RoadNetwork

/// Turns a bundle and one scenario into the numbers the optimisers need: applies the
/// reserve modes, damage, expiry and household reserves, snaps places to the road
/// network and routes on the scenario's disrupted network.
struct ScenarioInputs {
    let bundle: ReserveBundle
    let scenario: Scenario
    let network: BundleNetwork
    let options: ResponseOptions

    var overlay: DisruptionOverlay
    var policy: Policy?
    var targets: [ScenarioResponse.IncidentTargets] = []
    var warnings: [String] = []
    /// Units left out because they expire before relief ends, by item id.
    var expiredStock: [ItemID: Double] = [:]

    // Goods
    var items: [GoodsProblem.Item] = []
    var itemIndex: [ItemID: Int] = [:]
    var areas: [GoodsProblem.Area] = []
    var areaPoints: [GeoPoint?] = []
    /// The bundle area of each demand point (parallel to `areas`).
    var areaIDs: [AreaID] = []
    var needs: [GoodsProblem.Need] = []
    var sources: [GoodsProblem.Source] = []
    var sourcePoints: [GeoPoint] = []
    var supplies: [GoodsProblem.Supply] = []
    /// For planning: every physical depot may hold every item (placeholder supplies).
    var allItemsAtPhysicalDepots = false
    /// Depot of each source.
    var sourceDepots: [DepotID] = []
    /// Share of each source's stock left after the scenario's damage.
    var sourceKeep: [Double] = []
    /// Whether each source is a physical depot whose stock a plan may change.
    var sourcePlannable: [Bool] = []
    /// Current (post-damage) quantity by source and item index.
    var currentQuantity: [[Int: Double]] = []
    var routes: [GoodsProblem.Route] = []
    /// Speed factor of each depot's own trucks (fleet.csv `speed_factor`; the slowest
    /// of its rows): its routes take road time ÷ factor.
    var truckSpeedOf: [DepotID: Double] = [:]
    /// Road nodes of each route, source end first (kept from the routing pass so that
    /// drawing the used routes needs no second search).
    var routeNodes: [[NodeID]] = []
    var sourcePlaces: [ScenarioResponse.Place] = []
    var areaPlaces: [AreaID: ScenarioResponse.Place] = [:]

    // Teams
    var requirements: [TeamProblem.Requirement] = []
    var requirementPoints: [GeoPoint?] = []
    /// The bundle area of each team requirement (parallel to `requirements`).
    var requirementAreas: [AreaID] = []
    var requirementOffsets: [Double] = []
    var teamOptions: [TeamProblem.Option] = []
    var teamPlaces: [ScenarioResponse.Place] = []

    init(bundle: ReserveBundle, scenario: Scenario, network: BundleNetwork, options: ResponseOptions) throws(BundleNetworkError) {
        self.bundle = bundle
        self.scenario = scenario
        self.network = network
        self.options = options
        let (overlay, overlayWarnings) = try network.overlay(for: scenario)
        self.overlay = overlay
        self.warnings = overlayWarnings
    }

    // MARK: Preparation

    mutating func prepare() {
        policy = options.policy.flatMap { id in bundle.manifest.policies.first { $0.id == id } }
            ?? bundle.manifest.policy(for: scenario)
        let priority = ResponsePlanner.priority(of: scenario.responseLevel)
        let basic: Set<ItemCategory> = [.relief, .food, .water, .medical]
        for item in bundle.items {
            itemIndex[item.id] = items.count
            items.append(GoodsProblem.Item(id: item.id, unitWeightTons: item.unitWeightKg / 1000,
                                           unitVolumeCubicMetres: item.unitVolumeM3, isBasic: basic.contains(item.category),
                                           divisible: item.divisible))
        }
        let household = householdReserves()
        for incident in scenario.incidents {
            let target = policy?.targets(hazard: incident.hazard, level: scenario.responseLevel) ?? .nationalDefault
            targets.append(ScenarioResponse.IncidentTargets(
                incident: incident.id, name: incident.name, hazard: incident.hazard,
                startOffsetHours: incident.startOffsetHours, arrivalHours: target.arrivalHours, reliefHours: target.reliefHours))
            for affected in incident.affectedAreas {
                let a = areas.count
                let area = bundle.area(affected.area)
                areas.append(GoodsProblem.Area(id: affected.area,
                                               deadlineHours: incident.startOffsetHours + target.reliefHours,
                                               incident: incident.id, earliestDepartureHours: incident.startOffsetHours))
                areaPoints.append(area?.centroid)
                areaIDs.append(affected.area)
                notePlace(of: affected.area)
                for demand in bundle.needs(of: affected, in: incident) {
                    guard let k = itemIndex[demand.item], let item = bundle.item(demand.item) else {
                        warnings.append("area \(affected.area): needs unknown item \(demand.item)")
                        continue
                    }
                    let covered = household[affected.area]?[demand.item] ?? 0
                    let quantity = max(0, demand.quantity - covered)
                    if covered > 0 {
                        warnings.append("area \(affected.area): household reserves cover \(format(min(covered, demand.quantity))) of \(format(demand.quantity)) \(item.unit) \(item.name)")
                    }
                    if quantity > 0 {
                        needs.append(GoodsProblem.Need(area: a, item: k, quantity: quantity, weight: item.criticality * priority))
                    }
                }
            }
            for need in incident.teamNeeds {
                requirements.append(TeamProblem.Requirement(
                    area: need.area, specialty: need.specialty, headcount: need.headcount,
                    priority: priority, targetHours: incident.startOffsetHours + target.arrivalHours, incident: incident.id))
                requirementPoints.append(bundle.area(need.area)?.centroid)
                requirementAreas.append(need.area)
                requirementOffsets.append(incident.startOffsetHours)
                notePlace(of: need.area)
            }
        }
        buildSources()
        for team in bundle.teams {
            let snapped = network.snaps.teams[team.id]
            teamPlaces.append(ScenarioResponse.Place(id: team.id.rawValue, name: team.name, location: team.location,
                                                     snapKm: snapped?.distanceKm))
        }
    }

    mutating func notePlace(of id: AreaID) {
        guard areaPlaces[id] == nil else { return }
        let area = bundle.area(id)
        let snapped = network.snaps.areas[id]
        areaPlaces[id] = ScenarioResponse.Place(id: id.rawValue, name: area?.name ?? id.rawValue,
                                                         location: area?.centroid, snapKm: snapped?.distanceKm)
        if area?.centroid == nil { warnings.append("area \(id): no centroid, so no road reaches it") }
    }

    /// Household reserves (家庭储备) in each area reduce that area's need.
    func householdReserves() -> [AreaID: [ItemID: Double]] {
        var result: [AreaID: [ItemID: Double]] = [:]
        let households = bundle.depots.filter { $0.mode == .household }
        for depot in households {
            guard let area = depot.area else { continue }
            for lot in bundle.stock where lot.depot == depot.id { result[area, default: [:]][lot.item, default: 0] += lot.quantity }
        }
        return result
    }

    /// The scenario's start date and the relief period in days: lots expiring before
    /// relief ends are not sent.
    var reliefPeriod: (start: CalendarDate, days: Int)? {
        guard let start = CalendarDate(String(scenario.start.prefix(10))) else { return nil }
        let days = scenario.incidents.flatMap(\.affectedAreas).map(\.reliefDays).max() ?? 0
        let offset = (scenario.incidents.map(\.startOffsetHours).max() ?? 0) / 24
        return (start, Int((days + offset).rounded(.up)))
    }

    mutating func buildSources() {
        var lost: [DepotID: Double] = [:]
        var unusable = Set<DepotID>()
        for incident in scenario.incidents {
            for damage in incident.depotDamage {
                if damage.unusable { unusable.insert(damage.depot) }
                lost[damage.depot] = max(lost[damage.depot] ?? 0, min(1, max(0, damage.fractionLost)))
            }
        }
        let period = reliefPeriod
        var expired = 0
        var stockOf: [DepotID: [ItemID: Double]] = [:]
        for lot in bundle.stock {
            if let expiry = lot.expiry, let period, period.start.days(until: expiry) < period.days {
                expired += 1
                expiredStock[lot.item, default: 0] += lot.quantity
                continue
            }
            stockOf[lot.depot, default: [:]][lot.item, default: 0] += lot.quantity
        }
        if expired > 0 { warnings.append("\(expired) stock lot\(expired == 1 ? "" : "s") expire before relief ends and are not sent") }
        var fleetOf: [DepotID: (trucks: Int, tons: Double, cubic: Double, speed: Double)] = [:]
        for entry in bundle.fleet {
            let old = fleetOf[entry.depot] ?? (0, 0, 0, 1)
            // A depot's trucks travel together at the pace of its slowest kind.
            let speed = entry.trucks > 0 ? min(old.trucks > 0 ? old.speed : .infinity, entry.speedFactor ?? 1) : old.speed
            fleetOf[entry.depot] = (old.trucks + entry.trucks, old.tons + Double(entry.trucks) * entry.capacityTonnes,
                                    old.cubic + Double(entry.trucks) * entry.capacityM3, speed.isFinite ? speed : 1)
        }
        self.truckSpeedOf = fleetOf.mapValues(\.speed)
        for depot in bundle.depots where depot.mode != .household {
            if unusable.contains(depot.id) {
                warnings.append("depot \(depot.id) (\(depot.name)) is unusable in this scenario")
                continue
            }
            let keep = 1 - (lost[depot.id] ?? 0)
            let fleet = fleetOf[depot.id].flatMap { f in
                f.trucks > 0 ? GoodsProblem.Fleet(trucks: f.trucks, capacityTons: f.tons / Double(f.trucks),
                                                   capacityCubicMetres: f.cubic / Double(f.trucks)) : nil
            }
            // 0 t/h means the depot can send nothing (docs/formats.md; validation warns).
            let throughput: Double? = depot.throughputTonnesPerHour
            let stock = (stockOf[depot.id] ?? [:]).sorted { $0.key < $1.key }
            let kind: GoodsProblem.SourceKind
            var ready = depot.terms.leadHours
            switch depot.mode {
            // lead_hours is the depot's mobilisation time: from the order to release,
            // for physical stock too (docs/formats.md).
            case .physical: kind = .physical
            case .agreement: kind = .agreement
            case .delegated: kind = .delegated
            case .social: kind = .social
            case .productionCapacity: kind = .productionCapacity
            case .household: continue
            }
            var finalKind = kind
            if depot.mutualAid {
                finalKind = .mutualAid
                ready = depot.mutualAidLeadHours ?? depot.terms.leadHours
            }
            let cap = depot.terms.contractCapTonnes
            if depot.mode == .productionCapacity {
                // Finished goods on hand leave like physical stock, after the depot's lead
                // time; production follows after ramp-up.
                let onHand = stock.filter { $0.value * keep > 0 }
                if !onHand.isEmpty {
                    addSource(depot, kind: .physical, ready: depot.terms.leadHours, fleet: fleet, throughput: throughput, cap: cap,
                              supplies: onHand.map { ($0.key, $0.value * keep) })
                }
                guard let rate = depot.terms.productionRateTonnesPerHour, rate > 0 else {
                    warnings.append("depot \(depot.id) (\(depot.name)) is production capacity without a production rate")
                    continue
                }
                if stock.isEmpty {
                    warnings.append("depot \(depot.id) (\(depot.name)): production capacity lists no items in stock.csv, so it produces nothing here")
                    continue
                }
                let perItem = stock.compactMap { entry -> (ItemID, Double)? in
                    guard let item = bundle.item(entry.key), item.unitWeightKg > 0 else { return nil }
                    return (entry.key, rate / (item.unitWeightKg / 1000))
                }
                addSource(depot, kind: .productionCapacity, ready: ready, fleet: fleet, throughput: throughput, cap: cap,
                          supplies: perItem, production: GoodsProblem.Production(rampUpHours: depot.terms.rampUpHours, tonsPerHour: rate))
                continue
            }
            let plannable = allItemsAtPhysicalDepots && finalKind == .physical
            addSource(depot, kind: finalKind, ready: ready, fleet: fleet, throughput: throughput, cap: cap,
                      supplies: stock.map { ($0.key, $0.value * keep) }, keep: keep, plannable: plannable)
        }
    }

    mutating func addSource(_ depot: Depot, kind: GoodsProblem.SourceKind, ready: Double, fleet: GoodsProblem.Fleet?,
                            throughput: Double?, cap: Double?, supplies list: [(ItemID, Double)],
                            production: GoodsProblem.Production? = nil, keep: Double = 1, plannable: Bool = false) {
        let s = sources.count
        sources.append(GoodsProblem.Source(id: depot.id, kind: kind, availableAfterHours: ready,
                                           handlingHours: depot.handlingHours, throughputTonsPerHour: throughput,
                                           fleet: fleet, production: production, capTons: cap))
        sourcePoints.append(depot.location)
        let snapped = network.snaps.depots[depot.id]
        sourcePlaces.append(ScenarioResponse.Place(id: depot.id.rawValue, name: depot.name, location: depot.location,
                                                   snapKm: snapped?.distanceKm))
        sourceDepots.append(depot.id)
        sourceKeep.append(keep)
        sourcePlannable.append(plannable)
        var current: [Int: Double] = [:]
        for (item, quantity) in list {
            guard let k = itemIndex[item] else { continue }
            current[k, default: 0] += quantity
        }
        currentQuantity.append(current)
        if plannable {
            // Any item may be stocked here; the planning model sets the real quantity.
            for k in items.indices { supplies.append(GoodsProblem.Supply(source: s, item: k, quantity: max(current[k] ?? 0, 1))) }
            return
        }
        for (k, quantity) in current.sorted(by: { $0.key < $1.key }) where quantity > 0 {
            supplies.append(GoodsProblem.Supply(source: s, item: k, quantity: quantity))
        }
    }

    // MARK: Routing

    /// Goods routes (source → area) and team options (team → requirement area), by one
    /// backward search per distinct area node on the scenario's overlay.
    ///
    /// `stop` (the call's deadline and stop switch) is asked inside every search and
    /// before each; when it says stop, the routes are abandoned and
    /// ``RoadGraphError/stopped`` thrown.
    mutating func route(stop: SearchStop? = nil) throws(RoadGraphError) {
        let graph = network.graph
        let sourceSnaps = sourceDepots.map { network.snaps.depots[$0] }
        for (s, snap) in sourceSnaps.enumerated() where snap?.isFar == true {
            warnings.append(String(format: "depot %@ is %.1f km from the nearest road node", sources[s].id.rawValue, snap!.distanceKm))
        }
        let teamSnaps = bundle.teams.map { network.snaps.teams[$0.id] }
        let areaSnaps = areaIDs.map { network.snaps.areas[$0] }
        let requirementSnaps = requirementAreas.map { network.snaps.areas[$0] }
        // One backward search per distinct destination node, run in parallel; each
        // search keeps only what the models need, so no tree outlives its search.
        let targets = Array(Set(areaSnaps.compactMap { $0?.node } + requirementSnaps.compactMap { $0?.node })).sorted()
        let sourceNodes = sourceSnaps.map { $0?.node }
        let teamNodes = teamSnaps.map { $0?.node }
        // Paths are kept for drawing only on graphs small enough to hold them all.
        let keepPaths = graph.nodeCount <= 300_000
        let results = RouteResults(count: targets.count)
        let overlay = self.overlay
        // One workspace per worker, reused for all of its targets, and read in place:
        // a fresh workspace and a full tree copied out of it per target are ≈ 85 MB of
        // new memory each on the 1.35 M-node ladder grid, plus a node array per source
        // route; dropping them cut the routing phase by 10–35 % there (paired runs)
        // and ~6 % at 135 k nodes, the search itself being the rest. Targets are dealt
        // out by stride, and each target's result depends on that target only, so the
        // routes are the same whatever the number of workers.
        let workers = max(1, min(targets.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var ws = SearchWorkspace(for: graph)
            for k in stride(from: w, to: targets.count, by: workers) {
                if let stop, stop.isRequested { return }
                let target = targets[k]
                var query = SearchQuery(sources: [(target, 0)], direction: .backward, overlay: overlay)
                query.stop = stop
                guard (try? graph.search(query, in: &ws)) != nil else { continue }
                var fromSources: [(hours: Double, lengthKm: Double, path: [NodeID])?] = []
                fromSources.reserveCapacity(sourceNodes.count)
                for node in sourceNodes {
                    guard let node, let hours = ws.hours(to: node) else { fromSources.append(nil); continue }
                    // Walk the tree from the source towards the target, summing road
                    // lengths in that order (as ShortestPathTree.route does, so the
                    // kilometres are bit-for-bit the same); nodes only when kept.
                    var length = 0.0, path: [NodeID] = keepPaths ? [node] : []
                    var v = node
                    while let up = ws.parent(of: v) {
                        length += graph.lengths[Int(up.edge.rawValue)]
                        if keepPaths { path.append(up.node) }
                        v = up.node
                    }
                    fromSources.append((hours, length, path))
                }
                let fromTeams = teamNodes.map { node in node.flatMap { ws.hours(to: $0) } }
                results.set(k, TargetRoutes(fromSources: fromSources, fromTeams: fromTeams))
            }
        }
        // A stop is for good (a deadline passed, a call cancelled): asked once more here,
        // it says whether any search above was cut short.
        try stop?.check()
        let index = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1, $0) })
        for (a, areaSnap) in areaSnaps.enumerated() {
            guard let areaSnap, let k = index[areaSnap.node], let found = results.get(k) else { continue }
            for (s, snap) in sourceSnaps.enumerated() {
                guard let snap, let leg = found.fromSources[s] else { continue }
                routeNodes.append(leg.path)
                // On the depot's own trucks at their speed factor; a source without a
                // fleet arranges transport at road speed.
                let speed = sources[s].fleet == nil ? 1 : (truckSpeedOf[sources[s].id] ?? 1)
                routes.append(GoodsProblem.Route(source: s, area: a,
                                                 travelHours: (snap.accessHours + leg.hours + areaSnap.accessHours) / speed,
                                                 distanceKm: snap.distanceKm + leg.lengthKm + areaSnap.distanceKm))
            }
        }
        for (r, areaSnap) in requirementSnaps.enumerated() {
            guard let areaSnap, let k = index[areaSnap.node], let found = results.get(k) else { continue }
            for (j, team) in bundle.teams.enumerated() where team.specialties.contains(requirements[r].specialty) {
                guard let snap = teamSnaps[j], let hours = found.fromTeams[j] else { continue }
                teamOptions.append(TeamProblem.Option(team: j, requirement: r,
                                                      travelHours: requirementOffsets[r] + snap.accessHours + hours + areaSnap.accessHours))
            }
        }
    }

    func goodsProblem() -> GoodsProblem {
        let latest = areas.map(\.deadlineHours).max() ?? 10
        let horizon = options.horizonHours ?? max(24, 3 * latest)
        return GoodsProblem(items: items, areas: areas, needs: needs, sources: sources, supplies: supplies,
                            routes: routes, horizonHours: horizon)
    }

    func teamProblem() -> TeamProblem {
        TeamProblem(teams: bundle.teams.map { TeamProblem.Team(id: $0.id, headcount: $0.headcount,
                                                                mobilisationHours: $0.mobilisationMinutes / 60) },
                    requirements: requirements, options: teamOptions)
    }

    /// Coordinates of each used route: source, the road nodes, area.
    ///
    /// Drawn for a solution the call already has, so the deadline does not cut it
    /// short; `stop` (cancellation) does, and the caller then throws.
    func geometry(of used: [Int], in problem: GoodsProblem, stop: SearchStop? = nil) -> [Int: [GeoPoint]] {
        let graph = network.graph
        @Sendable func point(_ node: NodeID) -> GeoPoint? {
            graph.coordinate(of: node).map { GeoPoint(lat: $0.latitude, lon: $0.longitude) }
        }
        // Paths kept from routing (small graphs), else one backward search per area with
        // used routes, in parallel, reading every used source's path from its tree.
        var missing: [Int: [Int]] = [:]
        var result: [Int: [GeoPoint]] = [:]
        for r in used {
            let route = problem.routes[r]
            guard let areaPoint = areaPoints[route.area] else { continue }
            let nodes = r < routeNodes.count ? routeNodes[r] : []
            if nodes.isEmpty {
                missing[route.area, default: []].append(r)
            } else {
                result[r] = [sourcePoints[route.source]] + nodes.compactMap(point) + [areaPoint]
            }
        }
        let areas = missing.keys.sorted()
        let routesOfArea = missing
        let found = GeometryResults()
        let overlay = self.overlay
        let sourcePoints = self.sourcePoints, areaPoints = self.areaPoints
        let areaSnaps = areaIDs.map { network.snaps.areas[$0] }, sourceSnaps = sourceDepots.map { network.snaps.depots[$0] }
        DispatchQueue.concurrentPerform(iterations: areas.count) { k in
            let a = areas[k]
            guard let areaPoint = areaPoints[a], let to = areaSnaps[a],
                  let tree = try? graph.travelTimes(toNearestOf: [to.node], overlay: overlay, stop: stop) else { return }
            for r in routesOfArea[a] ?? [] {
                let source = problem.routes[r].source
                guard let from = sourceSnaps[source] else { continue }
                let nodes = tree.route(to: from.node, in: graph)?.nodes ?? [from.node]
                found.set(r, [sourcePoints[source]] + nodes.compactMap(point) + [areaPoint])
            }
        }
        for (r, line) in found.all() { result[r] = line }
        return result
    }

    func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

/// What one backward search found: per source its hours, road length and path; per team its hours.
struct TargetRoutes: Sendable {
    var fromSources: [(hours: Double, lengthKm: Double, path: [NodeID])?]
    var fromTeams: [Double?]
}

/// Results of the parallel searches, filled in by index from the worker threads.
final class RouteResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [TargetRoutes?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: TargetRoutes) { lock.lock(); slots[k] = value; lock.unlock() }
    func get(_ k: Int) -> TargetRoutes? { lock.lock(); defer { lock.unlock() }; return slots[k] }
}

/// Route lines computed on worker threads.
final class GeometryResults: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Int: [GeoPoint]] = [:]
    func set(_ r: Int, _ line: [GeoPoint]) { lock.lock(); lines[r] = line; lock.unlock() }
    func all() -> [Int: [GeoPoint]] { lock.lock(); defer { lock.unlock() }; return lines }
}

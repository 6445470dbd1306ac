import ReserveModel
import Response

/// The JSON document of a scenario response (`reserve dispatch --json`), schema
/// version 2 (1 plus the ISO 8601 `…Time` fields), documented in docs/formats.md. Every list is sorted and every number
/// rounded to 6 decimals, so the same input always gives the same bytes.
public struct ResponseReport: Codable, Sendable, Equatable {
    /// Schema version of this document (3 added `truckTrips` and `model.scheduleRounds`;
    /// 4 `teams[].fastestTeam` and `fastestTeamSentTo`, and `marginalValues[].unit`;
    /// 5 `legs`, `orders[].leg`, `truckTrips[].leg` and `truckTrips[].cargo`).
    public var schemaVersion = 5
    /// The scenario.
    public var scenario: ScenarioInfo
    /// The policy checked against.
    @Nullable public var policy: PolicyInfo?
    /// Targets per incident.
    public var targets: [Target]
    /// Solver status of the goods dispatch (`optimal`, `feasible`, …).
    public var status: String
    /// Headline numbers.
    public var summary: Summary
    /// Shipments.
    public var orders: [Order]
    /// The trucks' trips that carry the orders of depots with their own fleet: the
    /// schedule that achieves the on-time figures.
    public var truckTrips: [TruckTrip]
    /// The legs the trips run on (a depot's trucks to one area, on time or late):
    /// each leg's trips counted once, for orders and trips to refer to.
    public var legs: [Leg]
    /// Unmet needs by the deadline.
    public var shortfalls: [Shortfall]
    /// Per-area fulfilment and relief compliance.
    public var fulfilment: [Fulfilment]
    /// Per-requirement team outcomes.
    public var teams: [TeamOutcome]
    /// Capacities that limit the response, by marginal value.
    public var bindingResources: [BindingResource]
    /// Marginal value of one more unit of an item at a depot.
    public var marginalValues: [MarginalValue]
    /// Model size and objectives.
    public var model: ModelInfo
    /// Warnings.
    public var warnings: [String]

    public struct ScenarioInfo: Codable, Sendable, Equatable {
        public var id: String, name: String, hazard: String, responseLevel: String, start: String
    }
    public struct PolicyInfo: Codable, Sendable, Equatable {
        public var id: String, name: String, source: String
    }
    public struct Target: Codable, Sendable, Equatable {
        public var incident: IncidentID, name: String, hazard: String
        public var startOffsetHours: Double, arrivalHours: Double, reliefHours: Double
    }
    public struct Summary: Codable, Sendable, Equatable {
        /// Affected areas and how many meet the relief target.
        public var areas: Int, areasMeetingRelief: Int
        /// Weighted share of all needs met by their deadlines.
        public var fulfilment: Double
        /// Weighted shortfall by the deadlines, read from the scheduled orders: the
        /// figure `reserve plan` calls its shortfall before and after.
        public var weightedShortfall: Double
        /// Team requirements and how many are met within the arrival target.
        public var teamRequirements: Int, teamRequirementsMet: Int
        /// Orders and shortfall lines.
        public var orders: Int, shortfalls: Int
        /// Whether every relief and arrival target holds.
        public var allTargetsMet: Bool
    }
    public struct Order: Codable, Sendable, Equatable {
        public var from: DepotID, fromName: String, mode: String
        public var to: AreaID, toName: String, incident: IncidentID
        public var item: ItemID, itemName: String, unit: String
        public var quantity: Double, departureHours: Double, etaHours: Double, onTime: Bool
        @Nullable public var trucks: Double?
        /// The leg (``Leg/leg``) whose trips carry it; null when the source has no fleet (schema 5).
        @Nullable public var leg: Int?
        public var distanceKm: Double, travelHours: Double
        /// Departure and arrival as ISO 8601 local times with the scenario's offset
        /// (absent when the scenario's start is not such a time).
        public var departureTime: String? = nil, etaTime: String? = nil
    }
    public struct TruckTrip: Codable, Sendable, Equatable {
        public var depot: DepotID, depotName: String, truck: Int
        public var to: AreaID, toName: String
        public var loadingStartHours: Double, departureHours: Double, arrivalHours: Double, returnHours: Double
        public var deadlineHours: Double, onTime: Bool
        public var tonnes: Double, cubicMetres: Double
        /// Departure, arrival and return as ISO 8601 local times.
        public var departureTime: String? = nil, arrivalTime: String? = nil, returnTime: String? = nil
        /// The leg it runs on (schema 5).
        public var leg: Int = 0
        /// What it carries, by item (schema 5): whole pieces of items that are not divisible.
        public var cargo: [Cargo] = []
    }
    public struct Cargo: Codable, Sendable, Equatable {
        public var item: ItemID, itemName: String, unit: String, quantity: Double
    }
    public struct Leg: Codable, Sendable, Equatable {
        /// Its number, 1… in the order of the list.
        public var leg: Int
        public var depot: DepotID, depotName: String
        public var to: AreaID, toName: String
        /// Whether it carries goods counted on time.
        public var onTime: Bool
        /// Trips on this leg: the truckloads, counted once.
        public var trucks: Int
        public var tonnes: Double, cubicMetres: Double
        /// First departure and last arrival.
        public var departureHours: Double, arrivalHours: Double
        public var departureTime: String? = nil, arrivalTime: String? = nil
    }
    public struct Shortfall: Codable, Sendable, Equatable {
        public var area: AreaID, areaName: String, incident: IncidentID
        public var item: ItemID, itemName: String, unit: String
        public var quantity: Double, quantityAtHorizon: Double
        public var reason: String, explanation: String
        /// The explanation as a sentence each language renders itself (not in the JSON).
        public var why = Sentence("")
        enum CodingKeys: String, CodingKey {
            case area, areaName, incident, item, itemName, unit, quantity, quantityAtHorizon, reason, explanation
        }
    }
    public struct Fulfilment: Codable, Sendable, Equatable {
        public var area: AreaID, areaName: String, incident: IncidentID
        public var deadlineHours: Double, byDeadline: Double, byHorizon: Double
        @Nullable public var fullyServedAtHours: Double?
        public var reliefMet: Bool
        /// The deadline and the full delivery as ISO 8601 local times.
        public var deadlineTime: String? = nil, fullyServedAtTime: String? = nil
    }
    public struct Assigned: Codable, Sendable, Equatable {
        public var team: TeamID, teamName: String, headcount: Int, arrivalHours: Double, onTime: Bool
        /// The arrival as an ISO 8601 local time.
        public var arrivalTime: String? = nil
    }
    public struct TeamOutcome: Codable, Sendable, Equatable {
        public var area: AreaID, areaName: String, incident: IncidentID, specialty: HazardType
        public var headcount: Int, targetHours: Double
        /// The fastest possible arrival of a team of the specialty, sent or not (the
        /// figure `coverage` reports too), hours after the scenario start.
        public var earliestArrivalHours: Double?, met: Bool, headcountOnTime: Int, missing: Int
        public var assigned: [Assigned], explanation: String?
        /// The team that could arrive first (schema 4; null when none can reach the area).
        @Nullable public var fastestTeam: TeamID?
        /// Where that team is sent: this area, another, or null when it is not sent (schema 4).
        @Nullable public var fastestTeamSentTo: AreaID?
        /// Why the requirement is not met, as a sentence each language renders itself (not in the JSON).
        public var why: Sentence?
        /// Why the first assigned arrival is later than the fastest possible one (not in the JSON).
        public var whyLater: Sentence?
        enum CodingKeys: String, CodingKey {
            case area, areaName, incident, specialty, headcount, targetHours, earliestArrivalHours, met, headcountOnTime, missing
            case assigned, explanation, fastestTeam, fastestTeamSentTo
        }
    }
    public struct BindingResource: Codable, Sendable, Equatable {
        public var kind: String, depot: DepotID, depotName: String, item: ItemID?, marginalValue: Double
    }
    public struct MarginalValue: Codable, Sendable, Equatable {
        /// `value`: fall of the weighted shortfall by the deadline ([O1]) per extra `unit` of the item at the depot.
        public var depot: DepotID, depotName: String, item: ItemID, itemName: String, unit: String, value: Double
    }
    public struct ModelInfo: Codable, Sendable, Equatable {
        public var rows: Int, columns: Int, nonZeros: Int, integerColumns: Int
        public var levelObjectives: [Double], excludedPairs: Int
        public var teamRows: Int, teamColumns: Int
        /// Times the fleet-hour rows were tightened until every on-time trip fitted on the trucks.
        public var scheduleRounds: Int
        /// The LP's level 1 when whole pieces were solved for, or the bound branch and
        /// bound proved for level 1 with whole truckloads (a bound on
        /// `levelObjectives[0]`); null when the plan is the LP's own.
        @Nullable public var levelOneLPBound: Double?
    }
}

extension ResponseReport {
    /// The truck trips of each depot → area route (``truckTrips``), written on the
    /// route's first order only and nil on the others. An order's own `trucks` counts the
    /// trips that carry it, and one trip carries many orders, so a column repeating it
    /// on every order adds up to far more trucks than run; this one adds up to the trips
    /// of the schedule. Tables a reader sums (CSV, HTML) show it.
    public var tripsOncePerRoute: [Double?] {
        var trips: [[String]: Int] = [:]
        for t in truckTrips { trips[[t.depot.rawValue, t.to.rawValue], default: 0] += 1 }
        var seen = Set<[String]>()
        return orders.map { o in
            let route = [o.from.rawValue, o.to.rawValue]
            guard o.trucks != nil || trips[route] != nil, seen.insert(route).inserted else { return nil }
            return Double(trips[route] ?? 0)
        }
    }
}

/// Rounds to 6 decimals and turns −0 into 0, for byte-stable output.
func stable(_ x: Double) -> Double {
    guard x.isFinite else { return x }
    let r = (x * 1e6).rounded() / 1e6
    return r == 0 ? 0 : r
}

extension ResponseReport {
    /// Builds the document from a response and the bundle it came from (for names).
    public init(_ r: ScenarioResponse, bundle: ReserveBundle) {
        let p = r.goodsProblem
        let itemOf = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        let teamOf = Dictionary(uniqueKeysWithValues: bundle.teams.map { ($0.id, $0) })
        func areaName(_ id: AreaID) -> String { r.areaPlaces[id]?.name ?? bundle.area(id)?.name ?? id.rawValue }
        func itemName(_ k: Int) -> String { itemOf[p.items[k].id]?.name ?? p.items[k].id.rawValue }
        func unit(_ k: Int) -> String { itemOf[p.items[k].id]?.unit ?? "" }
        scenario = ScenarioInfo(id: r.scenario.id.rawValue, name: r.scenario.name, hazard: r.scenario.hazard.rawValue,
                                responseLevel: r.scenario.responseLevel.rawValue, start: r.scenario.start)
        policy = r.policy.map { PolicyInfo(id: $0.id.rawValue, name: $0.name, source: $0.source) }
        targets = r.targets.map { Target(incident: $0.incident, name: $0.name, hazard: $0.hazard.rawValue,
                                         startOffsetHours: stable($0.startOffsetHours), arrivalHours: stable($0.arrivalHours),
                                         reliefHours: stable($0.reliefHours)) }
        status = r.goods.status.rawValue
        let clock = ScenarioClock(r.scenario.start)
        orders = r.goods.orders.map { o in
            let route = p.routes[o.route]
            return Order(from: p.sources[o.source].id, fromName: r.sourcePlaces[o.source].name, mode: p.sources[o.source].kind.rawValue,
                         to: p.areas[o.area].id, toName: areaName(p.areas[o.area].id), incident: p.areas[o.area].incident,
                         item: p.items[o.item].id, itemName: itemName(o.item), unit: unit(o.item),
                         quantity: stable(o.quantity), departureHours: stable(o.departureHours), etaHours: stable(o.etaHours),
                         onTime: o.onTime, trucks: o.truckloads.map(stable), leg: o.leg.map { $0 + 1 },
                         distanceKm: stable(route.distanceKm),
                         travelHours: stable(route.travelHours),
                         departureTime: clock?.iso(o.departureHours), etaTime: clock?.iso(o.etaHours))
        }
        truckTrips = r.goods.trips.map { t in
            TruckTrip(depot: p.sources[t.source].id, depotName: r.sourcePlaces[t.source].name, truck: t.truck,
                      to: p.areas[t.area].id, toName: areaName(p.areas[t.area].id),
                      loadingStartHours: stable(t.loadingStartHours), departureHours: stable(t.departureHours),
                      arrivalHours: stable(t.arrivalHours), returnHours: stable(t.returnHours),
                      deadlineHours: stable(t.deadlineHours), onTime: t.onTime,
                      tonnes: stable(t.tons), cubicMetres: stable(t.cubicMetres),
                      departureTime: clock?.iso(t.departureHours), arrivalTime: clock?.iso(t.arrivalHours),
                      returnTime: clock?.iso(t.returnHours), leg: t.leg + 1,
                      cargo: t.cargo.map { Cargo(item: p.items[$0.item].id, itemName: itemName($0.item), unit: unit($0.item),
                                                 quantity: stable($0.quantity)) })
        }
        legs = r.goods.legs.enumerated().map { n, l in
            Leg(leg: n + 1, depot: p.sources[l.source].id, depotName: r.sourcePlaces[l.source].name,
                to: p.areas[l.area].id, toName: areaName(p.areas[l.area].id), onTime: l.onTime, trucks: l.trips,
                tonnes: stable(l.tons), cubicMetres: stable(l.cubicMetres),
                departureHours: stable(l.departureHours), arrivalHours: stable(l.arrivalHours),
                departureTime: clock?.iso(l.departureHours), arrivalTime: clock?.iso(l.arrivalHours))
        }
        let explainer = ShortfallExplainer(problem: p, expiredStock: r.expiredStock)
        shortfalls = r.goods.shortfalls.map { s in
            let why = explainer.sentence(s)
            return Shortfall(area: p.areas[s.area].id, areaName: areaName(p.areas[s.area].id), incident: p.areas[s.area].incident,
                      item: p.items[s.item].id, itemName: itemName(s.item), unit: unit(s.item),
                      quantity: stable(s.quantity), quantityAtHorizon: stable(s.quantityAtHorizon),
                      reason: s.reason.rawValue, explanation: Wording(.en).sentence(why), why: why)
        }
        // Verdicts from the response's compliance (an aggregate never better than its worst part).
        fulfilment = zip(r.goods.fulfilment, r.compliance).map { f, verdict in
            let area = p.areas[f.area]
            return Fulfilment(area: area.id, areaName: areaName(area.id), incident: area.incident, deadlineHours: stable(area.deadlineHours),
                              byDeadline: stable(f.basicByDeadline), byHorizon: stable(f.byHorizon),
                              fullyServedAtHours: f.basicFullyServedAtHours.map(stable), reliefMet: verdict.reliefMet,
                              deadlineTime: clock?.iso(area.deadlineHours),
                              fullyServedAtTime: f.basicFullyServedAtHours.flatMap { clock?.iso($0) })
        }
        let fastest = FastestTeams(r)
        teams = r.teams.outcomes.map { o in
            let req = r.teamProblem.requirements[o.requirement]
            let earliest = r.fastestTeamArrivalHours[o.requirement]
            let first = fastest.team[o.requirement]
            let sentTo = first.flatMap { fastest.requirementOf[$0] }
            return TeamOutcome(
                area: req.area, areaName: areaName(req.area), incident: req.incident, specialty: req.specialty,
                headcount: req.headcount, targetHours: stable(req.targetHours),
                earliestArrivalHours: earliest.map(stable), met: o.met,
                headcountOnTime: o.headcountOnTime, missing: o.missingOnTime,
                assigned: o.assignments.map { a in
                    let team = r.teamProblem.teams[a.team]
                    return Assigned(team: team.id, teamName: teamOf[team.id]?.name ?? team.id.rawValue, headcount: team.headcount,
                                    arrivalHours: stable(a.arrivalHours), onTime: a.onTime, arrivalTime: clock?.iso(a.arrivalHours))
                },
                explanation: o.explanation,
                fastestTeam: first.map { r.teamProblem.teams[$0].id },
                fastestTeamSentTo: sentTo.map { r.teamProblem.requirements[$0].area },
                why: o.met ? nil : TeamOutcome.reason(specialty: req.specialty.rawValue, area: req.area.rawValue, headcount: req.headcount,
                                                      onTime: o.headcountOnTime, target: req.targetHours,
                                                      earliest: earliest),
                whyLater: fastest.whyLater(o, earliest: earliest, teamName: { teamOf[$0]?.name ?? $0.rawValue }, areaName: areaName))
        }
        bindingResources = r.goods.bindingResources.map { b in
            BindingResource(kind: b.kind.rawValue, depot: p.sources[b.source].id, depotName: r.sourcePlaces[b.source].name,
                            item: b.item.map { p.items[$0].id }, marginalValue: stable(b.marginalValue))
        }
        marginalValues = r.goods.marginalValues.map { m in
            MarginalValue(depot: p.sources[m.source].id, depotName: r.sourcePlaces[m.source].name,
                          item: p.items[m.item].id, itemName: itemName(m.item), unit: unit(m.item), value: stable(m.value))
        }
        let size = r.goods.modelSize
        model = ModelInfo(rows: size.rows, columns: size.columns, nonZeros: size.nonZeros, integerColumns: size.integerColumns,
                          levelObjectives: r.goods.levelObjectives.map(stable), excludedPairs: r.goods.excludedPairs,
                          teamRows: r.teams.modelSize.rows, teamColumns: r.teams.modelSize.columns,
                          scheduleRounds: r.goods.scheduleRounds, levelOneLPBound: r.goods.levelOneLPBound.map(stable))
        warnings = r.warnings
        summary = Summary(areas: r.compliance.count, areasMeetingRelief: r.compliance.filter(\.reliefMet).count,
                          fulfilment: stable(r.goods.byDeadline), weightedShortfall: stable(r.goods.weightedShortfall),
                          teamRequirements: r.teams.outcomes.count, teamRequirementsMet: r.teams.outcomes.filter(\.met).count,
                          orders: orders.count, shortfalls: shortfalls.count, allTargetsMet: r.allTargetsMet)
    }
}

extension ResponseReport.TeamOutcome {
    /// Why a team requirement is not met, by the same rule as the team assigner's
    /// explanation: no team can reach the area, the nearest is too far, or too few
    /// arrive in time.
    static func reason(specialty: String, area: String, headcount: Int, onTime: Int, target: Double, earliest: Double?) -> Sentence {
        guard let earliest else { return Sentence("team.noneCanReach", hazards: ["specialty": specialty], words: ["area": area]) }
        if earliest > target + 1e-9 {
            return Sentence("team.nearestTooFar", hazards: ["specialty": specialty],
                            words: ["earliest": String(format: "%.1f", earliest), "target": String(format: "%.1f", target)])
        }
        return Sentence("team.tooFewOnTime", hours: ["target": target], counts: ["onTime": onTime, "headcount": headcount],
                        hazards: ["specialty": specialty])
    }
}

/// The team that could arrive first at each requirement, and where the assignment sends it.
struct FastestTeams {
    let response: ScenarioResponse
    /// By requirement: the team index with the least arrival (ties: the lower index).
    let team: [Int?]
    /// By team index: the requirement it is sent to.
    let requirementOf: [Int: Int]

    init(_ r: ScenarioResponse) {
        response = r
        let p = r.teamProblem
        var best = [(arrival: Double, team: Int)?](repeating: nil, count: p.requirements.count)
        for option in p.options {
            let arrival = p.teams[option.team].mobilisationHours + option.travelHours
            if let b = best[option.requirement], (b.arrival, b.team) <= (arrival, option.team) { continue }
            best[option.requirement] = (arrival, option.team)
        }
        team = best.map { $0?.team }
        var sent: [Int: Int] = [:]
        for o in r.teams.outcomes { for a in o.assignments { sent[a.team] = o.requirement } }
        requirementOf = sent
    }

    /// Why the first team sent arrives later than the fastest possible one; nil when
    /// it does not (or nothing can arrive).
    func whyLater(_ o: TeamPlan.Outcome, earliest: Double?, teamName: (TeamID) -> String, areaName: (AreaID) -> String) -> Sentence? {
        guard let earliest, let j = team[o.requirement] else { return nil }
        if let first = o.assignments.first, first.arrivalHours <= earliest + 1e-6 { return nil }
        let p = response.teamProblem
        let name = teamName(p.teams[j].id)
        guard let elsewhere = requirementOf[j] else {
            return Sentence(o.met ? "team.fastestNotNeeded" : "team.fastestNotSent", words: ["team": name])
        }
        let other = p.requirements[elsewhere]
        return Sentence("team.fastestSentElsewhere", hazards: ["specialty": other.specialty.rawValue],
                        words: ["team": name, "area": areaName(other.area)])
    }
}

/// A sentence for each shortfall, from the problem's routes and stock.
struct ShortfallExplainer {
    let problem: GoodsProblem
    var expiredStock: [ItemID: Double] = [:]

    func sentence(_ s: GoodsPlan.Shortfall) -> Sentence {
        let p = problem
        let area = p.areas[s.area]
        switch s.reason {
        case .noStockAnywhere:
            if let expired = expiredStock[p.items[s.item].id], expired > 0 {
                return Sentence("shortfall.allExpired", quantities: ["quantity": expired])
            }
            return Sentence("shortfall.noStockAnywhere")
        case .unreachable:
            return Sentence("shortfall.unreachable")
        case .tooFar:
            if let earliest = s.earliestArrivalHours {
                return Sentence("shortfall.tooFar", hours: ["earliest": earliest, "deadline": area.deadlineHours])
            }
            return Sentence("shortfall.tooFarNoArrival")
        case .stockExhausted:
            return Sentence("shortfall.stockExhausted")
        case .fleetOrThroughput:
            return Sentence("shortfall.fleetOrThroughput")
        }
    }
}

import BundleGraph
import LinearSolver
import ReserveModel
import RoadNetwork

/// Compliance of every area of one level with the arrival and relief targets in one
/// scenario: how fast the first team of each needed specialty can arrive, and by
/// when the area's basic needs are (or could be) delivered.
///
/// Times are hours after the scenario start (an incident's start offset included),
/// as in the dispatch. An area stands for itself and every area below it: its
/// verdicts are never better than those of its worst affected part.
public struct ScenarioCoverage: Sendable {
    /// One team requirement of the scenario inside an area (the area itself or one below it).
    public struct TeamNeed: Sendable, Hashable {
        /// The area the incident names (the part).
        public var area: String
        /// The specialty needed.
        public var specialty: HazardType
        /// The incident.
        public var incident: IncidentID
        /// Fastest possible arrival of a team of the specialty (``TeamReach``), hours after the scenario start.
        public var fastestArrivalHours: Double?
        /// Its target, hours after the scenario start (the incident's start offset plus the policy's arrival target).
        public var targetHours: Double
        /// Whether the fastest team can be there by the target.
        public var met: Bool
    }

    /// One area's numbers.
    public struct AreaCoverage: Sendable, Hashable {
        /// The area's id.
        public var area: String
        /// Its name.
        public var name: String
        /// Its population.
        public var population: Double
        /// Fastest team arrival at the area's own place by specialty, hours after the
        /// scenario start (its incident's start offset included; nil: no team can reach it).
        public var teamArrivalHours: [String: Double?]
        /// With team needs in the area or below it: the latest of their fastest arrivals
        /// (nil when one cannot be reached). Without: the fastest arrival of a team of the
        /// scenario's hazard at the area, as if it were hit at the scenario start.
        public var arrivalHours: Double?
        /// The scenario's team requirements in the area or below it.
        public var teamNeeds: [TeamNeed]
        /// Whether it or an area below it is hit in the scenario (its relief then comes from the dispatch).
        public var affected: Bool
        /// Affected: when the full basic needs of every affected part are delivered
        /// (dispatch; nil if one is not). Not affected: the earliest basic-needs stock
        /// could arrive if it were hit (nearest usable source, no competition).
        public var reliefHours: Double?
        /// Arrival target, hours after the scenario start (of the need that decides the verdict).
        public var arrivalTargetHours: Double
        /// Relief target, hours.
        public var reliefTargetHours: Double
        /// Whether the arrival target holds for every team need (or, without needs, for the scenario's hazard).
        public var arrivalMet: Bool
        /// Whether the relief target holds (for every affected part).
        public var reliefMet: Bool
    }

    /// The scenario.
    public var scenario: Scenario
    /// The policy checked against.
    public var policy: Policy?
    /// The specialties checked (the scenario's hazard and every specialty its incidents ask for).
    public var specialties: [HazardType]
    /// The policy's targets for the scenario's hazard and level, hours after an incident starts.
    public var targets: TargetHours
    /// The level of areas covered.
    public var level: AdministrativeLevel
    /// Every area of that level, by id.
    public var areas: [AreaCoverage]
    /// Share of the population whose area meets the arrival target.
    public var populationShareWithinArrival: Double
    /// Share of the population whose area meets the relief target.
    public var populationShareWithinRelief: Double
    /// The goods and team response of the scenario.
    public var response: ScenarioResponse
}

/// Computes ``ScenarioCoverage`` for scenarios of a bundle.
public struct CoverageAnalyzer: Sendable {
    /// Response options (the dispatch of each scenario uses them).
    public var options: ResponseOptions

    /// An analyzer.
    public init(options: ResponseOptions = ResponseOptions()) {
        self.options = options
    }

    /// Coverage of every area at `level` in one scenario.
    public func coverage(of scenarioID: ScenarioID, in bundle: ReserveBundle, level: AdministrativeLevel = .township,
                         network given: BundleNetwork? = nil) throws(ResponseError) -> ScenarioCoverage {
        // One stop switch, deadline and logger for the dispatch underneath.
        let options = self.options.forCall()
        let network: BundleNetwork
        if let given {
            do { try given.check(belongsTo: bundle) } catch { throw .invalidNetwork(error) }
            network = given
        } else {
            do { network = try BundleNetwork(bundle: bundle) } catch { throw .invalidNetwork(error) }
        }
        let response = try ResponsePlanner(options: options).respond(to: scenarioID, in: bundle, network: network)
        let scenario = response.scenario
        let graph = network.graph
        let overlay = response.overlay
        let policy = response.policy
        let targets = policy?.targets(hazard: scenario.hazard, level: scenario.responseLevel) ?? .nationalDefault

        var specialties = [scenario.hazard]
        for need in scenario.incidents.flatMap(\.teamNeeds) where !specialties.contains(need.specialty) {
            specialties.append(need.specialty)
        }
        // The same function as the dispatch's "fastest" column (one truth across commands).
        // The dispatch is done: from here the searches complete the answer and stop only
        // when the call is cancelled, not at the deadline (docs/library.md, "Deadlines").
        let solve = options.dispatch.solve
        let reach: TeamReach
        do {
            reach = try TeamReach(bundle: bundle, network: network, overlay: overlay, specialties: specialties,
                                  stop: solve.cancellationStop)
        } catch { throw .dispatch(.solver(.cancelled)) }
        // Potential relief: the earliest any usable source of basic-needs items could
        // arrive. Basic needs are the goods problem's own (`isBasic`: relief, food,
        // water, medical), the definition the dispatch's verdicts use.
        let p = response.goodsProblem
        var reliefStarts: [(node: NodeID, offsetHours: Double)] = []
        for (s, source) in p.sources.enumerated() {
            guard p.supplies.contains(where: { $0.source == s && $0.quantity > 0 && p.items[$0.item].isBasic }),
                  let snap = network.snaps.depots[source.id] else { continue }
            reliefStarts.append((snap.node, p.earliestReadyHours(of: s) + source.handlingHours + snap.accessHours))
        }
        let reliefTree = reliefStarts.isEmpty ? nil
            : try? graph.travelTimes(fromNearestOf: reliefStarts, overlay: overlay, stop: solve.cancellationStop)
        do { try solve.control?.checkStopped() } catch { throw .dispatch(.solver(error)) }

        // An area of the level stands for itself and every area below it: its verdicts
        // are never better than its worst affected part (docs/formats.md).
        let aggregates = Self.aggregates(in: bundle, level: level)
        var complianceOf: [AreaID: [ScenarioResponse.AreaCompliance]] = [:]
        for c in response.compliance { for a in aggregates[c.area] ?? [] { complianceOf[a, default: []].append(c) } }
        var needsOf: [AreaID: [ScenarioCoverage.TeamNeed]] = [:]
        for (r, req) in response.teamProblem.requirements.enumerated() {
            let fastest = response.fastestTeamArrivalHours[r]
            let need = ScenarioCoverage.TeamNeed(area: req.area.rawValue, specialty: req.specialty, incident: req.incident,
                                                 fastestArrivalHours: fastest, targetHours: req.targetHours,
                                                 met: fastest.map { $0 <= req.targetHours + 1e-9 } ?? false)
            for a in aggregates[req.area] ?? [] { needsOf[a, default: []].append(need) }
        }
        let offsetOf = Dictionary(scenario.incidents.flatMap { i in i.affectedAreas.map { ($0.area, i.startOffsetHours) } },
                                  uniquingKeysWith: min)

        var areas: [ScenarioCoverage.AreaCoverage] = []
        for area in bundle.areas where area.level == level {
            var arrivals: [String: Double?] = [:]
            for specialty in specialties {
                arrivals[specialty.rawValue] = .some(reach.fastestArrivalHours(of: specialty, at: area.id,
                                                                               startOffsetHours: offsetOf[area.id] ?? 0))
            }
            // Arrival: every specialty its parts need, each by its own target; an area
            // nobody needs a team in is judged as if the scenario's hazard hit it at the start.
            let needs = needsOf[area.id] ?? []
            let arrival: Double?, arrivalTarget: Double, arrivalMet: Bool
            if needs.isEmpty {
                arrival = reach.fastestArrivalHours(of: scenario.hazard, at: area.id, startOffsetHours: 0)
                arrivalTarget = targets.arrivalHours
                arrivalMet = arrival.map { $0 <= arrivalTarget + 1e-9 } ?? false
            } else {
                let worst = needs.max { ($0.met ? 0 : 1, $0.fastestArrivalHours ?? .infinity) < ($1.met ? 0 : 1, $1.fastestArrivalHours ?? .infinity) }!
                arrival = needs.contains { $0.fastestArrivalHours == nil } ? nil : needs.compactMap(\.fastestArrivalHours).max()
                arrivalTarget = worst.targetHours
                arrivalMet = needs.allSatisfy(\.met)
            }
            // Relief: affected parts by the dispatch (all must be met; the latest full
            // delivery), else the potential relief of the area itself.
            let parts = complianceOf[area.id] ?? []
            let relief: Double?, reliefTarget: Double, reliefMet: Bool
            if !parts.isEmpty {
                relief = parts.contains { $0.fullyServedAtHours == nil } ? nil : parts.compactMap(\.fullyServedAtHours).max()
                reliefTarget = (parts.first { !$0.reliefMet } ?? parts.min { $0.deadlineHours < $1.deadlineHours }!).deadlineHours
                reliefMet = parts.allSatisfy(\.reliefMet)
            } else {
                if let snap = network.snaps.areas[area.id], let tree = reliefTree, let h = tree.hours(to: snap.node) {
                    relief = h + snap.accessHours
                } else {
                    relief = nil
                }
                reliefTarget = targets.reliefHours
                reliefMet = relief.map { $0 <= reliefTarget + 1e-9 } ?? false
            }
            areas.append(ScenarioCoverage.AreaCoverage(
                area: area.id.rawValue, name: area.name, population: area.population, teamArrivalHours: arrivals,
                arrivalHours: arrival, teamNeeds: needs, affected: !parts.isEmpty, reliefHours: relief,
                arrivalTargetHours: arrivalTarget, reliefTargetHours: reliefTarget,
                arrivalMet: arrivalMet, reliefMet: reliefMet))
        }
        let population = areas.reduce(0.0) { $0 + $1.population }
        func share(_ met: (ScenarioCoverage.AreaCoverage) -> Bool) -> Double {
            population > 0 ? areas.filter(met).reduce(0.0) { $0 + $1.population } / population : 0
        }
        return ScenarioCoverage(scenario: scenario, policy: policy, specialties: specialties, targets: targets, level: level, areas: areas,
                                populationShareWithinArrival: share(\.arrivalMet),
                                populationShareWithinRelief: share(\.reliefMet), response: response)
    }

    /// For every bundle area, the areas of `level` it counts towards: itself when it is
    /// of that level, and its ancestor of that level.
    static func aggregates(in bundle: ReserveBundle, level: AdministrativeLevel) -> [AreaID: [AreaID]] {
        let byID = Dictionary(bundle.areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [AreaID: [AreaID]] = [:]
        for area in bundle.areas {
            var current: AdministrativeArea? = area
            var steps = 0
            // The validator rejects parent cycles; the step bound only keeps a bad bundle from hanging.
            while let a = current, steps <= bundle.areas.count {
                if a.level == level { result[area.id, default: []].append(a.id) }
                current = a.parent.flatMap { byID[$0] }
                steps += 1
            }
        }
        return result
    }
}

import BundleGraph
import ReserveModel
import RoadNetwork

/// Compliance of every area of one level with the arrival and relief targets in one
/// scenario: how fast the first team of each needed specialty can arrive, and by
/// when the area's basic needs are (or could be) delivered.
public struct ScenarioCoverage: Sendable {
    /// One area's numbers.
    public struct AreaCoverage: Sendable, Hashable {
        /// The area's id.
        public var area: String
        /// Its name.
        public var name: String
        /// Its population.
        public var population: Double
        /// Fastest team arrival by specialty, hours after the scenario start (nil: no team can reach it).
        public var teamArrivalHours: [String: Double?]
        /// Fastest arrival of any team with the scenario's main specialty.
        public var arrivalHours: Double?
        /// Whether it is hit in the scenario (its relief time then comes from the dispatch).
        public var affected: Bool
        /// Affected: when its full need is delivered (dispatch). Not affected: the earliest
        /// basic-needs stock could arrive if it were hit (nearest usable source, no competition).
        public var reliefHours: Double?
        /// Arrival target, hours.
        public var arrivalTargetHours: Double
        /// Relief target, hours.
        public var reliefTargetHours: Double
        /// Whether the arrival target holds.
        public var arrivalMet: Bool
        /// Whether the relief target holds.
        public var reliefMet: Bool
    }

    /// The scenario.
    public var scenario: Scenario
    /// The policy checked against.
    public var policy: Policy?
    /// The specialties checked (the scenario's hazard and every specialty its incidents ask for).
    public var specialties: [HazardType]
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
        // One forward search per specialty from every team base, offset by mobilisation and access.
        var arrivalTrees: [HazardType: ShortestPathTree] = [:]
        for specialty in specialties {
            let starts: [(node: NodeID, offsetHours: Double)] = bundle.teams.compactMap { team in
                guard team.specialties.contains(specialty), let snap = network.snaps.teams[team.id] else { return nil }
                return (snap.node, team.mobilisationMinutes / 60 + snap.accessHours)
            }
            if !starts.isEmpty, let tree = try? graph.travelTimes(fromNearestOf: starts, overlay: overlay) {
                arrivalTrees[specialty] = tree
            }
        }
        // Potential relief: the earliest any usable source of basic-needs items could arrive.
        let basic: Set<ItemCategory> = [.relief, .food, .water]
        let basicItems = Set(bundle.items.filter { basic.contains($0.category) }.map(\.id))
        let p = response.goodsProblem
        var reliefStarts: [(node: NodeID, offsetHours: Double)] = []
        for (s, source) in p.sources.enumerated() {
            guard p.supplies.contains(where: { $0.source == s && $0.quantity > 0 && basicItems.contains(p.items[$0.item].id) }),
                  let snap = network.snaps.depots[source.id] else { continue }
            reliefStarts.append((snap.node, p.earliestReadyHours(of: s) + source.handlingHours + snap.accessHours))
        }
        let reliefTree = reliefStarts.isEmpty ? nil : try? graph.travelTimes(fromNearestOf: reliefStarts, overlay: overlay)

        var served: [AreaID: ScenarioResponse.AreaCompliance] = [:]
        for c in response.compliance where served[c.area] == nil || !c.reliefMet { served[c.area] = c }
        var areas: [ScenarioCoverage.AreaCoverage] = []
        for area in bundle.areas where area.level == level {
            let snap = network.snaps.areas[area.id]
            var arrivals: [String: Double?] = [:]
            for specialty in specialties {
                if let snap, let tree = arrivalTrees[specialty], let h = tree.hours(to: snap.node) {
                    arrivals[specialty.rawValue] = h + snap.accessHours
                } else {
                    arrivals[specialty.rawValue] = .some(nil)
                }
            }
            let main = arrivals[scenario.hazard.rawValue] ?? nil
            let compliance = served[area.id]
            let affected = compliance != nil
            let relief: Double?
            if let compliance {
                relief = compliance.fullyServedAtHours
            } else if let snap, let tree = reliefTree, let h = tree.hours(to: snap.node) {
                relief = h + snap.accessHours
            } else {
                relief = nil
            }
            areas.append(ScenarioCoverage.AreaCoverage(
                area: area.id.rawValue, name: area.name, population: area.population, teamArrivalHours: arrivals,
                arrivalHours: main, affected: affected, reliefHours: relief,
                arrivalTargetHours: targets.arrivalHours, reliefTargetHours: compliance?.deadlineHours ?? targets.reliefHours,
                arrivalMet: main.map { $0 <= targets.arrivalHours + 1e-9 } ?? false,
                reliefMet: compliance?.reliefMet ?? (relief.map { $0 <= targets.reliefHours + 1e-9 } ?? false)))
        }
        let population = areas.reduce(0.0) { $0 + $1.population }
        func share(_ met: (ScenarioCoverage.AreaCoverage) -> Bool) -> Double {
            population > 0 ? areas.filter(met).reduce(0.0) { $0 + $1.population } / population : 0
        }
        return ScenarioCoverage(scenario: scenario, policy: policy, specialties: specialties, level: level, areas: areas,
                                populationShareWithinArrival: share(\.arrivalMet),
                                populationShareWithinRelief: share(\.reliefMet), response: response)
    }
}

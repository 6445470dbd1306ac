import BundleGraph
import Dispatch
import LinearSolver
import Logging
import ReserveModel
import RoadNetwork

/// How to compute a scenario's response.
public struct ResponseOptions: Sendable {
    /// Goods-dispatch options (integer trucks, column generation, solver limits).
    public var dispatch: DispatchOptions
    /// Horizon in hours; `nil`: three times the latest relief deadline, at least 24 h.
    public var horizonHours: Double?
    /// Check against this policy instead of the scenario's (or the bundle default).
    public var policy: PolicyID?
    /// Compute the road geometry of every used route (for maps); off saves time on
    /// very large networks when only tables or JSON are wanted.
    public var routeGeometry: Bool
    /// Where to log.
    public var logger: Logger

    /// Options with the defaults.
    public init(dispatch: DispatchOptions = DispatchOptions(), horizonHours: Double? = nil, policy: PolicyID? = nil,
                routeGeometry: Bool = true, logger: Logger = Logger(label: "EmergencyReserve.Response")) {
        self.routeGeometry = routeGeometry
        self.dispatch = dispatch
        self.horizonHours = horizonHours
        self.policy = policy
        self.logger = logger
    }
}

extension ResponseOptions {
    /// These options for one call: the solver logs to ``logger`` (one logger, with the
    /// caller's metadata, for everything underneath), and the call gets one stop switch
    /// and one deadline (``SolveOptions/forCall(started:)``).
    package func forCall() -> ResponseOptions {
        var o = self
        o.dispatch.solve = o.dispatch.solve.forCall()
        o.dispatch.solve.logger = o.logger
        return o
    }
}

/// Computes the response to a scenario of a bundle: goods dispatch, team assignment
/// and compliance with the 2 h / 10 h (or the policy's) targets.
///
/// ```swift
/// let bundle = try BundleReader.read(at: "Data/hegang").bundle
/// let network = try BundleNetwork(bundle: bundle)      // build once, reuse
/// let response = try ResponsePlanner().respond(to: "hg-songhua-flood", in: bundle, network: network)
/// ```
/// Synchronous and thread-safe: a service may respond to many scenarios at once on
/// one shared ``BundleNetwork``.
public struct ResponsePlanner: Sendable {
    /// How to respond.
    public var options: ResponseOptions

    /// A planner with the given options.
    public init(options: ResponseOptions = ResponseOptions()) {
        self.options = options
    }

    /// The response to one scenario.
    ///
    /// - Throws: ``ResponseError/unknownScenario(_:available:)``,
    ///   ``ResponseError/invalidNetwork(_:)``, ``ResponseError/dispatch(_:)``.
    ///
    /// One logger reaches every solve: ``ResponseOptions/logger`` (with its metadata)
    /// is the solver's logger too. `options.dispatch.solve.timeLimit` (or `deadline`)
    /// bounds the whole call, wall clock, routing included.
    public func respond(to scenarioID: ScenarioID, in bundle: ReserveBundle,
                        network given: BundleNetwork? = nil) throws(ResponseError) -> ScenarioResponse {
        var call = self
        call.options = options.forCall()
        return try call.respondWithinCall(to: scenarioID, in: bundle, network: given)
    }

    func respondWithinCall(to scenarioID: ScenarioID, in bundle: ReserveBundle,
                           network given: BundleNetwork?) throws(ResponseError) -> ScenarioResponse {
        guard let scenario = bundle.scenario(scenarioID) else {
            throw .unknownScenario(scenarioID.rawValue, available: bundle.scenarios.map(\.id.rawValue))
        }
        // A policy asked for by id must exist: falling back to the default would check
        // other targets than the ones asked for, without a word.
        if let policy = options.policy, !bundle.manifest.policies.contains(where: { $0.id == policy }) {
            throw .unknownPolicy(policy.rawValue, available: bundle.manifest.policies.map(\.id.rawValue))
        }
        let clock = ContinuousClock()
        var t = clock.now
        // The call's deadline and stop switch, asked between phases, inside every
        // routing search and between model blocks: before a solution exists a stop
        // throws (cancelled, or no solution in time), never a half-built response.
        let solve = options.dispatch.solve
        func checkpoint() throws(ResponseError) {
            do { try solve.checkpoint() } catch { throw .dispatch(error) }
        }
        try checkpoint()
        let network: BundleNetwork
        if let given {
            do { try given.check(belongsTo: bundle) } catch { throw .invalidNetwork(error) }
            network = given
        } else {
            do { network = try BundleNetwork(bundle: bundle) } catch { throw .invalidNetwork(error) }
            try checkpoint()
        }
        var inputs: ScenarioInputs
        do { inputs = try ScenarioInputs(bundle: bundle, scenario: scenario, network: network, options: options) } catch { throw .invalidNetwork(error) }
        inputs.prepare()
        try checkpoint()
        let networkTime = t.duration(to: clock.now)
        t = clock.now
        do { try inputs.route(stop: solve.searchStop) } catch { throw .dispatch(solve.stopError) }
        // The team reach is routing too, and needs nothing the solve finds: searched
        // here, under the deadline, so that no routing is left after the solve.
        let reach: TeamReach
        do {
            reach = try TeamReach(bundle: bundle, network: network, overlay: inputs.overlay,
                                  specialties: inputs.requirements.map(\.specialty), stop: solve.searchStop)
        } catch { throw .dispatch(solve.stopError) }
        let routingTime = t.duration(to: clock.now)

        let goodsProblem = inputs.goodsProblem()
        let teamProblem = inputs.teamProblem()
        try checkpoint()
        // Goods and teams share nothing (each GLPK problem lives on its own thread):
        // solved side by side, the call takes the longer of the two, not the sum.
        // The results do not depend on which finishes first; a goods error is reported
        // before a teams error, as when they ran one after the other.
        let goodsResult = Slot<Result<GoodsPlan, DispatchError>>(), teamsResult = Slot<Result<TeamPlan, DispatchError>>()
        let goodsTime = Slot<Duration>(), teamsTime = Slot<Duration>()
        let dispatchOptions = options.dispatch
        var teamSolve = options.dispatch.solve
        teamSolve.cuts = .all
        let teamOptions = teamSolve
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            let start = clock.now
            if job == 0 {
                goodsResult.value = Result { () throws(DispatchError) in try GoodsDispatcher(options: dispatchOptions).dispatch(goodsProblem) }
                goodsTime.value = start.duration(to: clock.now)
            } else {
                teamsResult.value = Result { () throws(DispatchError) in try TeamAssigner(options: teamOptions).assign(teamProblem) }
                teamsTime.value = start.duration(to: clock.now)
            }
        }
        let goods: GoodsPlan, teams: TeamPlan
        do {
            goods = try goodsResult.value!.get()
            teams = try teamsResult.value!.get()
        } catch { throw .dispatch(error) }
        let fastest = zip(teamProblem.requirements, inputs.requirementOffsets).map { req, offset in
            reach.fastestArrivalHours(of: req.specialty, at: req.area, startOffsetHours: offset)
        }

        let compliance = Self.compliance(problem: goodsProblem, plan: goods, bundle: bundle)
        let usedRoutes = Set(goods.orders.map(\.route))
        let geometry = options.routeGeometry ? inputs.geometry(of: usedRoutes.sorted(), in: goodsProblem, stop: solve.cancellationStop) : [:]
        do { try solve.control?.checkStopped() } catch { throw .dispatch(.solver(error)) }
        options.logger.debug("scenario \(scenario.id): \(goods.orders.count) orders, \(goods.shortfalls.count) shortfalls, model \(goods.modelSize.rows)×\(goods.modelSize.columns)",
                             metadata: ["code": "scenarioDispatched", "scenario": "\(scenario.id)", "orders": "\(goods.orders.count)",
                                        "shortfalls": "\(goods.shortfalls.count)", "rows": "\(goods.modelSize.rows)", "columns": "\(goods.modelSize.columns)"])
        return ScenarioResponse(
            scenario: scenario, policy: inputs.policy, targets: inputs.targets,
            goodsProblem: goodsProblem, goods: goods, teamProblem: teamProblem, teams: teams, fastestTeamArrivalHours: fastest,
            sourcePlaces: inputs.sourcePlaces, areaPlaces: inputs.areaPlaces, teamPlaces: inputs.teamPlaces,
            routeGeometry: geometry, overlay: inputs.overlay, compliance: compliance, expiredStock: inputs.expiredStock,
            warnings: inputs.warnings.sorted(),
            timings: ScenarioResponse.Timings(network: networkTime, routing: routingTime, goods: goodsTime.value!, teams: teamsTime.value!))
    }

    /// Relief compliance per area: the target concerns basic needs (food, water,
    /// clothing and shelter, medicine: item categories relief, food, water, medical);
    /// other items are dispatched and reported but do not decide the verdict. The
    /// figures are the plan's own (``GoodsPlan/AreaFulfilment``), not recomputed, except
    /// that an area is never met while an affected area below it is not (an aggregate
    /// is never better than its worst affected part, docs/formats.md).
    package static func compliance(problem p: GoodsProblem, plan: GoodsPlan, bundle: ReserveBundle) -> [ScenarioResponse.AreaCompliance] {
        var rows = plan.fulfilment.map { f in
            let area = p.areas[f.area]
            return ScenarioResponse.AreaCompliance(
                area: area.id, incident: area.incident, deadlineHours: area.deadlineHours,
                fullyServedAtHours: f.basicFullyServedAtHours, shareByDeadline: f.basicByDeadline, reliefMet: f.reliefMet)
        }
        let unmet = Set(rows.filter { !$0.reliefMet }.map(\.area))
        guard !unmet.isEmpty else { return rows }
        let parentOf = Dictionary(bundle.areas.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var failedAggregates = Set<AreaID>()
        for part in unmet {
            var current = parentOf[part] ?? nil
            var steps = 0
            while let a = current, steps <= bundle.areas.count {
                failedAggregates.insert(a)
                current = parentOf[a] ?? nil
                steps += 1
            }
        }
        for k in rows.indices where failedAggregates.contains(rows[k].area) { rows[k].reliefMet = false }
        return rows
    }

    /// Incident priority weight by response level: I = 4 … IV = 1.
    public static func priority(of level: ResponseLevel) -> Double {
        switch level {
        case .I: return 4
        case .II: return 3
        case .III: return 2
        case .IV: return 1
        }
    }
}

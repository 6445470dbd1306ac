import BundleGraph
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
    public func respond(to scenarioID: ScenarioID, in bundle: ReserveBundle,
                        network given: BundleNetwork? = nil) throws(ResponseError) -> ScenarioResponse {
        guard let scenario = bundle.scenario(scenarioID) else {
            throw .unknownScenario(scenarioID.rawValue, available: bundle.scenarios.map(\.id.rawValue))
        }
        let clock = ContinuousClock()
        var t = clock.now
        let network: BundleNetwork
        if let given { network = given } else {
            do { network = try BundleNetwork(bundle: bundle) } catch { throw .invalidNetwork(error) }
        }
        var inputs: ScenarioInputs
        do { inputs = try ScenarioInputs(bundle: bundle, scenario: scenario, network: network, options: options) } catch { throw .invalidNetwork(error) }
        inputs.prepare()
        let networkTime = t.duration(to: clock.now)
        t = clock.now
        inputs.route()
        let routingTime = t.duration(to: clock.now)

        t = clock.now
        let goodsProblem = inputs.goodsProblem()
        let goods: GoodsPlan
        do { goods = try GoodsDispatcher(options: options.dispatch).dispatch(goodsProblem) } catch { throw .dispatch(error) }
        let goodsTime = t.duration(to: clock.now)

        t = clock.now
        let teamProblem = inputs.teamProblem()
        let teams: TeamPlan
        var teamSolve = options.dispatch.solve
        teamSolve.cuts = .all
        do { teams = try TeamAssigner(options: teamSolve).assign(teamProblem) } catch { throw .dispatch(error) }
        let teamsTime = t.duration(to: clock.now)

        let compliance = Self.compliance(problem: goodsProblem, plan: goods, basicItems: inputs.basicItems)
        let usedRoutes = Set(goods.orders.map(\.route))
        let geometry = options.routeGeometry ? inputs.geometry(of: usedRoutes.sorted(), in: goodsProblem) : [:]
        options.logger.debug("scenario \(scenario.id): \(goods.orders.count) orders, \(goods.shortfalls.count) shortfalls, model \(goods.modelSize.rows)×\(goods.modelSize.columns)")
        return ScenarioResponse(
            scenario: scenario, policy: inputs.policy, targets: inputs.targets,
            goodsProblem: goodsProblem, goods: goods, teamProblem: teamProblem, teams: teams,
            sourcePlaces: inputs.sourcePlaces, areaPlaces: inputs.areaPlaces, teamPlaces: inputs.teamPlaces,
            routeGeometry: geometry, overlay: inputs.overlay, compliance: compliance, expiredStock: inputs.expiredStock,
            warnings: inputs.warnings.sorted(),
            timings: ScenarioResponse.Timings(network: networkTime, routing: routingTime, goods: goodsTime, teams: teamsTime))
    }

    /// Relief compliance per area: the target concerns basic needs (food, water,
    /// clothing and shelter, medicine: item categories relief, food, water, medical);
    /// other items are dispatched and reported but do not decide the verdict.
    static func compliance(problem p: GoodsProblem, plan: GoodsPlan, basicItems: Set<Int>) -> [ScenarioResponse.AreaCompliance] {
        var result: [ScenarioResponse.AreaCompliance] = []
        for f in plan.fulfilment {
            let area = p.areas[f.area]
            let basicNeeds = p.needs.filter { $0.area == f.area && basicItems.contains($0.item) }
            let shortAtDeadline = plan.shortfalls.filter { $0.area == f.area && basicItems.contains($0.item) }
            let weight = basicNeeds.reduce(0.0) { $0 + $1.weight }
            var missed = 0.0
            for s in shortAtDeadline {
                let q = basicNeeds.filter { $0.item == s.item }.reduce(0.0) { $0 + $1.quantity }
                let w = basicNeeds.first { $0.item == s.item }?.weight ?? 0
                if q > 0 { missed += w * min(1, s.quantity / q) }
            }
            let neverDelivered = shortAtDeadline.contains { $0.quantityAtHorizon > 1e-6 * max(1, $0.quantity) }
            let arrivals = plan.orders.filter { $0.area == f.area && basicItems.contains($0.item) }.map(\.etaHours)
            let fullyAt: Double? = neverDelivered ? nil : (arrivals.max() ?? 0)
            let share = weight > 0 ? max(0, 1 - missed / weight) : 1
            result.append(ScenarioResponse.AreaCompliance(
                area: area.id, incident: area.incident, deadlineHours: area.deadlineHours, fullyServedAtHours: fullyAt,
                shareByDeadline: share, reliefMet: shortAtDeadline.isEmpty))
        }
        return result
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

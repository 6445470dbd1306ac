import BundleGraph
import Foundation
import LinearSolver
import ReserveModel
import Response

/// Why a plan could not be computed.
public enum PlanningError: Error, Sendable, CustomStringConvertible {
    /// The bundle has no scenarios to plan for.
    case noScenarios
    /// Invalid options (every problem listed, each naming its option).
    case invalidOptions([ProblemIssue])
    /// Routing or dispatch inputs failed.
    case response(ResponseError)
    /// The solver refused the model or failed.
    case solver(LinearSolverError)
    /// The plan's own rules cannot all hold (minimum-stock rules, depot capacity, the
    /// budget): each conflict names the rules involved; no plan is made.
    case infeasible([PlanConflict])
    /// The solve ended before any plan was found (the time limit or the call's
    /// deadline came first): no plan is returned, never a zeroed one.
    case noSolution(SolutionStatus)

    public var description: String {
        switch self {
        case .noScenarios: return "the bundle has no scenarios to plan for"
        case let .invalidOptions(list): return "invalid planning options: " + list.map(\.description).joined(separator: "; ")
        case let .infeasible(list): return "no plan meets its rules: " + list.map(\.description).joined(separator: "; ")
        case let .noSolution(status):
            return "the solver stopped (\(status.rawValue)) before finding any plan; allow more time (--time-limit)"
        case let .response(e): return e.description
        case let .solver(e): return e.description
        }
    }
}

/// Rules of a plan that cannot hold together.
public struct PlanConflict: Sendable, Hashable, CustomStringConvertible {
    /// The rules, e.g. `min-stock county:5000:3`, `capacity HG-D-SB (volume)`, `budget`.
    public var rules: [String]
    /// What they demand, with the numbers and their units.
    public var message: String
    /// A conflict.
    public init(rules: [String], message: String) {
        self.rules = rules
        self.message = message
    }
    public var description: String { rules.joined(separator: " vs ") + ": " + message }
}

/// Plans how much of each item each depot should hold (and what to contract with
/// agreement suppliers) over a bundle's scenarios: a two-stage stochastic program,
/// docs/formulation.md "Reserve levels" (rows [P1]–[P6]).
///
/// First stage: stock level per physical depot and item, agreement capacity per
/// supplier and item. Second stage: each scenario's dispatch (the goods LP with fleet as
/// continuous capacity), coupled through its stock rows. Solved as one deterministic
/// equivalent (sparse: each scenario only has arcs that arrive within its own
/// deadlines; large ones by column generation) or, at province scale, by scenario
/// decomposition (``PlanDecomposition``: multi-cut L-shaped, scenarios in parallel).
public struct ReservePlanner: Sendable {
    /// How to plan.
    public var options: ReservePlanOptions

    /// A planner.
    public init(options: ReservePlanOptions = ReservePlanOptions()) {
        self.options = options
    }

    /// Plans reserve levels for every scenario of the bundle (weights normalised to probabilities).
    ///
    /// The plan's before and after figures are `reserve dispatch`'s own: each scenario is
    /// dispatched on today's stock and on the recommended stock
    /// (``ReservePlan/applied(to:)``) with the default dispatch options.
    /// - Throws: ``PlanningError/infeasible(_:)`` when the minimum-stock rules, depot
    ///   capacity and the budget cannot all hold; ``PlanningError/invalidOptions(_:)``.
    ///
    /// ``ReservePlanOptions/solve``'s `timeLimit` (or `deadline`) bounds the whole call,
    /// wall clock: building the program, dispatching today's stock, every objective
    /// level or master, and dispatching the recommended stock. The last of these is as
    /// much work as the second, so the solve ends 1.5 × that time before the deadline.
    /// - Throws: ``PlanningError/noSolution(_:)`` when the time ran out before any plan
    ///   was found; ``PlanningError/solver(_:)`` with ``LinearSolverError/cancelled``
    ///   when cancelled (``isCancellation``).
    public func plan(_ bundle: ReserveBundle, network given: BundleNetwork? = nil) throws(PlanningError) -> ReservePlan {
        var call = self
        call.options.solve = options.solve.forCall()
        return try call.planWithinCall(bundle, network: given)
    }

    func planWithinCall(_ bundle: ReserveBundle, network given: BundleNetwork?) throws(PlanningError) -> ReservePlan {
        let solve = options.solve
        var builder = try builder(for: bundle, network: given)
        try builder.checkRules()
        // Building the program and routing every scenario asked the deadline as they
        // went; past it now, nothing more is tried.
        try checkpoint()
        let evaluationStart = ContinuousClock.now
        let today = try DispatchEvaluation(bundle: bundle, network: builder.network, logger: solve.logger, control: solve.control,
                                           deadline: solve.deadline)
        if solve.isPastDeadline { throw .noSolution(.noSolutionFound) }
        if let deadline = solve.deadline {
            let evaluation = evaluationStart.duration(to: .now)
            builder.options.solve.deadline = deadline - evaluation * 1.5
        }
        var plan = try builder.solve()
        try plan.evaluate(bundle: bundle, network: builder.network, today: today, builder: builder, logger: solve.logger,
                          control: solve.control)
        return plan
    }

    /// The program built for `bundle`, not yet solved.
    func builder(for bundle: ReserveBundle, network given: BundleNetwork? = nil) throws(PlanningError) -> ReservePlanBuilder {
        var problems: [ProblemIssue] = []
        if let b = options.budgetYuan, !(b >= 0 && b.isFinite) { problems.append(ProblemIssue("budgetYuan", "must be a number ≥ 0, got \(b)")) }
        if options.objective == .cost, options.budgetYuan != nil {
            problems.append(ProblemIssue("budgetYuan", "the cost objective minimises the cost itself; a budget does not apply to it"))
        }
        let rates: [(String, Double?)] = [("holdingRate", options.holdingRate), ("contractFeeRate", options.contractFeeRate),
                                          ("moveYuanPerTonneKm", options.moveYuanPerTonneKm),
                                          ("moveHandlingYuanPerTonne", options.moveHandlingYuanPerTonne)]
        for case let (name, value?) in rates where !(value >= 0 && value.isFinite) {
            problems.append(ProblemIssue(name, "must be ≥ 0, got \(value)"))
        }
        if !(options.shortfallAllowance >= 0 && options.shortfallAllowance.isFinite) {
            problems.append(ProblemIssue("shortfallAllowance", "must be ≥ 0, got \(options.shortfallAllowance)"))
        }
        if !(options.decompositionGap > 0 && options.decompositionGap < 1) {
            problems.append(ProblemIssue("decompositionGap", "must be between 0 and 1, got \(options.decompositionGap)"))
        }
        if !problems.isEmpty { throw .invalidOptions(problems) }
        guard !bundle.scenarios.isEmpty else { throw .noScenarios }
        let scope = try PlanScope(bundle: bundle, area: options.scope)
        let network: BundleNetwork
        if let given {
            do { try given.check(belongsTo: bundle) } catch { throw .response(.invalidNetwork(error)) }
            network = given
        } else {
            do { network = try BundleNetwork(bundle: bundle) } catch { throw .response(.invalidNetwork(error)) }
        }

        var scenarios: [ScenarioGoods] = []
        for scenario in bundle.scenarios {
            try checkpoint()
            var responseOptions = ResponseOptions(logger: options.solve.logger)
            // The horizon `reserve dispatch` uses (its default), so that each scenario's LP
            // is dispatch's own. Capacity is counted per deadline, so the shortfall by the
            // deadline would not change with a horizon at the last deadline; but the plan
            // the program picks among equally good ones, and so what dispatch then makes
            // of it, would (the decomposition and the equivalent then pick different
            // ones), and the figures a plan reports are dispatch's (DispatchEvaluation).
            responseOptions.horizonHours = nil
            do {
                // The routing asks the call's deadline and stop switch inside its searches.
                var goods = try ResponsePlanner(options: responseOptions).goods(for: scenario.id, in: bundle, network: network,
                                                                                call: options.solve)
                Self.restrict(&goods, to: scope, in: bundle)
                scenarios.append(goods)
            } catch {
                throw Self.planningError(error)
            }
        }
        try checkpoint()
        var builder = ReservePlanBuilder(bundle: bundle, scenarios: scenarios, options: options, scope: scope, network: network)
        do {
            try builder.build()
        } catch {
            throw Self.planningError(.dispatch(error))
        }
        return builder
    }

    /// The probe between phases of building the program: cancelled →
    /// ``PlanningError/solver(_:)`` (`cancelled`); past the deadline, before any plan
    /// exists → ``PlanningError/noSolution(_:)``.
    func checkpoint() throws(PlanningError) {
        do { try options.solve.checkpoint() } catch { throw Self.planningError(.dispatch(error)) }
    }

    /// A routing or model-building error as the plan reports it: a stop at a probe is
    /// the plan's own cancellation or missing solution, anything else stays a
    /// response error.
    static func planningError(_ error: ResponseError) -> PlanningError {
        switch error {
        case let .dispatch(.noSolution(status)): return .noSolution(status)
        case let .dispatch(.solver(e)) where e.isCancellation: return .solver(e)
        default: return .response(error)
        }
    }

    /// Depots outside the scope keep today's stock: their sources are no longer
    /// plannable and supply what they hold (after the scenario's damage), not the
    /// planning placeholder.
    static func restrict(_ goods: inout ScenarioGoods, to scope: PlanScope, in bundle: ReserveBundle) {
        let depots = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        var fixed = Set<Int>()
        for (s, id) in goods.sourceDepots.enumerated() where goods.sourcePlannable[s] {
            if let depot = depots[id], scope.plans(depot) { continue }
            goods.sourcePlannable[s] = false
            fixed.insert(s)
        }
        guard !fixed.isEmpty else { return }
        goods.problem.supplies.removeAll { fixed.contains($0.source) }
        for s in fixed.sorted() {
            for (k, q) in goods.currentQuantity[s].sorted(by: { $0.key < $1.key }) where q > 0 {
                goods.problem.supplies.append(GoodsProblem.Supply(source: s, item: k, quantity: q))
            }
        }
        // As the inputs list them: by source, then item.
        goods.problem.supplies.sort { ($0.source, $0.item) < ($1.source, $1.item) }
    }
}

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

    public var description: String {
        switch self {
        case .noScenarios: return "the bundle has no scenarios to plan for"
        case let .invalidOptions(list): return "invalid planning options: " + list.map(\.description).joined(separator: "; ")
        case let .response(e): return e.description
        case let .solver(e): return e.description
        }
    }
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
    public func plan(_ bundle: ReserveBundle, network given: BundleNetwork? = nil) throws(PlanningError) -> ReservePlan {
        var builder = try builder(for: bundle, network: given)
        return try builder.solve()
    }

    /// The program built for `bundle`, not yet solved.
    func builder(for bundle: ReserveBundle, network given: BundleNetwork? = nil) throws(PlanningError) -> ReservePlanBuilder {
        var problems: [ProblemIssue] = []
        if let b = options.budgetYuan, !(b >= 0 && b.isFinite) { problems.append(ProblemIssue("budgetYuan", "must be a number ≥ 0, got \(b)")) }
        if !(options.holdingRate >= 0 && options.holdingRate.isFinite) {
            problems.append(ProblemIssue("holdingRate", "must be ≥ 0, got \(options.holdingRate)"))
        }
        if !(options.contractFeeRate >= 0 && options.contractFeeRate.isFinite) {
            problems.append(ProblemIssue("contractFeeRate", "must be ≥ 0, got \(options.contractFeeRate)"))
        }
        if !(options.shortfallAllowance >= 0 && options.shortfallAllowance.isFinite) {
            problems.append(ProblemIssue("shortfallAllowance", "must be ≥ 0, got \(options.shortfallAllowance)"))
        }
        if !(options.decompositionGap > 0 && options.decompositionGap < 1) {
            problems.append(ProblemIssue("decompositionGap", "must be between 0 and 1, got \(options.decompositionGap)"))
        }
        if !problems.isEmpty { throw .invalidOptions(problems) }
        guard !bundle.scenarios.isEmpty else { throw .noScenarios }
        let network: BundleNetwork
        if let given {
            network = given
        } else {
            do { network = try BundleNetwork(bundle: bundle) } catch { throw .response(.invalidNetwork(error)) }
        }

        var scenarios: [ScenarioGoods] = []
        for scenario in bundle.scenarios {
            var responseOptions = ResponseOptions(logger: options.solve.logger)
            // Only arrivals by the deadline count for shortfall: no horizon beyond the last deadline.
            responseOptions.horizonHours = nil
            do {
                var goods = try ResponsePlanner(options: responseOptions).goods(for: scenario.id, in: bundle, network: network)
                goods.problem.horizonHours = max(goods.problem.areas.map(\.deadlineHours).max() ?? 10, 1)
                scenarios.append(goods)
            } catch {
                throw .response(error)
            }
        }
        var builder = ReservePlanBuilder(bundle: bundle, scenarios: scenarios, options: options)
        do {
            try builder.build()
        } catch {
            throw .response(.dispatch(error))
        }
        return builder
    }
}

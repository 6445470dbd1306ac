import LinearSolver
import BundleGraph
import Foundation
import Logging
import ReserveModel
import Response

/// Every scenario of a bundle dispatched as `reserve dispatch` does it (default
/// dispatch options, default horizon): the figures a plan's "before" and "after" are.
struct DispatchEvaluation: Sendable {
    /// An area of one incident and an item.
    struct NeedKey: Hashable, Sendable {
        var area: AreaID
        var incident: IncidentID
        var item: ItemID
    }

    /// One scenario's dispatch.
    struct Scenario: Sendable {
        /// Its weighted shortfall by the deadline (the dispatch's first level).
        var weightedShortfall: Double
        /// Share of its areas meeting the relief target.
        var reliefCompliance: Double
        /// Units short by the deadline, per area, incident and item.
        var shortfall: [NeedKey: Double]
    }

    /// In the bundle's scenario order.
    var scenarios: [Scenario]

    /// Dispatches every scenario of `bundle`, in parallel (each GLPK solve on its own
    /// worker thread; the results do not depend on the order).
    ///
    /// `control` is the plan's stop switch: a cancelled plan stops here too. No deadline
    /// is passed: the plan reserves the time of these dispatches before its own.
    init(bundle: ReserveBundle, network: BundleNetwork, logger: Logger, control: SolveControl? = nil,
         deadline: ContinuousClock.Instant? = nil) throws(PlanningError) {
        let ids = bundle.scenarios.map(\.id)
        let box = ResultBox<Scenario, PlanningError>(count: ids.count)
        DispatchQueue.concurrentPerform(iterations: ids.count) { w in
            box.set(w, Result { () throws(PlanningError) in
                try Self.dispatch(ids[w], bundle: bundle, network: network, logger: logger, control: control, deadline: deadline)
            })
        }
        var list: [Scenario] = []
        for r in box.results {
            switch r {
            case let .success(s)?: list.append(s)
            case let .failure(e)?: throw e
            case nil: throw .solver(.backendFailure("a scenario was not dispatched"))
            }
        }
        scenarios = list
    }

    static func dispatch(_ id: ScenarioID, bundle: ReserveBundle, network: BundleNetwork, logger: Logger,
                         control: SolveControl? = nil, deadline: ContinuousClock.Instant? = nil) throws(PlanningError) -> Scenario {
        var options = ResponseOptions(routeGeometry: false, logger: logger)
        options.dispatch.solve.logger = logger
        options.dispatch.solve.control = control
        options.dispatch.solve.deadline = deadline
        if options.dispatch.solve.isPastDeadline { throw .noSolution(.noSolutionFound) }
        let planner = ResponsePlanner(options: options)
        let problem: GoodsProblem
        let plan: GoodsPlan
        do {
            // The routing asks the same deadline and stop switch as the solve.
            problem = try planner.goods(for: id, in: bundle, network: network, planning: false,
                                        call: planner.options.dispatch.solve).problem
            plan = try GoodsDispatcher(options: planner.options.dispatch).dispatch(problem)
        } catch let e as ResponseError {
            throw ReservePlanner.planningError(e)
        } catch let e as DispatchError {
            if case let .noSolution(status) = e { throw .noSolution(status) }
            throw .response(.dispatch(e))
        } catch {
            throw .solver(.backendFailure("\(error)"))
        }
        var shortfall: [NeedKey: Double] = [:]
        for s in plan.shortfalls where s.quantity > 0 {
            let area = problem.areas[s.area]
            shortfall[NeedKey(area: area.id, incident: area.incident, item: problem.items[s.item].id), default: 0] += s.quantity
        }
        // The dispatch's verdicts, aggregate rule included (one truth across commands).
        let met = ResponsePlanner.compliance(problem: problem, plan: plan, bundle: bundle).filter(\.reliefMet).count
        return Scenario(weightedShortfall: plan.weightedShortfall,
                        reliefCompliance: plan.fulfilment.isEmpty ? 1 : Double(met) / Double(plan.fulfilment.count),
                        shortfall: shortfall)
    }
}

/// Results of parallel work, each slot written once under a lock.
final class ResultBox<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Result<Value, Failure>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<Value, Failure>) {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
    }
}

import BundleGraph
import LinearSolver
import ReserveModel

extension PlanningError {
    /// Whether the call was cancelled (``LinearSolverError/cancelled`` underneath).
    public var isCancellation: Bool {
        switch self {
        case let .solver(e): return e.isCancellation
        case let .response(e): return e.isCancellation
        default: return false
        }
    }
}

extension ReservePlanner {
    /// A plan computed on a solver thread (``SolverThread``), cancellable: cancelling
    /// the calling task stops the current solve (a MIP at GLPK's next callback, an LP
    /// after its current chunk of iterations), no further level, master or scenario
    /// round starts, and the call throws `CancellationError`.
    ///
    /// ```swift
    /// let task = Task { try await ReservePlanner(options: options).plan(bundle, network: network) }
    /// task.cancel()   // the plan ends within a chunk of simplex iterations
    /// ```
    ///
    /// - Throws: `CancellationError`, or ``PlanningError`` as the synchronous call.
    public func plan(_ bundle: ReserveBundle, network: BundleNetwork? = nil) async throws -> ReservePlan {
        var prepared = self
        prepared.options.solve = options.solve.forCall()
        let call = prepared
        let control = call.options.solve.control!
        return try await SolverThread.run(control: control, isCancellation: { ($0 as? PlanningError)?.isCancellation ?? false }) {
            try call.planWithinCall(bundle, network: network)
        }
    }

    /// The budget frontier on a solver thread, cancellable as ``plan(_:network:)-(_,_)``.
    public func frontier(_ bundle: ReserveBundle, budgets: [Double], network: BundleNetwork? = nil) async throws -> PlanFrontier {
        var prepared = self
        prepared.options.solve = options.solve.forCall()
        let call = prepared
        let control = call.options.solve.control!
        return try await SolverThread.run(control: control, isCancellation: { ($0 as? PlanningError)?.isCancellation ?? false }) {
            try call.frontier(bundle, budgets: budgets, network: network) as PlanFrontier
        }
    }
}

extension SitingSolver {
    /// Solves a siting problem on a solver thread, cancellable: GLPK's search stops at
    /// its next callback, the Lagrangian branch and bound at its next node.
    ///
    /// - Throws: `CancellationError`, or ``SitingError`` as the synchronous call.
    public func solve(_ problem: SitingProblem, objective: SitingObjective, count: Int? = nil,
                      withinHours: Double? = nil) async throws -> SitingResult {
        var prepared = self
        prepared.options = options.forCall()
        let call = prepared
        let control = call.options.control!
        return try await SolverThread.run(control: control, isCancellation: { ($0 as? SitingError)?.isCancellation ?? false }) {
            try call.solve(problem, objective: objective, count: count, withinHours: withinHours) as SitingResult
        }
    }
}

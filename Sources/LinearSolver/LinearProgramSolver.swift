/// Something that solves a ``Model``: the seam between the models the project builds
/// and the engine that solves them.
///
/// GLPK (module `GLPKBackend`, `GLPKSolver`) is the engine in production; a test can
/// put anything else in its place, and a second engine can be added without touching
/// the code that builds models. What only one engine can do (GLPK's simplex bases,
/// column generation priced with its duals) stays that engine's own API.
///
/// ```swift
/// func shortfall(of model: Model, using solver: some LinearProgramSolver) throws -> Double? {
///     try solver.solve(model).objectiveValue
/// }
/// ```
///
/// Conforming types are values that may be used from many threads at once: each call
/// is synchronous and self-contained. A solve that ends infeasible, unbounded or
/// stopped returns a ``Solution`` with that status; only misuse (an invalid model,
/// unusable options) or a failure of the engine throws.
public protocol LinearProgramSolver: Sendable {
    /// Solves `model` for its own objective.
    ///
    /// - Throws: ``LinearSolverError/invalidModel(_:)`` listing every problem of an
    ///   invalid model (see ``Model/validate()``), ``LinearSolverError/invalidOptions(_:)``,
    ///   or ``LinearSolverError/backendFailure(_:)``.
    func solve(_ model: Model) throws(LinearSolverError) -> Solution

    /// Optimises `objectives` in priority order: each level may only choose among the
    /// optimal solutions of the levels before it (within their tolerances). The
    /// model's own objective is ignored.
    ///
    /// - Returns: one ``Solution`` per level solved; fewer when a level ends without a
    ///   usable optimum (the last one then carries that status). Row activities and
    ///   duals refer to the model's own rows.
    /// - Throws: as ``solve(_:)``; ``LinearSolverError/invalidModel(_:)`` also for
    ///   problems of the levels (``Model/validate(_:)``).
    func solve(_ model: Model, lexicographic objectives: [LexicographicObjective]) throws(LinearSolverError) -> [Solution]

    /// Solves `model` with `start` (one value per column) as a hint: a feasible start
    /// may let a MIP search prune from its root. An engine may ignore the hint; the
    /// result is a solution of `model` either way.
    ///
    /// - Throws: as ``solve(_:)``, and ``LinearSolverError/invalidOptions(_:)`` when
    ///   `start` does not have one value per column.
    func solve(_ model: Model, warmStart start: [Double]) throws(LinearSolverError) -> Solution
}

extension LinearProgramSolver {
    /// The default: ``solveByObjectiveRows(_:lexicographic:)``.
    public func solve(_ model: Model, lexicographic objectives: [LexicographicObjective]) throws(LinearSolverError) -> [Solution] {
        try solveByObjectiveRows(model, lexicographic: objectives)
    }

    /// The default ignores the start (after checking its length) and calls ``solve(_:)``.
    public func solve(_ model: Model, warmStart start: [Double]) throws(LinearSolverError) -> Solution {
        guard start.count == model.variableCount else {
            throw .invalidOptions("a warm start needs one value per column: got \(start.count) for \(model.variableCount) columns")
        }
        return try solve(model)
    }

    /// Lexicographic levels by successive solves of a growing copy of the model, the
    /// textbook method that any engine supports: after level k, the row
    /// `level_k ≤ optimum_k + |optimum_k|·relativeTolerance + absoluteTolerance`
    /// (`≥ … −` when maximising) is added and level k + 1 becomes the objective.
    ///
    /// Each level is a fresh ``solve(_:)``, so nothing is warm-started, and the levels'
    /// own `mipGap` and `timeLimit` are not applied (they are options of an engine).
    /// GLPK's own implementation is exact for LPs and keeps its basis between levels.
    public func solveByObjectiveRows(_ model: Model, lexicographic objectives: [LexicographicObjective]) throws(LinearSolverError) -> [Solution] {
        guard !objectives.isEmpty else { throw .invalidOptions("a lexicographic solve needs at least one objective") }
        let problems = model.validate(objectives)
        if !problems.isEmpty { throw .invalidModel(problems) }
        var working = model
        var results: [Solution] = []
        for (level, objective) in objectives.enumerated() {
            working.setObjective(objective.expression, sense: objective.sense)
            var solution = try solve(working)
            // Only the model's own rows are reported, not the level rows added here.
            if solution.rowActivities.count > model.constraintCount { solution.rowActivities.removeLast(solution.rowActivities.count - model.constraintCount) }
            if solution.rowDuals.count > model.constraintCount { solution.rowDuals.removeLast(solution.rowDuals.count - model.constraintCount) }
            results.append(solution)
            let usable = solution.status == .optimal || (model.isMixedInteger && solution.status == .feasible)
            guard usable, let optimum = solution.objectiveValue, level + 1 < objectives.count else { break }
            let slack = abs(optimum) * objective.relativeTolerance + objective.absoluteTolerance
            let row = objective.sense == .minimize
                ? LinearConstraint(objective.expression, lowerBound: -.infinity, upperBound: optimum + slack)
                : LinearConstraint(objective.expression, lowerBound: optimum - slack, upperBound: .infinity)
            working.addConstraint(row, name: "level\(level + 1)")
        }
        return results
    }
}

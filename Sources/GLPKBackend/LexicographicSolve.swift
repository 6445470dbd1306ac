import CGLPK
import LinearSolver

extension GLPKSolver {
    /// Optimises several objectives in priority order by successive solves: the
    /// next level may only choose among the previous level's optimal solutions.
    ///
    /// For LPs the restriction is exact: columns with a non-zero reduced cost and rows
    /// with a non-zero dual are fixed at their optimal values (complementary slackness
    /// with the level's optimal duals), so the tolerances are not used. For MIPs (and
    /// LP levels without a basis) the level's optimum, within its tolerance, is added
    /// as a row.
    ///
    /// All levels are solved on one GLPK problem in this one synchronous call; for
    /// LPs each later level starts from the previous optimal basis (a warm start:
    /// typically a few dual/primal simplex iterations instead of a full solve).
    /// The model's own objective is ignored.
    ///
    /// - Returns: one ``Solution`` per level solved. Solving stops early (fewer
    ///   solutions) when a level ends without a usable optimum; the last solution then
    ///   carries that status. Row duals of each level refer to the model's rows only.
    public func solve(_ model: Model, lexicographic objectives: [LexicographicObjective]) throws(LinearSolverError) -> [Solution] {
        try solve(model, lexicographic: objectives, startingFrom: nil).solutions
    }

    /// As ``solve(_:lexicographic:)``, with the first LP level started from `basis`
    /// (by the dual simplex, without presolve) and that level's optimal basis returned.
    ///
    /// A caller that changes only row bounds between calls (the dispatcher tightening
    /// a fleet row) keeps level 1's basis dual feasible, so the next call needs a few
    /// dual simplex iterations instead of a solve from scratch. A basis of the wrong
    /// size throws ``LinearSolverError/invalidOptions(_:)``; a singular one falls back
    /// to GLPK's advanced initial basis. For a MIP given a first point, `basis` starts
    /// level 1's relaxation; a MIP returns no basis.
    ///
    /// For a MIP, `incumbent` (one value per column) is handed to branch and bound as
    /// level 1's first integer solution when it is feasible (checked here, within
    /// 1e-7). Each later level starts from the level before's solution, which meets
    /// that level's objective row, with or without `incumbent`. A level given a first
    /// point runs without the presolver, because GLPK's heuristic solutions refer to
    /// the original columns.
    public func solve(_ model: Model, lexicographic objectives: [LexicographicObjective],
                      startingFrom basis: SimplexBasis?, incumbent: [Double]? = nil) throws(LinearSolverError) -> (solutions: [Solution], firstLevelBasis: SimplexBasis?) {
        if let incumbent, incumbent.count != model.variableCount {
            throw .invalidOptions("a warm start needs one value per column: got \(incumbent.count) for \(model.variableCount) columns")
        }
        if let basis, basis.rows.count != model.constraintCount || basis.columns.count != model.variableCount {
            throw .invalidOptions("a starting basis needs one status per row and column: got \(basis.rows.count) × \(basis.columns.count) for \(model.constraintCount) × \(model.variableCount)")
        }
        guard !objectives.isEmpty else { throw .invalidOptions("a lexicographic solve needs at least one objective") }
        let problems = model.validate(objectives)
        if !problems.isEmpty { throw .invalidModel(problems) }
        let optionProblems = options.problems()
        if !optionProblems.isEmpty { throw .invalidOptions(optionProblems.joined(separator: "; ")) }
        if model.isMixedInteger {
            // Branch and bound on the columns that are free (FixedColumnReduction); a
            // column basic in the starting basis stays, so that the basis stays whole.
            let reduction = FixedColumnReduction(model) { basis?.columns[$0] == .basic }
            // Only while an integer column is left: a model reduced to no columns would
            // be an invalid argument to GLPK, and one reduced to continuous columns an LP
            // with other statuses; both are solved whole, as before.
            if reduction.removedCount > 0, reduction.model.isMixedInteger {
                // The full matrix's factors, less the removed columns: the scaled
                // problem GLPK's simplex works on is the one it worked on before.
                let full = basis?.scaling.flatMap { $0.matrix == model.matrixHash ? ($0.rows, $0.columns) : nil }
                    ?? { let s = GLPKScaling(model: model); return (s.rows, s.columns) }()
                let scaling = SimplexBasis.Scaling(rows: full.0, columns: reduction.kept.map { full.1[Int($0)] },
                                                   matrix: reduction.model.matrixHash)
                let reducedBasis = basis.map { b in SimplexBasis(rows: b.rows, columns: reduction.kept.map { b.columns[Int($0)] }) }
                let solutions = try solveLevels(reduction.model, objectives: objectives.map(reduction.reduced),
                                                basis: reducedBasis, incumbent: incumbent.map(reduction.reduced(point:)),
                                                scaling: scaling).solutions
                return (solutions.map(reduction.expanded), nil)
            }
        }
        return try solveLevels(model, objectives: objectives, basis: basis, incumbent: incumbent, scaling: nil)
    }

    /// The levels of a validated model; `scaling`, when given, are its scale factors.
    private func solveLevels(_ model: Model, objectives: [LexicographicObjective], basis: SimplexBasis?, incumbent: [Double]?,
                             scaling: SimplexBasis.Scaling?) throws(LinearSolverError) -> (solutions: [Solution], firstLevelBasis: SimplexBasis?) {
        let options = options.withSwitch()
        try options.control?.checkStopped()

        let clock = ContinuousClock()
        let start = clock.now
        let terminal = GLPKTerminal(logger: options.logger, level: options.solverLogLevel)
        let isMIP = model.isMixedInteger
        let startBasis = basis
        let startPoint = isMIP ? incumbent.flatMap { model.isFeasible($0, tolerance: 1e-7) ? $0 : nil } : nil
        if isMIP, incumbent != nil, startPoint == nil {
            options.logger.debug("warm start for \(model.name) is not feasible; level 1 starts without it", metadata: ["code": "warmStartLevelDropped", "model": "\(model.name)"])
        }
        var firstLevelBasis: SimplexBasis?
        // A load that cannot end before the deadline is not started (GLPKLoadCost):
        // the caller's first point, when it gave one, is then the answer of every level.
        let deadline = [options.deadline, options.timeLimit.map { start + $0 }].compactMap { $0 }.min()
        if let deadline, GLPKLoadCost.wouldOverrun(.load, nonZeros: model.nonZeroCount, now: clock.now, deadline: deadline) {
            options.logger.debug("\(model.name): not loaded, \(model.nonZeroCount) non-zeros would not load before the deadline",
                                 metadata: ["code": "loadSkippedForDeadline", "model": "\(model.name)", "nonZeros": "\(model.nonZeroCount)"])
            guard let startPoint else { return ([Solution(status: .noSolutionFound)], nil) }
            return (objectives.map { Self.firstPoint(startPoint, of: model, objective: $0, stopped: nil) }, nil)
        }
        let solutions = terminal.capture {
            GLPKProblem.withProblem { lp in
                let reused = scaling ?? basis?.scaling.flatMap { $0.matrix == model.matrixHash ? $0 : nil }
                GLPKProblem.load(model, into: lp, scaling: reused)
                var results: [Solution] = []
                var warmBasis = false
                var warmPoint = startPoint
                var relaxationBasis: GLPKStatuses?
                for (level, objective) in objectives.enumerated() {
                    let levelStart = clock.now
                    setObjective(lp, objective, columns: model.variableCount)
                    // Later LP levels reuse the basis: no presolve, which would discard it.
                    var run = GLPKRun(lp: lp, options: options, clock: clock, start: start,
                                      rowCount: model.constraintCount, columnCount: model.variableCount)
                    run.level = level + 1
                    if let gap = objective.mipGap { run.options.relativeMIPGap = gap }
                    if let gap = objective.mipAbsoluteGap { run.options.absoluteMIPGap = gap }
                    if let levelLimit = objective.timeLimit {
                        // The level's own limit, but never past the overall one.
                        let overall = options.timeLimit.map { $0 - start.duration(to: clock.now) }
                        run = GLPKRun(lp: lp, options: run.options, clock: clock, start: clock.now,
                                      rowCount: model.constraintCount, columnCount: model.variableCount)
                        run.options.timeLimit = overall.map { max(.milliseconds(1), min($0, levelLimit)) } ?? levelLimit
                        run.level = level + 1
                    }
                    var solution: Solution
                    if isMIP {
                        if warmPoint != nil { run.options.presolve = false }
                        // Level 1's relaxation from the given basis (the dual simplex, as
                        // after bound changes), when the presolver is off to keep it.
                        if level == 0, let startBasis, !run.options.presolve { run.setBasis(startBasis) }
                        // A later level's relaxation starts from the one before's optimal
                        // basis with the new level row's slack basic: primal feasible
                        // (that relaxation optimum meets the row), so the primal simplex
                        // continues from it. From the basis glp_intopt left, Hegang's
                        // transport level took ~1,000 iterations for one node.
                        if level > 0, !run.options.presolve, let relaxationBasis {
                            relaxationBasis.restore(lp)
                            run.options.algorithm = .primalSimplex
                        }
                        relaxationBasis = nil
                        solution = run.solveMIP(warmStart: warmPoint) { relaxationBasis = $0 }
                        // Stopped by the deadline before branch and bound had its first
                        // point: the point it was given is feasible (checked above, and
                        // later levels' points meet the rows fixing earlier levels).
                        if !solution.status.hasSolution, solution.status == .noSolutionFound,
                           !options.isStopped, let warmPoint {
                            solution = Self.firstPoint(warmPoint, of: model, objective: objective, stopped: solution)
                        }
                        Self.evaluateAtItsPoint(&solution, of: model, objective: objective)
                        // Every later level starts from this level's point: it meets the
                        // row that holds this level (its objective is the optimum), so the
                        // next level always has a first integer solution. Without it GLPK's
                        // own search found none in 600 s on Suzhou's transport level with
                        // --integer-vehicles (134,000 nodes): the level row leaves a face
                        // too thin for its heuristics. GLPK takes a heuristic point only if
                        // its integer columns are exactly whole; the solver's values may be
                        // 2.0000000001.
                        warmPoint = solution.status.hasSolution
                            ? zip(solution.values, model.columnKinds).map { $1 == .continuous ? $0 : $0.rounded() } : nil
                    } else if level == 0, let startBasis {
                        // Only bounds changed since this basis was optimal: it is still
                        // dual feasible, which is the dual simplex's starting point.
                        run.setBasis(startBasis)
                        run.options.algorithm = .dualSimplex
                        solution = run.simplex(presolve: false)
                        if solution.status == .numericalFailure {
                            glp_adv_basis(lp, 0)
                            solution = run.simplex(presolve: false)
                        }
                    } else if level == 0 {
                        solution = run.solveLP(parking: objective.parkedColumns)
                    } else {
                        // After GLPKFace.restrict the optimal basis stays primal feasible
                        // (only the objective changed): the primal simplex continues from
                        // it. The dual simplex would first regain dual feasibility: the
                        // goods LP of the generated 100-township ladder bundle took 2.2–2.9 s
                        // that way, 0.24 s this way. After an objective row (no optimal
                        // basis was available) the dual simplex.
                        run.options.algorithm = warmBasis ? .primalSimplex
                            : (run.options.algorithm == .interiorPoint ? .dualSimplex : run.options.algorithm)
                        solution = run.simplex(presolve: false)
                    }
                    solution.wallTime = levelStart.duration(to: clock.now)
                    if level == 0, !isMIP, solution.status == .optimal {
                        firstLevelBasis = run.basis()
                        firstLevelBasis?.scaling = reused ?? GLPKProblem.scaling(of: lp, matrix: model.matrixHash)
                    }
                    results.append(solution)
                    options.logger.debug("lexicographic level \(level + 1) \(objective.name): \(solution.status.rawValue) \(solution.objectiveValue.map { "\($0)" } ?? "-"), \(solution.iterations) iterations, \(solution.nodes) nodes, \(solution.wallTime)",
                                         metadata: ["code": "levelSolved", "level": "\(level + 1)", "objectiveName": "\(objective.name)",
                                                    "statusKey": "\(solution.status.phraseKey)", "objective": "\(solution.objectiveValue.map { "\($0)" } ?? "-")",
                                                    "iterations": "\(solution.iterations)", "nodes": "\(solution.nodes)", "ms": "\(solution.wallTime.logMilliseconds)"])
                    // Cancelled: no later level starts (the call throws below).
                    if options.isStopped { break }
                    // A MIP level stopped by its time limit still bounds the next levels by its incumbent.
                    let usable = solution.status == .optimal || (isMIP && solution.status == .feasible)
                    guard usable, let optimum = solution.objectiveValue, level + 1 < objectives.count else { break }
                    if !isMIP, glp_get_status(lp) == GLP_OPT {
                        // Exact: restrict to this level's optimal face.
                        GLPKFace.restrict(lp)
                        warmBasis = true
                    } else {
                        warmBasis = false
                        fixLevel(lp, objective, optimum: optimum, columns: model.variableCount)
                        if !isMIP {
                            // Interior point leaves no basis; give the simplex method one.
                            glp_adv_basis(lp, 0)
                        }
                    }
                }
                return results
            }
        }
        try options.control?.checkStopped()
        return (solutions, firstLevelBasis)
    }

    /// A given first point as a level's answer when the solve could not improve on it
    /// in time: `feasible`, with the gap to the bound the stopped search had proved.
    static func firstPoint(_ point: [Double], of model: Model, objective: LexicographicObjective,
                           stopped: Solution?) -> Solution {
        let value = objective.expression.value(at: point)
        let bound = stopped?.bestBound
        return Solution(status: .feasible, objectiveValue: value, bestBound: bound,
                        relativeGap: bound.map { abs(value - $0) / (abs(value) + Double.ulpOfOne) },
                        values: point, rowActivities: model.activities(at: point),
                        iterations: stopped?.iterations ?? 0, nodes: stopped?.nodes ?? 0)
    }

    /// A MIP point's objective and row activities computed from its values, as
    /// returned: GLPK records a node's relaxation as the incumbent when its integer
    /// columns are within 1e-5 of whole, rounds those columns, and keeps the objective
    /// and rows of the unrounded point (an objective of 6.999992 beside values that
    /// give 7). The values are what the plan uses, so every figure comes from them.
    static func evaluateAtItsPoint(_ solution: inout Solution, of model: Model, objective: LexicographicObjective) {
        guard solution.status.hasSolution, solution.values.count == model.variableCount else { return }
        let value = objective.expression.value(at: solution.values)
        solution.objectiveValue = value
        solution.rowActivities = model.activities(at: solution.values)
        if let bound = solution.bestBound {
            solution.relativeGap = abs(value - bound) / (abs(value) + Double.ulpOfOne)
        }
    }

    private func setObjective(_ lp: OpaquePointer, _ objective: LexicographicObjective, columns: Int) {
        glp_set_obj_dir(lp, objective.sense == .minimize ? GLP_MIN : GLP_MAX)
        var dense = [Double](repeating: 0, count: columns)
        for k in objective.expression.indices.indices {
            dense[Int(objective.expression.indices[k])] += objective.expression.coefficients[k]
        }
        glp_set_obj_coef(lp, 0, objective.expression.constant)
        for j in 0..<columns { glp_set_obj_coef(lp, Int32(j + 1), dense[j]) }
    }

    /// Adds the row `expression ≤ optimum + slack` (or `≥ … − slack` when maximising).
    private func fixLevel(_ lp: OpaquePointer, _ objective: LexicographicObjective, optimum: Double, columns: Int) {
        let merged = objective.expression.mergedTerms()
        let slack = abs(optimum) * objective.relativeTolerance + objective.absoluteTolerance
        let bound = optimum - objective.expression.constant
        let row = glp_add_rows(lp, 1)
        if objective.sense == .minimize {
            glp_set_row_bnds(lp, row, GLP_UP, 0, bound + slack)
        } else {
            glp_set_row_bnds(lp, row, GLP_LO, bound - slack, 0)
        }
        guard !merged.indices.isEmpty else {
            glp_set_row_bnds(lp, row, GLP_FR, 0, 0)
            return
        }
        var ind: [Int32] = [0] + merged.indices.map { $0 + 1 }
        var val: [Double] = [0] + merged.coefficients
        glp_set_mat_row(lp, row, Int32(merged.indices.count), &ind, &val)
    }
}

/// Restricting a solved LP to its optimal face.
enum GLPKFace {
    /// Fixes every column with a non-zero reduced cost and every row with a non-zero
    /// dual at its current (bound) value. By complementary slackness with this optimal
    /// dual solution, the points left are exactly the level's optimal solutions, so no
    /// tolerance is needed and the basis stays optimal for a warm start; no dense
    /// objective row is added either.
    static func restrict(_ lp: OpaquePointer) {
        let tolerance = 1e-9
        for j in 1...max(1, glp_get_num_cols(lp)) where j <= glp_get_num_cols(lp) {
            let status = glp_get_col_stat(lp, j)
            guard status != GLP_BS, status != GLP_NF, abs(glp_get_col_dual(lp, j)) > tolerance else { continue }
            let value = status == GLP_NU ? glp_get_col_ub(lp, j) : (status == GLP_NL ? glp_get_col_lb(lp, j) : glp_get_col_prim(lp, j))
            glp_set_col_bnds(lp, j, GLP_FX, value, value)
        }
        for i in 1...max(1, glp_get_num_rows(lp)) where i <= glp_get_num_rows(lp) {
            let status = glp_get_row_stat(lp, i)
            guard status != GLP_BS, status != GLP_NF, abs(glp_get_row_dual(lp, i)) > tolerance else { continue }
            let value = status == GLP_NU ? glp_get_row_ub(lp, i) : (status == GLP_NL ? glp_get_row_lb(lp, i) : glp_get_row_prim(lp, i))
            glp_set_row_bnds(lp, i, GLP_FX, value, value)
        }
    }

}

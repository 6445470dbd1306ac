import CGLPK
import LinearSolver

/// Settings for solving a large LP by column generation: GLPK solves a restricted
/// problem holding only some columns, and the remaining columns are priced with
/// its duals and added while any could improve the objective.
///
/// Exact: the result is an optimum of the full model. Worth it when most columns stay
/// at zero at the optimum, as in transportation and dispatch models, where the
/// restricted problem is a few percent of the full one.
public struct ColumnGeneration: Sendable {
    /// Columns to start with (in addition to every column that cannot be left out).
    public var initialColumns: [Variable]
    /// At most this many columns are added per pricing round (the most improving ones).
    public var maxColumnsPerRound: Int
    /// A column improves when its reduced cost is below −tolerance (minimising).
    public var reducedCostTolerance: Double

    /// Column generation from the given starting columns.
    public init(initialColumns: [Variable], maxColumnsPerRound: Int = 20_000, reducedCostTolerance: Double = 1e-9) {
        self.initialColumns = initialColumns
        self.maxColumnsPerRound = maxColumnsPerRound
        self.reducedCostTolerance = reducedCostTolerance
    }

    /// Starting columns for a model: for each row, the `perRow` columns with the
    /// smallest objective coefficients (ties by column order).
    public static func cheapestColumnsPerRow(of model: Model, perRow: Int) -> [Variable] {
        var chosen = Set<Int32>()
        for r in 0..<model.constraintCount {
            let range = model.rowStart[r]..<model.rowStart[r + 1]
            let best = range.sorted { (model.objectiveCoefficients[Int(model.rowIndices[$0])], model.rowIndices[$0])
                < (model.objectiveCoefficients[Int(model.rowIndices[$1])], model.rowIndices[$1]) }.prefix(perRow)
            for k in best { chosen.insert(model.rowIndices[k]) }
        }
        return chosen.sorted().map(Variable.init(index:))
    }
}

/// Statistics of a column-generation solve.
public struct ColumnGenerationReport: Sendable {
    /// Pricing rounds over all levels.
    public var rounds: Int
    /// Columns in GLPK at the end.
    public var activeColumns: Int
    /// Columns in the full model.
    public var totalColumns: Int
    /// Whether it had to fall back to the full model (a restricted problem was infeasible).
    public var fellBack: Bool
}

extension GLPKSolver {
    /// Solves an LP by column generation (one level) — see ``ColumnGeneration``.
    public func solve(_ model: Model, columnGeneration: ColumnGeneration) throws(LinearSolverError) -> (Solution, ColumnGenerationReport) {
        let level = LexicographicObjective(model.objectiveSense, model.objective, name: "objective")
        let (solutions, report) = try solve(model, lexicographic: [level], columnGeneration: columnGeneration)
        return (solutions[0], report)
    }

    /// Lexicographic LP solve by column generation: each level is priced to optimality
    /// over all columns; between levels, columns outside GLPK whose reduced cost is
    /// positive are excluded for good and the active ones are restricted to the optimal
    /// face, exactly as in ``solve(_:lexicographic:)``.
    ///
    /// Columns that can be left out are continuous with lower bound 0; every other
    /// column is always in. MIPs are solved without column generation.
    public func solve(_ model: Model, lexicographic objectives: [LexicographicObjective],
                      columnGeneration: ColumnGeneration) throws(LinearSolverError) -> ([Solution], ColumnGenerationReport) {
        if model.isMixedInteger {
            let solutions = try solve(model, lexicographic: objectives)
            return (solutions, ColumnGenerationReport(rounds: 0, activeColumns: model.variableCount,
                                                      totalColumns: model.variableCount, fellBack: false))
        }
        _ = try solve(validating: model, objectives: objectives)
        let options = options.withSwitch()
        try options.control?.checkStopped()
        let clock = ContinuousClock()
        let start = clock.now
        let terminal = GLPKTerminal(logger: options.logger, level: options.solverLogLevel)
        let result = terminal.capture {
            GLPKProblem.withProblem { lp in
                var engine = ColumnGenerationEngine(lp: lp, model: model, settings: columnGeneration,
                                                    options: options, clock: clock, start: start)
                return engine.run(objectives)
            }
        }
        try options.control?.checkStopped()
        return result
    }

    /// Validates model, levels and options as the plain lexicographic solve does.
    func solve(validating model: Model, objectives: [LexicographicObjective]) throws(LinearSolverError) -> Bool {
        guard !objectives.isEmpty else { throw .invalidOptions("a lexicographic solve needs at least one objective") }
        let problems = model.validate(objectives)
        if !problems.isEmpty { throw .invalidModel(problems) }
        let optionProblems = options.problems()
        if !optionProblems.isEmpty { throw .invalidOptions(optionProblems.joined(separator: "; ")) }
        return true
    }
}

/// The state of one column-generation solve on one GLPK problem.
struct ColumnGenerationEngine {
    let lp: OpaquePointer
    let model: Model
    let settings: ColumnGeneration
    let options: SolveOptions
    let clock: ContinuousClock
    let start: ContinuousClock.Instant

    /// GLPK column (1-based) of each model column, 0 when not in GLPK.
    var glpkColumn: [Int32]
    /// Model column of each GLPK column (index 0 unused).
    var modelColumn: [Int32] = [0]
    /// Columns excluded for good (positive reduced cost at an earlier level's optimum).
    var excluded: [Bool]
    /// Column-wise copy of the matrix for pricing.
    let columnStart: [Int]
    let columnRows: [Int32]
    let columnValues: [Double]
    var rounds = 0
    var fellBack = false
    /// Active columns when the problem was last scaled.
    var scaledAt = 0

    init(lp: OpaquePointer, model: Model, settings: ColumnGeneration, options: SolveOptions,
         clock: ContinuousClock, start: ContinuousClock.Instant) {
        self.lp = lp
        self.model = model
        self.settings = settings
        self.options = options
        self.clock = clock
        self.start = start
        let n = model.variableCount
        glpkColumn = [Int32](repeating: 0, count: n)
        excluded = [Bool](repeating: false, count: n)
        (columnStart, columnRows, columnValues) = model.columnWise()
    }

    /// Whether a column may stay out of GLPK (its value is then 0).
    func canLeaveOut(_ j: Int) -> Bool {
        model.columnKinds[j] == .continuous && model.columnLower[j] == 0
    }

    mutating func loadRestricted() {
        glp_set_obj_dir(lp, GLP_MIN)
        let m = model.constraintCount
        glp_add_rows(lp, Int32(max(m, 1)))
        if m == 0 { glp_set_row_bnds(lp, 1, GLP_FR, 0, 0) }
        for r in 0..<m {
            let (type, lower, upper) = GLPKProblem.boundType(model.rowLower[r], model.rowUpper[r])
            glp_set_row_bnds(lp, Int32(r + 1), type, lower, upper)
        }
        var initial = [Bool](repeating: false, count: model.variableCount)
        for v in settings.initialColumns where v.index >= 0 && Int(v.index) < model.variableCount { initial[Int(v.index)] = true }
        let columns = (0..<model.variableCount).filter { initial[$0] || !canLeaveOut($0) }
        add(columns)
    }

    /// Adds model columns to GLPK (bounds and matrix; objective set per level).
    mutating func add(_ columns: [Int]) {
        guard !columns.isEmpty else { return }
        let first = glp_add_cols(lp, Int32(columns.count))
        var ind = [Int32](repeating: 0, count: model.constraintCount + 1)
        var val = [Double](repeating: 0, count: model.constraintCount + 1)
        for (offset, j) in columns.enumerated() {
            let c = first + Int32(offset)
            glpkColumn[j] = c
            modelColumn.append(Int32(j))
            let (type, lower, upper) = GLPKProblem.boundType(model.columnLower[j], model.columnUpper[j])
            glp_set_col_bnds(lp, c, type, lower, upper)
            let length = columnStart[j + 1] - columnStart[j]
            for k in 0..<length {
                ind[k + 1] = columnRows[columnStart[j] + k] + 1
                val[k + 1] = columnValues[columnStart[j] + k]
            }
            if length > 0 { glp_set_mat_col(lp, c, Int32(length), &ind, &val) }
        }
        // Rescale (the basis is kept) when the problem has grown by half since the
        // last scaling; a rescale costs a pass over the matrix, so not every round.
        // A rescale checks no time limit either (a city plan's took 1 s, past its
        // deadline): when it would end past the deadline it waits for the next growth,
        // and the simplex goes on with the factors it has.
        let active = modelColumn.count - 1
        if Double(active) >= 1.5 * Double(max(scaledAt, 1)), !rescaleWouldOverrun {
            let scaleStart = clock.now
            let automatic = GLPKScaling(rowCount: Int(glp_get_num_rows(lp)), active: Array(modelColumn.dropFirst()),
                                        columnStart: columnStart, columnRows: columnRows, columnValues: columnValues)
            GLPKProblem.setScaling(rows: automatic.rows, columns: automatic.columns, of: lp)
            GLPKLoadCost.record(.rescale, nonZeros: Int(glp_get_num_nz(lp)), took: scaleStart.duration(to: clock.now))
            scaledAt = active
        }
    }

    /// Whether a rescale of the restricted problem is estimated to end past the call's
    /// deadline or time limit (``GLPKLoadCost``).
    var rescaleWouldOverrun: Bool {
        let deadline = [options.deadline, options.timeLimit.map { start + $0 }].compactMap { $0 }.min()
        guard let deadline else { return false }
        return GLPKLoadCost.wouldOverrun(.rescale, nonZeros: Int(glp_get_num_nz(lp)), now: clock.now, deadline: deadline)
    }

    mutating func run(_ objectives: [LexicographicObjective]) -> ([Solution], ColumnGenerationReport) {
        loadRestricted()
        var results: [Solution] = []
        for (level, objective) in objectives.enumerated() {
            let levelStart = clock.now
            var cost = [Double](repeating: 0, count: model.variableCount)
            for k in objective.expression.indices.indices {
                cost[Int(objective.expression.indices[k])] += objective.expression.coefficients[k]
            }
            // Solve as minimisation of ±cost so that pricing has one sign.
            let sign: Double = objective.sense == .minimize ? 1 : -1
            glp_set_obj_coef(lp, 0, sign * objective.expression.constant)
            for c in 1..<modelColumn.count { glp_set_obj_coef(lp, Int32(c), sign * cost[Int(modelColumn[c])]) }
            var solution = Solution(status: .noSolutionFound)
            var first = level == 0
            while true {
                var run = GLPKRun(lp: lp, options: options, clock: clock, start: start,
                                  rowCount: model.constraintCount, columnCount: 0)
                run.level = level + 1
                if !first {
                    // A warm re-solve: new columns enter at 0 and a new level's objective
                    // leaves the rows alone, so the last basis is still primal feasible
                    // and only its reduced costs are off. The primal simplex continues
                    // from it; the dual simplex would first have to regain dual
                    // feasibility: on the province dispatch 31,826 iterations in all
                    // against 3,765.
                    run.options.algorithm = .primalSimplex
                }
                solution = first ? run.simplex(presolve: options.presolve) : run.simplex(presolve: false)
                first = false
                rounds += 1
                if solution.status == .infeasible && !fellBack {
                    // The restricted problem may be infeasible where the full one is not.
                    fellBack = true
                    let rest = (0..<model.variableCount).filter { glpkColumn[$0] == 0 && !excluded[$0] }
                    add(rest)
                    for j in rest { glp_set_obj_coef(lp, glpkColumn[j], sign * cost[j]) }
                    continue
                }
                options.logger.trace("column generation level \(level + 1) round \(rounds): \(solution.status.rawValue) \(solution.objectiveValue.map { "\($0)" } ?? "-"), \(modelColumn.count - 1) columns, \(solution.iterations) iterations, \(start.duration(to: clock.now))",
                                     metadata: ["code": "columnRound", "level": "\(level + 1)", "round": "\(rounds)", "statusKey": "\(solution.status.phraseKey)",
                                                "objective": "\(solution.objectiveValue.map { "\($0)" } ?? "-")", "columns": "\(modelColumn.count - 1)",
                                                "iterations": "\(solution.iterations)", "ms": "\(start.duration(to: clock.now).logMilliseconds)"])
                // Cancelled, or out of time between rounds: the call throws or returns what it has.
                guard solution.status == .optimal, !options.isStopped else { break }
                if run.outOfTime { solution.status = .feasible; break }
                let entering = price(cost: cost, sign: sign)
                if entering.isEmpty { break }
                add(entering)
                for j in entering { glp_set_obj_coef(lp, glpkColumn[j], sign * cost[j]) }
            }
            let levelSolution = read(solution, sign: sign)
            var recorded = levelSolution
            recorded.wallTime = levelStart.duration(to: clock.now)
            results.append(recorded)
            guard levelSolution.status == .optimal, level + 1 < objectives.count, !options.isStopped else { break }
            excludeOutsideOptimalFace(cost: cost, sign: sign)
            GLPKFace.restrict(lp)
        }
        let report = ColumnGenerationReport(rounds: rounds, activeColumns: modelColumn.count - 1,
                                            totalColumns: model.variableCount, fellBack: fellBack)
        options.logger.debug("column generation: \(rounds) rounds, \(report.activeColumns) of \(report.totalColumns) columns",
                             metadata: ["code": "columnGeneration", "rounds": "\(rounds)", "active": "\(report.activeColumns)", "total": "\(report.totalColumns)"])
        return (results, report)
    }

    /// Row duals of the model's rows from GLPK.
    func duals() -> [Double] {
        (0..<model.constraintCount).map { glp_get_row_dual(lp, Int32($0 + 1)) }
    }

    func reducedCost(_ j: Int, cost: [Double], sign: Double, duals y: [Double]) -> Double {
        var d = sign * cost[j]
        for k in columnStart[j]..<columnStart[j + 1] { d -= columnValues[k] * y[Int(columnRows[k])] }
        return d
    }

    /// The most improving columns outside GLPK.
    func price(cost: [Double], sign: Double) -> [Int] {
        let y = duals()
        var candidates: [(Double, Int)] = []
        for j in 0..<model.variableCount where glpkColumn[j] == 0 && !excluded[j] && model.columnUpper[j] > 0 {
            let d = reducedCost(j, cost: cost, sign: sign, duals: y)
            if d < -settings.reducedCostTolerance { candidates.append((d, j)) }
        }
        if candidates.count > settings.maxColumnsPerRound {
            candidates.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            candidates.removeLast(candidates.count - settings.maxColumnsPerRound)
        }
        return candidates.map(\.1).sorted()
    }

    /// Columns outside GLPK with a positive reduced cost must stay 0 in every optimum
    /// of this level (complementary slackness), so later levels never price them.
    mutating func excludeOutsideOptimalFace(cost: [Double], sign: Double) {
        let y = duals()
        for j in 0..<model.variableCount where glpkColumn[j] == 0 && !excluded[j] {
            if reducedCost(j, cost: cost, sign: sign, duals: y) > 1e-9 { excluded[j] = true }
        }
    }

    /// The level's solution in model columns (columns outside GLPK are 0).
    func read(_ solution: Solution, sign: Double) -> Solution {
        guard solution.status.hasSolution else { return solution }
        var values = [Double](repeating: 0, count: model.variableCount)
        var reduced = [Double](repeating: 0, count: model.variableCount)
        for c in 1..<modelColumn.count {
            values[Int(modelColumn[c])] = glp_get_col_prim(lp, Int32(c))
            reduced[Int(modelColumn[c])] = sign * glp_get_col_dual(lp, Int32(c))
        }
        let m = model.constraintCount
        var result = solution
        result.values = values
        result.reducedCosts = reduced
        result.rowActivities = (0..<m).map { glp_get_row_prim(lp, Int32($0 + 1)) }
        result.rowDuals = (0..<m).map { sign * glp_get_row_dual(lp, Int32($0 + 1)) }
        result.objectiveValue = solution.objectiveValue.map { sign * $0 }
        // A restricted master stopped by the deadline is feasible for the full LP, but
        // its optimum bounds nothing: columns left out could still improve it.
        result.bestBound = solution.status == .optimal ? result.objectiveValue : nil
        result.relativeGap = solution.status == .optimal ? 0 : nil
        return result
    }
}

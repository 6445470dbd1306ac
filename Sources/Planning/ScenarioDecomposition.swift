import Foundation
import GLPKBackend
import LinearSolver
import Logging

/// One scenario's second stage kept apart from the first stage (Benders by scenario).
struct ScenarioSubproblem: Sendable {
    /// A stock row of the scenario whose right-hand side is `keep · x` for a first-stage column x.
    struct Link: Sendable {
        var row: ConstraintRef
        var firstStage: Variable
        var keep: Double
    }

    /// The scenario's dispatch LP with its weighted shortfall [O1] as the objective.
    var model: Model
    /// Where its columns would start in the deterministic equivalent.
    var offset: Int32
    /// The coupled stock rows [P4].
    var links: [Link]
    /// Column-wise copy of the model's matrix (for the duals of left-out stock rows).
    var columnStart: [Int] = []
    var columnRows: [Int32] = []
    var columnCoefficients: [Double] = []

    init(model: Model, offset: Int32, links: [Link]) {
        self.model = model
        self.offset = offset
        self.links = links
        (columnStart, columnRows, columnCoefficients) = model.columnWise()
    }
}

/// A lower bound on one scenario's shortfall that the master keeps (partial Benders
/// decomposition), in layers per item k the scenario needs: whatever the dispatch, the
/// needs N_kl of k weighing at least t_l per unit are short by the deadline by at least
/// Σ_{n∈N_kl} d_n minus everything the sources that reach them on time could hold, and
/// each unit short of n counts w_n/d_n ≥ Σ_{l: t_l ≤ w_n/d_n} (t_l − t_{l−1}), so
/// F_ω ≥ Σ_k Σ_l (t_l − t_{l−1}) · max(0, Σ_{n∈N_kl} d_n − Σ_r κ_r x_r − fixed_kl).
struct ScenarioRelaxation: Sendable {
    struct Item: Sendable {
        /// What a unit short counts in this layer (t_l − t_{l−1}).
        var weight: Double
        /// Σ d_n minus what sources with fixed quantities (not planned) could deliver.
        var uncovered: Double
        /// κ_r per first-stage column of the sources that reach a need on time.
        var terms: [(column: Int32, keep: Double)]
    }
    var items: [Item]
}

/// A scenario's dispatch at one first-stage point: its value Q(x̂), the dispatch, and a
/// subgradient of Q at x̂ (the slope of its optimality cut).
struct ScenarioEvaluation: Sendable {
    var value: Double
    var values: [Double]
    /// ∂Q/∂x per first-stage column, from the duals of the linked stock rows.
    var slope: [Int32: Double]
    /// Columns of the LP actually solved.
    var columns: Int
}

/// How the scenario decomposition went.
public struct DecompositionStatistics: Sendable, Hashable {
    /// Master problems solved, over all levels.
    public var iterations: Int
    /// Optimality cuts added.
    public var cuts: Int
    /// Scenario dispatch LPs solved (including today's stock).
    public var scenarioSolves: Int
    /// Relative gap between the objective's level (the reported objective) and its
    /// master bound: 0 when proven.
    public var relativeGap: Double
    /// Every level solved, in order.
    public var levels: [LevelOutcome] = []

    /// How one level of the lexicographic objective ended.
    public struct LevelOutcome: Sendable, Hashable {
        /// `expected shortfall`, `worst shortfall` or `cost`.
        public var name: String
        /// The best plan's value.
        public var value: Double
        /// The master's last lower bound.
        public var bound: Double
        /// Whether the gap closed (else a time limit or a stall stopped it).
        public var proven: Bool
    }
}

/// Solves scenarios' dispatch LPs in parallel. Each solve creates, uses and frees its
/// GLPK problem inside one call on one worker thread (GLPK's environment is thread-local).
struct ScenarioEvaluator: Sendable {
    let subproblems: [ScenarioSubproblem]
    let solver: GLPKSolver
    /// The plan's logger (one trace line per scenario LP); GLPK's own output stays quiet.
    let logger: Logger
    /// Each scenario's last optimal basis, by its full model's rows and columns: the
    /// next point is close to the last, so its LP starts from there.
    let bases: ScenarioBases

    init(subproblems: [ScenarioSubproblem], solver: GLPKSolver, logger: Logger) {
        self.subproblems = subproblems
        self.solver = solver
        self.logger = logger
        bases = ScenarioBases(count: subproblems.count)
    }

    /// Evaluates every scenario at the first-stage point `x` (indexed like the master's columns).
    func evaluate(at x: [Double]) throws(PlanningError) -> [ScenarioEvaluation] {
        let box = EvaluationBox(count: subproblems.count)
        let subproblems = self.subproblems, solver = self.solver, logger = self.logger, bases = self.bases
        DispatchQueue.concurrentPerform(iterations: subproblems.count) { w in
            box.set(w, Result { () throws(LinearSolverError) in
                try Self.evaluate(subproblems[w], at: x, solver: solver, logger: logger, basis: bases, scenario: w)
            })
        }
        var results: [ScenarioEvaluation] = []
        for outcome in box.results {
            switch outcome {
            case let .success(e)?: results.append(e)
            case let .failure(e)?: throw .solver(e)
            case nil: throw .solver(.backendFailure("a scenario dispatch was not evaluated"))
            }
        }
        return results
    }

    /// Solves one scenario at `x`. A stock row whose level is zero forces all its
    /// shipments to zero, so those columns are left out of the LP (most of a province's
    /// depots hold nothing of most items); the row's dual is then completed exactly as
    /// the most negative value that keeps its columns' reduced costs non-negative,
    /// λ = min(0, min_j (c_j − Σ_{r ≠ row} π_r a_rj)), which with the solved duals π is an
    /// optimal dual of the whole LP (the row is tight, its columns are zero): the cut is
    /// exact and says what stock there would be worth.
    static func evaluate(_ sub: ScenarioSubproblem, at x: [Double], solver: GLPKSolver, logger: Logger,
                         basis bases: ScenarioBases, scenario w: Int) throws(LinearSolverError) -> ScenarioEvaluation {
        let full = sub.model
        var rhs = [Double](repeating: 0, count: sub.links.count)
        var dropped = [Bool](repeating: false, count: full.variableCount)
        var rowDropped = [Bool](repeating: false, count: full.constraintCount)
        for (l, link) in sub.links.enumerated() {
            rhs[l] = max(0, link.keep * x[Int(link.firstStage.index)])
            if rhs[l] <= 1e-12 {
                rhs[l] = 0
                rowDropped[Int(link.row.index)] = true
                for j in full.terms(of: link.row).indices { dropped[Int(j)] = true }
            }
        }
        // The LP on the kept columns.
        var kept: [Int32] = []
        var position = [Int32](repeating: -1, count: full.variableCount)
        for j in 0..<full.variableCount where !dropped[j] {
            position[j] = Int32(kept.count)
            kept.append(Int32(j))
        }
        var m = Model(name: full.name)
        m.reserveCapacity(variables: kept.count, constraints: full.constraintCount, nonZeros: full.nonZeroCount)
        var objective = LinearExpression()
        for j in kept {
            let v = m.addVariable(full.columnKinds[Int(j)], lowerBound: full.columnLower[Int(j)], upperBound: full.columnUpper[Int(j)])
            let c = full.objectiveCoefficients[Int(j)]
            if c != 0 { objective.add(c, v) }
        }
        m.minimize(objective)
        m.objectiveConstant = full.objectiveConstant
        var upper = full.rowUpper
        for (l, link) in sub.links.enumerated() { upper[Int(link.row.index)] = rhs[l] }
        // Rows left empty (every stock row of an unstocked pair) are left out too: a
        // province scenario has ~30,000 stock rows of which a few thousand hold anything,
        // and GLPK's simplex pays for every row. Their duals are 0 (completed below for
        // the stock rows).
        var keptRows: [Int] = []
        for r in 0..<full.constraintCount where !rowDropped[r] {
            let (indices, coefficients) = full.terms(of: ConstraintRef(index: Int32(r)))
            var e = LinearExpression()
            e.reserveCapacity(indices.count)
            for (j, c) in zip(indices, coefficients) where position[Int(j)] >= 0 { e.add(c, Variable(index: position[Int(j)])) }
            if e.termCount == 0 {
                guard full.rowLower[r] <= 1e-9, upper[r] >= -1e-9 else {
                    throw .backendFailure("scenario row \(r) has no columns and excludes 0")
                }
                continue
            }
            m.addConstraint(e, lower: full.rowLower[r], upper: upper[r])
            keptRows.append(r)
        }
        let started = ContinuousClock.now
        // From the scenario's last optimal basis: its rows and columns that are still
        // here keep their status, new columns start at zero (non-basic). The primal
        // simplex, because new columns make that basis dual infeasible too, and GLPK's
        // dual phase 1 from there can take ten times the iterations of a cold start.
        let start = bases[w].map { last in
            SimplexBasis(rows: keptRows.map { last.rows[$0] }, columns: kept.map { last.columns[Int($0)] })
        }
        var warmSolver = solver
        if start != nil { warmSolver.options.algorithm = .primalSimplex }
        let (solution, final) = try warmSolver.solve(m, startingFrom: start)
        let warm = start != nil
        if let final { bases.update(w, keptRows: keptRows, kept: kept, final: final, full: full) }
        logger.trace("scenario LP solved", metadata: [
            "code": "scenarioLP", "warmKey": "log.warm.\(warm)", "ms": "\((ContinuousClock.now - started).logMilliseconds)",
            "rows": "\(m.constraintCount)", "columns": "\(m.variableCount)", "nonZeros": "\(m.nonZeroCount)",
            "iterations": "\(solution.iterations)", "warm": "\(warm)",
            "seconds": "\((ContinuousClock.now - started).siteSeconds)"])
        guard solution.status == .optimal, let value = solution.objectiveValue else {
            throw .backendFailure("a scenario dispatch ended \(solution.status)")
        }
        var duals = [Double](repeating: 0, count: full.constraintCount)
        for (k, r) in keptRows.enumerated() { duals[r] = solution.rowDuals[k] }
        var slope: [Int32: Double] = [:]
        for link in sub.links {
            let r = Int(link.row.index)
            var dual = duals[r]
            if rowDropped[r] {
                dual = 0
                for j in full.terms(of: link.row).indices {
                    var reduced = full.objectiveCoefficients[Int(j)]
                    for k in sub.columnStart[Int(j)]..<sub.columnStart[Int(j) + 1] where Int(sub.columnRows[k]) != r {
                        reduced -= duals[Int(sub.columnRows[k])] * sub.columnCoefficients[k]
                    }
                    dual = min(dual, reduced)
                }
            }
            if dual != 0 { slope[link.firstStage.index, default: 0] += dual * link.keep }
        }
        var values = [Double](repeating: 0, count: full.variableCount)
        for (k, j) in kept.enumerated() { values[Int(j)] = solution.values[k] }
        return ScenarioEvaluation(value: value, values: values, slope: slope, columns: kept.count)
    }
}

/// The last optimal basis of each scenario's LP, in its full model's numbering. Each
/// scenario is solved by one worker at a time; the lock keeps the slots' reads and writes
/// ordered across workers.
final class ScenarioBases: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SimplexBasis?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(w: Int) -> SimplexBasis? {
        lock.lock(); defer { lock.unlock() }
        return slots[w]
    }

    /// Stores a restricted LP's final basis; rows and columns it left out are a basic
    /// slack and a column at zero.
    func update(_ w: Int, keptRows: [Int], kept: [Int32], final: SimplexBasis, full: Model) {
        var rows = [SimplexBasis.Status](repeating: .basic, count: full.constraintCount)
        var columns = [SimplexBasis.Status](repeating: .atLower, count: full.variableCount)
        for (k, r) in keptRows.enumerated() { rows[r] = final.rows[k] }
        for (k, j) in kept.enumerated() { columns[Int(j)] = final.columns[k] }
        lock.lock(); defer { lock.unlock() }
        slots[w] = SimplexBasis(rows: rows, columns: columns)
    }
}

private final class EvaluationBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Result<ScenarioEvaluation, LinearSolverError>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<ScenarioEvaluation, LinearSolverError>) {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
    }
}

/// The multi-cut L-shaped method over the builder's first stage (docs/formulation.md,
/// "Scenario decomposition"): a master LP over the stock levels with one variable θ_w
/// per scenario bounded below by optimality cuts, and each scenario's dispatch as a
/// subproblem. Every level of the lexicographic objective is solved to the gap in
/// ``ReservePlanOptions/decompositionGap``, then fixed (with that slack) for the next.
struct ScenarioDecomposition {
    /// A level of the lexicographic objective.
    enum Level {
        /// Σ_w p_w θ_w.
        case expectedShortfall
        /// max_w θ_w.
        case worstShortfall
        /// The first-stage cost.
        case cost
    }

    /// A fixed earlier level, as a condition on the scenarios' values.
    enum Condition {
        case expectedAtMost(Double)
        case worstAtMost(Double)
    }

    let firstStage: Model
    let cost: LinearExpression
    let probability: [Double]
    let evaluator: ScenarioEvaluator
    let gap: Double
    let allowance: Double
    let deadline: ContinuousClock.Instant?
    let masterSolver: GLPKSolver
    let heuristics: PlanHeuristics
    /// The budget the shortfall levels' repairs [H2] stay within.
    let budget: Double?

    var master: Model
    var theta: [Variable] = []
    var worst: Variable?
    var statistics = DecompositionStatistics(iterations: 0, cuts: 0, scenarioSolves: 0, relativeGap: 0)

    init(firstStage: Model, cost: LinearExpression, probability: [Double], evaluator: ScenarioEvaluator,
         relaxations: [ScenarioRelaxation], heuristics: PlanHeuristics, options: ReservePlanOptions) {
        self.firstStage = firstStage
        self.heuristics = heuristics
        budget = options.objective == .cost ? nil : options.budgetYuan
        self.cost = cost
        self.probability = probability
        self.evaluator = evaluator
        gap = options.decompositionGap
        allowance = options.objective == .cost ? max(0, options.shortfallAllowance) : 0
        // The call's deadline (ReservePlanner sets it from the time limit when the call
        // begins), else the time limit from now.
        deadline = options.solve.deadline ?? options.solve.timeLimit.map { ContinuousClock.now + $0 }
        var solveOptions = options.solve
        solveOptions.timeLimit = nil
        solveOptions.deadline = nil
        // GLPK's presolver loses feasibility on masters whose cuts span many orders of
        // magnitude (seen on Hegang); the scaled simplex alone does not.
        solveOptions.presolve = false
        masterSolver = GLPKSolver(options: solveOptions)
        master = firstStage
        for w in probability.indices {
            // Weighted shortfall is never negative: θ_w ≥ 0 keeps the first master bounded.
            theta.append(master.addVariable(lowerBound: 0, name: "theta[\(w)]"))
        }
        // [B3] the scenarios' shortfall relaxations: without them the master believes
        // any shortfall can be bought away until cuts say otherwise (its bound stayed 0
        // for the whole of a province run).
        for (w, relaxation) in relaxations.enumerated() {
            var bound = LinearExpression(theta[w])
            for (k, item) in relaxation.items.enumerated() where item.uncovered > 0 && item.weight > 0 {
                let sigma = master.addVariable(lowerBound: 0, name: "sigma[\(w),\(k)]")
                var row = LinearExpression(sigma)
                for t in item.terms { row.add(t.keep, Variable(index: t.column)) }
                master.addConstraint(row >= item.uncovered, name: "B3[\(w),\(k)]")
                bound.add(-item.weight, sigma)
            }
            if bound.termCount > 1 { master.addConstraint(bound >= 0, name: "B3[\(w)]") }
        }
    }

    /// Adds the optimality cut θ_w ≥ Q_w(x̂) + g·(x − x̂) of every scenario.
    mutating func addCuts(_ evaluations: [ScenarioEvaluation], at x: [Double], only violated: [Double]? = nil,
                          valuesAtMaster: [Double]? = nil) -> Int {
        var added = 0
        for (w, e) in evaluations.enumerated() {
            let cutAtMaster = valuesAtMaster?[w] ?? e.value
            if let thetaHat = violated?[w], cutAtMaster <= thetaHat + 1e-9 * max(1, abs(cutAtMaster)) { continue }
            var cut = LinearExpression(theta[w])
            var rhs = e.value
            let steepest = e.slope.values.reduce(0) { max($0, abs($1)) }
            for (j, g) in e.slope.sorted(by: { $0.key < $1.key }) {
                rhs -= g * x[Int(j)]
                if abs(g) < max(1e-9 * steepest, 1e-11) {
                    // Too small for the simplex's tolerances (a dual of 1e-18 is round-off
                    // of a warm-started LP, and GLPK's scaling chokes on it): fold it in at
                    // the bound that keeps the cut valid (below its true value everywhere).
                    rhs += g * (g < 0 ? firstStage.columnUpper[Int(j)] : firstStage.columnLower[Int(j)])
                } else {
                    cut.add(-g, Variable(index: j))
                }
            }
            master.addConstraint(cut >= rhs, name: "cut[\(w),\(statistics.cuts)]")
            statistics.cuts += 1
            added += 1
        }
        return added
    }

    func objective(_ level: Level) -> LinearExpression {
        switch level {
        case .expectedShortfall:
            var e = LinearExpression()
            for (w, t) in theta.enumerated() { e.add(probability[w], t) }
            return e
        case .worstShortfall: return LinearExpression(worst!)
        case .cost: return cost
        }
    }

    /// The level's true value at a first-stage point whose scenario values are `q`.
    func value(_ level: Level, x: [Double], q: [Double]) -> Double {
        switch level {
        case .expectedShortfall: return zip(probability, q).reduce(0) { $0 + $1.0 * $1.1 }
        case .worstShortfall: return q.max() ?? 0
        case .cost: return cost.value(at: x)
        }
    }

    func satisfies(_ conditions: [Condition], _ q: [Double]) -> Bool {
        conditions.allSatisfy { c in
            switch c {
            // The master holds θ to these bounds and accepts θ ≥ Q within 1e-9 relative: the
            // same round-off is allowed here, or a plan the master accepts is refused.
            case let .expectedAtMost(b): return zip(probability, q).reduce(0) { $0 + $1.0 * $1.1 } <= b + 1e-8 * max(1, abs(b))
            case let .worstAtMost(b): return (q.max() ?? 0) <= b + 1e-8 * max(1, abs(b))
            }
        }
    }

    /// Whether `x` meets the first stage's own rows and bounds (capacity, budget, minimum stock).
    func meetsFirstStage(_ x: [Double]) -> Bool {
        // Integrality is the master's business: the repair heuristics' points are
        // checked on bounds and rows only, as they always were.
        firstStage.isFeasible(x, tolerance: 1e-9, integrality: false)
    }

    /// Solves the levels in order, starting from evaluated points (today's stock, the
    /// largest useful stock): their cuts seed the master, and those that meet the first
    /// stage are the first candidates for the best plan. The first `objectiveLevels`
    /// levels are the objective; `proven` says whether each of them closed its gap (the
    /// levels after them only break ties, and report their own gaps in ``statistics``).
    mutating func solve(levels: [Level], objectiveLevels: Int, starts: [(x: [Double], evaluations: [ScenarioEvaluation])])
        throws(PlanningError) -> (x: [Double], evaluations: [ScenarioEvaluation], values: [Double], proven: Bool)
    {
        let started = ContinuousClock.now
        for start in starts { _ = addCuts(start.evaluations, at: start.x) }
        let candidates = starts.filter { meetsFirstStage($0.x) }.map { (x: candidate($0.x, $0.evaluations), evaluations: $0.evaluations) }
        if levels.contains(where: { if case .worstShortfall = $0 { return true }; return false }) {
            let t = master.addVariable(lowerBound: 0, name: "worst")
            worst = t
            for th in theta { master.addConstraint(th - t <= 0, name: "P6") }
        }
        var conditions: [Condition] = []
        var fixed: [(level: Level, value: Double, row: ConstraintRef?)] = []
        var slackScale = 1.0
        var best: (x: [Double], evaluations: [ScenarioEvaluation], value: Double)?
        var values: [Double] = []
        for level in levels {
            master.minimize(objective(level))
            // The previous level's plan meets this level's conditions (they hold it
            // with slack): it is this level's first upper bound.
            if let carried = best {
                best = (carried.x, carried.evaluations, value(level, x: carried.x, q: carried.evaluations.map(\.value)))
            }
            for c in candidates where satisfies(conditions, c.evaluations.map(\.value)) {
                let v = value(level, x: c.x, q: c.evaluations.map(\.value))
                if best == nil || v < best!.value { best = (c.x, c.evaluations, v) }
            }
            var closed = false
            var bound = -Double.infinity
            // The repair [H2] only lowers shortfalls; it is tried once on each new best plan.
            let repairs: Bool
            switch level {
            case .expectedShortfall, .worstShortfall: repairs = true
            case .cost: repairs = false
            }
            var repairedFrom: [Double]?
            // In-out separation (Ben-Ameur & Neto): cuts are taken at a point between the
            // master's solution x̂ and the best plan so far x_c, which stabilises the
            // cutting planes of a flat, degenerate model (plain Benders needed 460+ masters
            // on Hegang) and finds cheaper feasible plans on the way. The master's own
            // value is always a valid lower bound; x̂ itself is evaluated whenever the
            // point between gives no cut that x̂ violates, so the method still converges.
            let lambda = 0.5
            while true {
                if repairs, let center = best, center.value > 1e-9, repairedFrom != center.x, deadline.map({ ContinuousClock.now < $0 }) ?? true {
                    repairedFrom = center.x
                    if let found = try repair(center.x, center.evaluations, level: level, conditions: conditions),
                       found.value < center.value {
                        best = found
                        continue
                    }
                }
                statistics.iterations += 1
                let solution = try solveMaster()
                if solution.status == .infeasible, !fixed.isEmpty, slackScale < 1e4 {
                    // Cuts from different points carry the scenario LPs' round-off (about
                    // 1e-9 relative); an earlier level held to its value + 1e-9 can then
                    // leave no room. Loosen the hold tenfold and solve again.
                    slackScale *= 10
                    conditions = hold(fixed, scale: slackScale)
                    masterSolver.options.logger.debug("scenario decomposition: earlier levels held with \(slackScale)× slack",
                                                      metadata: ["code": "decompositionSlack", "slack": "\(slackScale)"])
                    continue
                }
                guard solution.status == .optimal, let masterValue = solution.objectiveValue else {
                    throw .solver(.backendFailure("the reserve-level master problem ended \(solution.status)"))
                }
                bound = max(bound, masterValue)
                if masterSolver.options.progress != nil {
                    // The CLI prints these on stderr: the level's best plan and bound.
                    let incumbent = best?.value
                    masterSolver.options.report(SolveProgress(
                        phase: .decomposition, level: values.count + 1, incumbent: incumbent, bound: bound,
                        relativeGap: incumbent.map { max(0, $0 - bound) / max(1, abs($0)) },
                        nodes: statistics.iterations, elapsed: masterSolver.options.elapsed(since: started)))
                }
                // Cancelled (or the callback said stop): nothing half-done is returned.
                do { try masterSolver.options.control?.checkStopped() } catch { throw .solver(error) }
                let xHat = Array(solution.values[0..<firstStage.variableCount])
                let thetaHat = theta.map { solution.values[Int($0.index)] }
                if let center = best {
                    statistics.relativeGap = max(0, center.value - bound) / max(1, abs(center.value))
                    if center.value - bound <= gap * max(1, abs(center.value)) { closed = true; break }
                }
                var points: [[Double]] = []
                if let center = best, lambda < 1 {
                    points.append(zip(xHat, center.x).map { lambda * $0 + (1 - lambda) * $1 })
                }
                points.append(xHat)
                let cutsAdded = try cutRound(points, xHat: xHat, thetaHat: thetaHat, level: level, conditions: conditions,
                                             repairs: repairs, bound: bound, best: &best)
                if let center = best {
                    statistics.relativeGap = max(0, center.value - bound) / max(1, abs(center.value))
                    if center.value - bound <= gap * max(1, abs(center.value)) { closed = true; break }
                }
                if cutsAdded == 0 { break }
                if let deadline, ContinuousClock.now >= deadline { break }
            }
            guard let b = best else {
                throw .solver(.backendFailure("the scenario decomposition found no plan meeting the earlier levels"))
            }
            values.append(b.value)
            statistics.levels.append(DecompositionStatistics.LevelOutcome(
                name: level.name, value: b.value, bound: bound.isFinite ? bound : b.value, proven: closed))
            fixed += holdRow(level, at: b.value)
            conditions = hold(fixed, scale: slackScale)
            if let deadline, ContinuousClock.now >= deadline { break }
        }
        guard let b = best else { throw .solver(.backendFailure("the scenario decomposition found no plan")) }
        let objective = statistics.levels.prefix(objectiveLevels)
        if let last = objective.last { statistics.relativeGap = max(0, last.value - last.bound) / max(1, abs(last.value)) }
        let proven = objective.count == objectiveLevels && objective.allSatisfy(\.proven)
        return (b.x, b.evaluations, values, proven)
    }

    /// Evaluates the master's point and the point between it and the best plan
    /// (in-out separation), keeps each feasible point that beats the best plan (or a
    /// repaired one), and adds the cuts the master's point violates. Returns how many.
    mutating func cutRound(_ points: [[Double]], xHat: [Double], thetaHat: [Double], level: Level,
                           conditions: [Condition], repairs: Bool, bound: Double,
                           best: inout (x: [Double], evaluations: [ScenarioEvaluation], value: Double)?) throws(PlanningError) -> Int {
        var cutsAdded = 0
        for (k, x) in points.enumerated() {
            let (evaluations, trimmedX, v, feasible) = try evaluated(x, level: level, conditions: conditions)
            masterSolver.options.logger.info("scenario decomposition", metadata: [
                "code": "decompositionPoint", "meetsKey": "log.meets.\(feasible)",
                "level": "\(level)", "iteration": "\(statistics.iterations)", "point": "\(k + 1)/\(points.count)",
                "bound": "\(bound)", "best": "\(best.map { "\($0.value)" } ?? "-")", "value": "\(v)", "meetsEarlierLevels": "\(feasible)"])
            if feasible, best == nil || v < best!.value { best = (trimmedX, evaluations, v) }
            // A cheaper point that falls short of an earlier level: topped up, it
            // may still be cheaper than the best plan.
            if !feasible, !repairs, v < best?.value ?? .infinity, deadline.map({ ContinuousClock.now < $0 }) ?? true,
               let found = try repair(x, evaluations, level: level, conditions: conditions),
               found.value < best?.value ?? .infinity {
                best = found
            }
            // Only cuts that x̂ violates are kept (the others cannot move the master).
            let violatedAtXHat = evaluations.map { e -> Double in
                var at = e.value
                for (j, g) in e.slope { at += g * (xHat[Int(j)] - x[Int(j)]) }
                return at
            }
            let before = cutsAdded
            cutsAdded += addCuts(evaluations, at: x, only: thetaHat, valuesAtMaster: violatedAtXHat)
            if cutsAdded > before, k + 1 < points.count { break }
        }
        return cutsAdded
    }

    /// One master solve. GLPK's dual simplex has called masters infeasible that its
    /// primal simplex (and glpsol) solve — cuts whose coefficients span many orders of
    /// magnitude — so the primal is asked before an infeasible verdict is believed.
    func solveMaster() throws(PlanningError) -> Solution {
        do {
            let solution = try masterSolver.solve(master)
            guard solution.status == .infeasible || solution.status == .numericalFailure else { return solution }
            var primal = masterSolver
            primal.options.algorithm = .primalSimplex
            return try primal.solve(master)
        } catch {
            throw .solver(error)
        }
    }

    /// The next levels hold a solved one to the best plan's value (as the deterministic
    /// equivalent does, 1e-9 relative; ``hold(_:scale:)`` sets the bound and
    /// `satisfies` allows the LPs' round-off): a master row for the expected shortfall,
    /// the bound of the worst-shortfall column for the robust level, nothing for cost.
    mutating func holdRow(_ level: Level, at value: Double) -> [(level: Level, value: Double, row: ConstraintRef?)] {
        switch level {
        case .expectedShortfall:
            let row = master.addConstraint(objective(level) <= value, name: "level")
            return [(level, value, row)]
        case .worstShortfall:
            return [(level, value, nil)]
        case .cost:
            return []
        }
    }

    /// Repairs [H2] an evaluated point, evaluates the result (its cuts go to the master)
    /// and returns it trimmed [H1], when it meets the earlier levels.
    mutating func repair(_ x: [Double], _ evaluations: [ScenarioEvaluation], level: Level,
                         conditions: [Condition]) throws(PlanningError) -> (x: [Double], evaluations: [ScenarioEvaluation], value: Double)? {
        guard let y = repaired(x, evaluations, budget: budget) else { return nil }
        let (after, kept, v, feasible) = try evaluated(y, level: level, conditions: conditions)
        _ = addCuts(after, at: y)
        masterSolver.options.logger.info("scenario decomposition: repaired a plan", metadata: [
            "code": "decompositionRepair", "meetsKey": "log.meets.\(feasible)",
            "level": "\(level)", "from": "\(value(level, x: x, q: evaluations.map(\.value)))", "value": "\(v)",
            "meetsEarlierLevels": "\(feasible)"])
        return feasible ? (kept, after, v) : nil
    }

    /// Holds the fixed levels in the master at their values plus `scale` × 1e-9 relative
    /// (at least the allowance), and returns the matching conditions on scenario values.
    mutating func hold(_ fixed: [(level: Level, value: Double, row: ConstraintRef?)], scale: Double) -> [Condition] {
        var conditions: [Condition] = []
        for f in fixed {
            let limit = f.value + max(1e-9 * scale * max(1, abs(f.value)), allowance)
            switch f.level {
            case .expectedShortfall:
                if let row = f.row { master.setBounds(row, lower: -.infinity, upper: limit) }
                conditions.append(.expectedAtMost(limit))
            case .worstShortfall:
                master.setBounds(worst!, lower: 0, upper: limit)
                conditions.append(.worstAtMost(limit))
            case .cost:
                break
            }
        }
        return conditions
    }

    /// Evaluates the scenarios at `x` and returns their dispatches, the plan to keep
    /// (trimmed), its value on `level` and whether it meets the earlier levels.
    mutating func evaluated(_ x: [Double], level: Level, conditions: [Condition]) throws(PlanningError)
        -> (evaluations: [ScenarioEvaluation], kept: [Double], value: Double, feasible: Bool)
    {
        let evaluations = try evaluator.evaluate(at: x)
        statistics.scenarioSolves += evaluations.count
        let q = evaluations.map(\.value)
        let kept = candidate(x, evaluations)
        return (evaluations, kept, value(level, x: kept, q: q), satisfies(conditions, q))
    }

    /// A plan to keep from an evaluated point: trimmed [H1] when that meets the first stage.
    func candidate(_ x: [Double], _ evaluations: [ScenarioEvaluation]) -> [Double] {
        let y = trimmed(x, evaluations)
        return meetsFirstStage(y) ? y : x
    }
}

extension ScenarioDecomposition.Level {
    /// As reported per level.
    var name: String {
        switch self {
        case .expectedShortfall: return "expected shortfall"
        case .worstShortfall: return "worst shortfall"
        case .cost: return "cost"
        }
    }
}

import LinearSolver

extension SitingSolver {
    /// p-median: exactly `count` open sites (existing depots included) minimising the
    /// weighted travel time of every demand point to its nearest open site.
    ///
    /// Strong formulation on a sparse model: [S1] Σ_j x_ij = 1, [S2] x_ij ≤ y_j,
    /// [S3] Σ_j y_j = p, where demand point i only has columns x_ij for a prefix of
    /// its candidates sorted by cost c_ij = w_i t_ij (its k_i nearest).
    ///
    /// Proof of optimality for the full (dense) model: for any multipliers u of [S1],
    /// L(u) = Σ_i u_i + min_{|S| = p, existing ⊆ S} Σ_{j∈S} ρ_j with
    /// ρ_j = Σ_i min(0, c_ij − u_i) over ALL pairs is a lower bound on the full
    /// p-median (Lagrangian relaxation of [S1]). With u the sparse LP's duals, L(u)
    /// equals the sparse LP value unless a missing column has c_ij < u_i (negative
    /// reduced cost); such columns are priced in (k_i grows) and the LP re-solved.
    /// When the LP is integral and L(u) reaches its cost, the solution is optimal.
    /// When the LP optimum (over all columns) is fractional, every solution cheaper
    /// than an incumbent z only uses pairs with c_ij − u_i < z − L(u), so the MIP on
    /// the sparse model holding exactly those pairs is exact. When those pairs are too
    /// many for GLPK's branch and bound, ``PMedianBranchAndBound`` branches on the
    /// sites with the same Lagrangian bound at every node instead (no LP at all).
    public func pMedian(_ problem: SitingProblem, count p: Int) throws(SitingError) -> SitingResult {
        try check(problem)
        var run = try PMedianRun(solver: self, problem: problem, p: p)
        if run.active.isEmpty { return run.nothingToServe() }
        if let proven = run.lagrangianPhase() { return proven }
        if let result = try run.reducedOrBranchAndBound() { return result }
        return try run.pricedRelaxation()
    }
}

/// One p-median solve, cut along the blocks of the proof above: the candidate lists,
/// the Lagrangian phase (heuristic incumbent and subgradient bound), reduced-cost
/// fixing to an exact MIP or the Lagrangian branch and bound, and the LP relaxation
/// priced over all columns. The state every phase improves (incumbent, bound,
/// statistics) is this value's.
struct PMedianRun {
    let solver: SitingSolver
    let problem: SitingProblem
    let p: Int
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?
    /// Candidates that may be opened, those that must be, and which are fixed open.
    let allowed: [Int], fixed: [Int], isFixed: [Bool]
    /// Demand points that nothing can reach.
    var unreachable: [Int] = []
    /// Demand points that matter (reachable, weight > 0), and per point its candidates
    /// sorted by cost with those costs.
    var active: [Int] = []
    var order: [[Int32]] = []
    var costs: [[Double]] = []
    /// Whether every cost is an integer (bounds then round up).
    var integral = true
    var stats = SitingStatistics()
    let core: PMedianCore
    var bestOpen: [Int]?
    var bestValue = Double.infinity
    var bestBound = -Double.infinity
    /// Multipliers of [S1] from the Lagrangian phase.
    var multipliers: [Double] = []

    var m: Int { problem.candidates.count }
    var a: Int { active.count }

    init(solver: SitingSolver, problem: SitingProblem, p: Int) throws(SitingError) {
        self.solver = solver
        self.problem = problem
        self.p = p
        start = clock.now
        deadline = solver.deadline(from: start)
        let m = problem.candidates.count
        allowed = problem.allowedCandidates
        fixed = problem.fixedOpenCandidates
        if p < fixed.count {
            throw SitingError(["p = \(p) is less than the \(fixed.count) existing depots that must stay open"])
        }
        if p > allowed.count {
            throw SitingError(["p = \(p) is more than the \(allowed.count) candidates that may be opened"])
        }
        if p < 1 { throw SitingError(["p must be at least 1, got \(p)"]) }
        isFixed = (0..<m).map { problem.candidates[$0].fixedOpen && !problem.candidates[$0].excluded }
        // Sorted candidate lists (cost, index) of every demand point that matters.
        for i in 0..<problem.demandPoints.count {
            var list: [(Double, Int32)] = []
            for j in allowed {
                let c = problem.weightedHours(demand: i, candidate: j)
                if c.isFinite { list.append((c, Int32(j))) }
            }
            if list.isEmpty { unreachable.append(i); continue }
            guard problem.demandPoints[i].weight > 0 else { continue }
            list.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            if integral && list.contains(where: { $0.0 != $0.0.rounded() }) { integral = false }
            active.append(i)
            order.append(list.map(\.1))
            costs.append(list.map(\.0))
        }
        stats.fullColumns = costs.reduce(0) { $0 + $1.count }
        let isFixed = self.isFixed
        core = PMedianCore(m: m, p: p, order: order, costs: costs, fixed: fixed, free: allowed.filter { !isFixed[$0] })
    }

    func evaluate(_ open: [Int]) -> Double { core.evaluate(open) }
    func lagrangian(_ u: [Double]) -> Double { core.lagrangian(u).value }

    /// Rounds a bound up to the data's granularity (integer costs: next integer).
    func rounded(_ bound: Double) -> Double {
        integral ? (bound - 1e-6 * max(1, abs(bound))).rounded(.up) : bound
    }

    func proven(_ incumbent: Double, _ bound: Double) -> Bool {
        incumbent - rounded(bound) <= 1e-9 * max(1, abs(incumbent))
    }

    func report(_ incumbent: Double?, _ bound: Double?) {
        guard solver.options.progress != nil else { return }
        let b = bound.map(rounded)
        solver.options.report(SolveProgress(incumbent: incumbent, bound: b, relativeGap: relativeGapOf(incumbent, b),
                                            nodes: stats.solves, elapsed: solver.options.elapsed(since: start)))
    }

    mutating func finish(_ status: SolutionStatus, _ open: [Int]?, _ value: Double?, _ bound: Double?) -> SitingResult {
        stats.seconds = start.duration(to: clock.now).siteSeconds
        let sites = open ?? []
        let problem = self.problem
        let assignment = open == nil ? [] : solver.nearestOpen(problem, open: sites) {
            problem.weightedHours(demand: $0, candidate: $1) == .infinity ? .infinity : problem.hours(demand: $0, candidate: $1)
        }
        return solver.result(.pMedian, problem, status: status, value: value, bound: bound, open: sites,
                             assignment: assignment, unreachable: unreachable, stats: stats)
    }

    /// Nothing to serve: any p sites are optimal.
    mutating func nothingToServe() -> SitingResult {
        let open = fixed + allowed.filter { !isFixed[$0] }.prefix(p - fixed.count)
        stats.lpIntegral = true
        return finish(.optimal, open, 0, 0)
    }

    /// Phase A: heuristic incumbent (greedy + interchange) and subgradient bound; the
    /// result when they already prove the incumbent optimal.
    mutating func lagrangianPhase() -> SitingResult? {
        if solver.lagrangianPhase {
            let heuristicOpen = core.heuristic(deadline: deadline)
            let heuristicValue = evaluate(heuristicOpen)
            if heuristicValue.isFinite { bestOpen = heuristicOpen; bestValue = heuristicValue }
        }
        let m = self.m, core = self.core, costs = self.costs, bestOpen = self.bestOpen
        multipliers = (0..<a).map { r in
            // Start from each point's cost in the incumbent (or its cheapest candidate).
            guard let open = bestOpen else { return costs[r][0] }
            return open.map { core.dense[r * m + $0] }.min().map { min($0, 1e15) } ?? costs[r][0]
        }
        guard bestValue.isFinite else { return nil }
        let target = bestValue
        var (u, bound, set, _) = core.subgradient(start: multipliers, upper: bestValue, iterations: 3000, deadline: deadline) {
            proven(target, $0)
        }
        // Interchange from the best Lagrangian sites; a better incumbent tightens
        // the target, so ascend again from where the first run stopped.
        if !proven(bestValue, bound), let set {
            let improved = core.heuristic(start: set, deadline: deadline)
            let value = evaluate(improved)
            if value < bestValue {
                bestValue = value
                self.bestOpen = improved
                let again = core.subgradient(start: u, upper: bestValue, iterations: 1500, deadline: deadline) {
                    proven(value, $0)
                }
                if again.bound > bound { u = again.u; bound = again.bound }
            }
        }
        multipliers = u
        bestBound = max(bestBound, bound)
        report(bestValue, bestBound)
        guard proven(bestValue, bestBound) else { return nil }
        stats.lpIntegral = true
        return finish(.optimal, self.bestOpen, bestValue, min(bestValue, rounded(bestBound)))
    }

    /// Column sets (positions in each point's sorted list) and closed sites that any
    /// solution cheaper than the incumbent must respect (reduced-cost fixing with
    /// multipliers u whose Lagrangian value is `bound`).
    func reducedSets(_ u: [Double], bound: Double) -> (columns: [[Int]], closed: [Bool]) {
        // A better solution costs at most z − 1 on integer data.
        let target = integral ? bestValue - 1 : bestValue
        let slack = target - bound + 1e-7 * max(1, abs(bestValue))
        let (_, rho, chosen) = core.lagrangian(u)
        var closed = [Bool](repeating: false, count: m)
        let rest = core.free.filter { chosen[$0] }.map { rho[$0] }
        if let last = rest.max() {
            for j in core.free where !chosen[j] && rho[j] - last > slack { closed[j] = true }
        }
        let columns = (0..<a).map { r in
            (0..<costs[r].count).filter { k in !closed[Int(order[r][k])] && costs[r][k] - u[r] < slack }
        }
        return (columns, closed)
    }

    /// The sparse model [S1]–[S3] over the given columns.
    func model(_ columns: [[Int]], closed: [Bool], binary: Bool) -> (Model, [Variable?]) {
        var model = Model(name: "p-median")
        let count = columns.reduce(0) { $0 + $1.count }
        model.reserveCapacity(variables: count + allowed.count, constraints: count + a + 1, nonZeros: 3 * count + allowed.count)
        var y = [Variable?](repeating: nil, count: m)
        for j in allowed {
            y[j] = model.addVariable(binary ? .binary : .continuous, lowerBound: isFixed[j] ? 1 : 0, upperBound: closed[j] ? 0 : 1)
        }
        var x: [[Variable]] = []
        x.reserveCapacity(a)
        var objective = LinearExpression()
        for r in 0..<a {
            var row: [Variable] = []
            row.reserveCapacity(columns[r].count)
            for k in columns[r] {
                let v = model.addVariable(.continuous, lowerBound: 0, upperBound: 1)
                objective.add(costs[r][k], v)
                row.append(v)
            }
            x.append(row)
        }
        // [S1] rows first, so that row r is demand point active[r].
        for r in 0..<a {
            model.addConstraint(sum(x[r]) == 1, name: "S1_assign[\(active[r])]")
        }
        for r in 0..<a {
            for (t, k) in columns[r].enumerated() {
                let j = Int(order[r][k])
                model.addConstraint(1 * x[r][t] - y[j]! <= 0, name: "S2_link[\(active[r]),\(j)]")
            }
        }
        model.addConstraint(sum(allowed) { y[$0]! } == Double(p), name: "S3_count")
        model.minimize(objective)
        return (model, y)
    }

    /// The exact MIP on the reduced sets; returns the final result.
    mutating func solveReduced(_ u: [Double], bound: Double) throws(SitingError) -> SitingResult {
        guard let incumbent = bestOpen else { return finish(.noSolutionFound, nil, nil, bestBound.isFinite ? rounded(bestBound) : nil) }
        let (columns, closed) = reducedSets(u, bound: bound)
        stats.columns = columns.reduce(0) { $0 + $1.count }
        // A point without columns: no solution is cheaper than the incumbent.
        if columns.contains(where: \.isEmpty) { return finish(.optimal, incumbent, bestValue, bestValue) }
        let (model, y) = model(columns, closed: closed, binary: true)
        stats.rows = model.constraintCount
        stats.usedMIP = true
        // Without GLPK's MIP presolver the root relaxation is solved by the dual
        // simplex (the presolver's path uses the primal one, several times slower here).
        let s = try solver.solveModel(model, deadline: deadline, presolve: false)
        stats.solves += 1
        if s.status.hasSolution {
            let open = allowed.filter { s.values[Int(y[$0]!.index)] > 0.5 }
            let value = evaluate(open)
            if value < bestValue { bestValue = value; bestOpen = open }
        }
        // Optimal, or infeasible (nothing cheaper than the incumbent): proven.
        if s.status == .optimal || s.status == .infeasible { return finish(.optimal, bestOpen, bestValue, bestValue) }
        let mipBound = s.bestBound.map { min($0, bestValue) } ?? bestBound
        let b = rounded(max(bestBound, mipBound))
        return finish(proven(bestValue, b) ? .optimal : .feasible, bestOpen, bestValue, min(b, bestValue))
    }

    /// After fixing with the subgradient multipliers: a small reduced model goes to
    /// GLPK (it finds and proves the optimum fast); a large one to the Lagrangian
    /// branch and bound on the sites, which needs no LP (GLPK's branch and bound on
    /// 25–110 thousand columns took minutes on pmed16–39). `nil` without an incumbent
    /// and a bound.
    mutating func reducedOrBranchAndBound() throws(SitingError) -> SitingResult? {
        guard bestValue.isFinite && bestBound.isFinite, let incumbent = bestOpen else { return nil }
        let size = reducedSets(multipliers, bound: bestBound).columns.reduce(0) { $0 + $1.count }
        if size <= solver.reducedMIPColumnsPerPoint * a { return try solveReduced(multipliers, bound: bestBound) }
        var search = PMedianBranchAndBound(core: core, integral: integral, incumbent: incumbent, value: bestValue)
        let open = search.run(u: multipliers, rootBound: bestBound, deadline: deadline, control: solver.options.control)
        bestOpen = search.incumbent
        bestValue = search.incumbentValue
        stats.columns = 0
        stats.branchNodes = search.nodes
        guard let open else { return finish(.optimal, bestOpen, bestValue, bestValue) }
        bestBound = max(bestBound, open)
        report(bestValue, bestBound)
        return finish(proven(bestValue, bestBound) ? .optimal : .feasible, bestOpen, bestValue, min(bestValue, rounded(bestBound)))
    }

    /// Phase B: the LP relaxation on nearest-candidate prefixes, priced to optimality
    /// over all columns with the LP duals, then the exact MIP on the pairs that could
    /// still improve when it is fractional.
    mutating func pricedRelaxation() throws(SitingError) -> SitingResult {
        let k0 = solver.initialNeighbours ?? min(60, max(10, (2 * a + p - 1) / p))
        var prefix = (0..<a).map { min(costs[$0].count, max(1, k0)) }
        let noneClosed = [Bool](repeating: false, count: m)
        var lastDuals: [Double] = []
        while true {
            if let deadline, clock.now >= deadline { break }
            if solver.options.isStopped { throw .cancelled }
            let (model, y) = model(prefix.map { Array(0..<$0) }, closed: noneClosed, binary: false)
            stats.columns = prefix.reduce(0, +)
            stats.rows = model.constraintCount
            let s = try solver.solveModel(model, deadline: deadline, progress: false)
            stats.solves += 1
            if s.status == .infeasible {
                // Too few neighbours for p sites to serve everyone: widen every list.
                let grown = (0..<a).map { min(costs[$0].count, max(2 * prefix[$0], prefix[$0] + 1)) }
                if grown == prefix { return finish(.infeasible, nil, nil, nil) }
                prefix = grown
                continue
            }
            guard s.status == .optimal, !s.rowDuals.isEmpty else { break }
            let u = Array(s.rowDuals[0..<a])
            // Capped multipliers never exceed the cheapest missing column.
            let capped = (0..<a).map { prefix[$0] < costs[$0].count ? min(u[$0], costs[$0][prefix[$0]]) : u[$0] }
            let lu = lagrangian(u), lc = lagrangian(capped)
            if lu >= lc { lastDuals = u } else { lastDuals = capped }
            bestBound = max(bestBound, lu, lc)
            // Incumbent: the LP's sites if integral, else the p largest y.
            let yValues = allowed.map { (s.values[Int(y[$0]!.index)], $0) }
            stats.lpIntegral = yValues.allSatisfy { $0.0 < 1e-6 || $0.0 > 1 - 1e-6 }
            let ranked = yValues.filter { !isFixed[$0.1] }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            let open = fixed + ranked.prefix(p - fixed.count).map(\.1)
            let value = evaluate(open)
            if value < bestValue { bestValue = value; bestOpen = open.sorted() }
            report(bestValue.isFinite ? bestValue : nil, bestBound)
            if bestValue.isFinite && proven(bestValue, bestBound) {
                return finish(.optimal, bestOpen, bestValue, min(bestValue, rounded(bestBound)))
            }
            // Price the missing columns: c_ij < u_i.
            var added = 0
            for r in 0..<a {
                var k = prefix[r]
                while k < costs[r].count && costs[r][k] < u[r] - 1e-9 * max(1, abs(u[r])) { k += 1 }
                if k > prefix[r] { added += k - prefix[r]; prefix[r] = k }
            }
            if added == 0 { break }
        }
        if let deadline, clock.now >= deadline {
            if let bestOpen { return finish(.feasible, bestOpen, bestValue, rounded(bestBound)) }
            return finish(.noSolutionFound, nil, nil, bestBound.isFinite ? rounded(bestBound) : nil)
        }
        guard !lastDuals.isEmpty else {
            if let bestOpen { return finish(.feasible, bestOpen, bestValue, bestBound.isFinite ? rounded(bestBound) : nil) }
            return finish(.numericalFailure, nil, nil, nil)
        }
        // The LP over all columns is fractional: exact MIP on the pairs that could still improve.
        let lpBound = lagrangian(lastDuals)
        if lpBound >= lagrangian(multipliers) || bestBound > lpBound + 1e-9 {
            return try solveReduced(lastDuals, bound: lpBound)
        }
        return try solveReduced(multipliers, bound: lagrangian(multipliers))
    }
}

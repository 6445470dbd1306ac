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
    /// the sparse model holding exactly those pairs is exact.
    public func pMedian(_ problem: SitingProblem, count p: Int) throws(SitingError) -> SitingResult {
        try check(problem)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = self.deadline(from: start)
        let m = problem.candidates.count
        let n = problem.demandPoints.count
        let allowed = problem.allowedCandidates
        let fixed = problem.fixedOpenCandidates
        if p < fixed.count {
            throw SitingError(["p = \(p) is less than the \(fixed.count) existing depots that must stay open"])
        }
        if p > allowed.count {
            throw SitingError(["p = \(p) is more than the \(allowed.count) candidates that may be opened"])
        }
        if p < 1 { throw SitingError(["p must be at least 1, got \(p)"]) }
        let isAllowed = (0..<m).map { !problem.candidates[$0].excluded }
        let isFixed = (0..<m).map { problem.candidates[$0].fixedOpen && !problem.candidates[$0].excluded }

        // Sorted candidate lists (cost, index) of every demand point that matters.
        var unreachable: [Int] = []
        var active: [Int] = []
        var order: [[Int32]] = []
        var costs: [[Double]] = []
        var integral = true
        for i in 0..<n {
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
        let a = active.count
        var stats = SitingStatistics()
        stats.fullColumns = costs.reduce(0) { $0 + $1.count }

        /// Full cost of an open set (each active point to its nearest open site).
        func evaluate(_ open: [Int]) -> Double {
            var isOpen = [Bool](repeating: false, count: m)
            for j in open { isOpen[j] = true }
            var total = 0.0
            for r in 0..<a {
                guard let k = order[r].firstIndex(where: { isOpen[Int($0)] }) else { return .infinity }
                total += costs[r][k]
            }
            return total
        }
        func finish(_ status: SolutionStatus, _ open: [Int]?, _ value: Double?, _ bound: Double?) -> SitingResult {
            stats.seconds = start.duration(to: clock.now).siteSeconds
            let sites = open ?? []
            let assignment = open == nil ? [] : nearestOpen(problem, open: sites) { problem.weightedHours(demand: $0, candidate: $1) == .infinity ? .infinity : problem.hours(demand: $0, candidate: $1) }
            return result(.pMedian, problem, status: status, value: value, bound: bound, open: sites,
                          assignment: assignment, unreachable: unreachable, stats: stats)
        }
        // Nothing to serve: any p sites are optimal.
        if a == 0 {
            let open = fixed + allowed.filter { !isFixed[$0] }.prefix(p - fixed.count)
            stats.lpIntegral = true
            return finish(.optimal, open, 0, 0)
        }

        /// Lagrangian lower bound of the full problem for multipliers u.
        func lagrangian(_ u: [Double]) -> Double {
            var rho = [Double](repeating: 0, count: m)
            var total = 0.0
            for r in 0..<a {
                total += u[r]
                let cr = costs[r], orr = order[r]
                var k = 0
                while k < cr.count && cr[k] < u[r] {
                    rho[Int(orr[k])] += cr[k] - u[r]
                    k += 1
                }
            }
            for j in fixed { total += rho[j] }
            let rest = allowed.filter { !isFixed[$0] }.map { rho[$0] }.sorted()
            for k in 0..<(p - fixed.count) { total += rest[k] }
            return total
        }
        /// Rounds a bound up to the data's granularity (integer costs: next integer).
        func rounded(_ bound: Double) -> Double {
            integral ? (bound - 1e-6 * max(1, abs(bound))).rounded(.up) : bound
        }
        func proven(_ incumbent: Double, _ bound: Double) -> Bool {
            incumbent - rounded(bound) <= 1e-9 * max(1, abs(incumbent))
        }
        func report(_ incumbent: Double?, _ bound: Double?) {
            guard let progress = options.progress else { return }
            let b = bound.map(rounded)
            progress(MIPProgress(incumbent: incumbent, bound: b, relativeGap: relativeGapOf(incumbent, b),
                                 nodes: stats.solves, elapsed: start.duration(to: clock.now)))
        }

        // Initial prefix lengths.
        let k0 = initialNeighbours ?? min(60, max(10, (2 * a + p - 1) / p))
        var prefix = (0..<a).map { min(costs[$0].count, max(1, k0)) }
        var bestOpen: [Int]?
        var bestValue = Double.infinity
        var bestBound = -Double.infinity
        var lastDuals: [Double] = []
        var lpValue = -Double.infinity

        func build(binary: Bool) -> (Model, [Variable?], [[Variable]]) {
            var model = Model(name: "p-median")
            let columns = prefix.reduce(0, +)
            model.reserveCapacity(variables: columns + allowed.count, constraints: columns + a + 1, nonZeros: 3 * columns + allowed.count)
            var y = [Variable?](repeating: nil, count: m)
            for j in allowed {
                y[j] = model.addVariable(binary ? .binary : .continuous, lowerBound: isFixed[j] ? 1 : 0, upperBound: 1)
            }
            var x: [[Variable]] = []
            x.reserveCapacity(a)
            var objective = LinearExpression()
            for r in 0..<a {
                var row: [Variable] = []
                row.reserveCapacity(prefix[r])
                for k in 0..<prefix[r] {
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
                for k in 0..<prefix[r] {
                    let j = Int(order[r][k])
                    model.addConstraint(1 * x[r][k] - y[j]! <= 0, name: "S2_link[\(active[r]),\(j)]")
                }
            }
            model.addConstraint(sum(allowed) { y[$0]! } == Double(p), name: "S3_count")
            model.minimize(objective)
            return (model, y, x)
        }

        // Pricing loop on the LP relaxation.
        var lpSolution: Solution?
        var lpY: [Variable?] = []
        while true {
            if let deadline, clock.now >= deadline { break }
            let (model, y, _) = build(binary: false)
            stats.columns = prefix.reduce(0, +)
            stats.rows = model.constraintCount
            let s = try solveModel(model, deadline: deadline, progress: false)
            stats.solves += 1
            if s.status == .infeasible {
                // Too few neighbours for p sites to serve everyone: widen every list.
                let grown = (0..<a).map { min(costs[$0].count, max(2 * prefix[$0], prefix[$0] + 1)) }
                if grown == prefix { return finish(.infeasible, nil, nil, nil) }
                prefix = grown
                continue
            }
            guard s.status == .optimal, !s.rowDuals.isEmpty else { break }
            lpSolution = s
            lpY = y
            lpValue = s.objectiveValue ?? lpValue
            let u = Array(s.rowDuals[0..<a])
            lastDuals = u
            // Capped multipliers never exceed the cheapest missing column.
            let capped = (0..<a).map { prefix[$0] < costs[$0].count ? min(u[$0], costs[$0][prefix[$0]]) : u[$0] }
            bestBound = max(bestBound, lagrangian(u), lagrangian(capped))
            // Incumbent: the LP's sites if integral, else the p largest y.
            let yValues = allowed.map { (s.values[Int(y[$0]!.index)], $0) }
            let lpIsIntegral = yValues.allSatisfy { $0.0 < 1e-6 || $0.0 > 1 - 1e-6 }
            stats.lpIntegral = lpIsIntegral
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
        _ = lpSolution
        _ = lpY

        // The LP over all columns is solved (or time ran out) and is fractional.
        if let deadline, clock.now >= deadline {
            if let bestOpen { return finish(.feasible, bestOpen, bestValue, rounded(bestBound)) }
            return finish(.noSolutionFound, nil, nil, bestBound.isFinite ? rounded(bestBound) : nil)
        }
        guard !lastDuals.isEmpty else {
            if let bestOpen { return finish(.feasible, bestOpen, bestValue, bestBound.isFinite ? rounded(bestBound) : nil) }
            return finish(.numericalFailure, nil, nil, nil)
        }
        // Keep every pair that could appear in a solution cheaper than the incumbent.
        let u = lastDuals
        let L = lagrangian(u)
        let slack = (bestValue.isFinite ? bestValue - L : .infinity)
        for r in 0..<a {
            var k = prefix[r]
            while k < costs[r].count && costs[r][k] - u[r] < slack + 1e-9 * max(1, abs(bestValue)) { k += 1 }
            prefix[r] = k
        }
        let (model, y, _) = build(binary: true)
        stats.columns = prefix.reduce(0, +)
        stats.rows = model.constraintCount
        stats.usedMIP = true
        let s = try solveModel(model, deadline: deadline)
        stats.solves += 1
        if s.status.hasSolution {
            let open = allowed.filter { s.values[Int(y[$0]!.index)] > 0.5 }
            let value = evaluate(open)
            if value < bestValue { bestValue = value; bestOpen = open }
        }
        if s.status == .optimal, let bestOpen {
            return finish(.optimal, bestOpen, bestValue, bestValue)
        }
        if s.status == .infeasible, let bestOpen {
            // No solution cheaper than the incumbent exists.
            return finish(.optimal, bestOpen, bestValue, bestValue)
        }
        let mipBound = s.bestBound.map { min($0, bestValue) } ?? bestBound
        let bound = rounded(max(bestBound, mipBound))
        if let bestOpen {
            return finish(proven(bestValue, bound) ? .optimal : .feasible, bestOpen, bestValue, min(bound, bestValue))
        }
        return finish(s.status, nil, nil, bound.isFinite ? bound : nil)
    }
}

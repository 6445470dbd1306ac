import GLPKBackend
import LinearSolver

/// Solves ``SitingProblem``s with GLPK through LinearSolver: p-median, maximal
/// covering, set covering and capacitated fixed-charge location, all in the strong
/// formulation (x_ij ≤ y_j). Row names start with the labels of docs/formulation.md
/// ("Siting": [S1]…[S3], [C1]…[C2], [V1], [F1]…[F4]).
///
/// p-median is solved on a sparse model holding each demand point's nearest
/// candidates only, and proven optimal for the full model with a Lagrangian /
/// reduced-cost test on every missing assignment; a large remaining model is solved by
/// a Lagrangian branch and bound on the sites (see ``pMedian(_:count:)``).
public struct SitingSolver: Sendable {
    /// Time limit, MIP gap and progress callback (called with incumbent, bound, gap).
    public var options: SolveOptions
    /// Initial number of nearest candidates per demand point for p-median (`nil`:
    /// max(10, 2n/p), at most 60).
    public var initialNeighbours: Int?
    /// p-median: start with the interchange heuristic and the subgradient Lagrangian
    /// bound (proves most instances without GLPK and shrinks the exact MIP); `false`
    /// goes straight to the LP pricing loop (tests use it to exercise that path).
    public var lagrangianPhase: Bool
    /// p-median: a reduced model (after reduced-cost fixing) with at most this many
    /// assignment columns per demand point goes to GLPK's MIP, a larger one to the
    /// Lagrangian branch and bound on the sites (tests set 0 to force the latter).
    var reducedMIPColumnsPerPoint = 5

    /// A solver with these options.
    public init(options: SolveOptions = SolveOptions(), initialNeighbours: Int? = nil, lagrangianPhase: Bool = true) {
        self.options = options
        self.initialNeighbours = initialNeighbours
        self.lagrangianPhase = lagrangianPhase
    }

    /// Solves `problem` for `objective`; `count` is p (p-median) or the number of new
    /// sites (max-cover); `withinHours` is the coverage radius (covering objectives).
    public func solve(_ problem: SitingProblem, objective: SitingObjective, count: Int? = nil,
                      withinHours: Double? = nil) throws(SitingError) -> SitingResult {
        // One stop switch and one deadline for the whole call.
        guard options.control != nil && (options.deadline != nil || options.timeLimit == nil) else {
            var call = self
            call.options = options.forCall()
            return try call.solve(problem, objective: objective, count: count, withinHours: withinHours)
        }
        if options.isStopped { throw .cancelled }
        let result = try solveObjective(problem, objective: objective, count: count, withinHours: withinHours)
        if options.isStopped { throw .cancelled }
        return result
    }

    func solveObjective(_ problem: SitingProblem, objective: SitingObjective, count: Int?,
                        withinHours: Double?) throws(SitingError) -> SitingResult {
        switch objective {
        case .pMedian:
            guard let count else { throw SitingError(["p-median needs the number of sites (--count)"]) }
            return try pMedian(problem, count: count)
        case .maxCover:
            guard let count else { throw SitingError(["max-cover needs the number of new sites (--count)"]) }
            guard let withinHours else { throw SitingError(["max-cover needs the coverage radius in hours (--within)"]) }
            return try maxCover(problem, newSites: count, withinHours: withinHours)
        case .setCover:
            guard let withinHours else { throw SitingError(["set-cover needs the coverage radius in hours (--within)"]) }
            return try setCover(problem, withinHours: withinHours)
        case .fixedCharge:
            return try fixedCharge(problem)
        }
    }

    // MARK: shared helpers

    func check(_ problem: SitingProblem) throws(SitingError) {
        let problems = problem.validate()
        if !problems.isEmpty { throw SitingError(problems) }
    }

    func solveModel(_ model: Model, deadline: ContinuousClock.Instant?, progress: Bool = true,
                    presolve: Bool? = nil) throws(SitingError) -> Solution {
        var o = options
        if let presolve { o.presolve = presolve }
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            o.timeLimit = left > .milliseconds(10) ? left : .milliseconds(10)
        }
        if !progress { o.progress = nil }
        do {
            return try GLPKSolver(options: o).solve(model)
        } catch .cancelled {
            throw .cancelled
        } catch {
            throw SitingError(["the solver rejected the siting model: \(error)"])
        }
    }

    /// The time limit from `start`, or the call's deadline when that comes first.
    func deadline(from start: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        let fromLimit = options.timeLimit.map { start + $0 }
        guard let call = options.deadline else { return fromLimit }
        return fromLimit.map { min($0, call) } ?? call
    }

    /// Nearest open site of every demand point by `cost` (ties by index).
    func nearestOpen(_ problem: SitingProblem, open: [Int], cost: (Int, Int) -> Double) -> [Int?] {
        (0..<problem.demandPoints.count).map { i in
            var best: Int?
            var bestCost = Double.infinity
            for j in open {
                let c = cost(i, j)
                if c < bestCost { bestCost = c; best = j }
            }
            return best
        }
    }

    func result(_ objective: SitingObjective, _ problem: SitingProblem, status: SolutionStatus, value: Double?,
                bound: Double?, open: [Int], assignment: [Int?], shares: [[SiteShare]] = [], unreachable: [Int],
                covered: Double? = nil, stats: SitingStatistics) -> SitingResult {
        let sorted = open.sorted()
        return SitingResult(objective: objective, status: status, objectiveValue: value, bound: bound,
                            relativeGap: relativeGapOf(value, bound), openSites: sorted,
                            newSites: sorted.filter { !problem.candidates[$0].fixedOpen }, assignment: assignment,
                            shares: shares, unreachable: unreachable, coveredWeight: covered, statistics: stats)
    }

    // MARK: maximal covering

    /// Maximal covering: at most `newSites` sites besides the existing depots,
    /// maximising the weight within `withinHours` of an open site.
    ///
    /// [C1] z_i ≤ Σ_{j: t_ij ≤ T} y_j, [C2] Σ_{j not existing} y_j ≤ N; max Σ w_i z_i.
    public func maxCover(_ problem: SitingProblem, newSites: Int, withinHours limit: Double) throws(SitingError) -> SitingResult {
        try check(problem)
        guard newSites >= 0 else { throw SitingError(["the number of new sites must be ≥ 0, got \(newSites)"]) }
        guard limit.isFinite, limit >= 0 else { throw SitingError(["the coverage radius must be a finite number of hours ≥ 0"]) }
        let clock = ContinuousClock(), start = clock.now
        let allowed = problem.allowedCandidates
        let n = problem.demandPoints.count
        var model = Model(name: "max-cover")
        var y = [Variable?](repeating: nil, count: problem.candidates.count)
        for j in allowed {
            let fixed = problem.candidates[j].fixedOpen
            y[j] = model.addVariable(.binary, lowerBound: fixed ? 1 : 0, upperBound: 1, name: "y[\(j)]")
        }
        var z = [Variable?](repeating: nil, count: n)
        var unreachable: [Int] = []
        var objective = LinearExpression()
        for i in 0..<n {
            let near = allowed.filter { problem.hours(demand: i, candidate: $0) <= limit }
            if near.isEmpty { unreachable.append(i); continue }
            let zi = model.addVariable(.continuous, lowerBound: 0, upperBound: 1, name: "z[\(i)]")
            z[i] = zi
            objective.add(problem.demandPoints[i].weight, zi)
            var row = LinearExpression()
            row.add(1, zi)
            for j in near { row.add(-1, y[j]!) }
            model.addConstraint(row <= 0, name: "C1_cover[\(i)]")
        }
        let free = allowed.filter { !problem.candidates[$0].fixedOpen }
        if !free.isEmpty {
            model.addConstraint(sum(free) { y[$0]! } <= Double(newSites), name: "C2_count")
        }
        model.maximize(objective)
        if model.variableCount == 0 { _ = model.addVariable(.continuous, lowerBound: 0, upperBound: 0, name: "empty") }
        let s = try solveModel(model, deadline: deadline(from: start))
        let stats = SitingStatistics(singleMIP: model, since: start, clock: clock)
        guard s.status.hasSolution else {
            return result(.maxCover, problem, status: s.status, value: nil, bound: nil, open: [], assignment: [],
                          unreachable: unreachable, stats: stats)
        }
        let open = allowed.filter { s.values[Int(y[$0]!.index)] > 0.5 }
        // Report the true covered weight of the chosen sites.
        var covered = 0.0
        for i in 0..<n where open.contains(where: { problem.hours(demand: i, candidate: $0) <= limit }) {
            covered += problem.demandPoints[i].weight
        }
        let assignment = nearestOpen(problem, open: open) { problem.hours(demand: $0, candidate: $1) }
        return result(.maxCover, problem, status: s.status, value: covered, bound: max(covered, s.bestBound ?? covered),
                      open: open, assignment: assignment, unreachable: unreachable, covered: covered, stats: stats)
    }

    // MARK: set covering

    /// Set covering: the fewest new sites (existing depots are free) so that every
    /// demand point that some allowed candidate reaches within `withinHours` is
    /// covered; the others are reported in ``SitingResult/unreachable``.
    ///
    /// [V1] Σ_{j: t_ij ≤ T} y_j ≥ 1; min Σ_{j not existing} y_j.
    public func setCover(_ problem: SitingProblem, withinHours limit: Double) throws(SitingError) -> SitingResult {
        try check(problem)
        guard limit.isFinite, limit >= 0 else { throw SitingError(["the coverage radius must be a finite number of hours ≥ 0"]) }
        let clock = ContinuousClock(), start = clock.now
        let allowed = problem.allowedCandidates
        let n = problem.demandPoints.count
        var model = Model(name: "set-cover")
        var y = [Variable?](repeating: nil, count: problem.candidates.count)
        var objective = LinearExpression()
        for j in allowed {
            let fixed = problem.candidates[j].fixedOpen
            let v = model.addVariable(.binary, lowerBound: fixed ? 1 : 0, upperBound: 1, name: "y[\(j)]")
            y[j] = v
            if !fixed { objective.add(1, v) }
        }
        var unreachable: [Int] = []
        for i in 0..<n {
            let near = allowed.filter { problem.hours(demand: i, candidate: $0) <= limit }
            if near.isEmpty { unreachable.append(i); continue }
            model.addConstraint(sum(near) { y[$0]! } >= 1, name: "V1_cover[\(i)]")
        }
        model.minimize(objective)
        if model.variableCount == 0 { _ = model.addVariable(.continuous, lowerBound: 0, upperBound: 0, name: "empty") }
        let s = try solveModel(model, deadline: deadline(from: start))
        let stats = SitingStatistics(singleMIP: model, since: start, clock: clock)
        guard s.status.hasSolution else {
            return result(.setCover, problem, status: s.status, value: nil, bound: nil, open: [], assignment: [],
                          unreachable: unreachable, stats: stats)
        }
        let open = allowed.filter { s.values[Int(y[$0]!.index)] > 0.5 }
        let value = Double(open.filter { !problem.candidates[$0].fixedOpen }.count)
        var covered = 0.0
        for i in 0..<n where open.contains(where: { problem.hours(demand: i, candidate: $0) <= limit }) {
            covered += problem.demandPoints[i].weight
        }
        let assignment = nearestOpen(problem, open: open) { problem.hours(demand: $0, candidate: $1) }
        return result(.setCover, problem, status: s.status, value: value, bound: s.bestBound.map { min(value, ($0 - 1e-6).rounded(.up)) },
                      open: open, assignment: assignment, unreachable: unreachable, covered: covered, stats: stats)
    }

    // MARK: fixed-charge location

    /// Capacitated fixed-charge location, demand may split:
    /// min Σ f_j y_j + Σ c_ij x_ij with [F1] Σ_j x_ij = 1, [F2] Σ_i d_i x_ij ≤ Q_j y_j,
    /// [F3] x_ij ≤ y_j (strong), [F4] Σ_j Q_j y_j ≥ Σ_i d_i (valid, tightens the LP).
    /// c_ij is the cost of serving all of i from j; x_ij the fraction served.
    public func fixedCharge(_ problem: SitingProblem) throws(SitingError) -> SitingResult {
        try check(problem)
        let clock = ContinuousClock(), start = clock.now
        let allowed = problem.allowedCandidates
        let n = problem.demandPoints.count
        var model = Model(name: "fixed-charge")
        var y = [Variable?](repeating: nil, count: problem.candidates.count)
        var objective = LinearExpression()
        for j in allowed {
            let c = problem.candidates[j]
            let v = model.addVariable(.binary, lowerBound: c.fixedOpen ? 1 : 0, upperBound: 1, name: "y[\(j)]")
            y[j] = v
            objective.add(c.fixedCost, v)
        }
        var unreachable: [Int] = []
        var x: [[(Int, Variable)]] = Array(repeating: [], count: n)
        var capacityRows = [LinearExpression](repeating: LinearExpression(), count: problem.candidates.count)
        for i in 0..<n {
            let d = problem.demandPoints[i]
            let reach = allowed.filter { problem.serviceCost(demand: i, candidate: $0).isFinite }
            if reach.isEmpty { unreachable.append(i); continue }
            if d.demand <= 0 && d.weight <= 0 { continue }
            var assign = LinearExpression()
            for j in reach {
                let v = model.addVariable(.continuous, lowerBound: 0, upperBound: 1)
                x[i].append((j, v))
                objective.add(problem.serviceCost(demand: i, candidate: j), v)
                assign.add(1, v)
                model.addConstraint(1 * v - y[j]! <= 0, name: "F3_link[\(i),\(j)]")
                if d.demand > 0 { capacityRows[j].add(d.demand, v) }
            }
            model.addConstraint(assign == 1, name: "F1_assign[\(i)]")
        }
        var totalDemand = 0.0
        for i in 0..<n where !x[i].isEmpty { totalDemand += problem.demandPoints[i].demand }
        var capacityTerms = LinearExpression()
        var capacitated = false
        for j in allowed {
            guard let q = problem.candidates[j].capacity else { continue }
            capacitated = true
            var row = capacityRows[j]
            row.add(-q, y[j]!)
            model.addConstraint(row <= 0, name: "F2_capacity[\(j)]")
            capacityTerms.add(q, y[j]!)
        }
        let uncapacitated = allowed.contains { problem.candidates[$0].capacity == nil }
        if capacitated && !uncapacitated && totalDemand > 0 {
            model.addConstraint(capacityTerms >= totalDemand, name: "F4_total_capacity")
        }
        model.minimize(objective)
        if model.variableCount == 0 { _ = model.addVariable(.continuous, lowerBound: 0, upperBound: 0, name: "empty") }
        let s = try solveModel(model, deadline: deadline(from: start))
        var stats = SitingStatistics()
        stats.solves = 1
        stats.rows = model.constraintCount
        stats.columns = x.reduce(0) { $0 + $1.count }
        stats.fullColumns = n * allowed.count
        stats.usedMIP = true
        stats.seconds = start.duration(to: clock.now).siteSeconds
        guard s.status.hasSolution else {
            return result(.fixedCharge, problem, status: s.status, value: nil, bound: s.bestBound, open: [], assignment: [],
                          unreachable: unreachable, stats: stats)
        }
        let open = allowed.filter { s.values[Int(y[$0]!.index)] > 0.5 }
        var shares: [[SiteShare]] = Array(repeating: [], count: n)
        var assignment = [Int?](repeating: nil, count: n)
        for i in 0..<n {
            var best = -1.0
            for (j, v) in x[i] {
                let f = s.values[Int(v.index)]
                guard f > 1e-9 else { continue }
                shares[i].append(SiteShare(site: j, fraction: min(1, f)))
                if f > best + 1e-9 { best = f; assignment[i] = j }
            }
        }
        if x.allSatisfy(\.isEmpty) {
            assignment = nearestOpen(problem, open: open) { problem.serviceCost(demand: $0, candidate: $1) }
        }
        return result(.fixedCharge, problem, status: s.status, value: s.objectiveValue, bound: s.bestBound, open: open,
                      assignment: assignment, shares: shares, unreachable: unreachable, stats: stats)
    }
}

extension SitingStatistics {
    /// Statistics of one MIP solve of `model` that started at `start`.
    init(singleMIP model: Model, since start: ContinuousClock.Instant, clock: ContinuousClock) {
        self.init()
        solves = 1
        rows = model.constraintCount
        columns = model.variableCount
        usedMIP = true
        seconds = start.duration(to: clock.now).siteSeconds
    }
}

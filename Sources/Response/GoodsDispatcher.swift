import GLPKBackend
import LinearSolver

/// Allocates stock to needs with GLPK: which source sends what to which area,
/// arriving when, and what stays short. The model is docs/formulation.md's
/// "Dispatch (response): goods"; row names carry its labels D1–D8.
///
/// ```swift
/// let plan = try GoodsDispatcher().dispatch(problem)
/// for order in plan.orders { … }
/// ```
///
/// `dispatch` is synchronous and thread-safe: call it from many threads at once.
public struct GoodsDispatcher: Sendable {
    /// How to dispatch.
    public var options: DispatchOptions

    /// A dispatcher with the given options.
    public init(options: DispatchOptions = DispatchOptions()) {
        self.options = options
    }

    /// Solves the three lexicographic levels (weighted shortfall by the deadline;
    /// lateness and shortfall by the horizon; transport work) and reads the plan.
    ///
    /// - Throws: ``DispatchError/invalidProblem(_:)`` listing every problem of the
    ///   input; ``DispatchError/solver(_:)`` if the solver refuses the model.
    public func dispatch(_ problem: GoodsProblem) throws(DispatchError) -> GoodsPlan {
        let issues = problem.validate()
        if !issues.isEmpty { throw .invalidProblem(issues) }
        let clock = ContinuousClock()
        let buildStart = clock.now
        var built = GoodsModelBuilder(problem: problem, options: options).build()
        let buildTime = buildStart.duration(to: clock.now)
        var solutions: [Solution]
        var schedule: FleetScheduler.Result
        var rounds = 0
        // Solve, put the truckloads on trucks, and while an on-time trip cannot be
        // made, tighten that deadline's fleet-hour row and solve again: the figures
        // printed are always those of a schedule that exists.
        var basis: SimplexBasis?
        // Whole pieces: when the LP splits a piece, the shipments it split become
        // integer columns, every other shipment of an indivisible item keeps its whole
        // LP value, and the levels are solved again by branch and bound from the LP
        // rounded down. The schedule and any tightening follow that solution; the next
        // round starts again from the LP. The LP's level 1 gives the duals and the bound.
        var relaxation: Solution?
        var lpBound: Double?
        var solved = built
        while true {
            (solutions, basis) = try solve(built, startingFrom: basis)
            // No level found a point (stopped by the time limit first, or the solver
            // failed): there is no plan to return, and a zeroed one would claim one.
            guard solutions.contains(where: \.status.hasSolution) else {
                throw .noSolution(solutions.last?.status ?? .noSolutionFound)
            }
            relaxation = solutions.first
            // Whole truckloads: the bound branch and bound proved for level 1 (an LP
            // plan is its own bound, so none is reported for it).
            lpBound = built.model.isMixedInteger ? Self.levelOneBound(of: relaxation, mixedInteger: true) : nil
            solved = built
            if let last = solutions.lastIndex(where: { $0.status.hasSolution }) {
                solutions[last].values = built.withinStock(solutions[last].values)
            }
            if options.wholeUnits, let lp = solutions.last(where: { $0.status.hasSolution })?.values,
               built.splitsPieces(lp, problem: problem) {
                // The LP's own late trips are tightened first, by LP rounds alone: branch
                // and bound then runs once on a model whose LP schedule holds, instead of
                // once per round (Suzhou: 4 → 1, docs/decisions.md).
                let lpSchedule = FleetScheduler(problem: problem, built: built).schedule(values: lp)
                if !lpSchedule.lateTrips.isEmpty,
                   FleetScheduler.tighten(&built.model, built: built, problem: problem, lateTrips: lpSchedule.lateTrips,
                                          values: lp, round: rounds) {
                    rounds += 1
                    continue
                }
                solved.model = built.wholePiecesModel(lp, problem: problem)
                lpBound = Self.levelOneBound(of: relaxation, mixedInteger: built.model.isMixedInteger)
                (solutions, _) = try solve(solved, startingFrom: basis, incumbent: built.roundedDown(lp, problem: problem),
                                           nodeLimit: Self.wholePiecesNodeLimit)
                // Out of time before any whole-piece point (the rounded-down LP is one
                // unless it broke a row): no plan rather than an empty one.
                guard solutions.contains(where: \.status.hasSolution) else {
                    throw .noSolution(solutions.last?.status ?? .noSolutionFound)
                }
                if let last = solutions.lastIndex(where: { $0.status.hasSolution }) {
                    solutions[last].values = built.withinStock(solutions[last].values)
                }
            }
            let values = solutions.last { $0.status.hasSolution }?.values ?? []
            schedule = FleetScheduler(problem: problem, built: built).schedule(values: values)
            guard !schedule.lateTrips.isEmpty,
                  FleetScheduler.tighten(&built.model, built: built, problem: problem, lateTrips: schedule.lateTrips,
                                         values: values, round: rounds)
            else { break }
            rounds += 1
        }
        var plan = GoodsPlanReader(problem: problem, built: solved, solutions: solutions, relaxation: relaxation,
                                   buildTime: buildTime, schedule: schedule, scheduleRounds: rounds).plan()
        plan.levelOneLPBound = lpBound
        if options.nameModel {
            // Kept for export: the model that was solved, its objective set to level 1,
            // so an exported file is this dispatch's model and never a rebuilt copy.
            var model = built.model
            model.setObjective(built.levels[0].expression, sense: built.levels[0].sense)
            plan.model = model
        }
        return plan
    }

    /// Solves the levels of `built`, by column generation on large LPs. Level 1
    /// starts from `basis` (the previous round's, when only fleet rows were
    /// tightened since) and its optimal basis is returned for the next round.
    /// Branch and bound over whole pieces stops after this many nodes per level (a
    /// node limit, not a time limit, so the answer does not depend on the machine);
    /// the plan reports its gap to the LP bound.
    static let wholePiecesNodeLimit = 200

    /// Level 1's bound from the round's first solve: an LP's optimum (only when solved
    /// to optimality: a relaxation stopped by the deadline, a restricted master say,
    /// bounds nothing), or for whole truckloads the bound branch and bound proved.
    static func levelOneBound(of relaxation: Solution?, mixedInteger: Bool) -> Double? {
        if mixedInteger { return relaxation?.bestBound }
        return relaxation?.status == .optimal ? relaxation?.objectiveValue : nil
    }

    func solve(_ built: BuiltGoodsModel, startingFrom basis: SimplexBasis?, incumbent: [Double]? = nil,
               nodeLimit: Int? = nil) throws(DispatchError) -> ([Solution], SimplexBasis?) {
        let useColumnGeneration = !built.model.isMixedInteger && (options.columnGeneration ?? (built.arcs.count > 20_000))
        do {
            var solveOptions = options.solve
            // Whole truckloads (`integerVehicles`) stop at the same node limit as whole
            // pieces: with the default gap alone, Suzhou's transport level searched for
            // over ten minutes at a 0.12 % gap. The plan reports the gap it stopped at.
            let nodeLimit = nodeLimit ?? (built.model.isMixedInteger ? Self.wholePiecesNodeLimit : nil)
            if let nodeLimit { solveOptions.nodeLimit = min(nodeLimit, solveOptions.nodeLimit ?? .max) }
            let solver = GLPKSolver(options: solveOptions)
            if useColumnGeneration {
                return (try solver.solve(built.model, lexicographic: built.levels,
                                         columnGeneration: ColumnGeneration(initialColumns: built.initialColumns(initialArcsPerNeed: 10),
                                                                            maxColumnsPerRound: 2_000)).0, nil)
            }
            return try solver.solve(built.model, lexicographic: built.levels, startingFrom: basis, incumbent: incumbent)
        } catch {
            throw .solver(error)
        }
    }

    /// The LP/MIP this dispatcher would solve, with its three objective levels, for
    /// export (`model.write(to:format:)`) or inspection. The model's own objective is
    /// level 1 (weighted shortfall by the deadline), so a solver given the exported
    /// file reproduces the first level.
    public func model(for problem: GoodsProblem) throws(DispatchError) -> (model: Model, levels: [LexicographicObjective]) {
        let issues = problem.validate()
        if !issues.isEmpty { throw .invalidProblem(issues) }
        var built = GoodsModelBuilder(problem: problem, options: options).build()
        built.model.setObjective(built.levels[0].expression, sense: built.levels[0].sense)
        return (built.model, built.levels)
    }
}

extension BuiltGoodsModel {
    /// `values` with every stock row [D4] held exactly: the simplex method meets a row
    /// within its feasibility tolerance, so 80,000 L of stock could go out as
    /// 80,000.000001 L, an order the stock book refuses. The excess (never more than
    /// that tolerance) comes off the row's shipments, last column first.
    func withinStock(_ values: [Double]) -> [Double] {
        var values = values
        for entry in stockRows {
            let upper = model.rowUpper[Int(entry.row.index)]
            let (columns, coefficients) = model.terms(of: entry.row)
            var total = 0.0
            for (j, c) in zip(columns, coefficients) { total += c * max(0, values[Int(j)]) }
            var excess = total - upper
            guard excess > 0 else { continue }
            for (j, c) in zip(columns, coefficients).reversed() where c > 0 && excess > 0 {
                let x = max(0, values[Int(j)])
                let cut = min(x, excess / c)
                values[Int(j)] = x - cut
                excess -= cut * c
            }
        }
        return values
    }
}

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
        while true {
            solutions = try solve(built)
            // No level found a point (stopped by the time limit first, or the solver
            // failed): there is no plan to return, and a zeroed one would claim one.
            guard solutions.contains(where: \.status.hasSolution) else {
                throw .noSolution(solutions.last?.status ?? .noSolutionFound)
            }
            let values = solutions.last { $0.status.hasSolution }?.values ?? []
            schedule = FleetScheduler(problem: problem, built: built).schedule(values: values)
            guard !schedule.lateTrips.isEmpty,
                  FleetScheduler.tighten(&built.model, built: built, problem: problem, lateTrips: schedule.lateTrips,
                                         values: values, round: rounds)
            else { break }
            rounds += 1
        }
        var plan = GoodsPlanReader(problem: problem, built: built, solutions: solutions, buildTime: buildTime,
                                   schedule: schedule, scheduleRounds: rounds).plan()
        if options.nameModel {
            // Kept for export: the model that was solved, its objective set to level 1,
            // so an exported file is this dispatch's model and never a rebuilt copy.
            var model = built.model
            model.setObjective(built.levels[0].expression, sense: built.levels[0].sense)
            plan.model = model
        }
        return plan
    }

    /// Solves the levels of `built`, by column generation on large LPs.
    func solve(_ built: BuiltGoodsModel) throws(DispatchError) -> [Solution] {
        let useColumnGeneration = !options.integerVehicles && (options.columnGeneration ?? (built.arcs.count > 20_000))
        do {
            let solver = GLPKSolver(options: options.solve)
            if useColumnGeneration {
                return try solver.solve(built.model, lexicographic: built.levels,
                                        columnGeneration: ColumnGeneration(initialColumns: built.initialColumns(initialArcsPerNeed: 10),
                                                                           maxColumnsPerRound: 2_000)).0
            }
            return try solver.solve(built.model, lexicographic: built.levels)
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

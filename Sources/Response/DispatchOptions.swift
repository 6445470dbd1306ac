import LinearSolver

/// How to dispatch.
public struct DispatchOptions: Sendable {
    /// Count whole truckloads (a MIP) instead of fractional truck use (an LP).
    public var integerVehicles: Bool
    /// Send items that are not ``GoodsProblem/Item/divisible`` in whole pieces: their
    /// shipments become integer columns wherever the LP left them fractional, solved by
    /// branch and bound with the levels kept (docs/formulation.md, "Whole pieces").
    public var wholeUnits: Bool
    /// Production is cut into batches at latest-departure times rounded down to this step, hours.
    public var productionStepHours: Double
    /// Production is also cut at this regular interval, hours, so that late
    /// deliveries from a factory get realistic arrival times.
    public var productionBatchHours: Double
    /// Solve by column generation (exact; much faster on large models where most
    /// arcs stay empty). `nil` chooses: on for LPs with more than 20,000 shipment columns.
    public var columnGeneration: Bool?
    /// Give every row and column a readable name (for exporting the model; costs time on large models).
    public var nameModel: Bool
    /// Solver options (time limit, gap, logging).
    public var solve: SolveOptions

    /// Options with the defaults: fractional trucks, whole pieces, 0.25 h production steps, unnamed model.
    public init(integerVehicles: Bool = false, wholeUnits: Bool = true, productionStepHours: Double = 0.25,
                productionBatchHours: Double = 1, columnGeneration: Bool? = nil, nameModel: Bool = false,
                solve: SolveOptions = SolveOptions()) {
        self.integerVehicles = integerVehicles
        self.wholeUnits = wholeUnits
        self.productionStepHours = productionStepHours
        self.productionBatchHours = productionBatchHours
        self.columnGeneration = columnGeneration
        self.nameModel = nameModel
        self.solve = solve
    }
}

/// Why a dispatch could not be computed. A scenario that cannot be fully served is
/// not an error: it is a plan with shortfalls.
public enum DispatchError: Error, Sendable, CustomStringConvertible {
    /// The problem's numbers or indices are unusable; every problem is listed.
    case invalidProblem([ProblemIssue])
    /// The solver refused the model or failed.
    case solver(LinearSolverError)
    /// The solve ended without any solution (the time limit or the call's deadline
    /// came first, or the solver failed): nothing is returned, never a zeroed plan.
    case noSolution(SolutionStatus)

    public var description: String {
        switch self {
        case let .invalidProblem(problems):
            return "invalid dispatch problem (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
                + problems.prefix(50).map { "  - \($0)" }.joined(separator: "\n")
        case let .solver(error):
            return error.description
        case let .noSolution(status):
            return "the solver stopped (\(status.rawValue)) before finding any dispatch; allow more time"

        }
    }
}

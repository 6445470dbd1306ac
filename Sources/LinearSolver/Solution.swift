/// How a solve ended.
public enum SolutionStatus: String, Sendable, Codable, CaseIterable {
    /// Proven optimal (for a MIP: within the requested relative gap).
    case optimal
    /// A feasible solution, but the solve stopped (time limit) before proving it
    /// optimal; ``Solution/bestBound`` and ``Solution/relativeGap`` say how far it may be.
    case feasible
    /// No solution satisfies the constraints.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The solve stopped (time limit) before finding any feasible solution.
    case noSolutionFound
    /// The solver failed numerically (ill-conditioned basis, singular matrix).
    case numericalFailure

    /// Whether ``Solution/values`` hold a usable (feasible) point.
    public var hasSolution: Bool { self == .optimal || self == .feasible }
}

/// The outcome of a solve: a status and, when there is one, the solution.
public struct Solution: Sendable {
    /// How the solve ended.
    public var status: SolutionStatus
    /// Objective value of the returned point (including the constant), when there is one.
    public var objectiveValue: Double?
    /// Best proven bound on the optimum: equal to ``objectiveValue`` for optimal LPs,
    /// the search's best bound for MIPs.
    public var bestBound: Double?
    /// Relative gap between ``objectiveValue`` and ``bestBound`` (MIPs).
    public var relativeGap: Double?
    /// Value of each variable, by column; empty when there is no solution.
    public var values: [Double]
    /// Activity of each constraint row at the solution; empty when there is none.
    public var rowActivities: [Double]
    /// Dual value (shadow price) of each row: the objective's rate of change per unit
    /// increase of the row's binding bound. LPs only; empty for MIPs.
    public var rowDuals: [Double]
    /// Reduced cost of each column. LPs only; empty for MIPs.
    public var reducedCosts: [Double]
    /// Simplex iterations (all LP solves included).
    public var iterations: Int
    /// Branch-and-bound nodes (MIPs).
    public var nodes: Int
    /// Wall-clock time of the whole solve, including loading the model into GLPK.
    public var wallTime: Duration

    /// Creates a solution record.
    public init(status: SolutionStatus, objectiveValue: Double? = nil, bestBound: Double? = nil,
                relativeGap: Double? = nil, values: [Double] = [], rowActivities: [Double] = [],
                rowDuals: [Double] = [], reducedCosts: [Double] = [], iterations: Int = 0,
                nodes: Int = 0, wallTime: Duration = .zero) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.values = values
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.iterations = iterations
        self.nodes = nodes
        self.wallTime = wallTime
    }

    /// The value of `variable`, or `nil` when there is no solution.
    public subscript(variable: Variable) -> Double? {
        values.isEmpty ? nil : values[Int(variable.index)]
    }

    /// The value of `expression` at the solution, or `nil` when there is none.
    public func value(of expression: LinearExpression) -> Double? {
        values.isEmpty ? nil : expression.value(at: values)
    }

    /// The dual value of `constraint` (LPs with a solution), or `nil`.
    public func dual(_ constraint: ConstraintRef) -> Double? {
        rowDuals.isEmpty ? nil : rowDuals[Int(constraint.index)]
    }

    /// The reduced cost of `variable` (LPs with a solution), or `nil`.
    public func reducedCost(_ variable: Variable) -> Double? {
        reducedCosts.isEmpty ? nil : reducedCosts[Int(variable.index)]
    }

    /// The activity of `constraint` at the solution, or `nil`.
    public func activity(_ constraint: ConstraintRef) -> Double? {
        rowActivities.isEmpty ? nil : rowActivities[Int(constraint.index)]
    }
}

/// One level of a lexicographic (pre-emptive priority) objective.
public struct LexicographicObjective: Sendable {
    /// The expression to optimise at this level.
    public var expression: LinearExpression
    /// Minimise or maximise it.
    public var sense: ObjectiveSense
    /// Relative slack allowed on this level's optimum when the next levels are solved.
    public var relativeTolerance: Double
    /// Absolute slack allowed on this level's optimum when the next levels are solved.
    public var absoluteTolerance: Double
    /// A name for logs and for the row that holds this level's optimum.
    public var name: String
    /// For MIPs: stop this level at this relative gap (`nil`: the solve options' gap).
    public var mipGap: Double?
    /// For MIPs: stop this level once the incumbent is within this of the bound, in the
    /// level's own unit (`nil`: the solve options' ``SolveOptions/absoluteMIPGap``).
    public var mipAbsoluteGap: Double?
    /// For MIPs: stop this level after this long (`nil`: only the overall time limit).
    public var timeLimit: Duration?
    /// Columns that cannot improve this level, held at their lower bounds while an LP
    /// level is solved from scratch and released before the next level.
    ///
    /// A hint for speed, never a restriction: a solver may ignore it, and one that uses
    /// it prices the released columns at the optimal basis and carries on with the
    /// simplex method if one could improve the level after all, so the optimum is the
    /// same either way. The dispatch model parks its late shipments on the on-time
    /// level: GLPK's presolver then drops them, and Suzhou's first solve takes about
    /// 40 % less time (docs/decisions.md, "Late shipments parked on level 1").
    public var parkedColumns: [Variable]

    /// A level of a lexicographic objective.
    public init(_ sense: ObjectiveSense, _ expression: LinearExpression, name: String,
                relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-9,
                mipGap: Double? = nil, timeLimit: Duration? = nil, mipAbsoluteGap: Double? = nil,
                parking parkedColumns: [Variable] = []) {
        self.parkedColumns = parkedColumns
        self.mipGap = mipGap
        self.mipAbsoluteGap = mipAbsoluteGap
        self.timeLimit = timeLimit
        self.expression = expression
        self.sense = sense
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.name = name
    }
}

extension Model {
    /// Every problem of the model and of lexicographic `objectives` over it: the
    /// model's own (``validate()``), then per level unknown variables, non-finite
    /// numbers and bad tolerances. Solvers refuse a lexicographic solve when any is
    /// returned.
    public func validate(_ objectives: [LexicographicObjective]) -> [ModelProblem] {
        var problems = validate()
        for (level, objective) in objectives.enumerated() {
            let label = "level \(level + 1) (\(objective.name))"
            let e = objective.expression
            if !e.constant.isFinite { problems.append(ModelProblem(location: .objective, message: "\(label): constant is \(e.constant)")) }
            for k in e.indices.indices {
                if e.indices[k] < 0 || Int(e.indices[k]) >= variableCount {
                    problems.append(ModelProblem(location: .objective, message: "\(label): refers to variable \(e.indices[k] + 1), which does not exist (the model has \(variableCount))"))
                } else if !e.coefficients[k].isFinite {
                    problems.append(ModelProblem(location: .objective, message: "\(label): coefficient of \(displayName(column: Int(e.indices[k]))) is \(e.coefficients[k])"))
                }
            }
            for v in objective.parkedColumns where v.index < 0 || Int(v.index) >= variableCount {
                problems.append(ModelProblem(location: .objective, message: "\(label): parks variable \(v.index + 1), which does not exist (the model has \(variableCount))"))
            }
            if !(objective.relativeTolerance >= 0 && objective.relativeTolerance.isFinite
                 && objective.absoluteTolerance >= 0 && objective.absoluteTolerance.isFinite) {
                problems.append(ModelProblem(location: .objective, message: "\(label): tolerances must be finite and ≥ 0"))
            }
        }
        return problems
    }
}

/// One thing wrong with a ``Model``, found before anything reached the solver.
public struct ModelProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public enum Location: Sendable, Hashable {
        /// The model as a whole.
        case model
        /// The objective function.
        case objective
        /// One variable (column), with its display name.
        case variable(Variable, name: String)
        /// One constraint (row), with its display name.
        case constraint(ConstraintRef, name: String)
    }

    /// Where the problem is.
    public var location: Location
    /// A plain sentence saying what is wrong.
    public var message: String

    /// Creates a problem report.
    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        switch location {
        case .model: return "model: \(message)"
        case .objective: return "objective: \(message)"
        case let .variable(v, name): return "variable \(name) (column \(v.index + 1)): \(message)"
        case let .constraint(c, name): return "constraint \(name) (row \(c.index + 1)): \(message)"
        }
    }
}

/// Why a model could not be solved, written or read. A solve that ends infeasible,
/// unbounded or stopped is not an error: it is a ``Solution`` with that status.
public enum LinearSolverError: Error, Sendable, CustomStringConvertible {
    /// The model has problems (all of them are listed); nothing was passed to GLPK.
    case invalidModel([ModelProblem])
    /// The solve options are unusable (for example a negative time limit).
    case invalidOptions(String)
    /// A model file could not be read: what kind of problem, where, and the reader's
    /// own words.
    case unreadableFile(path: String, diagnosis: ModelFileDiagnosis)
    /// A model file could not be written.
    case unwritableFile(path: String, message: String)
    /// The backend failed in a way that is not a property of the model.
    case backendFailure(String)
    /// The call was cancelled (its Swift task, or a progress callback that returned
    /// `false`): nothing is returned. The async entry points throw `CancellationError`.
    case cancelled

    public var description: String {
        switch self {
        case let .invalidModel(problems):
            let shown = problems.prefix(50).map { "  - \($0)" }.joined(separator: "\n")
            let more = problems.count > 50 ? "\n  … and \(problems.count - 50) more" : ""
            return "invalid model (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n\(shown)\(more)"
        case let .invalidOptions(message):
            return "invalid solve options: \(message)"
        case let .unreadableFile(path, message):
            return "cannot read model file \(path): \(message)"
        case let .unwritableFile(path, message):
            return "cannot write model file \(path): \(message)"
        case .cancelled:
            return "cancelled"
        case let .backendFailure(message):
            return "solver failure: \(message)"
        }
    }
}

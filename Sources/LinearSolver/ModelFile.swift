import CGLPK
import Logging

/// A file format for models that other solvers also read.
public enum ModelFileFormat: String, Sendable, Codable, CaseIterable {
    /// CPLEX LP format (human-readable).
    case lp
    /// Free (modern) MPS format.
    case mps

    /// The format implied by a file name's extension (`.lp`, `.mps`), if any.
    public init?(pathExtensionOf path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".lp") { self = .lp } else if lower.hasSuffix(".mps") { self = .mps } else { return nil }
    }
}

extension Model {
    /// Writes the model to `path` in CPLEX LP or free MPS format (GLPK's writers).
    ///
    /// - Throws: ``LinearSolverError/invalidModel(_:)`` when the model is invalid,
    ///   ``LinearSolverError/unwritableFile(path:message:)`` when GLPK cannot write.
    public func write(to path: String, format: ModelFileFormat,
                      logger: Logger = Logger(label: "EmergencyReserve.LinearSolver")) throws(LinearSolverError) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        let terminal = GLPKTerminal(logger: logger, level: .debug)
        let code: Int32 = terminal.capture {
            GLPKProblem.withProblem { lp in
                GLPKProblem.load(self, into: lp)
                switch format {
                case .lp: return glp_write_lp(lp, nil, path)
                case .mps: return glp_write_mps(lp, GLP_MPS_FILE, nil, path)
                }
            }
        }
        if code != 0 { throw .unwritableFile(path: path, message: terminal.errorText) }
    }

    /// Reads a model from a CPLEX LP or free MPS file (GLPK's readers).
    ///
    /// - Throws: ``LinearSolverError/unreadableFile(path:message:)`` with the reader's
    ///   own message (which names the line) when the file is missing or malformed.
    public static func read(from path: String, format: ModelFileFormat,
                            logger: Logger = Logger(label: "EmergencyReserve.LinearSolver")) throws(LinearSolverError) -> Model {
        let terminal = GLPKTerminal(logger: logger, level: .debug)
        let model: Model? = terminal.capture {
            GLPKProblem.withProblem { lp in
                let code: Int32
                switch format {
                case .lp: code = glp_read_lp(lp, nil, path)
                case .mps: code = glp_read_mps(lp, GLP_MPS_FILE, nil, path)
                }
                return code == 0 ? GLPKProblem.model(from: lp) : nil
            }
        }
        guard let model else { throw .unreadableFile(path: path, message: terminal.errorText) }
        return model
    }
}

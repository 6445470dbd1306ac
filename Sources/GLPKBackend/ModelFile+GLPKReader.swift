import CGLPK
import Foundation
import LinearSolver
import Logging

extension Model {
    /// Reads a model from a CPLEX LP or free MPS file (GLPK's readers).
    ///
    /// What the formats cannot carry is restored from the comments our writer leaves
    /// (``Model/write(to:format:logger:)``): the objective constant of an LP file, the
    /// sense of a maximisation written to MPS.
    ///
    /// - Throws: ``LinearSolverError/unreadableFile(path:diagnosis:)`` with the reader's
    ///   own message classified (missing file, bad line) when the file is missing or
    ///   malformed.
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
        guard var model else { throw .unreadableFile(path: path, diagnosis: ModelFileDiagnosis(readerLines: terminal.errorLines)) }
        ModelFileMarker.restore(&model, from: path, format: format)
        return model
    }

    /// Writes the model with GLPK's own writers (`glp_write_lp`, `glp_write_mps`), with
    /// the same MPS sense marker as ``Model/write(to:format:logger:)``. Only for the
    /// tests that prove the model module's writers byte-identical to GLPK's.
    package func writeWithGLPK(to path: String, format: ModelFileFormat) throws(LinearSolverError) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        var written = self
        let negated = format == .mps && objectiveSense == .maximize
        if negated {
            var minusF = objective
            minusF.scale(by: -1)
            written.setObjective(minusF, sense: .minimize)
        }
        let terminal = GLPKTerminal(logger: Logger(label: "EmergencyReserve.LinearSolver"), level: .debug)
        let code: Int32 = terminal.capture {
            GLPKProblem.withProblem { lp in
                GLPKProblem.load(written, into: lp)
                switch format {
                case .lp: return glp_write_lp(lp, nil, path)
                case .mps: return glp_write_mps(lp, GLP_MPS_FILE, nil, path)
                }
            }
        }
        if code != 0 { throw .unwritableFile(path: path, message: terminal.errorText) }
        if negated {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try (ModelFileMarker.negatedMaximize + "\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw .unwritableFile(path: path, message: "\(error)")
            }
        }
    }
}

extension ModelFileMarker {
    /// Restores the sense (MPS) and the objective constant (CPLEX LP, which carries it
    /// only as the comment `\* constant term = c *\`).
    static func restore(_ model: inout Model, from path: String, format: ModelFileFormat) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        switch format {
        case .mps:
            guard text.hasPrefix(negatedMaximize) else { return }
            var f = model.objective
            f.scale(by: -1)
            model.setObjective(f, sense: .maximize)
        case .lp:
            let prefix = lpConstantPrefix
            for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(200) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("*\\") else { continue }
                let number = trimmed.dropFirst(prefix.count).dropLast(2).trimmingCharacters(in: .whitespaces)
                if let value = Double(number), value.isFinite, model.objectiveConstant == 0 {
                    model.objectiveConstant = value
                }
                return
            }
        }
    }
}

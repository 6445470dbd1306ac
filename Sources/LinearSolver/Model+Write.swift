#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

extension Model {
    /// Writes the model to `path` in CPLEX LP or free MPS format.
    ///
    /// The files are byte for byte what GLPK's own writers (`glp_write_lp`,
    /// `glp_write_mps`) write for this model, without GLPK: see ``GLPKLayout`` and
    /// docs/linear-solver.md. Free MPS has no objective sense, so a maximisation is
    /// written as the minimisation of −f under a first comment line that GLPKBackend's
    /// `Model.read` turns back; other readers see an equivalent minimisation.
    ///
    /// - Throws: ``LinearSolverError/invalidModel(_:)`` when the model is invalid,
    ///   ``LinearSolverError/unwritableFile(path:message:)`` when the file cannot be
    ///   created or written.
    public func write(to path: String, format: ModelFileFormat,
                      logger: Logger = Logger(label: "EmergencyReserve.LinearSolver")) throws(LinearSolverError) {
        let clock = ContinuousClock()
        let started = clock.now
        let (bytes, lines) = try fileContentsAndLines(format: format)
        defer {
            logger.debug("wrote \(format.rawValue) model \(name) to \(path): \(lines) lines, \(bytes.count) bytes in \(started.duration(to: clock.now))",
                         metadata: ["code": "modelWritten", "format": "\(format.rawValue)", "model": "\(name)", "path": "\(path)", "lines": "\(lines)",
                                    "bytes": "\(bytes.count)", "ms": "\(started.duration(to: clock.now).logMilliseconds)"])
        }
        guard let file = fopen(path, "w") else {
            throw .unwritableFile(path: path, message: "Unable to create '\(path)' - \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let writeError = written != bytes.count || ferror(file) != 0 ? errno : 0
        let closeError = fclose(file) != 0 ? errno : 0
        if writeError != 0 || closeError != 0 {
            let message = String(cString: strerror(writeError != 0 ? writeError : closeError))
            throw .unwritableFile(path: path, message: "Write error on '\(path)' - \(message)")
        }
    }

    /// The bytes ``write(to:format:logger:)`` writes.
    ///
    /// - Throws: ``LinearSolverError/invalidModel(_:)`` when the model is invalid.
    public func fileContents(format: ModelFileFormat) throws(LinearSolverError) -> [UInt8] {
        try fileContentsAndLines(format: format).bytes
    }

    /// The file's bytes and its number of lines.
    func fileContentsAndLines(format: ModelFileFormat) throws(LinearSolverError) -> (bytes: [UInt8], lines: Int) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        switch format {
        case .lp:
            let (bytes, lines) = CPLEXLPWriter(layout: GLPKLayout(self)).write()
            return (bytes, lines)
        case .mps:
            guard objectiveSense == .maximize else {
                let (bytes, records) = FreeMPSWriter(layout: GLPKLayout(self)).write()
                return (bytes, records)
            }
            var negated = self
            negated.objectiveSense = .minimize
            negated.objectiveConstant = -objectiveConstant
            for k in negated.objectiveCoefficients.indices { negated.objectiveCoefficients[k] = -objectiveCoefficients[k] }
            let (bytes, records) = FreeMPSWriter(layout: GLPKLayout(negated)).write()
            return (Array((ModelFileMarker.negatedMaximize + "\n").utf8) + bytes, records + 1)
        }
    }
}

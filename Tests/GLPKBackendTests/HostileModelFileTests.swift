import Foundation
import Testing
import GLPKBackend
@testable import LinearSolver

/// Model files that declare more than they give (RELIABILITY.md, "Resource bounds").
/// The 10⁷-column versions are in scripts/hostile_inputs.py; these are the same
/// shapes at a size that runs in milliseconds.
@Suite struct HostileModelFileTests {
    func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("er-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// BOUNDS for columns that the COLUMNS section never gives: GLPK's reader stops at
    /// the first one with its line, and the process goes on.
    @Test func mpsBoundsForUndeclaredColumnsAreAnError() throws {
        var text = "NAME hostile\nROWS\n N obj\nCOLUMNS\nRHS\nBOUNDS\n"
        for k in 0..<1_000 { text += " UP BND x\(k) 1\n" }
        text += "ENDATA\n"
        let path = try write(text, "undeclared.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try Model.read(from: path, format: .mps)
        } throws: { error in
            guard case let LinearSolverError.unreadableFile(p, diagnosis) = error else { return false }
            return p == path && diagnosis.code == .badLine && diagnosis.line == 7 && diagnosis.readerText.contains(":7: column 'x0' not found")
        }
    }

    /// Columns with nothing but a zero objective entry are a valid (empty) model:
    /// read, counted, and solved to 0.
    @Test func mpsColumnsWithNoCoefficientsReadAsEmptyColumns() throws {
        var text = "NAME hostile\nROWS\n N obj\n L c1\nCOLUMNS\n"
        for k in 0..<10_000 { text += " x\(k) obj 0\n" }
        text += "RHS\n RHS c1 1\nENDATA\n"
        let path = try write(text, "empty-columns.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let model = try Model.read(from: path, format: .mps)
        #expect(model.variableCount == 10_000)
        #expect(model.constraintCount == 1)
        #expect(model.nonZeroCount == 0)
        #expect(model.validate().isEmpty)
        let solution = try GLPKSolver().solve(model)
        #expect(solution.objectiveValue == 0)
    }
}

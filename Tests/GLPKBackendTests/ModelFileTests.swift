import Foundation
import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

@Suite struct ModelFileTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("er-\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: ModelFileFormat.allCases)
    func roundTripKeepsOptimumAndNames(format: ModelFileFormat) throws {
        let (model, _, _, _) = TextbookLPTests.transport()
        let path = Self.temporaryPath("transp.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path, format: format)
        let back = try Model.read(from: path, format: format)
        #expect(back.variableCount == 6 && back.constraintCount == 5 && back.nonZeroCount == 12)
        // CPLEX LP names cannot hold brackets: GLPK's writer turns them into parentheses.
        let (variableName, rowName) = format == .lp ? ("x(1,2)", "demand(0)") : ("x[1,2]", "demand[0]")
        #expect(back.variable(named: variableName) != nil)
        #expect(back.constraint(named: rowName) != nil)
        let s = try GLPKSolver().solve(back)
        #expect(isApproximatelyEqual(s.objectiveValue!, 153.675, absolute: 1e-9))
    }

    @Test(arguments: ModelFileFormat.allCases)
    func roundTripKeepsIntegralityBoundsAndSense(format: ModelFileFormat) throws {
        var m = Model(name: "mixed")
        let x = m.addVariable(.integer, lowerBound: -3, upperBound: 7, name: "x")
        let y = m.addVariable(.binary, name: "y")
        let z = m.addVariable(lowerBound: -.infinity, upperBound: 4, name: "z")
        m.maximize(2 * x + 3 * y + z + 1.5)
        m.addConstraint(x + y + z, in: -2...6.5, name: "range")
        m.addConstraint(x - z >= -1, name: "lower")
        let before = try GLPKSolver().solve(m)
        let path = Self.temporaryPath("mixed.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try m.write(to: path, format: format)
        let back = try Model.read(from: path, format: format)
        // CPLEX LP writes a range row as an equality with a bounded slack column.
        let columns = format == .lp ? 4 : 3
        #expect(back.variableCount == columns)
        #expect(Array(back.columnKinds.prefix(3)) == [.integer, .binary, .continuous] || format == .lp)
        let bx = try #require(back.variable(named: "x")), by = try #require(back.variable(named: "y")), bz = try #require(back.variable(named: "z"))
        #expect(back.columnKinds[Int(bx.index)] == .integer && back.columnKinds[Int(by.index)] == .binary)
        #expect(back.columnLower[Int(bx.index)] == -3 && back.columnUpper[Int(bx.index)] == 7)
        #expect(back.columnLower[Int(bz.index)] == -.infinity && back.columnUpper[Int(bz.index)] == 4)
        #expect(back.objectiveSense == .maximize)
        #expect(back.objectiveConstant == 1.5)
        let after = try GLPKSolver().solve(back)
        #expect(before.status == .optimal && after.status == .optimal)
        // By hand: 2x + 3y + z = x + (x + y + z) + 2y ≤ x + 6.5 + 2y ≤ 7 + 6.5 + 2, reached
        // at x = 7, y = 1, z = −1.5 (z ≤ x + 1 holds): 15.5 + 1.5 = 17.
        #expect(isApproximatelyEqual(before.objectiveValue!, 17))
        #expect(isApproximatelyEqual(after.objectiveValue!, 17))
        #expect(isApproximatelyEqual(before.values[0], after[bx]!) && isApproximatelyEqual(before.values[2], after[bz]!))
    }

    @Test func malformedFileGivesTheReadersMessageWithLine() throws {
        let path = Self.temporaryPath("bad.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "Minimize\n obj: x + y\nSubject To\n c1: x + + <= 3\nEnd\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try Model.read(from: path, format: .lp)
        } throws: { error in
            guard case let LinearSolverError.unreadableFile(p, diagnosis) = error else { return false }
            return p == path && diagnosis.code == .badLine && diagnosis.line == 4 && diagnosis.readerText.contains(":4:")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: LinearSolverError.self) { _ = try Model.read(from: "/nonexistent/model.mps", format: .mps) }
    }

    @Test func invalidModelIsNotWritten() {
        var m = Model()
        let x = m.addVariable(lowerBound: 5, upperBound: 1)
        m.minimize(LinearExpression(x))
        let path = Self.temporaryPath("never.lp")
        #expect(throws: LinearSolverError.self) { try m.write(to: path, format: .lp) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

import Testing
import TestSupport
@testable import LinearSolver

/// The model module writes LP and MPS files by itself, without GLPK; the bytes are
/// GLPK's (the fixtures are GLPK's own output, which GLPKBackendTests re-checks, and
/// 300 random models are compared with GLPK's writers there).
@Suite struct ModelFileWriterTests {
    func text(_ model: Model, _ format: ModelFileFormat) throws -> String {
        String(decoding: try model.fileContents(format: format), as: UTF8.self)
    }

    @Test func showcaseLP() throws {
        #expect(try text(ModelFixtures.showcase(), .lp) == ModelFixtures.showcaseLP + "\n")
    }

    @Test func showcaseMPS() throws {
        #expect(try text(ModelFixtures.showcase(), .mps) == ModelFixtures.showcaseMPS + "\n")
    }

    /// Free MPS has no sense: max 2x + 1 is written as min −2x − 1 under a marker line.
    @Test func maximisationIsNegatedInMPS() throws {
        var m = Model(name: "max")
        let x = m.addVariable(upperBound: 4, name: "x")
        m.maximize(2 * x + 1)
        m.addConstraint(x <= 3, name: "cap")
        let lines = try text(m, .mps).split(separator: "\n").map(String.init)
        #expect(lines.first == ModelFileMarker.negatedMaximize)
        #expect(lines.contains(" x R0000000 -2 cap 1"))
        #expect(lines.contains(" RHS1 R0000000 -1 cap 3"))
        // The LP format has a sense of its own.
        #expect(try text(m, .lp).hasPrefix("\\* Problem: max *\\\n\nMaximize\n obj: + 2 x\n\\* constant term = 1 *\\\n"))
    }

    /// GLPK's `mps_numb`: at most 12 characters, exponents without sign or zeros.
    @Test func mpsNumbers() {
        #expect(FreeMPSWriter.number(1) == "1")
        #expect(FreeMPSWriter.number(0.5) == "0.5")
        #expect(FreeMPSWriter.number(1.0 / 3) == "0.3333333333")
        #expect(FreeMPSWriter.number(0.0012) == "1.2000000E-3")
        #expect(FreeMPSWriter.number(-2.5e-4) == "-2.500000E-4")
        #expect(FreeMPSWriter.number(1e12) == "1E12")
        // 12 to 9 digits need 13 or more characters (1.23456789E14); 8 fit.
        #expect(FreeMPSWriter.number(123456789012345) == "1.2345679E14")
        #expect(FreeMPSWriter.number(12345678.9) == "12345678.9")
    }

    /// A long row wraps before 72 bytes, as GLPK's writer does.
    @Test func longRowsWrapAt72Bytes() throws {
        var m = Model(name: "wrap")
        let x = (0..<12).map { m.addVariable(name: "ship_to_area_\($0)") }
        m.minimize(sum(x))
        m.addConstraint(sum(x) >= 1, name: "cover")
        let lines = try text(m, .lp).split(separator: "\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 72 })
        #expect(lines.contains(" cover: + ship_to_area_11 + ship_to_area_10 + ship_to_area_9"))
    }

    @Test func invalidModelsAreNotWritten() {
        var m = Model()
        m.addVariable(lowerBound: 3, upperBound: 1)
        #expect(throws: LinearSolverError.self) { try m.fileContents(format: .lp) }
        #expect(throws: LinearSolverError.self) { try m.write(to: "/tmp/never-written.lp", format: .lp) }
    }
}

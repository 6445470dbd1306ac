import Testing
@testable import LinearSolver

/// `Model.namesOnCreation` off: names are dropped and their strings never built.
@Suite struct NamesOnCreationTests {
    @Test func namesAreDroppedAndNeverEvaluated() throws {
        var evaluated = 0
        func label(_ text: String) -> String { evaluated += 1; return text }
        var m = Model(name: "quiet", namesOnCreation: false)
        let x = m.addVariable(name: label("x"))
        let ys = m.addVariables(count: 2, name: { label("y\($0)") })
        m.addConstraint(x + ys[0] >= 1, name: label("row"))
        m.addConstraint(x + ys[1], in: 0...2, name: label("range"))
        #expect(evaluated == 0)
        #expect(m.columnNames == ["", "", ""] && m.rowNames == ["", ""])
        #expect(m.name(of: x) == "x1" && m.name(of: ConstraintRef(index: 1)) == "r2")
        // Switched on, later rows and columns keep their names; earlier ones stay unnamed.
        m.namesOnCreation = true
        let z = m.addVariable(name: label("z"))
        m.addConstraint(z <= 4, name: label("cap"))
        #expect(evaluated == 2)
        #expect(m.columnNames == ["", "", "", "z"] && m.rowNames == ["", "", "cap"])
        // Unnamed rows and columns get GLPK's names in files.
        let lp = String(decoding: try m.fileContents(format: .lp), as: UTF8.self)
        #expect(lp.contains(" r_1: + x_2 + x_1 >= 1\n"))
        #expect(lp.contains(" cap: + z <= 4\n"))
    }

    @Test func defaultKeepsNames() {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(x >= 1, name: "lower")
        #expect(m.namesOnCreation)
        #expect(m.columnNames == ["x"] && m.rowNames == ["lower"])
    }
}

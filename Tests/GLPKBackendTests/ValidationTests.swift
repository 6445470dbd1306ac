import Testing
@testable import GLPKBackend
@testable import LinearSolver

/// Every invalid input is refused in Swift with a readable message; none reaches
/// GLPK (which would abort the process, so merely finishing these tests proves it).
@Suite struct ValidationTests {
    func problems(of model: Model) -> [ModelProblem] {
        do {
            _ = try GLPKSolver().solve(model)
            return []
        } catch {
            guard case let .invalidModel(problems) = error else { return [] }
            return problems
        }
    }

    @Test func emptyModel() {
        let p = problems(of: Model())
        #expect(p.count == 1)
        #expect(p.first?.description == "model: the model has no variables")
    }

    @Test func badBoundsAreAllReportedAtOnce() {
        var m = Model()
        m.addVariable(lowerBound: 3, upperBound: 1, name: "crossed")
        m.addVariable(lowerBound: .nan, name: "nanLower")
        m.addVariable(lowerBound: .infinity, name: "infLower")
        m.addVariable(lowerBound: -.infinity, upperBound: -.infinity, name: "minusInfUpper")
        m.addVariable(.binary, lowerBound: 0, upperBound: 2, name: "wideBinary")
        m.addVariable(.integer, lowerBound: 0.2, upperBound: 0.8, name: "noInteger")
        m.addVariable(objective: .nan, name: "nanObjective")
        let p = problems(of: m).map(\.description)
        #expect(p.contains("variable crossed (column 1): lower bound 3.0 is greater than upper bound 1.0"))
        #expect(p.contains("variable nanLower (column 2): lower bound is NaN"))
        #expect(p.contains("variable infLower (column 3): lower bound is +infinity"))
        #expect(p.contains("variable minusInfUpper (column 4): upper bound is -infinity"))
        #expect(p.contains("variable wideBinary (column 5): is binary but its bounds [0.0, 2.0] are not inside [0, 1]"))
        #expect(p.contains("variable noInteger (column 6): is integer but no integer lies between its bounds [0.2, 0.8]"))
        #expect(p.contains("variable nanObjective (column 7): objective coefficient is nan"))
        #expect(p.count == 7)
    }

    @Test func badRows() {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(Double.nan * x <= 1, name: "nanCoefficient")
        m.addConstraint(Double.infinity * x <= 1, name: "infCoefficient")
        m.addConstraint(x + Variable(index: 41) <= 1, name: "unknownVariable")
        m.addConstraint(LinearExpression(x), lower: 2, upper: 1, name: "crossedRow")
        m.addConstraint(x <= .nan, name: "nanRhs")
        m.addConstraint(LinearExpression(x), lower: .infinity, upper: .infinity, name: "infiniteRow")
        let p = problems(of: m).map(\.description)
        #expect(p.contains("constraint nanCoefficient (row 1): coefficient of x is nan"))
        #expect(p.contains("constraint infCoefficient (row 2): coefficient of x is inf"))
        #expect(p.contains("constraint unknownVariable (row 3): refers to variable 42, which does not exist (the model has 1)"))
        #expect(p.contains("constraint crossedRow (row 4): lower bound 2.0 is greater than upper bound 1.0"))
        #expect(p.contains("constraint nanRhs (row 5): upper bound is NaN"))
        #expect(p.contains("constraint infiniteRow (row 6): lower bound is +infinity"))
    }

    @Test func objectiveProblems() {
        var m = Model()
        let x = m.addVariable()
        m.minimize(x + Variable(index: 7) + Double.infinity)
        let p = problems(of: m).map(\.description)
        #expect(p.contains("objective: the objective constant is inf"))
        #expect(p.contains("objective: refers to variable 8, which does not exist (the model has 1)"))
    }

    @Test func namesGLPKWouldAbortOn() {
        var m = Model(name: "ok")
        m.addVariable(name: String(repeating: "n", count: 256))
        m.addVariable(name: "tab\there")
        let x = m.addVariable(name: "fine")
        m.addConstraint(x <= 1, name: "line\nbreak")
        let p = problems(of: m).map(\.description)
        #expect(p.contains { $0.hasSuffix("name is 256 bytes long (at most 255)") })
        #expect(p.contains("variable tab\there (column 2): name contains a control character"))
        #expect(p.contains { $0.hasPrefix("constraint line\nbreak (row 1)") && $0.hasSuffix("name contains a control character") })
    }

    @Test func badOptions() {
        var m = Model()
        let x = m.addVariable(upperBound: 1)
        m.minimize(LinearExpression(x))
        #expect(throws: LinearSolverError.self) {
            _ = try GLPKSolver(options: SolveOptions(timeLimit: .seconds(-1))).solve(m)
        }
        #expect(throws: LinearSolverError.self) {
            _ = try GLPKSolver(options: SolveOptions(relativeMIPGap: .nan)).solve(m)
        }
    }

    @Test func errorDescriptionListsEveryProblem() {
        var m = Model()
        m.addVariable(lowerBound: 2, upperBound: 1)
        m.addVariable(lowerBound: .nan)
        let error = LinearSolverError.invalidModel(m.validate())
        #expect(error.description.hasPrefix("invalid model (2 problems):"))
    }
}

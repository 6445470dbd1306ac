import Testing
import TestSupport
@testable import LinearSolver

/// Models built, inspected and solved without GLPK: the reference solver (vertex
/// enumeration) and the recording solver stand in for it behind `LinearProgramSolver`.
@Suite struct SolverSeamTests {
    /// Hillier & Lieberman's Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18,
    /// x, y ≥ 0. The optimum is at the corner of 2y = 12 and 3x + 2y = 18: (2, 6), 36.
    func wyndor() -> (Model, Variable, Variable) {
        var m = Model(name: "wyndor")
        let x = m.addVariable(name: "doors"), y = m.addVariable(name: "windows")
        m.maximize(3 * x + 5 * y)
        m.addConstraint(x <= 4, name: "plant1")
        m.addConstraint(2 * y <= 12, name: "plant2")
        m.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
        return (m, x, y)
    }

    @Test func buildInspectAndSolveWithoutGLPK() throws {
        let (m, x, y) = wyndor()
        #expect(m.variableCount == 2 && m.constraintCount == 3 && m.nonZeroCount == 4)
        #expect(m.rowNames == ["plant1", "plant2", "plant3"])
        let plant3 = try #require(m.constraint(named: "plant3"))
        let terms = m.terms(of: plant3)
        #expect(Array(terms.indices) == [x.index, y.index] && Array(terms.coefficients) == [3, 2])
        #expect(m.rowUpper[Int(plant3.index)] == 18 && m.rowLower[Int(plant3.index)] == -.infinity)
        #expect(m.validate().isEmpty)
        #expect(m.isFeasible([2, 6]))
        #expect(!m.isFeasible([4, 6]))   // 3·4 + 2·6 = 24 > 18
        let s = try VertexEnumerationSolver().solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 36))
        #expect(isApproximatelyEqual(s[x]!, 2) && isApproximatelyEqual(s[y]!, 6))
        #expect(isApproximatelyEqual(s.activity(plant3)!, 18))
    }

    /// min −x over x ≥ 0 is unbounded; x ≥ 3 with x ≤ 1 as rows is infeasible;
    /// min x + y with x free, y ≥ −2 and x − y = 1: x + y = 1 + 2y is smallest at
    /// y = −2, so the optimum is (−1, −2) with value −3.
    @Test func referenceSolverStatuses() throws {
        var unbounded = Model()
        let u = unbounded.addVariable()
        unbounded.minimize(-1 * u)
        #expect(try VertexEnumerationSolver().solve(unbounded).status == .unbounded)

        var infeasible = Model()
        let v = infeasible.addVariable(lowerBound: -.infinity)
        infeasible.addConstraint(v >= 3)
        infeasible.addConstraint(v <= 1)
        #expect(try VertexEnumerationSolver().solve(infeasible).status == .infeasible)

        var free = Model()
        let x = free.addVariable(lowerBound: -.infinity), y = free.addVariable(lowerBound: -2)
        free.minimize(x + y)
        free.addConstraint(x - y == 1)
        let s = try VertexEnumerationSolver().solve(free)
        #expect(s.status == .optimal && isApproximatelyEqual(s.objectiveValue!, -3))
        #expect(isApproximatelyEqual(s[x]!, -1) && isApproximatelyEqual(s[y]!, -2))

        var mip = Model()
        mip.addVariable(.binary)
        #expect(throws: LinearSolverError.self) { try VertexEnumerationSolver().solve(mip) }
    }

    /// The protocol's default lexicographic solve adds one objective row per solved
    /// level. x, y ≥ 0, x + y ≥ 2: level 1 min x + y = 2 (any split), level 2 min x
    /// among those: (0, 2); the recorder sees the second model with the row
    /// x + y ≤ 2 + 2·1e-6 + 1e-9.
    @Test func defaultLexicographicAddsObjectiveRows() throws {
        var m = Model(name: "levels")
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(x + y >= 2, name: "cover")
        let levels = [LexicographicObjective(.minimize, x + y, name: "total"),
                      LexicographicObjective(.minimize, LinearExpression(x), name: "x")]
        let recorder = RecordingSolver(forwardingTo: VertexEnumerationSolver())
        let solutions = try recorder.solve(m, lexicographic: levels)
        #expect(solutions.count == 2)
        #expect(isApproximatelyEqual(solutions[0].objectiveValue!, 2))
        #expect(isApproximatelyEqual(solutions[1].objectiveValue!, 0))
        #expect(isApproximatelyEqual(solutions[1][y]!, 2))
        #expect(solutions[1].rowActivities.count == 1)   // the model's own rows only
        let models = recorder.models
        #expect(models.count == 2)
        #expect(models[0].constraintCount == 1 && models[1].constraintCount == 2)
        #expect(models[1].rowNames == ["cover", "level1"])
        #expect(models[1].rowUpper[1] == 2 + (2 * 1e-6 + 1e-9) && models[1].rowLower[1] == -.infinity)
        #expect(models[1].objectiveCoefficients == [1, 0])
    }

    /// A level that ends without an optimum stops the sequence and is the last result.
    @Test func lexicographicStopsAtAFailedLevel() throws {
        var m = Model()
        let x = m.addVariable()
        let recorder = RecordingSolver(returning: Solution(status: .infeasible))
        let solutions = try recorder.solve(m, lexicographic: [LexicographicObjective(.minimize, LinearExpression(x), name: "a"),
                                                             LexicographicObjective(.minimize, -1 * x, name: "b")])
        #expect(solutions.map(\.status) == [.infeasible])
        #expect(recorder.models.count == 1)
        #expect(throws: LinearSolverError.self) { try recorder.solve(m, lexicographic: []) }
    }

    /// The default warm start checks the start's length, then ignores it.
    @Test func defaultWarmStart() throws {
        let (m, _, _) = wyndor()
        let recorder = RecordingSolver(forwardingTo: VertexEnumerationSolver())
        #expect(throws: LinearSolverError.self) { try recorder.solve(m, warmStart: [1]) }
        #expect(recorder.models.isEmpty)
        #expect(isApproximatelyEqual(try recorder.solve(m, warmStart: [0, 0]).objectiveValue!, 36))
    }

    /// Solvers are used through the protocol, so callers can take any of them.
    @Test func genericCaller() throws {
        func optimum(_ model: Model, _ solver: some LinearProgramSolver) throws -> Double? {
            try solver.solve(model).objectiveValue
        }
        let (m, _, _) = wyndor()
        let canned = RecordingSolver(returning: Solution(status: .optimal, objectiveValue: 99))
        #expect(try optimum(m, canned) == 99)
        #expect(isApproximatelyEqual(try optimum(m, VertexEnumerationSolver())!, 36))
    }
}

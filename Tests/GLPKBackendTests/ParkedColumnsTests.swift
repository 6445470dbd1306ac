import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// ``LexicographicObjective/parkedColumns`` is a hint for speed: parked or not, every
/// level has the same optimum, also when the hint is wrong.
@Suite struct ParkedColumnsTests {
    /// Stock 6 at one depot, need 10: on time x, late twin l, shortfall by the deadline
    /// u and by the horizon z. Level 1 (min u; x + u ≥ 10, x + l ≤ 6) gives u = 4 with
    /// x = 6, so the stock is gone and l = 0: level 2 (min z + 0.5 l; x + l + z ≥ 10)
    /// is z = 4. Parking the late twin, which cannot lower u, changes neither level.
    @Test(arguments: [LPAlgorithm.dualSimplex, .primalSimplex])
    func parkingALateTwinChangesNothing(algorithm: LPAlgorithm) throws {
        var m = Model()
        let x = m.addVariable(name: "x"), l = m.addVariable(name: "l")
        let u = m.addVariable(name: "u"), z = m.addVariable(name: "z")
        m.addConstraint(x + u >= 10, name: "cover by deadline")
        m.addConstraint(x + l + z >= 10, name: "cover by horizon")
        m.addConstraint(x + l <= 6, name: "stock")
        func levels(parking: [Variable]) -> [LexicographicObjective] {
            [LexicographicObjective(.minimize, LinearExpression(u), name: "short by deadline", parking: parking),
             LexicographicObjective(.minimize, z + 0.5 * l, name: "short by horizon")]
        }
        let solver = GLPKSolver(options: SolveOptions(algorithm: algorithm))
        for parking in [[], [l]] {
            let result = try solver.solve(m, lexicographic: levels(parking: parking))
            #expect(result.map(\.status) == [.optimal, .optimal])
            #expect(result.map(\.objectiveValue) == [4, 4])
            #expect(result[1].values == [6, 0, 4, 4])
        }
    }

    /// The hint wrong: the near source a (≤ 4) and the far one b (≤ 10) both cover the
    /// need of 10 (a + b + short ≥ 10), so parking them leaves short = 10 while they
    /// are held. Released, their reduced costs (−1) would lower the shortfall, and the
    /// primal simplex carries on to the true optimum: short = 0, then cost a + 5b = 34
    /// with a = 4, b = 6 (as in LexicographicTests.shortfallThenCost).
    @Test(arguments: [LPAlgorithm.dualSimplex, .primalSimplex])
    func aParkedColumnThatHelpsIsUsedAfterAll(algorithm: LPAlgorithm) throws {
        var m = Model()
        let a = m.addVariable(upperBound: 4, name: "a"), b = m.addVariable(upperBound: 10, name: "b")
        let short = m.addVariable(name: "short")
        m.addConstraint(a + b + short >= 10, name: "need")
        for parking in [[a], [b], [a, b]] {
            let result = try GLPKSolver(options: SolveOptions(algorithm: algorithm)).solve(m, lexicographic: [
                LexicographicObjective(.minimize, LinearExpression(short), name: "shortfall", parking: parking),
                LexicographicObjective(.minimize, 1 * a + 5 * b, name: "cost"),
            ])
            #expect(result.map(\.objectiveValue) == [0, 34], "parking \(parking)")
            #expect(result[1].values == [4, 6, 0], "parking \(parking)")
        }
    }

    /// Maximising: max a + 2b with a + b ≤ 5, b ≤ 3 is 8 (a = 2, b = 3). Parked, b is
    /// held at 0 (a = 5, value 5); released, its reduced cost +1 improves a maximum.
    @Test func aHelpfulColumnIsUsedWhenMaximising() throws {
        var m = Model()
        let a = m.addVariable(name: "a"), b = m.addVariable(upperBound: 3, name: "b")
        m.addConstraint(a + b <= 5)
        let result = try GLPKSolver().solve(m, lexicographic: [
            LexicographicObjective(.maximize, a + 2 * b, name: "value", parking: [b]),
        ])
        #expect(result.map(\.objectiveValue) == [8])
        #expect(result[0].values == [2, 3])
    }

    /// Held at its lower bound 0, a can make the LP infeasible (a ≥ 2 by a row): the LP
    /// is then solved whole. The free column f has no lower bound to hold it at and is
    /// not held. min a + f with a ≥ 2 and f ≥ −3 is 2 − 3 = −1.
    @Test func infeasibleWhileHeldOrFreeColumnsAreSolvedWhole() throws {
        var m = Model()
        let a = m.addVariable(name: "a"), f = m.addVariable(lowerBound: -.infinity, name: "f")
        m.addConstraint(1 * a >= 2, name: "a at least 2")
        m.addConstraint(1 * f >= -3, name: "f at least -3")
        let result = try GLPKSolver().solve(m, lexicographic: [
            LexicographicObjective(.minimize, a + f, name: "sum", parking: [a, f]),
        ])
        #expect(result.map(\.status) == [.optimal])
        #expect(result.map(\.objectiveValue) == [-1])
        #expect(result[0].values == [2, -3])
    }

    @Test func parkingAColumnTheModelDoesNotHaveIsRefused() {
        var m = Model()
        let a = m.addVariable(name: "a")
        m.addConstraint(1 * a >= 1)
        #expect(throws: LinearSolverError.self) {
            try GLPKSolver().solve(m, lexicographic: [
                LexicographicObjective(.minimize, LinearExpression(a), name: "a", parking: [Variable(index: 7)]),
            ])
        }
        let problems = m.validate([LexicographicObjective(.minimize, LinearExpression(a), name: "a", parking: [Variable(index: 7)])])
        #expect(problems.map(\.message) == ["level 1 (a): parks variable 8, which does not exist (the model has 1)"])
    }
}

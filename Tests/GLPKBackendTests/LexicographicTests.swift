import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

@Suite struct LexicographicTests {
    /// Two sources, one sink needing 10: the near source A (cost 1) holds 4, the far
    /// source B (cost 5) holds 10 but only 3 of it can arrive on time (say). Level 1
    /// (min shortfall) forces 10 units; level 2 (min cost) then takes all 4 from A and
    /// 6 from B: cost 4 + 30 = 34. Cost first would ship nothing.
    @Test(arguments: [LPAlgorithm.dualSimplex, .primalSimplex, .interiorPoint])
    func shortfallThenCost(algorithm: LPAlgorithm) throws {
        var m = Model()
        let a = m.addVariable(upperBound: 4, name: "a"), b = m.addVariable(upperBound: 10, name: "b")
        let short = m.addVariable(name: "short")
        m.addConstraint(a + b + short >= 10, name: "need")
        let levels = [
            LexicographicObjective(.minimize, LinearExpression(short), name: "shortfall"),
            LexicographicObjective(.minimize, 1 * a + 5 * b, name: "cost"),
        ]
        let result = try GLPKSolver(options: SolveOptions(algorithm: algorithm)).solve(m, lexicographic: levels)
        #expect(result.count == 2)
        #expect(result.allSatisfy { $0.status == .optimal })
        #expect(isApproximatelyEqual(result[0].objectiveValue!, 0))
        #expect(isApproximatelyEqual(result[1].objectiveValue!, 34))
        #expect(isApproximatelyEqual(result[1][a]!, 4) && isApproximatelyEqual(result[1][b]!, 6))
        // The single-objective cost minimum ships nothing: the order matters.
        var costFirst = m
        costFirst.minimize(1 * a + 5 * b)
        let s = try GLPKSolver().solve(costFirst)
        #expect(isApproximatelyEqual(s[short]!, 10))
        #expect(result[1].rowDuals.count == m.constraintCount)
    }

    /// A later MIP level starts from the level before's point, which meets the row
    /// holding that level: stopped after its root node, it still has an answer.
    /// Level 1 (max z, a lone binary) is whole at the root: z = 1, x = y = 0. Level 2
    /// (max 3x + 5y ≤ 37, x and y whole) has a fractional root (y = 7.4, say); its
    /// optimum is 37 (x = 4, y = 5 or x = 9, y = 2). Stopped at the next node, GLPK's
    /// own search has no point to give (`--integer-vehicles` on Suzhou searched 600 s
    /// without one); started from level 1's point it has at least that one (value 0).
    @Test func laterMIPLevelStartsFromTheLevelBefore() throws {
        var m = Model()
        let z = m.addVariable(.binary)
        let x = m.addVariable(.integer, upperBound: 100), y = m.addVariable(.integer, upperBound: 100)
        m.addConstraint(3 * x + 5 * y <= 37)
        let levels = [
            LexicographicObjective(.maximize, LinearExpression(z), name: "z"),
            LexicographicObjective(.maximize, 3 * x + 5 * y, name: "fill"),
        ]
        var options = SolveOptions()
        options.nodeLimit = 2 // the root, then stop at the next node selected
        let stopped = try GLPKSolver(options: options).solve(m, lexicographic: levels)
        #expect(stopped.map(\.status.hasSolution) == [true, true])
        #expect(stopped[1].values.first == 1)
        let fill = stopped[1].values.count == 3 ? 3 * stopped[1].values[1] + 5 * stopped[1].values[2] : -1
        #expect(stopped[1].objectiveValue == fill && (0...37).contains(fill))
        let whole = try GLPKSolver().solve(m, lexicographic: levels)
        #expect(whole.map(\.objectiveValue) == [1, 37])
        #expect(3 * whole[1].values[1] + 5 * whole[1].values[2] == 37)
    }

    @Test func mixedIntegerLevelsAndMaximise() throws {
        // Level 1: max number of items (binary) with weight ≤ 10; level 2: min weight.
        // Weights 3, 4, 5, 6: at most 2 items fit in 10 only as 3+4, 3+5, 3+6 or 4+5 … and
        // 3+4 = 7 is the lightest pair; 3 items need ≥ 12.
        var m = Model()
        let w = [3.0, 4, 5, 6]
        let take = m.addVariables(count: 4, .binary)
        m.addConstraint(sum(0..<4) { w[$0] * take[$0] } <= 10)
        let result = try GLPKSolver().solve(m, lexicographic: [
            LexicographicObjective(.maximize, sum(take), name: "count"),
            LexicographicObjective(.minimize, sum(0..<4) { w[$0] * take[$0] }, name: "weight"),
        ])
        #expect(result.map(\.objectiveValue) == [2, 7])
        #expect(result[1].values == [1, 1, 0, 0])
    }

    @Test func stopsAtAnInfeasibleLevel() throws {
        var m = Model()
        let x = m.addVariable(upperBound: 1)
        m.addConstraint(x >= 2)
        let result = try GLPKSolver().solve(m, lexicographic: [
            LexicographicObjective(.minimize, LinearExpression(x), name: "one"),
            LexicographicObjective(.minimize, -1 * x, name: "two"),
        ])
        #expect(result.count == 1 && result[0].status == .infeasible)
    }

    @Test func invalidLevelIsRefused() {
        var m = Model()
        let x = m.addVariable()
        #expect(throws: LinearSolverError.self) {
            _ = try GLPKSolver().solve(m, lexicographic: [LexicographicObjective(.minimize, Double.nan * x, name: "bad")])
        }
        #expect(throws: LinearSolverError.self) { _ = try GLPKSolver().solve(m, lexicographic: []) }
        m.addConstraint(x <= 1)
    }

    /// A MIP too large to load before its deadline is not loaded (GLPKLoadCost): each
    /// level answers with the caller's first point, `feasible`, and no iterations. The
    /// model: 250 integer columns in [0, 10] under 250 rows Σ x ≤ 1000 + i (62,500
    /// non-zeros, above the guarded size); level 1 maximises Σ x, whose optimum is 1000
    /// (the first row), level 2 minimises x₀. The first point is all zeros (0 and 0).
    @Test func aLoadThatCannotEndBeforeTheDeadlineAnswersWithTheFirstPoint() throws {
        var m = Model()
        let x = (0..<250).map { m.addVariable(.integer, upperBound: 10, name: "x\($0)") }
        var total = LinearExpression()
        for v in x { total += v }
        for i in 0..<250 { m.addConstraint(total <= Double(1000 + i), name: "r\(i)") }
        #expect(m.nonZeroCount == 62_500)
        let levels = [LexicographicObjective(.maximize, total, name: "count"),
                      LexicographicObjective(.minimize, LinearExpression(x[0]), name: "first")]
        let zeros = [Double](repeating: 0, count: 250)

        let late = GLPKSolver(options: SolveOptions(deadline: ContinuousClock.now - .seconds(1)))
        let stopped = try late.solve(m, lexicographic: levels, startingFrom: nil, incumbent: zeros).solutions
        #expect(stopped.map(\.status) == [.feasible, .feasible])
        #expect(stopped.map(\.objectiveValue) == [0, 0])
        #expect(stopped.allSatisfy { $0.values == zeros && $0.iterations == 0 && $0.rowActivities == [Double](repeating: 0, count: 250) })

        // Without a first point there is nothing to answer with.
        let none = try late.solve(m, lexicographic: levels, startingFrom: nil).solutions
        #expect(none.map(\.status) == [.noSolutionFound])

        // With time, the same call solves: 1000 units, none of them x₀.
        let solved = try GLPKSolver().solve(m, lexicographic: levels, startingFrom: nil, incumbent: zeros).solutions
        #expect(solved.map(\.status) == [.optimal, .optimal])
        #expect(isApproximatelyEqual(solved[0].objectiveValue!, 1000) && isApproximatelyEqual(solved[1].objectiveValue!, 0))
    }
}

import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// Linear programs whose optimum and duals are known from the literature or worked
/// out by hand (the working is in the comments).
@Suite struct TextbookLPTests {
    /// Dantzig's transportation problem as in GLPK's examples/transp.mod.
    /// Optimum 153.675 (thousand dollars). Duals by hand: the basis is {SEA→NY,
    /// SEA→CHI, SD→NY, SD→TOP, slack(SD supply)}; slack(SD) basic ⇒ u_SD = 0;
    /// SD→NY ⇒ v_NY = 0.225; SD→TOP ⇒ v_TOP = 0.126; SEA→NY ⇒ u_SEA = 0;
    /// SEA→CHI ⇒ v_CHI = 0.153.
    static func transport() -> (Model, ship: [[Variable]], supply: [ConstraintRef], demand: [ConstraintRef]) {
        let supplyOf = [350.0, 600.0]
        let demandOf = [325.0, 300.0, 275.0]
        let distance = [[2.5, 1.7, 1.8], [2.5, 1.8, 1.4]]
        var m = Model(name: "transp")
        let ship = (0..<2).map { i in (0..<3).map { j in m.addVariable(name: "x[\(i),\(j)]") } }
        m.minimize(sum(0..<2) { i in sum(0..<3) { j in 90 * distance[i][j] / 1000 * ship[i][j] } })
        let supply = (0..<2).map { i in m.addConstraint(sum(ship[i]) <= supplyOf[i], name: "supply[\(i)]") }
        let demand = (0..<3).map { j in m.addConstraint(sum(0..<2) { ship[$0][j] } >= demandOf[j], name: "demand[\(j)]") }
        return (m, ship, supply, demand)
    }

    @Test(arguments: LPAlgorithm.allCases, [true, false])
    func dantzigTransportation(algorithm: LPAlgorithm, presolve: Bool) throws {
        let (model, ship, supply, demand) = Self.transport()
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve, algorithm: algorithm)).solve(model)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 153.675, absolute: 1e-6))
        // Every demand met exactly, no supply exceeded (the optimum is not unique:
        // Seattle's slack has reduced cost 0, so NY can be served from either plant).
        for j in 0..<3 {
            #expect(isApproximatelyEqual(s[ship[0][j]]! + s[ship[1][j]]!, [325.0, 300, 275][j], absolute: 1e-5))
        }
        #expect(s.values.allSatisfy { $0 >= -1e-7 })
        if algorithm != .interiorPoint {
            // The simplex vertex: SEA→NY 50, SEA→CHI 300, SD→NY 275, SD→TOP 275 (as in
            // GLPK's transp.mod output).
            let expected = [[50.0, 300, 0], [275, 0, 275]]
            for i in 0..<2 { for j in 0..<3 { #expect(isApproximatelyEqual(s[ship[i][j]]!, expected[i][j], absolute: 1e-5)) } }
        }
        let expectedDemandDuals = [0.225, 0.153, 0.126]
        for j in 0..<3 { #expect(isApproximatelyEqual(s.dual(demand[j])!, expectedDemandDuals[j], absolute: 1e-6)) }
        for i in 0..<2 { #expect(isApproximatelyEqual(s.dual(supply[i])!, 0, absolute: 1e-6)) }
        // Reduced cost of SEA→TOP: 0.162 - 0 - 0.126 = 0.036; SD→CHI: 0.162 - 0.153 = 0.009.
        #expect(isApproximatelyEqual(s.reducedCost(ship[0][2])!, 0.036, absolute: 1e-6))
        #expect(isApproximatelyEqual(s.reducedCost(ship[1][1])!, 0.009, absolute: 1e-6))
    }

    /// Hillier & Lieberman's Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum 36 at (2, 6). Duals by hand from the binding rows 2y ≤ 12 and
    /// 3x + 2y ≤ 18: 3 = 3·w3, 5 = 2·w2 + 2·w3 ⇒ w3 = 1, w2 = 1.5, w1 = 0.
    @Test(arguments: [LPAlgorithm.primalSimplex, .dualSimplex])
    func wyndorDuals(algorithm: LPAlgorithm) throws {
        var m = Model(name: "wyndor")
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.maximize(3 * x + 5 * y)
        let plant1 = m.addConstraint(x <= 4)
        let plant2 = m.addConstraint(2 * y <= 12)
        let plant3 = m.addConstraint(3 * x + 2 * y <= 18)
        let s = try GLPKSolver(options: SolveOptions(algorithm: algorithm)).solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 36))
        #expect(isApproximatelyEqual(s[x]!, 2) && isApproximatelyEqual(s[y]!, 6))
        #expect(isApproximatelyEqual(s.dual(plant1)!, 0, absolute: 1e-9))
        #expect(isApproximatelyEqual(s.dual(plant2)!, 1.5))
        #expect(isApproximatelyEqual(s.dual(plant3)!, 1))
        #expect(isApproximatelyEqual(s.activity(plant3)!, 18))
    }

    @Test(arguments: [LPAlgorithm.primalSimplex, .dualSimplex, .interiorPoint], [true, false])
    func infeasible(algorithm: LPAlgorithm, presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable(upperBound: 1), y = m.addVariable(upperBound: 1)
        m.minimize(x + y)
        m.addConstraint(x + y >= 5)
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve, algorithm: algorithm)).solve(m)
        #expect(s.status == .infeasible)
        #expect(s.objectiveValue == nil && s.values.isEmpty)
    }

    @Test(arguments: [LPAlgorithm.primalSimplex, .dualSimplex, .interiorPoint], [true, false])
    func unbounded(algorithm: LPAlgorithm, presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable(), y = m.addVariable()
        m.maximize(x + y)
        m.addConstraint(x - y <= 1)
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve, algorithm: algorithm)).solve(m)
        #expect(s.status == .unbounded)
    }

    /// Chvátal's cycling example (Linear Programming, 1983, §3): degenerate at the
    /// origin; textbook simplex with the largest-coefficient rule cycles. Optimum 1 at
    /// x = (1, 0, 1, 0): from 0.5x1 − 0.5x3 ≤ 0 (row 2 with x2 = x4 = 0) x3 ≥ 1, and
    /// 10·1 − 9·x3 is largest at x3 = 1.
    @Test(arguments: [LPAlgorithm.primalSimplex, .dualSimplex], [true, false])
    func degenerate(algorithm: LPAlgorithm, presolve: Bool) throws {
        var m = Model(name: "chvatal")
        let x = m.addVariables(count: 4)
        m.maximize(10 * x[0] - 57 * x[1] - 9 * x[2] - 24 * x[3])
        m.addConstraint(0.5 * x[0] - 5.5 * x[1] - 2.5 * x[2] + 9 * x[3] <= 0)
        m.addConstraint(0.5 * x[0] - 1.5 * x[1] - 0.5 * x[2] + x[3] <= 0)
        m.addConstraint(x[0] <= 1)
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve, algorithm: algorithm)).solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 1))
        for (k, v) in [1.0, 0, 1, 0].enumerated() { #expect(isApproximatelyEqual(s.values[k], v, absolute: 1e-9)) }
    }

    @Test func rangeRowsEqualitiesAndFreeVariables() throws {
        // min x − y with 2 ≤ x + y ≤ 5, x − y == −1 ± nothing, y free above −10:
        // x − y is fixed at −1 by the equality, so the optimum is −1 for any feasible point.
        var m = Model()
        let x = m.addVariable(lowerBound: -.infinity), y = m.addVariable(lowerBound: -10)
        m.minimize(x - y + 7)
        let range = m.addConstraint(x + y, in: 2...5)
        m.addConstraint(x - y == -1)
        let s = try GLPKSolver().solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 6))
        let activity = s.activity(range)!
        #expect(activity >= 2 - 1e-9 && activity <= 5 + 1e-9)
    }

    @Test func modelWithoutConstraints() throws {
        var m = Model()
        let x = m.addVariable(lowerBound: -3, upperBound: 4)
        let y = m.addVariable(.integer, lowerBound: 0, upperBound: 2.5)
        m.maximize(x + 2 * y)
        let s = try GLPKSolver().solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, 8))
    }

    @Test func expressionsMergeRepeatedVariables() throws {
        var m = Model()
        let x = m.addVariable(), y = m.addVariable()
        let row = m.addConstraint(x + y + x - y + 3 * y - y <= 10)
        let (indices, coefficients) = m.terms(of: row)
        #expect(Array(indices) == [0, 1])
        #expect(Array(coefficients) == [2, 2])
        let cancel = m.addConstraint(x - x + y <= 1)
        #expect(Array(m.terms(of: cancel).indices) == [1])
        #expect(m.nonZeroCount == 3)
    }
}

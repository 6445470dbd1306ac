import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// Solves from a starting basis (`GLPKSolver.solve(_:startingFrom:)`).
@Suite struct SimplexBasisTests {
    /// Two sources (supply 20, 30) and three sinks (demand 10, 25, 15), costs
    /// S1: 1, 4, 6 and S2: 3, 2, 5. scipy's HiGHS: optimum 145 (S1→1 10, S1→3 10,
    /// S2→2 25, S2→3 5); with the second demand lowered to 20: 130 (S1→3 5, S2→3 10).
    static func transport(secondDemand: Double) -> (Model, demand: ConstraintRef) {
        var m = Model(name: "small transport")
        let x = m.addVariables(count: 6)
        m.minimize(1 * x[0] + 4 * x[1] + 6 * x[2] + 3 * x[3] + 2 * x[4] + 5 * x[5])
        m.addConstraint(x[0] + x[1] + x[2] <= 20)
        m.addConstraint(x[3] + x[4] + x[5] <= 30)
        m.addConstraint(x[0] + x[3] == 10)
        let second = m.addConstraint(x[1] + x[4] == secondDemand)
        m.addConstraint(x[2] + x[5] == 15)
        return (m, second)
    }

    @Test func restartsFromTheLastBasisAfterARightHandSideChange() throws {
        let solver = GLPKSolver()
        let (m, demand) = Self.transport(secondDemand: 25)
        let (first, basis) = try solver.solve(m, startingFrom: nil)
        #expect(first.status == .optimal)
        #expect(isApproximatelyEqual(first.objectiveValue!, 145, absolute: 1e-9))
        let b = try #require(basis)
        #expect(b.rows.count == 5 && b.columns.count == 6)
        #expect(b.rows.filter { $0 == .basic }.count + b.columns.filter { $0 == .basic }.count == 5)
        var changed = m
        changed.setBounds(demand, lower: 20, upper: 20)
        let (second, _) = try solver.solve(changed, startingFrom: b)
        #expect(second.status == .optimal)
        #expect(isApproximatelyEqual(second.objectiveValue!, 130, absolute: 1e-9))
        #expect(isApproximatelyEqual(second.values[2], 5, absolute: 1e-9) && isApproximatelyEqual(second.values[5], 10, absolute: 1e-9))
        // From the optimal basis of the same LP no pivot is needed.
        let (again, _) = try solver.solve(m, startingFrom: b)
        #expect(again.iterations == 0)
        #expect(isApproximatelyEqual(again.objectiveValue!, 145, absolute: 1e-9))
    }

    /// A basis with too many (or too few) basic variables is completed before GLPK sees
    /// it; a singular one falls back to GLPK's own starting basis. The optimum is the same.
    @Test func malformedBasesStillSolve() throws {
        let (m, _) = Self.transport(secondDemand: 25)
        let allBasic = SimplexBasis(rows: Array(repeating: .basic, count: 5), columns: Array(repeating: .basic, count: 6))
        let noneBasic = SimplexBasis(rows: Array(repeating: .atUpper, count: 5), columns: Array(repeating: .fixed, count: 6))
        for basis in [allBasic, noneBasic] {
            let (solution, _) = try GLPKSolver().solve(m, startingFrom: basis)
            #expect(solution.status == .optimal)
            #expect(isApproximatelyEqual(solution.objectiveValue!, 145, absolute: 1e-9))
        }
    }

    /// On seeded transportation LPs, a warm start from the optimum of a slightly
    /// different LP reaches the plain solve's optimum in fewer iterations.
    @Test(arguments: 0..<5)
    func warmStartMatchesAColdSolve(seed: UInt64) throws {
        let m = ColumnGenerationTests.transport(seed: seed, sources: 8, sinks: 60)
        let (_, basis) = try GLPKSolver().solve(m, startingFrom: nil)
        var changed = m
        for r in 8..<changed.constraintCount where r % 3 == 0 {
            let ref = ConstraintRef(index: Int32(r))
            changed.setBounds(ref, lower: changed.rowLower[r] * 0.9, upper: .infinity)
        }
        var primal = GLPKSolver()
        primal.options.algorithm = .primalSimplex
        let cold = try GLPKSolver().solve(changed)
        let (warm, _) = try primal.solve(changed, startingFrom: basis)
        #expect(warm.status == .optimal)
        #expect(isApproximatelyEqual(warm.objectiveValue!, cold.objectiveValue!, absolute: 1e-6 * max(1, abs(cold.objectiveValue!))))
        #expect(warm.iterations < cold.iterations)
    }

    @Test func aBasisOfTheWrongSizeIsRefused() throws {
        let (m, _) = Self.transport(secondDemand: 25)
        #expect(throws: LinearSolverError.self) {
            _ = try GLPKSolver().solve(m, startingFrom: SimplexBasis(rows: [.basic], columns: []))
        }
    }
}

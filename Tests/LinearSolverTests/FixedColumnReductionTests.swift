import Testing
@testable import LinearSolver

/// The reduction's arithmetic, worked by hand.
@Suite struct FixedColumnReductionTests {
    /// Columns x0 ∈ [0, 5], x1 fixed at 2, x2 ∈ [0, 4], x3 fixed at 3 but kept (basic
    /// in a starting basis). Rows: x0 + 3·x1 + x2 ≤ 10, and 2 ≤ x1 − x3 + x2 ≤ 8.
    /// Removing x1 shifts the rows by 3·2 = 6 and 2: x0 + x2 ≤ 4 and 0 ≤ −x3 + x2 ≤ 6.
    /// The objective 5·x0 + 7·x1 + 1 becomes 5·x0 + 15; the model's own objective
    /// coefficient of x1 (4) moves into its constant (8).
    @Test func rowsObjectivesAndSolutionsMapBothWays() {
        var m = Model(name: "hand")
        let x0 = m.addVariable(upperBound: 5)
        let x1 = m.addVariable(.integer, lowerBound: 2, upperBound: 2, objective: 4)
        let x2 = m.addVariable(upperBound: 4)
        let x3 = m.addVariable(lowerBound: 3, upperBound: 3)
        m.addConstraint(x0 + 3 * x1 + x2 <= 10, name: "a")
        m.addConstraint(x1 - x3 + x2, in: 2...8, name: "b")
        let r = FixedColumnReduction(m) { $0 == 3 }
        #expect(r.removedCount == 1)
        #expect(r.kept == [0, 2, 3])
        #expect(r.model.variableCount == 3)
        #expect(r.model.rowUpper == [4, 6])
        #expect(r.model.rowLower == [-.infinity, 0])
        #expect(r.model.objectiveConstant == 8)
        #expect(r.model.rowNames == ["a", "b"])

        let objective = LexicographicObjective(.minimize, 5 * x0 + 7 * x1 + 1, name: "o")
        let reduced = r.reduced(objective)
        #expect(reduced.expression.constant == 15)
        #expect(Array(reduced.expression.indices) == [0])
        #expect(Array(reduced.expression.coefficients) == [5])
        #expect(r.reduced(point: [1, 2, 3, 3]) == [1, 3, 3])

        // A reduced solution x0 = 1, x2 = 3, x3 = 3: rows 4 and 0 in the reduced
        // model, 10 and 2 in the full one; x1 comes back at its bound.
        let solution = Solution(status: .optimal, objectiveValue: 20, values: [1, 3, 3], rowActivities: [4, 0])
        let full = r.expanded(solution)
        #expect(full.values == [1, 2, 3, 3])
        #expect(full.rowActivities == [10, 2])
        #expect(full.objectiveValue == 20)
    }
}

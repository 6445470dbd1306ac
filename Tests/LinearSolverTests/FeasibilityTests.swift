import Testing
@testable import LinearSolver

/// `Model.isFeasible`: a bound b is met by v within tolerance · max(1, |v|), for
/// columns and row activities alike.
@Suite struct FeasibilityTests {
    /// x ∈ [0, 1000], y integer ∈ [0, 5], row 0.5 ≤ x − y ≤ 0.75 (unscaled so that the
    /// activity is small while x is large).
    func model() -> Model {
        var m = Model()
        let x = m.addVariable(upperBound: 1000)
        let y = m.addVariable(.integer, upperBound: 5)
        m.addConstraint(x - y, in: 0.5...0.75)
        return m
    }

    @Test func boundsAreRelativeAboveOneAbsoluteBelow() {
        let m = model()
        // Columns alone: x = 1000 + 5e-7 is within 1e-9 · 1000.0000005 ≈ 1e-6 of its
        // bound, 1000 + 2e-6 is not; below 1 the slack is 1e-9 itself.
        var columnsOnly = Model()
        columnsOnly.addVariable(upperBound: 1000)
        #expect(columnsOnly.isFeasible([1000 + 5e-7]))
        #expect(!columnsOnly.isFeasible([1000 + 2e-6]))
        #expect(columnsOnly.isFeasible([-5e-10]))
        #expect(!columnsOnly.isFeasible([-2e-9]))
        #expect(columnsOnly.isFeasible([-2e-9], tolerance: 1e-8))
        // Rows: activity 0.75 + 5e-10 passes (floor 1 → 1e-9), 0.75 + 2e-9 does not.
        #expect(m.isFeasible([3.75 + 5e-10, 3]))
        #expect(!m.isFeasible([3.75 + 2e-9, 3]))
        #expect(m.isFeasible([3.5, 3]))
        #expect(!m.isFeasible([3.4, 3]))
    }

    @Test func integralityNonFiniteAndLength() {
        let m = model()
        #expect(!m.isFeasible([3.1, 2.5]))                 // y not integral
        #expect(m.isFeasible([3.1, 2.5], integrality: false))
        #expect(!m.isFeasible([.nan, 3]))
        #expect(!m.isFeasible([.infinity, 3]))
        #expect(!m.isFeasible([3.5]))
        #expect(!m.isFeasible([3.5, 3, 0]))
    }
}

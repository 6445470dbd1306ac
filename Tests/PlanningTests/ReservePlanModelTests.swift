import BundleIO
import Foundation
import LinearSolver
import Testing
import TestSupport
@testable import Planning

/// The reserve-level program of ReservePlanTests' two-depot bundle, checked as a
/// model before anything solves it (no GLPK call here).
@Suite struct ReservePlanModelTests {
    /// Deterministic equivalent with a ¥105,000 budget. First stage: s[D1,tent],
    /// s[D2,tent], buy[tent]; [P2] volume 0.2 m³ and weight 0.05 t per tent against
    /// 1,000 m³ / 1,000 t; [P3] s₁ + s₂ − buy ≤ 0 (nobody holds tents), [P3k]
    /// s₁ + s₂ ≥ 0; [P5] (¥1,000 + 5 % holding) · buy ≤ 105,000. Second stage per
    /// scenario (horizon = the 10 h deadline, so only the 1 h road is an arc): the
    /// shipment x, shortfall u and z; D1 x + u ≥ 100, D2 x + z ≥ 100, D3 x ≤ 100, the
    /// stock row as [P4] x − s ≤ 0, and two throughput rows [D5]: what must leave by
    /// its latest on-time departure (10 − 1 h) 0.05 x ≤ 1,000 t/h · 9 h, and everything
    /// by the horizon less the shortest leg, the same 0.05 x ≤ 1,000 · (10 − 1).
    @Test func deterministicEquivalentHasTheFormulationsBlocks() throws {
        let loaded = try BundleReader.read(at: try ReservePlanTests.bundle())
        let builder = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 105_000)).builder(for: loaded.bundle)
        let m = builder.model
        #expect(!builder.decomposed)
        #expect(m.variableCount == 9 && m.constraintCount == 19 && m.nonZeroCount == 28)
        #expect(Array(m.columnNames.prefix(3)) == ["s[D1,tent]", "s[D2,tent]", "buy[tent]"])
        #expect(m.rowNames.filter { !$0.isEmpty } == ["P2v[D1]", "P2w[D1]", "P2v[D2]", "P2w[D2]", "P3[tent]", "P3k[tent]",
                                                       "P4[0,3]", "P4[1,3]", "P5"])

        func row(_ name: String) throws -> (columns: [Int32], coefficients: [Double], lower: Double, upper: Double) {
            let r = try #require(m.constraint(named: name))
            let (indices, coefficients) = m.terms(of: r)
            return (Array(indices), Array(coefficients), m.rowLower[Int(r.index)], m.rowUpper[Int(r.index)])
        }
        let volume = try row("P2v[D1]")
        #expect(volume.columns == [0] && volume.coefficients == [0.2] && volume.upper == 1000)
        #expect(try row("P2w[D2]").coefficients == [0.05])
        let p3 = try row("P3[tent]")
        #expect(p3.columns == [0, 1, 2] && p3.coefficients == [1, 1, -1] && p3.upper == 0)
        // Scenario 1's stock row is coupled to D1's level, scenario 2's to D2's.
        let s1 = try row("P4[0,3]"), s2 = try row("P4[1,3]")
        #expect(s1.columns == [0, 3] && s1.coefficients == [-1, 1] && s1.upper == 0)
        #expect(s2.columns == [1, 6] && s2.coefficients == [-1, 1] && s2.upper == 0)
        let budget = try row("P5")
        #expect(budget.columns == [2] && budget.coefficients == [1050] && budget.upper == 105_000)

        // ReservePlanTests' answer for this budget: all 100 tents at D1. S1 is served
        // in full; S2 (probability 0.3) misses its 100 tents, weight 3 / 100 each:
        // expected shortfall 0.3 · 3 = 0.9, cost ¥105,000.
        let plan: [Double] = [100, 0, 100, 100, 0, 0, 0, 100, 100]
        #expect(m.isFeasible(plan))
        #expect(isApproximatelyEqual(builder.expectedShortfall.value(at: plan), 0.9))
        #expect(isApproximatelyEqual(builder.costExpression.value(at: plan), 105_000))
        // A 101st tent at D1 breaks the budget (and P3, with buy still 100).
        #expect(!m.isFeasible([101, 0, 101, 100, 0, 0, 0, 100, 100]))
        #expect(!m.isFeasible([101, 0, 100, 100, 0, 0, 0, 100, 100]))
    }
}

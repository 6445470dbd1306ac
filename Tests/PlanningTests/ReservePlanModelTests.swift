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
    /// s₁ + s₂ ≥ 0; [P5] (¥1,000 + 5 % holding) · buy ≤ 105,000. Without moves (as
    /// the decomposition plans). Second stage per scenario, with dispatch's horizon
    /// (3 × the 10 h deadline = 30 h), so both roads are arcs, the 14 h one late. In
    /// S1: x (D1, 1 h, on time), its late twin x⁻ (a loading limit can push the rest
    /// past the deadline), y (D2, late), u and z; D1 x + u ≥ 100, D2 x + x⁻ + y + z ≥ 100,
    /// D3 x + x⁻ + y ≤ 100, the stock rows [P4] x + x⁻ − s₁ ≤ 0 and y − s₂ ≤ 0, and the
    /// loading rows [D5]: 0.05 x ≤ 1,000 t/h × 9 h (what must leave by 10 − 1 h),
    /// 0.05 (x + x⁻) ≤ 1,000 × (30 − 1) and for D2 0.05 y ≤ 1,000 × (30 − 14) — 8 rows and
    /// 5 columns a scenario: 3 + 10 = 13 columns and 6 + 2 × 8 + 1 = 23 rows.
    @Test func deterministicEquivalentHasTheFormulationsBlocks() throws {
        let loaded = try BundleReader.read(at: try ReservePlanTests.bundle())
        let builder = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 105_000, allowMoves: false)).builder(for: loaded.bundle)
        let m = builder.model
        #expect(!builder.decomposed)
        #expect(m.variableCount == 13 && m.constraintCount == 23 && m.nonZeroCount == 46)
        #expect(Array(m.columnNames.prefix(3)) == ["s[D1,tent]", "s[D2,tent]", "buy[tent]"])
        #expect(m.rowNames.filter { !$0.isEmpty } == ["P2v[D1]", "P2w[D1]", "P2v[D2]", "P2w[D2]", "P3[tent]", "P3k[tent]",
                                                       "P4[0,3]", "P4[0,4]", "P4[1,3]", "P4[1,4]", "P5"])

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
        // Columns per scenario: S1 3–7 (x, x⁻, y from D2, u, z), S2 8–12 (y from D1, x, x⁻, u, z).
        let s1 = try row("P4[0,3]"), s2 = try row("P4[1,4]")
        #expect(s1.columns == [0, 3, 4] && s1.coefficients == [-1, 1, 1] && s1.upper == 0)
        #expect(s2.columns == [1, 9, 10] && s2.coefficients == [-1, 1, 1] && s2.upper == 0)
        let budget = try row("P5")
        #expect(budget.columns == [2] && budget.coefficients == [1050] && budget.upper == 105_000)

        // ReservePlanTests' answer for this budget: all 100 tents at D1. S1 is served
        // in full; S2 (probability 0.3) misses its 100 tents, weight 3 / 100 each:
        // expected shortfall 0.3 · 3 = 0.9, cost ¥105,000.
        let plan: [Double] = [100, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 100, 100]
        #expect(m.isFeasible(plan))
        #expect(isApproximatelyEqual(builder.expectedShortfall.value(at: plan), 0.9))
        #expect(isApproximatelyEqual(builder.costExpression.value(at: plan), 105_000))
        // A 101st tent at D1 breaks the budget (and P3, with buy still 100).
        #expect(!m.isFeasible([101, 0, 101, 100, 0, 0, 0, 0, 0, 0, 0, 100, 100]))
        #expect(!m.isFeasible([101, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 100, 100]))
    }
}

/// Moves, worked by hand on ReservePlanTests' bundle with 100 tents at D2 today and
/// nothing at D1. The road D2 → D1 is 60 + 780 + 60 = 900 km; a tent weighs 50 kg, so a
/// move costs 0.05 t × (900 km × ¥0.5 + ¥40) = ¥24.5 a tent (the defaults). S1 (0.7)
/// needs 100 tents at A1, which only D1 reaches by the deadline; S2 (0.3) needs 100 at
/// A2, which D2 serves. Each tent moved saves 0.7 × 0.03 and costs 0.3 × 0.03 of
/// expected shortfall, a gain of 0.012 for ¥24.5, against 0.021 for a ¥1,050 new tent:
/// moving pays 20 times more per yuan.
@Suite struct PlanMoveTests {
    static func plan(budget: Double) throws -> ReservePlan {
        let path = try ReservePlanTests.bundle(stock: "D2,tent,100,顶,b1,2025-01-01,\n")
        return try ReservePlanner(options: ReservePlanOptions(budgetYuan: budget, decomposition: .deterministicEquivalent))
            .plan(try BundleReader.read(at: path).bundle)
    }

    /// ¥0 buys nothing and moves nothing: today's plan, expected shortfall 0.7 × 3 = 2.1.
    @Test func noBudgetNoMove() throws {
        let p = try Self.plan(budget: 0)
        #expect(p.moves.isEmpty && p.levels.isEmpty)
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 2.1, absolute: 1e-9))
        #expect(isApproximatelyEqual(p.expectedShortfallBefore, 2.1, absolute: 1e-9))
    }

    /// ¥1,225 moves 50 tents (50 × ¥24.5): 0.7 × 1.5 + 0.3 × 1.5 = 1.5.
    @Test func halfTheMoveBudget() throws {
        let p = try Self.plan(budget: 1_225)
        let move = try #require(p.moves.first)
        #expect(p.moves.count == 1 && move.from == "D2" && move.to == "D1")
        #expect(isApproximatelyEqual(move.quantity, 50, absolute: 1e-6))
        #expect(isApproximatelyEqual(move.distanceKm, 900, absolute: 1e-9))
        #expect(isApproximatelyEqual(move.costYuan, 1_225, absolute: 1e-6))
        #expect(isApproximatelyEqual(p.cost.moves, 1_225, absolute: 1e-6) && p.purchases.isEmpty)
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 1.5, absolute: 1e-6))
        // The reason: S1's area A1, 50 tents delivered by the deadline, and dispatch agrees.
        #expect(move.reason.gains.map(\.scenario) == ["s1"] && move.reason.gains.first?.areas == ["A1"])
        #expect(isApproximatelyEqual(move.reason.gains.first?.shortfallCovered ?? 0, 50, absolute: 1e-6))
        #expect(isApproximatelyEqual(move.reason.gains.first?.shortfallRemoved ?? 0, 50, absolute: 1e-6))
        #expect(isApproximatelyEqual(move.reason.expectedShortfallCovered, 35, absolute: 1e-6))
        // D2's lowered level carries the move's reason.
        let d2 = try #require(p.levels.first { $0.depot == "D2" })
        #expect(isApproximatelyEqual(d2.recommended, 50, absolute: 1e-6) && d2.reason == move.reason)
    }

    /// ¥2,450 moves all 100 (S1 met, S2 short: 0.3 × 3 = 0.9) and buys nothing.
    @Test func wholeMove() throws {
        let p = try Self.plan(budget: 2_450)
        #expect(isApproximatelyEqual(p.moves.first?.quantity ?? 0, 100, absolute: 1e-6))
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 0.9, absolute: 1e-6))
        #expect(p.purchases.isEmpty)
    }
}

import BundleIO
import Testing
import TestSupport
@testable import Planning

/// The decomposition's trim [H1] and repair [H2] on the hand-checkable bundle of
/// ``ReservePlanTests`` (D1 alone reaches A1, D2 alone reaches A2; a tent costs ¥1,050
/// with its first year's holding; a need's weight is 3, so 100 tents short is 3).
@Suite struct DecompositionHeuristicsTests {
    struct Setup {
        var decomposition: ScenarioDecomposition
        var today: [Double]
        var d1: Int, d2: Int, buy: Int
    }

    func setup(_ path: String, budget: Double?) throws -> Setup {
        let loaded = try BundleReader.read(at: path)
        #expect(!loaded.validate().hasErrors)
        let planner = ReservePlanner(options: ReservePlanOptions(objective: .shortfall, budgetYuan: budget, decomposition: .scenarios))
        let builder = try planner.builder(for: loaded.bundle)
        let (decomposition, today) = builder.makeDecomposition()
        return Setup(decomposition: decomposition, today: today,
                     d1: Int(builder.stockLevel[DepotItem("D1", "tent")]!.index),
                     d2: Int(builder.stockLevel[DepotItem("D2", "tent")]!.index),
                     buy: Int(builder.buy["tent"]!.index))
    }

    /// Both scenarios lack 100 tents; a ¥52,600 budget buys 52,600 / 1,050 = 50.095 of
    /// the 200 the repair asks for, so each depot gets a quarter of its top-up:
    /// 52,600 / 2,100 = 25.0476 tents, and each scenario is left 3 × (1 − 0.250476) short.
    @Test func repairScalesTheTopUpToTheBudget() throws {
        let s = try setup(try ReservePlanTests.bundle(), budget: 52_600)
        let d = s.decomposition
        let before = try d.evaluator.evaluate(at: s.today)
        #expect(before.map(\.value) == [3, 3])
        let y = try #require(d.repaired(s.today, before, budget: 52_600))
        #expect(isApproximatelyEqual(y[s.d1], 52_600.0 / 2_100, absolute: 1e-6))
        #expect(isApproximatelyEqual(y[s.d2], 52_600.0 / 2_100, absolute: 1e-6))
        #expect(isApproximatelyEqual(y[s.buy], 52_600.0 / 1_050, absolute: 1e-6))
        #expect(isApproximatelyEqual(d.cost.value(at: y), 52_600, absolute: 1e-3))
        let after = try d.evaluator.evaluate(at: y)
        for e in after { #expect(isApproximatelyEqual(e.value, 3 * (1 - 52_600.0 / 210_000), absolute: 1e-6)) }
    }

    /// Without a budget the repair buys exactly what each scenario lacks: 100 tents at
    /// each depot, and no scenario is short any more.
    @Test func repairWithoutBudgetFillsEveryNeed() throws {
        let s = try setup(try ReservePlanTests.bundle(), budget: nil)
        let d = s.decomposition
        let y = try #require(d.repaired(s.today, try d.evaluator.evaluate(at: s.today), budget: nil))
        #expect(isApproximatelyEqual(y[s.d1], 100, absolute: 1e-9) && isApproximatelyEqual(y[s.d2], 100, absolute: 1e-9))
        #expect(isApproximatelyEqual(y[s.buy], 200, absolute: 1e-9))
        #expect(try d.evaluator.evaluate(at: y).allSatisfy { abs($0.value) < 1e-9 })
        // Nothing left to repair.
        #expect(d.repaired(y, try d.evaluator.evaluate(at: y), budget: nil) == nil)
    }

    /// S2 needs only 40 tents at A2 and D2 holds 70 today. The decomposition only adds
    /// stock (levels ≥ today's). At D1 = 100, D2 = 90 every need is met; the trim keeps
    /// D1 (S1 ships all 100) and lowers D2 to max(today's 70, the 40 S2 ships) = 70, so
    /// 100 are bought (¥105,000), not 120.
    @Test func trimLowersLevelsToWhatTheScenariosShip() throws {
        let stock = "D2,tent,70,顶,b1,2025-01-01,\n"
        let s = try setup(try ReservePlanTests.bundle(s2Tents: 40, stock: stock), budget: nil)
        let d = s.decomposition
        #expect(s.today[s.d2] == 70)
        var x = s.today
        x[s.d1] = 100
        x[s.d2] = 90
        x = d.withPurchases(x)
        #expect(x[s.buy] == 120)
        let evaluations = try d.evaluator.evaluate(at: x)
        #expect(evaluations.allSatisfy { abs($0.value) < 1e-9 })
        let y = d.trimmed(x, evaluations)
        #expect(isApproximatelyEqual(y[s.d1], 100, absolute: 1e-9))
        #expect(isApproximatelyEqual(y[s.d2], 70, absolute: 1e-9))
        #expect(isApproximatelyEqual(y[s.buy], 100, absolute: 1e-9))
        #expect(isApproximatelyEqual(d.cost.value(at: y), 105_000, absolute: 1e-6))
        #expect(d.meetsFirstStage(y))
        // The scenarios are worth the same at the trimmed point.
        #expect(try d.evaluator.evaluate(at: y).allSatisfy { abs($0.value) < 1e-9 })
    }

    /// Trimming never goes below today's stock: at D1 = 10, D2 = 70 the scenarios ship
    /// 10 and 40, but D2 holds 70 today, so it stays at 70 and the 10 at D1 are bought.
    @Test func trimKeepsTodaysStock() throws {
        let stock = "D2,tent,70,顶,b1,2025-01-01,\n"
        let s = try setup(try ReservePlanTests.bundle(s2Tents: 40, stock: stock), budget: nil)
        let d = s.decomposition
        var x = s.today
        x[s.d1] = 10
        x = d.withPurchases(x)
        let y = d.trimmed(x, try d.evaluator.evaluate(at: x))
        #expect(isApproximatelyEqual(y[s.d1], 10, absolute: 1e-9))
        #expect(isApproximatelyEqual(y[s.d2], 70, absolute: 1e-9))
        #expect(isApproximatelyEqual(y[s.buy], 10, absolute: 1e-9))
        #expect(d.meetsFirstStage(y))
    }

    /// Each level's outcome is reported, and a solved case proves every level.
    @Test func levelsAreReported() throws {
        let loaded = try BundleReader.read(at: try ReservePlanTests.bundle())
        let p = try ReservePlanner(options: ReservePlanOptions(objective: .robust, budgetYuan: 105_000, decomposition: .scenarios)).plan(loaded.bundle)
        let levels = try #require(p.decomposition?.levels)
        #expect(levels.map(\.name) == ["worst shortfall", "expected shortfall", "cost"])
        #expect(levels.allSatisfy { $0.proven })
        // Robust: 50 tents each, both scenarios 1.5 short.
        #expect(isApproximatelyEqual(levels[0].value, 1.5, absolute: 1e-6))
        #expect(isApproximatelyEqual(levels[2].value, 105_000, absolute: 1e-3))
        #expect(p.status == .optimal)
    }
}

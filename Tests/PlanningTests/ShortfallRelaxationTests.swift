import BundleIO
import Testing
import TestSupport
@testable import Planning

/// The master's shortfall relaxation [B3], in layers by weight per unit, on the
/// hand-checkable bundle of ``ReservePlanTests`` with S1 needing 100 tents at A1 and 10
/// at A2 (each need weighs 3, so a tent short counts 0.03 at A1 and 0.3 at A2).
@Suite struct ShortfallRelaxationTests {
    /// Layer 1 (t = 0.03): all 110 tents, reachable from D1 and D2, counted 0.03 each;
    /// layer 2 (t = 0.3): A2's 10, reachable from D2 only, counted 0.3 − 0.03 = 0.27. With
    /// nothing in stock the bound is 0.03 × 110 + 0.27 × 10 = 6, S1's true shortfall
    /// (3 + 3); one layer at the least weight gave only 3.3.
    @Test func layersByWeightPerUnit() throws {
        let loaded = try BundleReader.read(at: try ReservePlanTests.bundle(s1AlsoAtA2: 10))
        #expect(!loaded.validate().hasErrors)
        let planner = ReservePlanner(options: ReservePlanOptions(decomposition: .scenarios))
        let builder = try planner.builder(for: loaded.bundle)
        let d1 = builder.stockLevel[DepotItem("D1", "tent")]!.index
        let d2 = builder.stockLevel[DepotItem("D2", "tent")]!.index
        let items = builder.relaxations[0].items
        try #require(items.count == 2)
        #expect(isApproximatelyEqual(items[0].weight, 0.03, absolute: 1e-12))
        #expect(items[0].uncovered == 110)
        #expect(items[0].terms.map(\.column) == [d1, d2].sorted() && items[0].terms.allSatisfy { $0.keep == 1 })
        #expect(isApproximatelyEqual(items[1].weight, 0.27, absolute: 1e-12))
        #expect(items[1].uncovered == 10)
        #expect(items[1].terms.map(\.column) == [d2] && items[1].terms[0].keep == 1)
        let bound = items.reduce(0.0) { $0 + $1.weight * $1.uncovered }
        let (decomposition, today) = builder.makeDecomposition()
        let q = try decomposition.evaluator.evaluate(at: today)[0].value
        #expect(isApproximatelyEqual(q, 6, absolute: 1e-9))
        #expect(isApproximatelyEqual(bound, q, absolute: 1e-9))
        // S2 (A2 only, 100 tents) has one layer.
        #expect(builder.relaxations[1].items.count == 1)
    }
}

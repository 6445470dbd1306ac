import Response
import ReserveModel
import BundleIO
import Foundation
import Testing
import TestSupport
@testable import Planning

/// Hand-checkable reserve plans on a two-depot, two-scenario bundle.
///
/// Layout: D1 is 1 h from A1 and 14 h from A2; D2 is 1 h from A2 and 14 h from A1
/// (60 km/h roads of 60 km and 780 km). Deadline 10 h, so only D1 can serve A1 and
/// only D2 can serve A2. S1 (probability 0.7): A1 needs 100 tents; S2 (0.3): A2 needs
/// 100 tents. Nobody holds tents today. A new tent costs ¥1,000 + 5 % holding = ¥1,050.
/// Weight of a need = criticality 1 × priority 3 (level II), so a scenario whose
/// need is unmet has weighted shortfall 3 × (missing / 100).
@Suite struct ReservePlanTests {
    static func bundle(d1Volume: Double = 1000, minStock: String = "", s2Tents: Int = 100, stock: String = "",
                       s1AlsoAtA2: Int? = nil) throws -> String {
        let extra = s1AlsoAtA2.map { """
            ,{"area":"A2","affected_population":1000,"displaced_population":0,"relief_days":1,"demands":[{"item":"tent","quantity":\($0)}]}
            """ } ?? ""
        let scenarios = [("s1", "A1", 0.7, 100), ("s2", "A2", 0.3, s2Tents)].map { id, area, weight, tents in
            (id, """
            {"id":"\(id)","name":"\(id)","hazard":"flood","response_level":"II","start":"2025-07-01T08:00:00+08:00","season":"summer",
             "weight":\(weight),"incidents":[{"id":"i","name":"i","hazard":"flood","start_offset_hours":0,
             "affected_areas":[{"area":"\(area)","affected_population":1000,"displaced_population":0,"relief_days":1,
             "demands":[{"item":"tent","quantity":\(tents)}]}\(id == "s1" ? extra : "")]}]}
            """)
        }
        _ = minStock
        return try HandCheckedBundles.twoTownships(name: "tiny", description: "hand-checkable planning case", d1Volume: d1Volume,
                                                   items: "tent,1,帐篷,tent,relief,顶,50,0.2,,1000,0.01,0,0,test,1\n", stock: stock,
                                                   scenarios: scenarios)
    }

    func plan(_ path: String, _ options: ReservePlanOptions) throws -> ReservePlan {
        let loaded = try BundleReader.read(at: path)
        let report = loaded.validate()
        #expect(!report.hasErrors, "\(report.errors.map(\.description))")
        return try ReservePlanner(options: options).plan(loaded.bundle)
    }

    func level(_ p: ReservePlan, _ depot: DepotID) -> Double {
        p.levels.first { $0.depot == depot && $0.item == "tent" }?.recommended ?? 0
    }

    /// Budget for 100 tents: all go to D1 (S1 is likelier); expected shortfall
    /// 0.3 × 3 = 0.9 against 0.7 × 1.5 + 0.3 × 1.5 = 1.5 for a 50/50 split.
    @Test(arguments: PlanDecomposition.exact)
    func expectedShortfallPutsTheBudgetWhereItIsLikeliestNeeded(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .shortfall, budgetYuan: 105_000, decomposition: decomposition))
        #expect(p.status == .optimal)
        #expect(isApproximatelyEqual(level(p, "D1"), 100, absolute: tolerance))
        #expect(isApproximatelyEqual(level(p, "D2"), 0, absolute: tolerance))
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 0.9, absolute: tolerance))
        #expect(isApproximatelyEqual(p.expectedShortfallBefore, 3, absolute: tolerance))
        #expect(isApproximatelyEqual(p.cost.total, 105_000, absolute: 1e-3))
        #expect(p.purchases["tent"].map { isApproximatelyEqual($0, 100, absolute: tolerance) } == true)
        #expect(p.levels.first { $0.depot == "D1" }?.drivenBy == ["s1"])
    }

    /// The robust variant splits the same budget 50/50: worst shortfall 1.5 instead of 3.
    @Test(arguments: PlanDecomposition.exact)
    func robustDiffersFromExpected(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .robust, budgetYuan: 105_000, decomposition: decomposition))
        #expect(isApproximatelyEqual(level(p, "D1"), 50, absolute: tolerance))
        #expect(isApproximatelyEqual(level(p, "D2"), 50, absolute: tolerance))
        #expect(isApproximatelyEqual(p.worstShortfallAfter, 1.5, absolute: tolerance))
        #expect(isApproximatelyEqual(p.objective!, 1.5, absolute: tolerance))
    }

    /// The budget binds: ¥52,500 buys 50 tents, all at D1: expected 0.7 × 1.5 + 0.3 × 3 = 1.95.
    @Test(arguments: PlanDecomposition.exact)
    func budgetBinds(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .shortfall, budgetYuan: 52_500, decomposition: decomposition))
        #expect(isApproximatelyEqual(level(p, "D1"), 50, absolute: tolerance))
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 1.95, absolute: tolerance))
    }

    /// Volume binds: D1 holds 10 m³ = 50 tents, so the other 50 go to D2: expected 1.5.
    @Test(arguments: PlanDecomposition.exact)
    func depotVolumeBinds(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(d1Volume: 10), ReservePlanOptions(objective: .shortfall, budgetYuan: 105_000, decomposition: decomposition))
        #expect(isApproximatelyEqual(level(p, "D1"), 50, absolute: tolerance))
        #expect(isApproximatelyEqual(level(p, "D2"), 50, absolute: tolerance))
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 1.5, absolute: tolerance))
    }

    /// A minimum-stock rule binds: county depots cover 2,000 people for 1 day at
    /// 0.01 tents per person-day = 20 tents at D2, leaving 80 for D1:
    /// expected 0.7 × 3 × 0.2 + 0.3 × 3 × 0.8 = 1.14.
    @Test(arguments: PlanDecomposition.exact)
    func minimumStockRuleBinds(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .shortfall, budgetYuan: 105_000,
                                                               minimumStock: [MinimumStockRule(level: .county, people: 2000, days: 1)],
                                                               decomposition: decomposition))
        #expect(isApproximatelyEqual(level(p, "D2"), 20, absolute: tolerance))
        #expect(isApproximatelyEqual(level(p, "D1"), 80, absolute: tolerance))
        #expect(isApproximatelyEqual(p.expectedShortfallAfter, 1.14, absolute: tolerance))
    }

    /// Least cost at zero shortfall: 100 tents at each depot, ¥210,000.
    @Test(arguments: PlanDecomposition.exact)
    func costObjective(_ decomposition: PlanDecomposition) throws {
        let tolerance = decomposition.tolerance
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .cost, decomposition: decomposition))
        #expect(isApproximatelyEqual(level(p, "D1"), 100, absolute: tolerance) && isApproximatelyEqual(level(p, "D2"), 100, absolute: tolerance))
        #expect(isApproximatelyEqual(p.objective!, 210_000, absolute: 1e-3))
        #expect(isApproximatelyEqual(p.worstShortfallAfter, 0, absolute: 1e-9))
        #expect(p.scenarios.allSatisfy { $0.complianceAfter == 1 && $0.complianceBefore == 0 })
    }

    @Test(arguments: PlanDecomposition.exact)
    func integerStockGivesWholeTents(_ decomposition: PlanDecomposition) throws {
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .shortfall, budgetYuan: 52_600, integerStock: true, decomposition: decomposition))
        #expect(level(p, "D1") == 50)
    }

    /// The scenario decomposition answers the same plans as the deterministic
    /// equivalent on the samples (each level to its 1e-6 gap; the cost level may trade
    /// that much shortfall for cost, hence the tolerances).
    @Test(arguments: ["manzhouli", "huangshigang", "linjiang"], [ReservePlanObjective.shortfall, .robust, .cost])
    func decompositionMatchesTheDeterministicEquivalent(_ sample: String, _ objective: ReservePlanObjective) throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let path = root.appendingPathComponent("Data/\(sample)").path
        let budget: Double? = objective == .cost ? nil : 150_000
        // The decomposition only adds stock (no moves): the equivalent is asked the same.
        // The LPs are compared: whole pieces are searched by branch and bound in the
        // equivalent but only rounded in the decomposition (WholePiecePlanTests).
        let one = try plan(path, ReservePlanOptions(objective: objective, budgetYuan: budget, allowMoves: false, decomposition: .deterministicEquivalent,
                                                    wholePieces: false))
        let split = try plan(path, ReservePlanOptions(objective: objective, budgetYuan: budget, decomposition: .scenarios, wholePieces: false))
        #expect(one.decomposition == nil && split.decomposition != nil)
        #expect(split.status == .optimal)
        #expect(isApproximatelyEqual(split.objective!, one.objective!, absolute: 1e-5 * max(1, abs(one.objective!))))
        // Equally good plans of the program may be rated apart by dispatch (the reported
        // figures), so the methods are compared on the program's own optimum above.
        #expect(isApproximatelyEqual(split.cost.total, one.cost.total, absolute: 1e-4 * max(1, one.cost.total)))
        #expect(split.expectedShortfallBefore == one.expectedShortfallBefore || isApproximatelyEqual(split.expectedShortfallBefore, one.expectedShortfallBefore, absolute: 1e-9))
        #expect(split.columns == one.columns)
    }

    @Test func invalidOptionsAreRefused() throws {
        let loaded = try BundleReader.read(at: try Self.bundle())
        #expect(throws: PlanningError.self) { _ = try ReservePlanner(options: ReservePlanOptions(budgetYuan: -1)).plan(loaded.bundle) }
        var options = ReservePlanOptions(budgetYuan: -1, holdingRate: .nan)
        options.decompositionGap = 2
        let result = Result { try ReservePlanner(options: options).plan(loaded.bundle) }
        guard case let .failure(error) = result, let planning = error as? PlanningError,
              case let .invalidOptions(list) = planning else {
            Issue.record("invalid options were accepted")
            return
        }
        #expect(list.map(\.path) == ["budgetYuan", "holdingRate", "decompositionGap"])
    }
}

extension PlanDecomposition {
    /// Both exact ways of solving the program.
    static let exact: [PlanDecomposition] = [.deterministicEquivalent, .scenarios]
    /// The decomposition stops each level at a 1e-6 relative gap of its objective; a
    /// stock level can then differ from the exact one by a few 1e-4 units.
    var tolerance: Double { self == .scenarios ? 5e-4 : 1e-6 }
}

import BundleIO
import Foundation
import ReserveModel
import Testing
import TestSupport
@testable import Planning

/// Whole pieces in the plan (docs/formulation.md, "Whole pieces in the plan"), against
/// brute force on a case small enough to enumerate.
///
/// Layout as ``ReservePlanTests``: D1 reaches only A1 by the 10 h deadline, D2 only A2.
/// S1 (probability 0.7): A1 needs 3 boats and 5 pumps; S2 (0.3): A2 needs 2 boats and
/// 4 pumps. Nothing is held today. A boat (艘, criticality 2, 6 m³) costs ¥30,000 + 5 %
/// holding = ¥31,500 in its first year, a pump (台, criticality 1, 1 m³) ¥8,400. Weight
/// of a need = criticality × priority 3 (level II). D1 holds 14 m³.
@Suite struct WholePiecePlanTests {
    static let boatNeed = (s1: 3, s2: 2), pumpNeed = (s1: 5, s2: 4)
    static let boatYuan = 31_500.0, pumpYuan = 8_400.0

    static func bundle(d1Volume: Double = 14) throws -> String {
        let scenarios = [("s1", "A1", 0.7, boatNeed.s1, pumpNeed.s1), ("s2", "A2", 0.3, boatNeed.s2, pumpNeed.s2)].map { id, area, weight, boats, pumps in
            (id, """
            {"id":"\(id)","name":"\(id)","hazard":"flood","response_level":"II","start":"2025-07-01T08:00:00+08:00","season":"summer",
             "weight":\(weight),"incidents":[{"id":"i","name":"i","hazard":"flood","start_offset_hours":0,
             "affected_areas":[{"area":"\(area)","affected_population":1000,"displaced_population":0,"relief_days":1,
             "demands":[{"item":"boat","quantity":\(boats)},{"item":"pump","quantity":\(pumps)}]}]}]}
            """)
        }
        let items = "boat,1,冲锋舟,boat,flood,艘,500,6,,30000,0,0,0,test,2\npump,2,排涝泵,pump,flood,台,100,1,,8000,0,0,0,test,1\n"
        return try HandCheckedBundles.twoTownships(name: "pieces", description: "whole pieces against brute force", d1Volume: d1Volume,
                                                   items: items, stock: "", scenarios: scenarios)
    }

    func plan(_ path: String, _ options: ReservePlanOptions) throws -> ReservePlan {
        let loaded = try BundleReader.read(at: path)
        let report = loaded.validate()
        #expect(!report.hasErrors, "\(report.errors.map(\.description))")
        return try ReservePlanner(options: options).plan(loaded.bundle)
    }

    func level(_ p: ReservePlan, _ depot: DepotID, _ item: ItemID) -> Double {
        p.levels.first { $0.depot == depot && $0.item == item }?.recommended ?? 0
    }

    /// The best whole plan by enumeration: every (boats, pumps) at D1 and D2 up to the
    /// needs (more never lowers a shortfall and costs more), within the budget and D1's
    /// room; least expected weighted shortfall, then least cost.
    static func bruteForce(budget: Double, d1Volume: Double) -> (shortfall: Double, cost: Double, levels: [Int]) {
        var best: (shortfall: Double, cost: Double, levels: [Int])?
        for b1 in 0...boatNeed.s1 {
            for p1 in 0...pumpNeed.s1 {
                guard Double(b1 * 6 + p1) <= d1Volume else { continue }
                for b2 in 0...boatNeed.s2 {
                    for p2 in 0...pumpNeed.s2 {
                        let cost = Double(b1 + b2) * boatYuan + Double(p1 + p2) * pumpYuan
                        guard cost <= budget + 1e-6 else { continue }
                        let s1 = 6 * Double(boatNeed.s1 - b1) / Double(boatNeed.s1) + 3 * Double(pumpNeed.s1 - p1) / Double(pumpNeed.s1)
                        let s2 = 6 * Double(boatNeed.s2 - b2) / Double(boatNeed.s2) + 3 * Double(pumpNeed.s2 - p2) / Double(pumpNeed.s2)
                        let shortfall = 0.7 * s1 + 0.3 * s2
                        if let b = best, shortfall > b.shortfall + 1e-9 || (abs(shortfall - b.shortfall) <= 1e-9 && cost >= b.cost) {
                            continue
                        }
                        best = (shortfall, cost, [b1, p1, b2, p2])
                    }
                }
            }
        }
        return best!
    }

    /// ¥100,000 and 14 m³ at D1: the LP buys 5 pumps and 1.5 boats for D1 (the room
    /// left) and 0.34 of a boat for D2; the best whole plan (1 boat and 5 pumps at D1,
    /// 3 pumps at D2) is not the LP rounded down (no pumps at D2). ¥75,000 (LP: 1.05
    /// boats at D1) and ¥140,000 (1.5 at D1, 1.61 at D2) split pieces too.
    @Test(arguments: [100_000.0, 75_000, 140_000])
    func wholePlanIsTheBruteForceOptimum(_ budget: Double) throws {
        let path = try Self.bundle()
        let expected = Self.bruteForce(budget: budget, d1Volume: 14)
        let whole = try plan(path, ReservePlanOptions(objective: .shortfall, budgetYuan: budget, decomposition: .deterministicEquivalent))
        let found = [level(whole, "D1", "boat"), level(whole, "D1", "pump"), level(whole, "D2", "boat"), level(whole, "D2", "pump")]
        #expect(found == expected.levels.map(Double.init), "budget \(budget): \(found) against \(expected.levels)")
        #expect(isApproximatelyEqual(whole.objective!, expected.shortfall, absolute: 1e-6))
        #expect(isApproximatelyEqual(whole.cost.total, expected.cost, absolute: 1e-3))
        #expect(whole.cost.total <= budget + 1e-6)
        #expect(whole.purchases.values.allSatisfy { $0 == $0.rounded() })
        // The LP plan splits a piece, and no whole plan beats its level 1.
        let lp = try plan(path, ReservePlanOptions(objective: .shortfall, budgetYuan: budget, decomposition: .deterministicEquivalent,
                                                   wholePieces: false))
        #expect(lp.levels.contains { $0.recommended != $0.recommended.rounded() })
        #expect(lp.wholePieces == nil)
        if budget == 100_000 {
            // scipy's linprog on the same LP (docs/formulation.md): 1.5 and 5 at D1, 0.3413 of a boat at D2.
            #expect(isApproximatelyEqual(lp.objective!, 4.492857142857144, absolute: 1e-6))
            #expect(isApproximatelyEqual(level(lp, "D1", "boat"), 1.5, absolute: 1e-6))
        }
        let search = try #require(whole.wholePieces)
        #expect(search.integerColumns == 4)
        #expect(isApproximatelyEqual(search.levelOneLPBound!, lp.objective!, absolute: 1e-9))
        #expect(search.levelOneLPBound! <= whole.objective! + 1e-9)
    }

    /// The numbers of the documentation's example: ¥100,000 gives 1 boat and 5 pumps at
    /// D1 and 3 pumps at D2 (expected 0.7 × 4 + 0.3 × 6.75 = 4.825); 2 boats and 4 pumps at
    /// D1 would be better (4.52) but take 16 m³ of D1's 14.
    @Test func documentedExample() throws {
        let expected = Self.bruteForce(budget: 100_000, d1Volume: 14)
        #expect(expected.levels == [1, 5, 0, 3])
        #expect(isApproximatelyEqual(expected.shortfall, 4.825, absolute: 1e-9))
        #expect(Self.bruteForce(budget: 100_000, d1Volume: 16).levels == [2, 4, 0, 0])
    }

    /// The scenario decomposition rounds its plan: whole, within the budget and D1's room.
    @Test func decompositionRoundsWithinTheRules() throws {
        let p = try plan(try Self.bundle(), ReservePlanOptions(objective: .shortfall, budgetYuan: 100_000, decomposition: .scenarios))
        #expect(p.levels.allSatisfy { $0.recommended == $0.recommended.rounded() })
        #expect(p.cost.total <= 100_000 + 1e-6)
        #expect(level(p, "D1", "boat") * 6 + level(p, "D1", "pump") <= 14 + 1e-9)
        #expect(p.wholePieces?.nodes == 0)
    }

    /// `integerStock` (every item whole) gives the same whole plan here: both items count pieces.
    @Test func integerStockAgrees() throws {
        let path = try Self.bundle()
        let a = try plan(path, ReservePlanOptions(objective: .shortfall, budgetYuan: 100_000, integerStock: true, decomposition: .deterministicEquivalent))
        let b = try plan(path, ReservePlanOptions(objective: .shortfall, budgetYuan: 100_000, decomposition: .deterministicEquivalent))
        #expect(a.levels.map(\.recommended) == b.levels.map(\.recommended))
    }
}

/// `plan` on the Hegang and Suzhou samples with its defaults: every quantity of an
/// item counted in pieces is whole, and the plan keeps every rule — the budget, each
/// depot's room counting everything it holds, and the scope.
@Suite struct WholePieceSamplePlanTests {
    static func samplePath(_ name: String) -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Data/\(name)").path
    }

    @Test(arguments: [("hegang", 500_000.0), ("suzhou", 1_000_000.0)])
    func indivisibleQuantitiesAreWholeAndRulesHold(_ sample: String, _ budget: Double) throws {
        let loaded = try BundleReader.read(at: Self.samplePath(sample))
        let bundle = loaded.bundle
        let p = try ReservePlanner(options: ReservePlanOptions(objective: .shortfall, budgetYuan: budget)).plan(bundle)
        let items = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        let pieces = Set(bundle.items.filter { !$0.divisible }.map(\.id))
        #expect(!pieces.isEmpty)
        func whole(_ x: Double) -> Bool { x == x.rounded() }
        for l in p.levels where pieces.contains(l.item) { #expect(whole(l.recommended), "\(l.depot) \(l.item) \(l.recommended)") }
        for m in p.moves where pieces.contains(m.item) { #expect(whole(m.quantity), "\(m.from)→\(m.to) \(m.item) \(m.quantity)") }
        for c in p.contracts where pieces.contains(c.item) { #expect(whole(c.recommended), "\(c.supplier) \(c.item) \(c.recommended)") }
        for (item, q) in p.purchases where pieces.contains(item) { #expect(whole(q), "buy \(item) \(q)") }
        // The LP plan split a piece here, so the search ran; no whole plan beats the LP.
        let search = try #require(p.wholePieces)
        #expect(search.integerColumns > 0)
        let bound = try #require(search.levelOneLPBound), objective = try #require(p.objective)
        #expect(bound <= objective + 1e-9)
        // Budget.
        #expect(p.cost.total <= budget * (1 + 1e-9))
        // Room: everything each depot holds after the plan, planned items or not, fits its
        // capacity (or what it holds today, if it is over already).
        let after = p.applied(to: bundle)
        func load(_ b: ReserveBundle) -> [DepotID: (m3: Double, t: Double)] {
            var load: [DepotID: (m3: Double, t: Double)] = [:]
            for lot in b.stock {
                let item = try! #require(items[lot.item])
                load[lot.depot, default: (0, 0)].m3 += lot.quantity * item.unitVolumeM3
                load[lot.depot, default: (0, 0)].t += lot.quantity * item.unitWeightKg / 1000
            }
            return load
        }
        let before = load(bundle), now = load(after)
        for depot in bundle.depots {
            let b = before[depot.id] ?? (0, 0), a = now[depot.id] ?? (0, 0)
            if depot.capacityM3 > 0 { #expect(a.m3 <= max(depot.capacityM3, b.m3) + 1e-6, "\(depot.id) \(a.m3) m³ of \(depot.capacityM3)") }
            if depot.capacityTonnes > 0 { #expect(a.t <= max(depot.capacityTonnes, b.t) + 1e-6, "\(depot.id) \(a.t) t of \(depot.capacityTonnes)") }
        }
        // Scope (the top area): only physical depots below provincial level that are not
        // mutual-aid neighbours change level.
        let depots = Dictionary(uniqueKeysWithValues: bundle.depots.map { ($0.id, $0) })
        for depot in Set(p.levels.map(\.depot)).union(p.moves.flatMap { [$0.from, $0.to] }) {
            let d = try #require(depots[depot])
            #expect(d.mode == .physical && !d.mutualAid && d.level != .province && d.level != .national, "\(depot)")
        }
    }
}

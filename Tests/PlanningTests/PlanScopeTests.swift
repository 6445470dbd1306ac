import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Testing
import TestSupport
@testable import Planning

/// Plans stay within the bureau's reach and keep their own rules.
@Suite struct PlanScopeTests {
    static func hegang() throws -> ValidatedBundle {
        try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
    }

    /// The depots a bureau of `area` runs, worked out from depots.csv and areas.csv
    /// directly: physical, not mutual aid, below provincial level, located in the
    /// area or below it.
    static func runBy(_ area: String, _ bundle: ReserveBundle) -> Set<DepotID> {
        func inside(_ id: AreaID?) -> Bool {
            var a = id
            while let current = a {
                if current.rawValue == area { return true }
                a = bundle.areas.first { $0.id == current }?.parent
            }
            return false
        }
        return Set(bundle.depots.filter { $0.mode == .physical && !$0.mutualAid && $0.level != .province && $0.level != .national && inside($0.area) }.map(\.id))
    }

    /// Hegang, ¥2 M: the provincial depot in Harbin and the neighbours' depots keep their
    /// stock; only the city's, counties' and townships' depots change (and agreement
    /// capacity in the city); nothing is moved or emptied without a stated gain.
    @Test func hegangChangesOnlyItsOwnDepots() throws {
        let validated = try Self.hegang()
        let bundle = validated.bundle
        let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 2_000_000)).plan(bundle, network: validated.network)
        let own = Self.runBy("HG", bundle)
        #expect(own.contains("HG-D-CITY") && !own.contains("HG-D-PROV") && !own.contains("HG-D-MA-JMS"))
        #expect(plan.scope == ["HG"])
        #expect(!plan.levels.isEmpty)
        for l in plan.levels { #expect(own.contains(l.depot), "\(l.depot) changed") }
        for m in plan.moves { #expect(own.contains(m.from) && own.contains(m.to), "\(m.from)→\(m.to)") }
        let agreement = Set(bundle.depots.filter { $0.mode == .agreement }.map(\.id))
        for c in plan.contracts { #expect(agreement.contains(c.supplier), "\(c.supplier) contracted") }
        // Nothing emptied or moved without a gain, and every increase says what it serves.
        for l in plan.levels where l.recommended < l.current - 1e-6 {
            #expect(l.reason.expectedShortfallCovered > 1e-9, "\(l.depot) \(l.item) lowered \(l.current) → \(l.recommended) without a gain")
            #expect(plan.moves.contains { $0.from == l.depot && $0.item == l.item })
        }
        for m in plan.moves {
            #expect(m.reason.expectedShortfallCovered > 1e-9, "move \(m.item) \(m.from)→\(m.to) without a gain")
            #expect(m.costYuan > 0 && m.distanceKm > 0)
        }
        for l in plan.levels where l.recommended > l.current + 1e-6 {
            #expect(!l.reason.gains.isEmpty && l.reason.expectedShortfallCovered > 1e-9, "\(l.depot) \(l.item) raised without a reason")
        }
        // The plan's shortfall is dispatch's, and the budget bought some of it away.
        #expect(plan.expectedShortfallAfter < plan.expectedShortfallBefore - 1)
        // Moves are paid for: the cost of the moves is the sum of theirs, inside the budget.
        #expect(isApproximatelyEqual(plan.cost.moves, plan.moves.reduce(0) { $0 + $1.costYuan }, absolute: 1e-6))
        #expect(plan.cost.total <= 2_000_000 + 1e-3)
    }

    /// A county bureau (萝北县) changes only its own and its townships' depots.
    @Test func countyScope() throws {
        let validated = try Self.hegang()
        let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 500_000, scope: "HG-LB")).plan(validated.bundle, network: validated.network)
        let own = Self.runBy("HG-LB", validated.bundle)
        #expect(own == ["HG-D-LB", "HG-D-LB-MS", "HG-D-LB-ZX", "HG-D-LB-TPG", "HG-D-LB-HB"])
        #expect(!plan.levels.isEmpty)
        for l in plan.levels { #expect(own.contains(l.depot), "\(l.depot) changed") }
        #expect(plan.contracts.isEmpty)   // no agreement reserve is located in 萝北县
        let unknown = Result { try ReservePlanner(options: ReservePlanOptions(scope: "XX")).plan(validated.bundle, network: validated.network) }
        guard case let .failure(error) = unknown, case let .invalidOptions(list)? = error as? PlanningError else {
            Issue.record("an unknown scope was accepted"); return
        }
        #expect(list.map(\.path) == ["scope"])
    }

    /// A minimum-stock rule that costs more than the budget: a typed error naming both rules, no plan.
    @Test func infeasibleRulesAreNamed() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/linjiang").path)
        let options = ReservePlanOptions(budgetYuan: 0, minimumStock: [MinimumStockRule(level: .county, people: 5000, days: 3)])
        let result = Result { try ReservePlanner(options: options).plan(validated.bundle, network: validated.network) }
        guard case let .failure(error) = result, case let .infeasible(conflicts)? = error as? PlanningError else {
            Issue.record("an infeasible plan was returned"); return
        }
        #expect(conflicts.contains { $0.rules.contains("min-stock county:5000:3") && $0.rules.contains("budget") })
        let cost = Result { try ReservePlanner(options: ReservePlanOptions(objective: .cost, budgetYuan: 1)).plan(validated.bundle, network: validated.network) }
        guard case let .failure(e) = cost, case let .invalidOptions(list)? = e as? PlanningError else {
            Issue.record("the cost objective accepted a budget"); return
        }
        #expect(list.map(\.path) == ["budgetYuan"])
    }

    /// Independent capacity check on every sample: from the written recommended stock
    /// alone (every lot, modelled items or not), no planned depot holds more volume or
    /// weight than its capacity — or than it holds today, where today is already over.
    @Test(arguments: PlanMatchesDispatchTests.samples, [ReservePlanObjective.shortfall, .robust, .cost])
    func noDepotAboveItsCapacity(_ sample: String, _ objective: ReservePlanObjective) throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/\(sample)").path)
        let bundle = validated.bundle
        let plan = try ReservePlanner(options: ReservePlanOptions(objective: objective, budgetYuan: objective == .cost ? nil : 0))
            .plan(bundle, network: validated.network)
        let written = try PlanMatchesDispatchTests.roundTrip(plan.applied(to: bundle)).bundle
        let items = Dictionary(uniqueKeysWithValues: bundle.items.map { ($0.id, $0) })
        func use(_ b: ReserveBundle) -> [DepotID: (m3: Double, t: Double)] {
            var u: [DepotID: (m3: Double, t: Double)] = [:]
            for lot in b.stock {
                let item = try! #require(items[lot.item])
                u[lot.depot, default: (0, 0)].m3 += lot.quantity * item.unitVolumeM3
                u[lot.depot, default: (0, 0)].t += lot.quantity * item.unitWeightKg / 1000
            }
            return u
        }
        let today = use(bundle), after = use(written)
        let changed = Set(plan.levels.map(\.depot))
        for depot in bundle.depots where changed.contains(depot.id) {
            let a = after[depot.id] ?? (0, 0), t = today[depot.id] ?? (0, 0)
            if depot.capacityM3 > 0 {
                #expect(a.m3 <= max(depot.capacityM3, t.m3) * (1 + 1e-9) + 1e-6, "\(sample) \(objective) \(depot.id): \(a.m3) m³ in \(depot.capacityM3)")
            }
            if depot.capacityTonnes > 0 {
                #expect(a.t <= max(depot.capacityTonnes, t.t) * (1 + 1e-9) + 1e-6, "\(sample) \(objective) \(depot.id): \(a.t) t in \(depot.capacityTonnes)")
            }
        }
    }
}

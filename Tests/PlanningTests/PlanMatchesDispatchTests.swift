import BundleGraph
import BundleIO
import Foundation
import Response
import ReserveModel
import Testing
import TestSupport
@testable import Planning

/// A plan's before and after figures are `reserve dispatch`'s: on every sample and
/// every scenario, "before" equals a dispatch of today's bundle and "after" equals a
/// dispatch of the bundle written with the recommended stock and read back. Both sides
/// are computed here through `ResponsePlanner.respond` (the path `reserve dispatch`
/// takes), never hard-coded: the dispatch model may change, the agreement may not.
@Suite struct PlanMatchesDispatchTests {
    static let samples = ["hegang", "huangshigang", "linjiang", "manzhouli", "suzhou"]

    /// Dispatch's weighted shortfall by the deadline and relief compliance for one scenario.
    static func dispatch(_ scenario: ScenarioID, _ validated: ValidatedBundle) throws -> (shortfall: Double, compliance: Double) {
        let r = try ResponsePlanner(options: ResponseOptions(routeGeometry: false)).respond(to: scenario, in: validated.bundle, network: validated.network)
        let met = r.compliance.filter(\.reliefMet).count
        return (r.goods.weightedShortfall, r.compliance.isEmpty ? 1 : Double(met) / Double(r.compliance.count))
    }

    /// Writes `bundle` to a new directory and reads it back, validated (as a user would).
    static func roundTrip(_ bundle: ReserveBundle) throws -> ValidatedBundle {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-planned-\(UUID().uuidString)").path
        try BundleWriter.write(bundle, toDirectory: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try BundleReader.readValidated(at: dir)
    }

    @Test(arguments: samples)
    func beforeAndAfterAreDispatchFigures(_ sample: String) throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/\(sample)").path)
        let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 1_000_000)).plan(validated.bundle, network: validated.network)
        let planned = try Self.roundTrip(plan.applied(to: validated.bundle))
        #expect(plan.scenarios.map(\.scenario) == validated.bundle.scenarios.map(\.id))
        var changed = false
        for outcome in plan.scenarios {
            let today = try Self.dispatch(outcome.scenario, validated)
            let after = try Self.dispatch(outcome.scenario, planned)
            #expect(isApproximatelyEqual(outcome.shortfallBefore, today.shortfall, absolute: 1e-9), "\(sample) \(outcome.scenario) before")
            #expect(isApproximatelyEqual(outcome.complianceBefore, today.compliance, absolute: 1e-12), "\(sample) \(outcome.scenario)")
            // The written bundle carries the levels to CSV precision.
            #expect(isApproximatelyEqual(outcome.shortfallAfter, after.shortfall, absolute: 1e-6), "\(sample) \(outcome.scenario) after")
            #expect(isApproximatelyEqual(outcome.complianceAfter, after.compliance, absolute: 1e-12), "\(sample) \(outcome.scenario)")
            changed = changed || abs(today.shortfall - after.shortfall) > 1e-6
        }
        // The comparison is not vacuous: the budget changes some scenario's dispatch.
        #expect(changed || plan.levels.isEmpty, "\(sample)")
        let expected = plan.scenarios.reduce(0.0) { $0 + $1.probability * $1.shortfallAfter }
        #expect(isApproximatelyEqual(plan.expectedShortfallAfter, expected, absolute: 1e-12))
    }

    /// Applying a plan changes exactly the planned (depot, item) totals; other lots are untouched.
    @Test func appliedBundleHoldsTheRecommendedTotals() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
        let plan = try ReservePlanner(options: ReservePlanOptions(budgetYuan: 2_000_000)).plan(validated.bundle, network: validated.network)
        let applied = plan.applied(to: validated.bundle)
        func totals(_ b: ReserveBundle) -> [DepotItem: Double] {
            var t: [DepotItem: Double] = [:]
            for lot in b.stock { t[DepotItem(lot.depot, lot.item), default: 0] += lot.quantity }
            return t
        }
        let before = totals(validated.bundle), after = totals(applied)
        var expected = before
        for l in plan.levels { expected[DepotItem(l.depot, l.item)] = l.recommended }
        for c in plan.contracts { expected[DepotItem(c.supplier, c.item)] = c.recommended }
        for key in Set(expected.keys).union(after.keys) {
            #expect(isApproximatelyEqual(after[key] ?? 0, expected[key] ?? 0, absolute: 1e-9), "\(key)")
        }
        #expect(!plan.levels.isEmpty)
    }
}

import Foundation
@testable import Ledger
import ReserveModel
import Testing

/// The FEFO rotation plan on a case worked by hand.
@Suite struct RotationPlanTests {
    /// D1 rotates 1 m³ a month; water and rice take 0.1 m³ a unit (10 units a month).
    /// As of 2025-01-15 with a 30-day lead:
    /// * A: 15 water, expiry 2025-03-31 → rotate by 2025-03-01 (March);
    /// * B: 10 water, expiry 2025-04-30 → rotate by 2025-03-31 (March);
    /// * C: 5 rice, no label expiry, produced 2024-06-01 + 365 days shelf life → expiry
    ///   2025-06-01, rotate by 2025-05-02 (May);
    /// * D: water expiring 2027: outside the 365-day horizon.
    /// Backwards from the latest deadline: C takes 0.5 m³ of May; B fills March; A finds
    /// March full and takes February (10) and January (5).
    @Test(arguments: Backend.allCases)
    func backwardFillWithinTheMonthlyVolume(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "A", at: "D1", expiry: "2025-03-31"), quantity: 15, context: context("1"))
        try f.ledger.receive(label("water", "B", at: "D1", expiry: "2025-04-30"), quantity: 10, context: context("2"))
        var rice = label("rice", "C", at: "D1")
        rice.productionDate = CalendarDate("2024-06-01")
        try f.ledger.receive(rice, quantity: 5, context: context("3"))
        try f.ledger.receive(label("water", "D", at: "D1", expiry: "2027-01-01"), quantity: 99, context: context("4"))
        let items = ["water": RotationItem(shelfLifeDays: 540, unitVolumeM3: 0.1),
                     "rice": RotationItem(shelfLifeDays: 365, unitVolumeM3: 0.1)]
        let options = RotationOptions(asOf: CalendarDate("2025-01-15")!, horizonDays: 365, leadDays: 30,
                                      defaultMonthlyVolumeM3: 1)
        let plan = try f.ledger.rotationPlan(items: items, options: options)
        #expect(plan.entries.map { "\($0.month) \($0.lot) \(($0.quantity * 1000).rounded() / 1000)" }
                == ["2025-01 A 5.0", "2025-02 A 10.0", "2025-03 B 10.0", "2025-05 C 5.0"])
        #expect(plan.entries.last?.expiry == CalendarDate("2025-06-01"))
        #expect(plan.entries.last?.expirySource == "shelfLife")
        #expect(plan.entries.last?.rotateBy == CalendarDate("2025-05-02"))
        #expect(plan.atRisk.isEmpty)

        // 30 units of A: only January and February are left for it, 10 each; 10 are at risk.
        try f.ledger.receive(label("water", "A", at: "D1", expiry: "2025-03-31"), quantity: 15, context: context("5"))
        let tight = try f.ledger.rotationPlan(items: items, options: options)
        #expect(tight.atRisk.map { "\($0.lot) \(($0.quantity * 1000).rounded() / 1000)" } == ["A 10.0"])
        // Unlimited volume: every lot leaves in its rotate-by month.
        var open = options
        open.defaultMonthlyVolumeM3 = nil
        let free = try f.ledger.rotationPlan(items: items, options: open)
        #expect(free.entries.map { "\($0.month) \($0.lot)" } == ["2025-03 A", "2025-03 B", "2025-05 C"])
        #expect(free.atRisk.isEmpty)
        try f.close()
    }
}

/// The upward reports on a small book worked by hand.
@Suite struct LedgerReportTests {
    @Test(arguments: Backend.allCases)
    func inboundDispatchAndAnnual(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let tent = LotKey(item: "tent", lot: "T,1")
        try f.ledger.receive(label("tent", "T,1", at: "D1"), quantity: 100, context: context("RK-0", day: "2024-12-20"))
        try f.ledger.receive(label("tent", "T,1", at: "D1"), quantity: 50, context: context("RK-1", day: "2025-02-01"))
        try f.ledger.issue(tent, at: "D1", quantity: 30, context: context("CK-1", day: "2025-03-01"))
        try f.ledger.writeOff(tent, at: "D1", quantity: 5, approval: "批-1", context: context("BF-1", day: "2025-04-01"))
        try f.ledger.transfer(tent, from: "D1", to: "D2", quantity: 10, context: context("DB-1", day: "2025-05-01"))
        try f.ledger.issue(tent, at: "D1", quantity: 1, context: context("CK-2", day: "2026-01-02"))
        let from = CalendarDate("2025-01-01")!, to = CalendarDate("2025-12-31")!

        let inbound = try f.ledger.report(.inbound, from: from, to: to)
        #expect(inbound.rows.map { [$0[0], $0[3], $0[4], $0[11]] } == [["2025-02-01T00:00:00Z", "T,1", "50", "RK-1"]])
        let csv = inbound.csv()
        #expect(csv.hasPrefix("\u{FEFF}入库时间,仓库,物资,批次号,数量"))
        #expect(csv.contains(",\"T,1\",50,"))
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])

        let dispatch = try f.ledger.report(.dispatch, from: from, to: to)
        #expect(dispatch.rows.map { [$0[3], $0[4], $0[7]] } == [["T,1", "30", "CK-1"]])
        #expect(dispatch.html().contains("<td>T,1</td><td class=\"n\">30</td>"))

        // D1: opening 100; received 50, issued 30, transferred out 10, written off 5 → closing 105.
        // D2: opening 0, transferred in 10 → closing 10. The 2026 issue is outside the year.
        let annual = try f.ledger.report(.annual, from: from, to: to)
        let d1 = try #require(annual.rows.first { $0[0] == "D1" })
        let named = Dictionary(uniqueKeysWithValues: zip(annual.columns, d1))
        #expect(named["期初"] == "100" && named["入库"] == "50" && named["出库"] == "30" && named["调出"] == "10")
        #expect(named["报废"] == "5" && named["期末"] == "105")
        let d2 = try #require(annual.rows.first { $0[0] == "D2" })
        #expect(Dictionary(uniqueKeysWithValues: zip(annual.columns, d2))["调入"] == "10")
        #expect(Dictionary(uniqueKeysWithValues: zip(annual.columns, d2))["期末"] == "10")
        try f.close()
    }
}

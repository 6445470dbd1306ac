import Foundation
@testable import Ledger
import ReserveModel
import Testing

/// `postDispatch`: FEFO lot choice, refusal naming each order, idempotency.
@Suite struct DispatchPostingTests {
    /// D1 holds water in three lots: A expires 2025-07-10 (before the scenario starts on
    /// 2025-07-20: not taken), B 2025-08-01 (300), C 2026-01-01 (500), and N with no expiry (200).
    func stocked(_ backend: Backend) throws -> LedgerFixture {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "C", at: "D1", expiry: "2026-01-01"), quantity: 500, context: context("1"))
        try f.ledger.receive(label("water", "N", at: "D1"), quantity: 200, context: context("2"))
        try f.ledger.receive(label("water", "B", at: "D1", expiry: "2025-08-01"), quantity: 300, context: context("3"))
        try f.ledger.receive(label("water", "A", at: "D1", expiry: "2025-07-10"), quantity: 50, context: context("4"))
        return f
    }

    let start = "2025-07-20T06:00:00+08:00"

    @Test(arguments: Backend.allCases)
    func ordersTakeTheSoonestExpiringUsableLotsFirst(backend: Backend) throws {
        let f = try stocked(backend)
        let orders = DispatchOrders(scenario: "s1", start: start, orders: [
            .init(from: "D1", to: "A1", item: "water", quantity: 250),   // B: 250
            .init(from: "D1", to: "A2", item: "water", quantity: 400),   // B: 50, C: 350
            .init(from: "P", to: "A2", item: "water", quantity: 999, mode: "productionCapacity"),
        ])
        let posted = try f.ledger.postDispatch(orders, context: context("FH-1"))
        #expect(posted.result.movements.map { "\($0.lot) \($0.quantity)" } == ["B -250.0", "B -50.0", "C -350.0"])
        #expect(posted.skipped.map(\.from) == ["P"])
        #expect(try f.balance("D1", "water", "A") == 50)
        #expect(try f.balance("D1", "water", "B") == 0)
        #expect(try f.balance("D1", "water", "C") == 150)
        #expect(try f.balance("D1", "water", "N") == 200)
        // Posting the same dispatch again writes nothing.
        let again = try f.ledger.postDispatch(orders, context: context("FH-1"))
        #expect(again.result.replayed && again.result.movements == posted.result.movements)
        #expect(again.dispatchID == posted.dispatchID && posted.dispatchID.hasPrefix("s1#"))
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func aShortDispatchIsRefusedWholeNamingEachOrder(backend: Backend) throws {
        let f = try stocked(backend)
        let orders = DispatchOrders(scenario: "s2", start: start, orders: [
            .init(from: "D1", to: "A1", item: "water", quantity: 900),   // fits: 300 + 500 + 100 of N
            .init(from: "D1", to: "A2", item: "water", quantity: 150),   // only 100 (of N) left
            .init(from: "D9", to: "A3", item: "tent", quantity: 1),      // nothing there
        ])
        #expect(throws: LedgerError.insufficientStock([
            .init(request: "order 2 (D1 → A2)", depot: "D1", item: "water", lot: nil, requested: 150, available: 100),
            .init(request: "order 3 (D9 → A3)", depot: "D9", item: "tent", lot: nil, requested: 1, available: 0),
        ])) { try f.ledger.postDispatch(orders, context: context("FH-2")) }
        #expect(try f.ledger.history().count == 4)
        try f.close()
    }

    @Test func theIdDependsOnTheOrdersOnly() throws {
        let a = DispatchOrders(scenario: "s", start: start, orders: [.init(from: "D1", to: "A", item: "w", quantity: 1)])
        var b = a
        b.orders[0].quantity = 2
        #expect(a.id != b.id)
        #expect(a.id == DispatchOrders(scenario: "s", start: "other", orders: a.orders).id)
        #expect(a.id.count == "s#".count + 16)
    }
}

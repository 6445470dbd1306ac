import Foundation
import ReserveModel

extension StockLedger {
    /// Turns a dispatch's orders into issue movements, choosing lots first-expiry
    /// first-out (FEFO): at the order's source depot, among lots not expired on the
    /// scenario's start day, soonest expiry first, lots without expiry last, older lots
    /// first among equals. Orders are taken in the response's order.
    ///
    /// One transaction, keyed by `dispatch:` + the dispatch's id, so a retry posts
    /// nothing new. If any order cannot be met from the book, nothing is posted and
    /// ``LedgerError/insufficientStock(_:)`` names every such order. Orders from
    /// production-capacity sources are skipped (they are produced, not taken from stock).
    public func postDispatch(_ dispatch: DispatchOrders, dispatchID: String? = nil,
                             context: PostingContext) throws(LedgerError) -> DispatchPosting {
        _ = try Self.check(context, quantity: nil, depots: [])
        let id = dispatchID ?? dispatch.id
        var context = context
        context.idempotencyKey = "dispatch:\(id)"
        let firstDay = CalendarDate(String(dispatch.start.prefix(10)))?.description ?? ""
        let skipped = dispatch.orders.filter { $0.mode == "productionCapacity" }
        var bad: [LedgerError.FileProblem] = []
        for (index, order) in dispatch.orders.enumerated() where LedgerQuantity.micros(order.quantity).map({ $0 < 0 }) ?? true {
            bad.append(.orderQuantity(path: "$.orders[\(index)].quantity", value: "\(order.quantity)"))
        }
        if !bad.isEmpty { throw .invalidDispatch(source: "", problems: bad) }
        let posting = context
        let result = try write { db in
            let existing = try Self.movements(key: posting.idempotencyKey!, in: db)
            if !existing.isEmpty { return PostingResult(movements: existing, replayed: true) }
            // Depot → lot id → micro-units left after the orders before this one.
            var remainingByDepot: [String: [Int64: Int64]] = [:]
            var legs: [PendingLeg] = []
            var shortages: [LedgerError.Shortage] = []
            for (index, order) in dispatch.orders.enumerated() where order.mode != "productionCapacity" {
                var need = LedgerQuantity.micros(order.quantity) ?? 0
                guard need > 0 else { continue }
                let lots = try Self.fefoLots(item: order.item, depot: order.from, notExpiredOn: firstDay, in: db)
                var remaining = remainingByDepot[order.from] ?? [:]
                var available: Int64 = 0
                for (lot, balance) in lots { available += remaining[lot.id] ?? balance }
                if available < need {
                    shortages.append(.init(request: "order \(index + 1) (\(order.from) → \(order.to))", depot: order.from,
                                           item: order.item, lot: nil, requested: LedgerQuantity.units(need),
                                           available: LedgerQuantity.units(available)))
                    continue
                }
                for (lot, balance) in lots where need > 0 {
                    let left = remaining[lot.id] ?? balance
                    let take = min(left, need)
                    guard take > 0 else { continue }
                    remaining[lot.id] = left - take
                    need -= take
                    legs.append(PendingLeg(kind: .issue, lot: lot, depot: order.from, micros: -take))
                }
                remainingByDepot[order.from] = remaining
            }
            if !shortages.isEmpty { throw LedgerError.insufficientStock(shortages) }
            return try Self.post(legs, context: posting, in: db) { _ in "issue" }
        }
        return DispatchPosting(dispatchID: id, result: result, skipped: skipped)
    }

    /// Lots of `item` with a positive balance at `depot`, in FEFO order.
    static func fefoLots(item: String, depot: String, notExpiredOn day: String,
                         in db: any LedgerTransaction) throws -> [(StoredLot, Int64)] {
        try db.fetchAll("""
            SELECT l.*, b.quantity AS balance FROM balances b JOIN lots l ON l.id = b.lot_id
            WHERE b.depot = ? AND l.item = ? AND b.quantity > 0 AND (l.expiry = '' OR l.expiry >= ?)
            ORDER BY l.expiry = '', l.expiry, l.inbound_date, l.id
            """, [depot, item, day]).map { (try Self.storedLot($0), try $0["balance"] as Int64) }
    }
}

import Foundation
import ReserveModel

/// Opening balances from a bundle's stock table, and a bundle whose stock is the book.
extension StockLedger {
    /// Posts one receive per row of the bundle's stock table, in one transaction: all
    /// rows or none. Each lot's label takes the row's batch, expiry, unit and receipt
    /// day and the depot's reserve mode; each movement is dated on the receipt day
    /// (or `context.at` when the row has none), so `balance --at` sees the opening
    /// stock from the day it arrived. Rows with zero quantity are skipped.
    ///
    /// The idempotency key defaults to `import:` + the bundle's name, so importing the
    /// same bundle twice posts it once.
    @discardableResult
    public func importOpeningBalances(of bundle: ReserveBundle, context: PostingContext) throws(LedgerError) -> PostingResult {
        _ = try Self.check(context, quantity: nil, depots: [])
        var context = context
        if context.idempotencyKey == nil { context.idempotencyKey = "import:\(bundle.manifest.name)" }
        let mode = Dictionary(bundle.depots.map { ($0.id.rawValue, $0.mode.rawValue) }, uniquingKeysWith: { a, _ in a })
        var invalid: [LedgerError.Request] = []
        var rows: [(LotLabel, Int64)] = []
        for (index, lot) in bundle.stock.enumerated() {
            guard let micros = LedgerQuantity.micros(lot.quantity), micros >= 0 else {
                invalid.append(.stockQuantity(row: index + 1, quantity: "\(lot.quantity)"))
                continue
            }
            guard micros > 0 else { continue }
            rows.append((LotLabel(item: lot.item.rawValue, lot: lot.batch, depot: lot.depot.rawValue, expiry: lot.expiry,
                                  reserveMode: mode[lot.depot.rawValue] ?? "", unit: lot.unit ?? "",
                                  inboundDate: lot.received), micros))
        }
        if !invalid.isEmpty { throw .invalidRequest(invalid.count == 1 ? invalid[0] : .several(invalid)) }
        return try postReceipts(rows, context: context, describe: "import")
    }

    /// Posts one receive per (label, micro-units), in one transaction, each dated on its
    /// lot's inbound day when it has one.
    func postReceipts(_ rows: [(LotLabel, Int64)], context: PostingContext, describe: String) throws(LedgerError) -> PostingResult {
        try write { db in
            let lots = try Self.findOrCreateLots(rows.map(\.0), in: db)
            let legs = zip(rows, lots).map { row, lot in
                PendingLeg(kind: .receive, lot: lot, depot: row.0.depot, micros: row.1,
                           at: row.0.inboundDate.map { "\($0)T00:00:00Z" })
            }
            return try Self.post(legs, context: context, in: db) { _ in describe }
        }
    }

    /// `base` with its stock replaced by the book's positive balances, one stock row per
    /// depot × lot, in the order the lots were first received (so an imported bundle
    /// comes back in its own order).
    ///
    /// - Throws: ``LedgerError/invalidRequest(_:)`` listing every depot and item in the
    ///   book that `base` does not define.
    public func exportBundle(base: ReserveBundle) throws(LedgerError) -> ReserveBundle {
        let rows = try read { db in
            try db.fetchAll("""
                SELECT b.depot, l.item, b.quantity, l.unit, l.lot_number, l.inbound_date, l.expiry
                FROM balances b JOIN lots l ON l.id = b.lot_id
                WHERE b.quantity > 0
                ORDER BY l.id, (SELECT MIN(m.id) FROM movements m WHERE m.lot_id = b.lot_id AND m.depot = b.depot)
                """, [])
        }
        let depots = Set(base.depots.map(\.id.rawValue)), items = Set(base.items.map(\.id.rawValue))
        var unknown = Set<String>()
        var stock: [StockLot] = []
        for row in rows {
            guard let depot = try? row[0] as String, let item = try? row[1] as String, let unit = try? row[3] as String,
                  let micros = try? row[2] as Int64, let batch = try? row[4] as String,
                  let received = try? row[5] as String, let expiry = try? row[6] as String else {
                throw .database("a balance row does not have the ledger's column types")
            }
            if !depots.contains(depot) { unknown.insert("depot '\(depot)'") }
            if !items.contains(item) { unknown.insert("item '\(item)'") }
            stock.append(StockLot(depot: DepotID(depot), item: ItemID(item), quantity: LedgerQuantity.units(micros),
                                  unit: unit.isEmpty ? nil : unit, batch: batch, received: CalendarDate(received),
                                  expiry: CalendarDate(expiry)))
        }
        guard unknown.isEmpty else {
            throw .invalidRequest(.unknownStock(ids: unknown.sorted().joined(separator: ", ")))
        }
        var bundle = base
        bundle.stock = stock
        return bundle
    }
}

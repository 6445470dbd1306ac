import Foundation

extension StockLedger {
    /// Writes `legs` as one posting under the context's idempotency key, keeping the
    /// balances, inside the caller's transaction.
    ///
    /// A key that was posted before returns the earlier movements (`replayed`) if they
    /// are the same request (same kinds, lots, depots and quantities; a count compares
    /// all but the quantity, which depends on the book at the time), and throws
    /// ``LedgerError/idempotencyConflict(key:existing:)`` if not.
    static func post(_ legs: [PendingLeg], context: PostingContext, in db: any LedgerTransaction, fetchResult: Bool = true,
                     describe: (PendingLeg) -> String) throws -> PostingResult {
        let key = context.idempotencyKey ?? UUID().uuidString.lowercased()
        if let replay = try replayed(legs, key: key, in: db) { return replay }
        let at = LedgerTime.format(context.at ?? Date())
        let recordedAt = LedgerTime.format(Date())
        // Only a movement out can take a balance below zero; movements in skip the read.
        // The balances are read once, then followed leg by leg in memory, so that a
        // posting with several legs on one lot sees its own earlier legs.
        let outKeys = legs.filter { $0.micros < 0 }.map { BalanceKey(depot: $0.depot, lotID: $0.lot.id) }
        var running = try db.keptBalances(of: outKeys)
        for key in outKeys where running[key] == nil { running[key] = 0 }
        var rows: [MovementRow] = []
        rows.reserveCapacity(legs.count)
        var deltas: [BalanceKey: Int64] = [:]
        deltas.reserveCapacity(legs.count)
        var shortages: [LedgerError.Shortage] = []
        for (index, leg) in legs.enumerated() {
            let balanceKey = BalanceKey(depot: leg.depot, lotID: leg.lot.id)
            var after: Int64 = 0
            if leg.micros < 0 {
                let before = running[balanceKey] ?? 0
                after = before + leg.micros
                if after < 0, context.allowNegativeReason == nil {
                    shortages.append(.init(request: describe(leg), depot: leg.depot, item: leg.lot.item, lot: leg.lot.lot,
                                           requested: LedgerQuantity.units(-leg.micros),
                                           available: LedgerQuantity.units(max(0, before))))
                    continue
                }
                running[balanceKey] = after
            } else if running[balanceKey] != nil {
                running[balanceKey]! += leg.micros
            }
            rows.append(MovementRow(kind: leg.kind.rawValue, lotID: leg.lot.id, depot: leg.depot, quantity: leg.micros,
                                    at: leg.at ?? at, user: context.user, document: context.document, reason: context.reason,
                                    idempotencyKey: key, leg: Int64(index), approval: leg.approval, reverses: leg.reverses,
                                    negativeReason: after < 0 ? context.allowNegativeReason : nil, recordedAt: recordedAt))
            deltas[balanceKey, default: 0] += leg.micros
        }
        if !shortages.isEmpty { throw LedgerError.insufficientStock(shortages) }
        try db.insertMovements(rows)
        try db.addToBalances(deltas)
        // Bulk callers skip reading back what they wrote.
        return PostingResult(movements: fetchResult ? try movements(key: key, in: db) : [], replayed: false)
    }

    private static func replayed(_ legs: [PendingLeg], key: String, in db: any LedgerTransaction) throws -> PostingResult? {
        let existing = try movements(key: key, in: db)
        guard !existing.isEmpty else { return nil }
        let same = existing.count == legs.count && zip(existing, legs).allSatisfy { old, new in
            old.kind == new.kind && old.depot == new.depot && old.item == new.lot.item && old.lot == new.lot.lot
                && (new.kind == .count || LedgerQuantity.micros(old.quantity) == new.micros)
        }
        guard same else {
            let first = existing[0]
            throw LedgerError.idempotencyConflict(
                key: key, existing: "movement \(first.id): \(first.kind.rawValue) \(LedgerQuantity.text(first.quantity)) of lot '\(first.lot)' of '\(first.item)' at '\(first.depot)'")
        }
        return PostingResult(movements: existing, replayed: true)
    }

    /// Checks what every posting needs: who, which document, a positive quantity.
    static func check(_ context: PostingContext, quantity: Double?, depots: [String]) throws(LedgerError) -> Int64? {
        if context.user.trimmingCharacters(in: .whitespaces).isEmpty { throw .invalidRequest(.noUser) }
        if context.document.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidRequest(.noDocument)
        }
        if let reason = context.allowNegativeReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidRequest(.negativeReason)
        }
        if let key = context.idempotencyKey, key.isEmpty { throw .invalidRequest(.emptyIdempotencyKey) }
        for depot in depots where depot.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidRequest(.noDepot)
        }
        guard let quantity else { return nil }
        guard let micros = LedgerQuantity.micros(quantity), micros > 0 else {
            throw .invalidRequest(.quantity(value: "\(quantity)"))
        }
        return micros
    }
}

import Foundation
import ReserveModel

/// The movement kinds, one method each; every method is one transaction.
extension StockLedger {
    /// Receives `quantity` units of a lot into the label's depot (入库), creating the lot
    /// with the label's fields if it is new.
    @discardableResult
    public func receive(_ label: LotLabel, quantity: Double, context: PostingContext) throws(LedgerError) -> PostingResult {
        let micros = try Self.check(context, quantity: quantity, depots: [label.depot])!
        if label.item.isEmpty || label.lot.isEmpty { throw .invalidRequest(.lotLabel) }
        return try write { db in
            let lot = try Self.findOrCreateLot(label, in: db)
            return try Self.post([PendingLeg(kind: .receive, lot: lot, depot: label.depot, micros: micros)],
                                 context: context, in: db) { _ in "receive" }
        }
    }

    /// Issues `quantity` units of a lot from a depot (出库).
    @discardableResult
    public func issue(_ key: LotKey, at depot: String, quantity: Double, context: PostingContext) throws(LedgerError) -> PostingResult {
        try single(.issue, key, depot: depot, quantity: quantity, context: context)
    }

    /// Rotates out `quantity` units before they expire: sold or used (轮换出库).
    @discardableResult
    public func rotateOut(_ key: LotKey, at depot: String, quantity: Double, context: PostingContext) throws(LedgerError) -> PostingResult {
        try single(.rotateOut, key, depot: depot, quantity: quantity, context: context)
    }

    /// Scraps `quantity` units (报废); refused without an approval reference.
    @discardableResult
    public func writeOff(_ key: LotKey, at depot: String, quantity: Double, approval: String,
                         context: PostingContext) throws(LedgerError) -> PostingResult {
        guard !approval.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidRequest(.writeOffApproval)
        }
        return try single(.writeOff, key, depot: depot, quantity: quantity, approval: approval, context: context)
    }

    /// Takes back `quantity` units of a lot that had been issued (归还).
    @discardableResult
    public func returnGoods(_ key: LotKey, to depot: String, quantity: Double, context: PostingContext) throws(LedgerError) -> PostingResult {
        try single(.return, key, depot: depot, quantity: quantity, context: context)
    }

    /// Moves `quantity` units of a lot between depots: a `transferOut` and a
    /// `transferIn` in one transaction, so both or neither are written.
    @discardableResult
    public func transfer(_ key: LotKey, from source: String, to target: String, quantity: Double,
                         context: PostingContext) throws(LedgerError) -> PostingResult {
        let micros = try Self.check(context, quantity: quantity, depots: [source, target])!
        guard source != target else { throw .invalidRequest(.transferSameDepot) }
        return try write { db in
            let lot = try Self.findLot(key, in: db)
            return try Self.post([PendingLeg(kind: .transferOut, lot: lot, depot: source, micros: -micros),
                                  PendingLeg(kind: .transferIn, lot: lot, depot: target, micros: micros)],
                                 context: context, in: db) { _ in "transfer" }
        }
    }

    /// Records a stock count (盘点): the movement is counted − book, so that the
    /// balance becomes `counted`. A count that agrees is recorded with quantity 0.
    @discardableResult
    public func count(_ key: LotKey, at depot: String, counted: Double, context: PostingContext) throws(LedgerError) -> PostingResult {
        _ = try Self.check(context, quantity: nil, depots: [depot])
        guard let target = LedgerQuantity.micros(counted), target >= 0 else {
            throw .invalidRequest(.negativeCount(counted: "\(counted)"))
        }
        return try write { db in
            let lot = try Self.findLot(key, in: db)
            let book = try Self.balance(of: lot, at: depot, in: db)
            return try Self.post([PendingLeg(kind: .count, lot: lot, depot: depot, micros: target - book)],
                                 context: context, in: db) { _ in "count" }
        }
    }

    /// Posts the exact negation of movement `id` (and of its partner, for a transfer).
    /// The original stays in the book; a movement is reversed at most once, and a
    /// reversal itself is not reversed (post the movement again instead).
    @discardableResult
    public func reverse(movement id: Int64, context: PostingContext) throws(LedgerError) -> PostingResult {
        _ = try Self.check(context, quantity: nil, depots: [])
        return try write { db in
            guard let row = try db.fetchOne("SELECT \(Self.movementColumns), m.lot_id FROM movements m JOIN lots l ON l.id = m.lot_id WHERE m.id = ?",
                                            [id]) else { throw LedgerError.unknownMovement(id: id) }
            let original = try Self.movement(row)
            var targets = [(original, try row[17] as Int64)]
            if original.kind == .transferOut || original.kind == .transferIn {
                // Both halves of a transfer share the key; reverse them together.
                targets = try db.fetchAll("SELECT \(Self.movementColumns), m.lot_id FROM movements m JOIN lots l ON l.id = m.lot_id WHERE m.idempotency_key = ? AND m.kind IN ('transferOut', 'transferIn') ORDER BY m.leg",
                                          [original.idempotencyKey]).map { (try Self.movement($0), try $0[17] as Int64) }
            }
            var legs: [PendingLeg] = []
            for (movement, lotID) in targets {
                if movement.kind == .reversal {
                    throw LedgerError.invalidRequest(.reverseReversal(movement: movement.id))
                }
                // A replay of this very reversal is answered by `post`; only a different key is "already reversed".
                if let by = try db.scalar(Int64.self, "SELECT id FROM movements WHERE reverses = ? AND idempotency_key <> ?",
                                          [movement.id, context.idempotencyKey ?? ""]) {
                    throw LedgerError.alreadyReversed(id: movement.id, by: by)
                }
                let lot = StoredLot(id: lotID, item: movement.item, lot: movement.lot,
                                    expiry: movement.expiry?.description ?? "", unit: "", inboundDate: "")
                legs.append(PendingLeg(kind: .reversal, lot: lot, depot: movement.depot,
                                       micros: -(LedgerQuantity.micros(movement.quantity) ?? 0), reverses: movement.id))
            }
            return try Self.post(legs, context: context, in: db) { "reversal of movement \($0.reverses ?? 0)" }
        }
    }

    private func single(_ kind: MovementKind, _ key: LotKey, depot: String, quantity: Double, approval: String? = nil,
                        context: PostingContext) throws(LedgerError) -> PostingResult {
        let micros = try Self.check(context, quantity: quantity, depots: [depot])!
        let sign: Int64 = kind == .return ? 1 : -1
        return try write { db in
            let lot = try Self.findLot(key, in: db)
            return try Self.post([PendingLeg(kind: kind, lot: lot, depot: depot, micros: sign * micros, approval: approval)],
                                 context: context, in: db) { _ in kind.rawValue }
        }
    }
}

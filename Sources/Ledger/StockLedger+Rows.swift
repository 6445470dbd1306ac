import Foundation
import ReserveModel

/// A lot as stored: its row id and what the movements need of it.
struct StoredLot: Hashable {
    var id: Int64
    var item: String
    var lot: String
    var expiry: String
    var unit: String
    var inboundDate: String

    var key: LotKey { LotKey(item: item, lot: lot, expiry: CalendarDate(expiry)) }
}

/// The key that makes a lot one lot.
extension LotLabel {
    var identity: LotIdentity { LotIdentity(item: item, lot: lot, expiry: expiry?.description ?? "") }
}

/// One movement about to be written.
struct PendingLeg {
    var kind: MovementKind
    var lot: StoredLot
    var depot: String
    var micros: Int64
    var approval: String? = nil
    var reverses: Int64? = nil
    /// Business time of this leg when it differs from the posting's (imports use each lot's receipt day).
    var at: String? = nil
}

extension StockLedger {
    static let movementColumns = """
        m.id, m.kind, m.depot, l.item, l.lot_number, l.expiry, m.quantity, m.at, m."user", m.document, m.reason,
        m.idempotency_key, m.leg, m.approval, m.reverses, m.negative_reason, m.recorded_at
        """

    static func movement(_ row: SQLRow) throws -> Movement {
        Movement(id: try row[0], kind: MovementKind(rawValue: try row[1]) ?? .receive, depot: try row[2], item: try row[3],
                 lot: try row[4], expiry: CalendarDate(try row[5] as String), quantity: LedgerQuantity.units(try row[6]),
                 at: try row[7], user: try row[8], document: try row[9], reason: try row[10], idempotencyKey: try row[11],
                 leg: try row[12], approval: try row[13], reverses: try row[14], negativeReason: try row[15],
                 recordedAt: try row[16])
    }

    static func movements(key: String, in db: any LedgerTransaction) throws -> [Movement] {
        try db.fetchAll("SELECT \(movementColumns) FROM movements m JOIN lots l ON l.id = m.lot_id WHERE m.idempotency_key = ? ORDER BY m.leg",
                        [key]).map(movement)
    }

    static func storedLot(_ row: SQLRow) throws -> StoredLot {
        StoredLot(id: try row["id"], item: try row["item"], lot: try row["lot_number"], expiry: try row["expiry"],
                  unit: try row["unit"], inboundDate: try row["inbound_date"])
    }

    /// The lot a key names; an expiry-less key matches when the number is unique for the item.
    static func findLot(_ key: LotKey, in db: any LedgerTransaction) throws -> StoredLot {
        let rows: [SQLRow]
        if let expiry = key.expiry {
            rows = try db.fetchAll("SELECT * FROM lots WHERE item = ? AND lot_number = ? AND expiry = ?",
                                   [key.item, key.lot, expiry.description])
        } else {
            rows = try db.fetchAll("SELECT * FROM lots WHERE item = ? AND lot_number = ? ORDER BY expiry", [key.item, key.lot])
        }
        guard !rows.isEmpty else { throw LedgerError.unknownLot(item: key.item, lot: key.lot, detail: "") }
        guard rows.count == 1 else {
            let expiries = try rows.map { row -> String in
                let expiry: String = try row["expiry"]
                return expiry.isEmpty ? "none" : expiry
            }
            throw LedgerError.unknownLot(item: key.item, lot: key.lot,
                                         detail: "\(rows.count) lots share this number (expiry \(expiries.joined(separator: ", "))); give --expiry")
        }
        return try storedLot(rows[0])
    }

    /// The lot a label names, created with the label's fields if it is new.
    static func findOrCreateLot(_ label: LotLabel, in db: any LedgerTransaction) throws -> StoredLot {
        try findOrCreateLots([label], in: db)[0]
    }

    /// The lots the labels name, in order, creating the new ones (a label's fields are
    /// kept when it creates its lot; a lot already in the book keeps its own). A few
    /// statements for any number of labels, so that an import is not a server round
    /// trip per row.
    static func findOrCreateLots(_ labels: [LotLabel], in db: any LedgerTransaction) throws -> [StoredLot] {
        var ids = try db.lotIDs(of: labels.map(\.identity))
        var seen = Set<LotIdentity>()
        let new = labels.filter { ids[$0.identity] == nil && seen.insert($0.identity).inserted }
        for (identity, id) in try db.insertLots(new) { ids[identity] = id }
        return try labels.map { label in
            guard let id = ids[label.identity] else {
                throw SQLTypeMismatch(expected: "an id for lot '\(label.lot)' of '\(label.item)'", found: .null)
            }
            return StoredLot(id: id, item: label.item, lot: label.lot, expiry: label.identity.expiry, unit: label.unit,
                             inboundDate: label.inboundDate?.description ?? "")
        }
    }

    static let insertLotSQL = """
        INSERT INTO lots (item, lot_number, expiry, depot, inbound_date, production_date, origin, reserve_mode,
                          specification, quality, unit)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The values of ``insertLotSQL``, all text.
    static func lotArguments(_ label: LotLabel) -> [any SQLArgument] {
        [label.item, label.lot, label.expiry?.description ?? "", label.depot, label.inboundDate?.description ?? "",
         label.productionDate?.description ?? "", label.origin, label.reserveMode, label.specification, label.quality,
         label.unit]
    }

    /// The kept balance of a lot at a depot, in micro-units.
    static func balance(of lot: StoredLot, at depot: String, in db: any LedgerTransaction) throws -> Int64 {
        try db.scalar(Int64.self, "SELECT quantity FROM balances WHERE depot = ? AND lot_id = ?", [depot, lot.id]) ?? 0
    }
}

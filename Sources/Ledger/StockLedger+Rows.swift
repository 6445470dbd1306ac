import Foundation
import GRDB
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
        m.id, m.kind, m.depot, l.item, l.lot_number, l.expiry, m.quantity, m.at, m.user, m.document, m.reason,
        m.idempotency_key, m.leg, m.approval, m.reverses, m.negative_reason, m.recorded_at
        """

    static func movement(_ row: Row) -> Movement {
        Movement(id: row[0], kind: MovementKind(rawValue: row[1]) ?? .receive, depot: row[2], item: row[3], lot: row[4],
                 expiry: CalendarDate(row[5] as String), quantity: LedgerQuantity.units(row[6]), at: row[7], user: row[8],
                 document: row[9], reason: row[10], idempotencyKey: row[11], leg: row[12], approval: row[13],
                 reverses: row[14], negativeReason: row[15], recordedAt: row[16])
    }

    static func movements(key: String, in db: Database) throws -> [Movement] {
        try Row.fetchAll(db, sql: "SELECT \(movementColumns) FROM movements m JOIN lots l ON l.id = m.lot_id WHERE m.idempotency_key = ? ORDER BY m.leg",
                         arguments: [key]).map(movement)
    }

    static func storedLot(_ row: Row) -> StoredLot {
        StoredLot(id: row["id"], item: row["item"], lot: row["lot_number"], expiry: row["expiry"], unit: row["unit"],
                  inboundDate: row["inbound_date"])
    }

    /// The lot a key names; an expiry-less key matches when the number is unique for the item.
    static func findLot(_ key: LotKey, in db: Database) throws -> StoredLot {
        let rows: [Row]
        if let expiry = key.expiry {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM lots WHERE item = ? AND lot_number = ? AND expiry = ?",
                                    arguments: [key.item, key.lot, expiry.description])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM lots WHERE item = ? AND lot_number = ? ORDER BY expiry",
                                    arguments: [key.item, key.lot])
        }
        guard !rows.isEmpty else { throw LedgerError.unknownLot(item: key.item, lot: key.lot, detail: "") }
        guard rows.count == 1 else {
            let expiries = rows.map { ($0["expiry"] as String).isEmpty ? "none" : $0["expiry"] as String }
            throw LedgerError.unknownLot(item: key.item, lot: key.lot,
                                         detail: "\(rows.count) lots share this number (expiry \(expiries.joined(separator: ", "))); give --expiry")
        }
        return storedLot(rows[0])
    }

    /// The lot a label names, created with the label's fields if it is new.
    static func findOrCreateLot(_ label: LotLabel, in db: Database) throws -> StoredLot {
        let expiry = label.expiry?.description ?? ""
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM lots WHERE item = ? AND lot_number = ? AND expiry = ?"),
                                      arguments: [label.item, label.lot, expiry]) {
            return storedLot(row)
        }
        try db.cachedStatement(sql: """
            INSERT INTO lots (item, lot_number, expiry, depot, inbound_date, production_date, origin, reserve_mode,
                              specification, quality, unit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [label.item, label.lot, expiry, label.depot, label.inboundDate?.description ?? "",
                                     label.productionDate?.description ?? "", label.origin, label.reserveMode,
                                     label.specification, label.quality, label.unit])
        return StoredLot(id: db.lastInsertedRowID, item: label.item, lot: label.lot, expiry: expiry, unit: label.unit,
                         inboundDate: label.inboundDate?.description ?? "")
    }

    /// The cached balance of a lot at a depot, in micro-units.
    static func balance(of lot: StoredLot, at depot: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT quantity FROM balances WHERE depot = ? AND lot_id = ?"),
                           arguments: [depot, lot.id]) ?? 0
    }
}

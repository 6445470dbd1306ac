import EmergencyReserve
import Foundation

/// Rendering of ledger results: JSON (sorted keys, `schemaVersion`) or aligned tables.
enum LedgerOutput {
    /// A posting's movements.
    static func posting(_ result: PostingResult, format: OutputFormat, extra: [String] = []) throws {
        switch format {
        case .json:
            try printJSON(PostingJSON(movements: result.movements.map(MovementJSON.init), replayed: result.replayed))
        case .table:
            if result.replayed { print("already posted under key '\(result.movements.first?.idempotencyKey ?? "")'; nothing new written") }
            print(movementTable(result.movements))
            for line in extra { print(line) }
        }
    }

    static func movementTable(_ movements: [Movement]) -> String {
        var table = TextTable(columns: [.init("id", alignment: .right), .init("at"), .init("kind"), .init("depot"), .init("item"),
                                        .init("lot"), .init("quantity", alignment: .right), .init("user"), .init("document"),
                                        .init("note")])
        for m in movements {
            var note = m.reason
            if let approval = m.approval { note += (note.isEmpty ? "" : "; ") + "approval \(approval)" }
            if let reverses = m.reverses { note += (note.isEmpty ? "" : "; ") + "reverses \(reverses)" }
            if let negative = m.negativeReason { note += (note.isEmpty ? "" : "; ") + "negative allowed: \(negative)" }
            table.append([String(m.id), m.at, m.kind.rawValue, m.depot, m.item, m.lot, quantity(m.quantity), m.user, m.document, note])
        }
        return table.render()
    }

    static func balanceTable(_ rows: [BalanceRow]) -> String {
        var table = TextTable(columns: [.init("depot"), .init("item"), .init("lot"), .init("quantity", alignment: .right),
                                        .init("unit"), .init("expiry"), .init("received")])
        for r in rows {
            table.append([r.depot, r.item, r.lot, quantity(r.quantity), r.unit, r.expiry?.description ?? "-",
                          r.received?.description ?? "-"])
        }
        return table.render()
    }

    static func quantity(_ q: Double) -> String {
        if q == q.rounded(), abs(q) < 1e15 { return String(Int64(q)) }
        var s = String(format: "%.6f", q)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

/// `--format json` of a posting.
struct PostingJSON: Encodable {
    var schemaVersion = 1
    var movements: [MovementJSON]
    var replayed: Bool
}

/// A movement in JSON: absent optionals are written as null so every row has every key.
struct MovementJSON: Encodable {
    var movement: Movement
    init(_ movement: Movement) { self.movement = movement }

    enum Key: String, CodingKey {
        case id, kind, depot, item, lot, expiry, quantity, at, user, document, reason, idempotencyKey, leg, approval,
             reverses, negativeReason, recordedAt
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let m = movement
        try c.encode(m.id, forKey: .id)
        try c.encode(m.kind, forKey: .kind)
        try c.encode(m.depot, forKey: .depot)
        try c.encode(m.item, forKey: .item)
        try c.encode(m.lot, forKey: .lot)
        try c.encode(m.expiry, forKey: .expiry)
        try c.encode(m.quantity, forKey: .quantity)
        try c.encode(m.at, forKey: .at)
        try c.encode(m.user, forKey: .user)
        try c.encode(m.document, forKey: .document)
        try c.encode(m.reason, forKey: .reason)
        try c.encode(m.idempotencyKey, forKey: .idempotencyKey)
        try c.encode(m.leg, forKey: .leg)
        try c.encode(m.approval, forKey: .approval)
        try c.encode(m.reverses, forKey: .reverses)
        try c.encode(m.negativeReason, forKey: .negativeReason)
        try c.encode(m.recordedAt, forKey: .recordedAt)
    }
}

/// A balance row in JSON: `depot`, `item`, `lot`, `quantity`, `unit`, `expiry` and
/// `received` (null when the lot has none).
struct BalanceJSON: Encodable {
    var row: BalanceRow
    enum Key: String, CodingKey { case depot, item, lot, quantity, unit, expiry, received }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(row.depot, forKey: .depot)
        try c.encode(row.item, forKey: .item)
        try c.encode(row.lot, forKey: .lot)
        try c.encode(row.quantity, forKey: .quantity)
        try c.encode(row.unit, forKey: .unit)
        try c.encode(row.expiry, forKey: .expiry)
        try c.encode(row.received, forKey: .received)
    }
}

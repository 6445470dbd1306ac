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
            if result.replayed { print(HelpText.localizer("ledger.replayed", ["key": result.movements.first?.idempotencyKey ?? ""])) }
            print(movementTable(result.movements))
            for line in extra { print(line) }
        }
    }

    static func movementTable(_ movements: [Movement], _ t: Localizer = HelpText.localizer) -> String {
        var table = TextTable(columns: [.init(t("ledger.column.id"), alignment: .right), .init(t("ledger.column.at")),
                                        .init(t("ledger.column.kind")), .init(t("ledger.column.depot")), .init(t("ledger.column.item")),
                                        .init(t("ledger.column.lot")), .init(t("ledger.column.quantity"), alignment: .right),
                                        .init(t("ledger.column.user")), .init(t("ledger.column.document")), .init(t("ledger.column.note"))])
        for m in movements {
            var notes: [String] = m.reason.isEmpty ? [] : [m.reason]
            if let approval = m.approval { notes.append(t("ledger.note.approval", ["value": approval])) }
            if let reverses = m.reverses { notes.append(t("ledger.note.reverses", ["value": "\(reverses)"])) }
            if let negative = m.negativeReason { notes.append(t("ledger.note.negative", ["value": negative])) }
            table.append([String(m.id), m.at, t("ledger.kind.\(m.kind.rawValue)"), m.depot, m.item, m.lot, quantity(m.quantity), m.user,
                          m.document, notes.joined(separator: t("ledger.note.separator"))])
        }
        return table.render()
    }

    static func balanceTable(_ rows: [BalanceRow], _ t: Localizer = HelpText.localizer) -> String {
        var table = TextTable(columns: [.init(t("ledger.column.depot")), .init(t("ledger.column.item")), .init(t("ledger.column.lot")),
                                        .init(t("ledger.column.quantity"), alignment: .right), .init(t("ledger.column.unit")),
                                        .init(t("ledger.column.expiry")), .init(t("ledger.column.received"))])
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

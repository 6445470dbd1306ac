import Foundation
import ReserveModel

/// Reading the book: balances, history, expiring lots, verification.
extension StockLedger {
    /// Non-zero balances, by depot, item, expiry, lot. Without `asOf` they are the
    /// kept balances (one indexed read); with it, the sum of movements up to and
    /// including that time.
    public func balances(asOf: Date? = nil, depot: String? = nil, item: String? = nil) throws(LedgerError) -> [BalanceRow] {
        try read { db in
            var filters: [String] = []
            var arguments: [any SQLArgument] = []
            if let depot { filters.append("b.depot = ?"); arguments.append(depot) }
            if let item { filters.append("l.item = ?"); arguments.append(item) }
            let source: String
            if let asOf {
                source = "(SELECT depot, lot_id, CAST(SUM(quantity) AS BIGINT) AS quantity FROM movements WHERE at <= ? GROUP BY depot, lot_id)"
                arguments = [LedgerTime.format(asOf)] + arguments
            } else {
                source = "balances"
            }
            let sql = """
                SELECT b.depot, l.item, l.lot_number, b.quantity, l.expiry, l.inbound_date, l.unit
                FROM \(source) b JOIN lots l ON l.id = b.lot_id
                WHERE b.quantity <> 0 \(filters.map { "AND \($0)" }.joined(separator: " "))
                ORDER BY b.depot, l.item, l.expiry = '', l.expiry, l.lot_number, l.id
                """
            return try db.fetchAll(sql, arguments).map(Self.balanceRow)
        }
    }

    static func balanceRow(_ row: SQLRow) throws -> BalanceRow {
        BalanceRow(depot: try row[0], item: try row[1], lot: try row[2], quantity: LedgerQuantity.units(try row[3]),
                   expiry: CalendarDate(try row[4] as String), received: CalendarDate(try row[5] as String), unit: try row[6])
    }

    /// The audit trail: every movement of a depot, an item or a lot, oldest first.
    public func history(depot: String? = nil, item: String? = nil, lot: String? = nil,
                        limit: Int? = nil) throws(LedgerError) -> [Movement] {
        try read { db in
            var filters: [String] = []
            var arguments: [any SQLArgument] = []
            if let depot { filters.append("m.depot = ?"); arguments.append(depot) }
            if let item { filters.append("l.item = ?"); arguments.append(item) }
            if let lot { filters.append("l.lot_number = ?"); arguments.append(lot) }
            var sql = "SELECT \(Self.movementColumns) FROM movements m JOIN lots l ON l.id = m.lot_id"
            if !filters.isEmpty { sql += " WHERE " + filters.joined(separator: " AND ") }
            sql += " ORDER BY m.at, m.id"
            if let limit { sql += " LIMIT ?"; arguments.append(limit) }
            return try db.fetchAll(sql, arguments).map(Self.movement)
        }
    }

    /// Lots on hand that expire on or before `asOf` + `days`, soonest first (already
    /// expired lots included).
    public func expiring(withinDays days: Int, asOf: CalendarDate, depot: String? = nil) throws(LedgerError) -> [BalanceRow] {
        let horizon = CalendarDate(dayNumber: asOf.dayNumber + days)
        return try balances(depot: depot).filter { row in row.quantity > 0 && row.expiry.map { $0 <= horizon } ?? false }
            .sorted { ($0.expiry!, $0.depot, $0.item, $0.lot) < ($1.expiry!, $1.depot, $1.item, $1.lot) }
    }

    /// Re-derives every balance from the movements and compares it with the kept one.
    public func verify() throws(LedgerError) -> VerifyReport {
        try read { db in
            let movements = try db.scalar(Int.self, "SELECT COUNT(*) FROM movements") ?? 0
            let lots = try db.scalar(Int.self, "SELECT COUNT(*) FROM lots") ?? 0
            // Every (depot, lot) in either the sums or the kept balances, with both sides.
            let rows = try db.fetchAll("""
                WITH sums AS (SELECT depot, lot_id, CAST(SUM(quantity) AS BIGINT) AS quantity FROM movements GROUP BY depot, lot_id),
                keys AS (SELECT depot, lot_id FROM sums UNION SELECT depot, lot_id FROM balances)
                SELECT k.depot, l.item, l.lot_number, COALESCE(s.quantity, 0), COALESCE(b.quantity, 0)
                FROM keys k JOIN lots l ON l.id = k.lot_id
                LEFT JOIN sums s ON s.depot = k.depot AND s.lot_id = k.lot_id
                LEFT JOIN balances b ON b.depot = k.depot AND b.lot_id = k.lot_id
                WHERE COALESCE(s.quantity, 0) <> COALESCE(b.quantity, 0)
                ORDER BY k.depot, l.item, l.lot_number
                """, [])
            let drift = try rows.map { VerifyReport.Drift(depot: try $0[0], item: try $0[1], lot: try $0[2],
                                                          fromMovements: LedgerQuantity.units(try $0[3]),
                                                          kept: LedgerQuantity.units(try $0[4])) }
            let negative = try db.fetchAll("""
                SELECT b.depot, l.item, l.lot_number, b.quantity FROM balances b JOIN lots l ON l.id = b.lot_id
                WHERE b.quantity < 0 AND NOT EXISTS (
                    SELECT 1 FROM movements m WHERE m.depot = b.depot AND m.lot_id = b.lot_id AND m.negative_reason IS NOT NULL)
                ORDER BY b.depot, l.item, l.lot_number
                """, []).map { "lot '\(try $0[2] as String)' of '\(try $0[1] as String)' at '\(try $0[0] as String)' is negative (\(LedgerQuantity.text(LedgerQuantity.units(try $0[3])))) with no movement allowing it" }
            let halfTransfers = try db.fetchAll("""
                SELECT idempotency_key, COUNT(*), CAST(SUM(quantity) AS BIGINT) FROM movements WHERE kind IN ('transferOut', 'transferIn')
                GROUP BY idempotency_key HAVING COUNT(*) <> 2 OR SUM(quantity) <> 0
                """, []).map { "transfer '\(try $0[0] as String)' has \(try $0[1] as Int) legs summing to \(LedgerQuantity.text(LedgerQuantity.units(try $0[2])))" }
            return VerifyReport(movements: movements, lots: lots, drift: drift, problems: negative + halfTransfers)
        }
    }
}

/// What ``StockLedger/verify()`` found.
public struct VerifyReport: Hashable, Codable, Sendable {
    /// A kept balance that differs from the sum of its movements.
    public struct Drift: Hashable, Codable, Sendable {
        /// Where.
        public var depot: String
        /// The item id.
        public var item: String
        /// The lot number.
        public var lot: String
        /// The sum of the lot's movements at the depot.
        public var fromMovements: Double
        /// The kept balance.
        public var kept: Double
    }

    /// Movements in the book.
    public var movements: Int
    /// Lots in the book.
    public var lots: Int
    /// Kept balances that differ from their movements.
    public var drift: [Drift]
    /// Other broken guarantees: unexplained negative balances, half transfers.
    public var problems: [String]

    /// True when every balance equals its movements and no guarantee is broken.
    public var isConsistent: Bool { drift.isEmpty && problems.isEmpty }
}

extension CalendarDate {
    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int) {
        let seconds = Double(dayNumber) * 86_400
        self = LedgerTime.day(of: Date(timeIntervalSince1970: seconds))
    }
}

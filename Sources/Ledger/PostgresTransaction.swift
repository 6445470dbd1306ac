import Logging
import PostgresNIO

/// One PostgreSQL connection inside `BEGIN … COMMIT`. Every value is a bound parameter
/// of the extended query protocol; the SQL text is always one of the ledger's own
/// constant statements, its `?` placeholders renumbered `$1, $2, …`.
struct PostgresTransaction: LedgerTransaction {
    let connection: PostgresConnection
    let logger: Logger

    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow] {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: binds.appendNull()
            case .integer(let value): binds.append(value)
            case .text(let value): binds.append(value)
            }
        }
        return try run(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds))
    }

    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
        _ = try fetchAll(sql, arguments)
    }

    func insertReturningID(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int64 {
        guard let id = try scalar(Int64.self, sql + " RETURNING id", arguments) else {
            throw SQLTypeMismatch(expected: "the new row's id", found: .null)
        }
        return id
    }

    func lotIDs(of keys: [LotIdentity]) throws -> [LotIdentity: Int64] {
        guard !keys.isEmpty else { return [:] }
        var binds = PostgresBindings(capacity: 3)
        binds.append(keys.map(\.item))
        binds.append(keys.map(\.lot))
        binds.append(keys.map(\.expiry))
        let rows = try run(PostgresQuery(unsafeSQL: """
            SELECT l.id, l.item, l.lot_number, l.expiry FROM lots l
            JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[]) AS k(item, lot_number, expiry)) k
              USING (item, lot_number, expiry)
            """, binds: binds))
        var found: [LotIdentity: Int64] = [:]
        for row in rows { found[LotIdentity(item: try row[1], lot: try row[2], expiry: try row[3])] = try row[0] as Int64 }
        return found
    }

    func insertLots(_ labels: [LotLabel]) throws -> [LotIdentity: Int64] {
        guard !labels.isEmpty else { return [:] }
        let columns = labels.map(StockLedger.lotArguments)
        var binds = PostgresBindings(capacity: 11)
        for column in 0..<11 {
            binds.append(columns.map { row -> String in
                if case .text(let text) = row[column].sqlValue { return text }
                return ""
            })
        }
        let rows = try run(PostgresQuery(unsafeSQL: """
            INSERT INTO lots (item, lot_number, expiry, depot, inbound_date, production_date, origin, reserve_mode,
                              specification, quality, unit)
            SELECT a, b, c, d, e, f, g, h, i, j, k
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::text[]) WITH ORDINALITY AS r(a, b, c, d, e, f, g, h, i, j, k, position)
            ORDER BY position
            RETURNING id, item, lot_number, expiry
            """, binds: binds))
        var ids: [LotIdentity: Int64] = [:]
        for row in rows { ids[LotIdentity(item: try row[1], lot: try row[2], expiry: try row[3])] = try row[0] as Int64 }
        return ids
    }

    /// One statement for all rows: the columns go as arrays and `unnest` turns them back
    /// into rows, in order. Optional text columns travel as '' (never a valid value of
    /// theirs: an approval and a negative-balance reason must not be blank) and
    /// `reverses` as 0 (ids start at 1); `NULLIF` restores the NULLs.
    func insertMovements(_ rows: [MovementRow]) throws {
        guard !rows.isEmpty else { return }
        var binds = PostgresBindings(capacity: 14)
        binds.append(rows.map(\.kind))
        binds.append(rows.map(\.lotID))
        binds.append(rows.map(\.depot))
        binds.append(rows.map(\.quantity))
        binds.append(rows.map(\.at))
        binds.append(rows.map(\.user))
        binds.append(rows.map(\.document))
        binds.append(rows.map(\.reason))
        binds.append(rows.map(\.idempotencyKey))
        binds.append(rows.map(\.leg))
        binds.append(rows.map { $0.approval ?? "" })
        binds.append(rows.map { $0.reverses ?? 0 })
        binds.append(rows.map { $0.negativeReason ?? "" })
        binds.append(rows.map(\.recordedAt))
        _ = try run(PostgresQuery(unsafeSQL: """
            INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, reason, idempotency_key, leg,
                                   approval, reverses, negative_reason, recorded_at)
            SELECT kind, lot_id, depot, quantity, at, u, document, reason, idempotency_key, leg::integer,
                   NULLIF(approval, ''), NULLIF(reverses, 0), NULLIF(negative_reason, ''), recorded_at
            FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::bigint[], $11::text[], $12::bigint[], $13::text[], $14::text[])
                 WITH ORDINALITY AS r(kind, lot_id, depot, quantity, at, u, document, reason, idempotency_key, leg,
                                      approval, reverses, negative_reason, recorded_at, position)
            ORDER BY position
            """, binds: binds))
    }

    /// One upsert for all deltas, in key order (a fixed order, so that two writers
    /// could never lock the same rows in opposite orders).
    func addToBalances(_ deltas: [BalanceKey: Int64]) throws {
        guard !deltas.isEmpty else { return }
        let sorted = deltas.sorted { ($0.key.depot, $0.key.lotID) < ($1.key.depot, $1.key.lotID) }
        var binds = PostgresBindings(capacity: 3)
        binds.append(sorted.map(\.key.depot))
        binds.append(sorted.map(\.key.lotID))
        binds.append(sorted.map(\.value))
        _ = try run(PostgresQuery(unsafeSQL: """
            INSERT INTO balances (depot, lot_id, quantity)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
            ON CONFLICT (depot, lot_id) DO UPDATE SET quantity = balances.quantity + excluded.quantity
            """, binds: binds))
    }

    func keptBalances(of keys: [BalanceKey]) throws -> [BalanceKey: Int64] {
        guard !keys.isEmpty else { return [:] }
        var binds = PostgresBindings(capacity: 2)
        binds.append(keys.map(\.depot))
        binds.append(keys.map(\.lotID))
        let rows = try run(PostgresQuery(unsafeSQL: """
            SELECT b.depot, b.lot_id, b.quantity FROM balances b
            JOIN (SELECT DISTINCT depot, lot_id FROM unnest($1::text[], $2::bigint[]) AS k(depot, lot_id)) k
              ON b.depot = k.depot AND b.lot_id = k.lot_id
            """, binds: binds))
        var found: [BalanceKey: Int64] = [:]
        for row in rows { found[BalanceKey(depot: try row[0], lotID: try row[1])] = try row[2] as Int64 }
        return found
    }

    private func run(_ query: PostgresQuery) throws -> [SQLRow] {
        let result = try connection.query(query, logger: logger).wait()
        return try result.rows.map(Self.row)
    }

    static func row(_ row: PostgresRow) throws -> SQLRow {
        var values: [SQLValue] = []
        var names: [String] = []
        for cell in row {
            names.append(cell.columnName)
            guard cell.bytes != nil else { values.append(.null); continue }
            switch cell.dataType {
            case .int8: values.append(.integer(try cell.decode(Int64.self)))
            case .int4, .int2: values.append(.integer(Int64(try cell.decode(Int.self))))
            case .bool: values.append(.integer(try cell.decode(Bool.self) ? 1 : 0))
            case .void: values.append(.null)
            default: values.append(.text(try cell.decode(String.self)))
            }
        }
        return SQLRow(values: values, names: names)
    }

    /// `?` → `$1`, `$2`, … outside quoted literals and identifiers.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(character)
            }
        }
        return out
    }
}

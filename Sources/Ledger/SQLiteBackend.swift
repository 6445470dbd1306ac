import Foundation
import GRDB
import Logging

/// The ledger in one SQLite file, through GRDB: WAL mode, a connection pool whose write
/// transactions are `BEGIN IMMEDIATE` (the write lock is taken before the first read,
/// so two processes cannot both read a balance and then both post), and a busy timeout
/// so that writers in other processes are waited for.
struct SQLiteBackend: LedgerBackend {
    let path: String
    let pool: DatabasePool
    let logger: Logger

    var location: String { path }

    /// Opens the file and migrates it to ``LedgerSchema/version`` (or `target`), refusing newer files.
    init(path: String, logger: Logger, migrateUpTo target: Int = LedgerSchema.version) throws(LedgerError) {
        self.path = path
        self.logger = logger
        var config = Configuration()
        config.busyMode = .timeout(60)
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw .database("cannot open \(path): \(error)")
        }
        try migrate(upTo: target)
    }

    private func migrate(upTo target: Int) throws(LedgerError) {
        let found = try schemaVersion()
        guard found <= LedgerSchema.version else {
            throw .newerSchema(path: path, found: found, supported: LedgerSchema.version)
        }
        guard found < target else { return }
        do {
            try LedgerSchema.migrator().migrate(pool, upTo: LedgerSchema.identifiers[target - 1])
            logger.debug("migrated \(path) from schema \(found) to \(target)", metadata: ["code": "ledgerMigrated", "path": "\(path)", "from": "\(found)", "to": "\(target)"])
        } catch {
            throw .database("\(path): migration to schema version \(target) failed: \(error)")
        }
    }

    func schemaVersion() throws(LedgerError) -> Int {
        try read { try $0.scalar(Int.self, "PRAGMA user_version") ?? 0 }
    }

    func write<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        try Self.mapped(call) { try pool.write { db in try SQLiteInterrupt.watch(db, call) { try body(SQLiteTransaction(db: db)) } } }
    }

    func read<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        try Self.mapped(call) { try pool.read { db in try SQLiteInterrupt.watch(db, call) { try body(SQLiteTransaction(db: db)) } } }
    }

    private static func mapped<T>(_ call: LedgerCall?, _ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch where call?.isCancelled == true {
            // SQLITE_INTERRUPT from the progress handler (the transaction rolled back).
            throw .cancelled
        } catch let error as DatabaseError {
            throw .database(error.message ?? "\(error)")
        } catch {
            throw .database("\(error)")
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let int): return int.databaseValue
        case .text(let text): return text.databaseValue
        }
    }
}

/// A GRDB `Database` inside `pool.write` or `pool.read`. Statements are cached per SQL
/// text, so a query run once per leg is prepared once per transaction.
struct SQLiteTransaction: LedgerTransaction {
    let db: Database

    private func arguments(_ values: [any SQLArgument]) -> StatementArguments {
        StatementArguments(values.map(\.sqlValue.databaseValue))
    }

    func fetchAll(_ sql: String, _ values: [any SQLArgument]) throws -> [SQLRow] {
        let statement = try db.cachedStatement(sql: sql)
        let names = statement.columnNames
        return try Row.fetchAll(statement, arguments: arguments(values)).map { row in
            SQLRow(values: try row.databaseValues.map { value in
                switch value.storage {
                case .null: return .null
                case .int64(let int): return .integer(int)
                case .string(let text): return .text(text)
                case .double(let double): return .integer(Int64(double))
                case .blob: throw SQLTypeMismatch(expected: "text or an integer", found: .null)
                }
            }, names: names)
        }
    }

    func execute(_ sql: String, _ values: [any SQLArgument]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments(values))
    }

    func insertReturningID(_ sql: String, _ values: [any SQLArgument]) throws -> Int64 {
        try execute(sql, values)
        return db.lastInsertedRowID
    }

    func lotIDs(of keys: [LotIdentity]) throws -> [LotIdentity: Int64] {
        let select = try db.cachedStatement(sql: "SELECT id FROM lots WHERE item = ? AND lot_number = ? AND expiry = ?")
        var found: [LotIdentity: Int64] = [:]
        for key in keys where found[key] == nil {
            if let id = try Int64.fetchOne(select, arguments: [key.item, key.lot, key.expiry]) { found[key] = id }
        }
        return found
    }

    func insertLots(_ labels: [LotLabel]) throws -> [LotIdentity: Int64] {
        let insert = try db.cachedStatement(sql: StockLedger.insertLotSQL)
        var ids: [LotIdentity: Int64] = [:]
        for label in labels {
            try insert.execute(arguments: StatementArguments(StockLedger.lotArguments(label).map { $0.sqlValue.databaseValue }))
            ids[label.identity] = db.lastInsertedRowID
        }
        return ids
    }

    // Bulk writes go as multi-row statements of up to `rowsPerStatement` rows: one
    // sqlite3_step per 64 rows instead of per row (measured in BENCHMARKS.md). The SQL
    // text is constant fragments, one cached statement per row count.
    static let rowsPerStatement = 64

    static func multiRow(_ head: String, columns: Int, rows: Int, tail: String = "") -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ") + tail
    }

    /// Runs `sql(n)` over `items` in chunks of at most ``rowsPerStatement``, binding `bind(item)` per row.
    private func chunked<T>(_ items: [T], columns: Int, sql: (Int) -> String,
                            bind: (T, inout [DatabaseValue]) -> Void) throws {
        var start = 0
        var values: [DatabaseValue] = []
        values.reserveCapacity(columns * Self.rowsPerStatement)
        while start < items.count {
            let n = min(Self.rowsPerStatement, items.count - start)
            values.removeAll(keepingCapacity: true)
            for item in items[start..<(start + n)] { bind(item, &values) }
            let statement = try db.cachedStatement(sql: sql(n))
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
            start += n
        }
    }

    func insertMovements(_ rows: [MovementRow]) throws {
        try chunked(rows, columns: 14, sql: { n in
            Self.multiRow("""
                INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, reason, idempotency_key, leg,
                                       approval, reverses, negative_reason, recorded_at)
                """, columns: 14, rows: n)
        }, bind: { r, values in
            values += [r.kind.databaseValue, r.lotID.databaseValue, r.depot.databaseValue, r.quantity.databaseValue,
                       r.at.databaseValue, r.user.databaseValue, r.document.databaseValue, r.reason.databaseValue,
                       r.idempotencyKey.databaseValue, r.leg.databaseValue, r.approval.databaseValue,
                       r.reverses.databaseValue, r.negativeReason.databaseValue, r.recordedAt.databaseValue]
        })
    }

    func addToBalances(_ deltas: [BalanceKey: Int64]) throws {
        let sorted = deltas.sorted { ($0.key.depot, $0.key.lotID) < ($1.key.depot, $1.key.lotID) }
        try chunked(sorted, columns: 3, sql: { n in
            Self.multiRow("INSERT INTO balances (depot, lot_id, quantity)", columns: 3, rows: n,
                          tail: " ON CONFLICT (depot, lot_id) DO UPDATE SET quantity = balances.quantity + excluded.quantity")
        }, bind: { delta, values in
            values += [delta.key.depot.databaseValue, delta.key.lotID.databaseValue, delta.value.databaseValue]
        })
    }

    // One indexed point look-up per key. Row-value lists (`(depot, lot_id) IN (VALUES
    // …)`, 64 keys a statement) were tried and made the million-movement benchmark
    // several times slower (BENCHMARKS.md), so reads stay point look-ups.
    func keptBalances(of keys: [BalanceKey]) throws -> [BalanceKey: Int64] {
        let select = try db.cachedStatement(sql: "SELECT quantity FROM balances WHERE depot = ? AND lot_id = ?")
        var found: [BalanceKey: Int64] = [:]
        found.reserveCapacity(keys.count)
        for key in keys where found[key] == nil {
            select.setUncheckedArguments([key.depot, key.lotID])
            if let quantity = try Int64.fetchOne(select) { found[key] = quantity }
        }
        return found
    }

}

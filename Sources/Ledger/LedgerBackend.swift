/// The storage seam: what `StockLedger` needs of a database, implemented once for
/// SQLite (``SQLiteBackend``, GRDB) and once for PostgreSQL (``PostgresBackend``,
/// postgres-nio). Every query of the ledger is written once, in the SQL both dialects
/// share, with `?` placeholders; the bulk operations that a server round trip per row
/// would make slow are separate methods each backend does its own way.
protocol LedgerBackend: Sendable {
    /// Where the book is, fit to print: a file path, or a URL with its password masked.
    var location: String { get }
    /// Runs `body` in one write transaction that excludes every other writer of the
    /// book (threads and processes), so that reading a balance and posting against it
    /// cannot interleave with another posting. Commits if `body` returns, rolls back if
    /// it throws. With a `call`, its cancellation interrupts the running statement
    /// (``LedgerCall``) and the transaction throws ``LedgerError/cancelled``.
    func write<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T
    /// Runs `body` on one consistent read-only snapshot (`call` as for ``write(call:_:)``).
    func read<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T
    /// The schema version the database holds.
    func schemaVersion() throws(LedgerError) -> Int
}

extension LedgerBackend {
    /// ``write(call:_:)`` with no call to cancel.
    func write<T>(_ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T { try write(call: nil, body) }
    /// ``read(call:_:)`` with no call to cancel.
    func read<T>(_ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T { try read(call: nil, body) }
}

/// A (depot, lot) pair: the key of a kept balance.
struct BalanceKey: Hashable, Sendable {
    var depot: String
    var lotID: Int64
}

/// What makes a lot one lot: item, lot number, expiry ('' for none).
struct LotIdentity: Hashable, Sendable {
    var item: String
    var lot: String
    var expiry: String
}

/// One movement row to insert; the columns of `movements` but the id.
struct MovementRow: Sendable {
    var kind: String
    var lotID: Int64
    var depot: String
    var quantity: Int64
    var at: String
    var user: String
    var document: String
    var reason: String
    var idempotencyKey: String
    var leg: Int64
    var approval: String?
    var reverses: Int64?
    var negativeReason: String?
    var recordedAt: String
}

/// One open transaction.
protocol LedgerTransaction {
    /// Every row of a query. `sql` uses `?` placeholders and only the SQL both dialects
    /// share; `"user"` is quoted (a reserved word in PostgreSQL).
    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow]
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws
    /// Runs an `INSERT` into a table with an `id` identity column and returns the new id.
    func insertReturningID(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int64
    /// The ids of the lots that exist among `keys`.
    func lotIDs(of keys: [LotIdentity]) throws -> [LotIdentity: Int64]
    /// Inserts lots that do not exist yet (one label per identity) and returns their ids.
    func insertLots(_ labels: [LotLabel]) throws -> [LotIdentity: Int64]
    /// Inserts movements, in order (their ids increase with their position).
    func insertMovements(_ rows: [MovementRow]) throws
    /// Adds each delta to its kept balance, creating the balance if it is new.
    func addToBalances(_ deltas: [BalanceKey: Int64]) throws
    /// The kept balances of `keys`; a key with no balance row is absent.
    func keptBalances(of keys: [BalanceKey]) throws -> [BalanceKey: Int64]
}

extension LedgerTransaction {
    func fetchOne(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> SQLRow? {
        try fetchAll(sql, arguments).first
    }

    /// The first column of the first row, or nil.
    func scalar<T: SQLColumn>(_ type: T.Type, _ sql: String, _ arguments: [any SQLArgument] = []) throws -> T? {
        guard let row = try fetchOne(sql, arguments) else { return nil }
        return try row[0] as T?
    }
}

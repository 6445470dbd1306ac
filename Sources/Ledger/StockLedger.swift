import Foundation
import GRDB
import Logging

/// The stock book: lots, immutable movements and the balances they add up to, in one
/// SQLite file (WAL mode) or in a PostgreSQL database on a bureau's shared server.
///
/// `StockLedger` is a value holding a connection pool; copies share it, and every
/// method may be called from any thread or task at the same time. Each method is one
/// transaction that excludes other writers (SQLite's `BEGIN IMMEDIATE`; on PostgreSQL
/// a transaction-scoped advisory lock every writer takes), so concurrent writers
/// (threads or processes) are serialised and a posting is written whole or not at all.
/// Both backends run the same queries and give the same answers.
///
/// ```swift
/// let ledger = try StockLedger.create(path: "ledger.sqlite")
/// // or: try StockLedger.create(database: "postgres://ledger@db.example/reserve")
/// let who = PostingContext(user: "zhang", document: "RK-2025-001")
/// try ledger.receive(LotLabel(item: "tent", lot: "HE-202410-001", depot: "HG-D-CITY"),
///                    quantity: 900, context: who)
/// try ledger.issue(LotKey(item: "tent", lot: "HE-202410-001"), at: "HG-D-CITY", quantity: 100,
///                  context: PostingContext(user: "zhang", document: "CK-2025-014"))
/// let rows = try ledger.balances(depot: "HG-D-CITY")   // tent HE-202410-001: 800
/// ```
///
/// The CLI (`reserve ledger …`) calls exactly these methods.
public struct StockLedger: Sendable {
    /// Where the book is: the SQLite file's path, or the PostgreSQL URL with its password
    /// masked (safe to print).
    public let path: String
    let backend: any LedgerBackend
    let logger: Logger
    /// The async call this copy of the ledger runs for (``LedgerThread``); nil for the
    /// synchronous methods.
    var call: LedgerCall?

    /// Opens an existing SQLite ledger, migrating an older schema forward.
    ///
    /// - Throws: ``LedgerError/missingDatabase(path:)`` if there is no file,
    ///   ``LedgerError/newerSchema(path:found:supported:)`` if a newer program wrote it.
    public static func open(path: String, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingDatabase(path: path) }
        return try StockLedger(path: path, logger: logger)
    }

    /// Creates an SQLite ledger file readable and writable by its owner only (mode
    /// 0600), or opens and migrates it if it exists.
    public static func create(path: String, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        if !FileManager.default.fileExists(atPath: path) {
            // Create the file ourselves so that it never exists with wider permissions;
            // SQLite gives the -wal and -shm files the database file's mode.
            let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd < 0, errno != EEXIST {
                throw .database("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            if fd >= 0 { close(fd) }
        }
        return try StockLedger(path: path, logger: logger)
    }

    /// Opens the ledger in a PostgreSQL database.
    ///
    /// - Throws: ``LedgerError/missingDatabase(path:)`` (with the masked URL) if the
    ///   database holds no ledger, ``LedgerError/newerSchema(path:found:supported:)``,
    ///   ``LedgerError/database(_:)`` if the server cannot be reached.
    public static func open(server: PostgresLocation, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        StockLedger(backend: try PostgresBackend(server: server, create: false, logger: logger), logger: logger)
    }

    /// Creates the ledger's tables in a PostgreSQL database (in its current schema, in
    /// one transaction), or opens the ledger already there.
    public static func create(server: PostgresLocation, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        StockLedger(backend: try PostgresBackend(server: server, create: true, logger: logger), logger: logger)
    }

    /// Opens `database`: a `postgres://` URL (completed from the environment and
    /// `.pgpass`, see ``PostgresLocation``) or an SQLite file's path.
    public static func open(database: String, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        PostgresLocation.isURL(database)
            ? try open(server: PostgresLocation(url: database), logger: logger)
            : try open(path: database, logger: logger)
    }

    /// Creates (or opens) `database`: a `postgres://` URL or an SQLite file's path.
    public static func create(database: String, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        PostgresLocation.isURL(database)
            ? try create(server: PostgresLocation(url: database), logger: logger)
            : try create(path: database, logger: logger)
    }

    /// Opens an SQLite file and migrates it to `target` (tests build old files this way).
    package init(path: String, logger: Logger, migrateUpTo target: Int = LedgerSchema.version) throws(LedgerError) {
        self.init(backend: try SQLiteBackend(path: path, logger: logger, migrateUpTo: target), logger: logger)
    }

    init(backend: any LedgerBackend, logger: Logger) {
        self.backend = backend
        self.path = backend.location
        self.logger = logger
    }

    /// True when the book is on a PostgreSQL server.
    public var isPostgres: Bool { backend is PostgresBackend }

    /// The SQLite pool, for tests that write behind the library's back.
    package var sqlitePool: DatabasePool? { (backend as? SQLiteBackend)?.pool }

    /// The schema version of the open database.
    public func schemaVersion() throws(LedgerError) -> Int {
        try backend.schemaVersion()
    }

    /// Runs `body` in one write transaction that excludes every other writer.
    /// In an async call, every statement first checks its stop switch.
    func write<T>(_ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        guard let call else { return try backend.write(call: nil, body) }
        try call.check()
        return try backend.write(call: call) { tx in try body(CheckedTransaction(base: tx, call: call)) }
    }

    /// Runs `body` on a read-only snapshot (checked as ``write(_:)``).
    func read<T>(_ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        guard let call else { return try backend.read(call: nil, body) }
        try call.check()
        return try backend.read(call: call) { tx in try body(CheckedTransaction(base: tx, call: call)) }
    }
}

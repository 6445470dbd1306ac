import Foundation
import GRDB
import Logging

/// The stock book: lots, immutable movements and the balances they add up to, in one
/// SQLite file (WAL mode).
///
/// `StockLedger` is a value holding a connection pool; copies share it, and every
/// method may be called from any thread or task at the same time. Each method is one
/// `BEGIN IMMEDIATE` transaction, so concurrent writers (threads or processes) are
/// serialised by SQLite and a posting is written whole or not at all.
///
/// ```swift
/// let ledger = try StockLedger.create(path: "ledger.sqlite")
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
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let logger: Logger

    /// Opens an existing ledger, migrating an older schema forward.
    ///
    /// - Throws: ``LedgerError/missingDatabase(path:)`` if there is no file,
    ///   ``LedgerError/newerSchema(path:found:supported:)`` if a newer program wrote it.
    public static func open(path: String, logger: Logger = Logger(label: "ledger")) throws(LedgerError) -> StockLedger {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingDatabase(path: path) }
        return try StockLedger(path: path, logger: logger)
    }

    /// Creates a ledger file readable and writable by its owner only (mode 0600), or
    /// opens and migrates it if it exists.
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

    /// Opens the file and migrates it to ``LedgerSchema/version``, refusing newer files.
    package init(path: String, logger: Logger, migrateUpTo target: Int = LedgerSchema.version) throws(LedgerError) {
        self.path = path
        self.logger = logger
        var config = Configuration()
        // Writers in other processes hold the lock for one transaction; wait for them.
        config.busyMode = .timeout(60)
        // GRDB 7 opens write transactions IMMEDIATE, so the write lock is taken before
        // the first read: two processes cannot both read a balance and then both post.
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw .database("cannot open \(path): \(error)")
        }
        try migrate(upTo: target)
    }

    private func migrate(upTo target: Int) throws(LedgerError) {
        let found: Int
        do {
            found = try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        } catch {
            throw .database("\(path): \(error)")
        }
        guard found <= LedgerSchema.version else {
            throw .newerSchema(path: path, found: found, supported: LedgerSchema.version)
        }
        guard found < target else { return }
        do {
            try LedgerSchema.migrator().migrate(pool, upTo: LedgerSchema.identifiers[target - 1])
            logger.debug("migrated \(path) from schema \(found) to \(target)")
        } catch {
            throw .database("\(path): migration to schema version \(target) failed: \(error)")
        }
    }

    /// The schema version of the open file.
    public func schemaVersion() throws(LedgerError) -> Int {
        try read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Runs `body` in one immediate write transaction; maps every error to ``LedgerError``.
    func write<T>(_ body: @escaping (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.write(body)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw .database(error.message ?? "\(error)")
        } catch {
            throw .database("\(error)")
        }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: @escaping (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.read(body)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw .database(error.message ?? "\(error)")
        } catch {
            throw .database("\(error)")
        }
    }
}

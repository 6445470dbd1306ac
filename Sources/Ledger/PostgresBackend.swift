import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// The ledger on a PostgreSQL server, through postgres-nio.
///
/// `StockLedger`'s API is synchronous, so this backend waits on postgres-nio's
/// `EventLoopFuture`s: the work runs on NIO's own threads, never on the caller's or on
/// Swift's cooperative pool, so a blocked caller cannot starve it. Connections are kept
/// in a small pool (one per concurrent caller, reused) and closed when the last copy
/// of the ledger goes away.
///
/// Writers are serialised the way SQLite serialises them: every write transaction
/// first takes a transaction-scoped advisory lock (`pg_advisory_xact_lock`) that every
/// writer of the ledger takes, so reading a balance and posting against it happen
/// with no other posting in between, in this process or any other. Reads run in
/// `REPEATABLE READ READ ONLY` transactions: one snapshot per call (verify's queries
/// agree with each other).
struct PostgresBackend: LedgerBackend {
    let server: PostgresLocation
    let connections: PostgresConnections
    let logger: Logger

    /// Any 64-bit number every writer of the book agrees on ("LEDGER" in ASCII).
    static let writerLock: Int64 = 0x4C45_4447_4552

    var location: String { server.description }

    /// Connects, and creates the schema when `create` and there is none.
    ///
    /// - Throws: ``LedgerError/missingDatabase(path:)`` when the database has no ledger
    ///   and `create` is false; ``LedgerError/newerSchema(path:found:supported:)``.
    init(server: PostgresLocation, create: Bool, logger: Logger) throws(LedgerError) {
        self.server = server
        self.logger = logger
        connections = PostgresConnections(server: server, logger: logger)
        let found = try schemaVersionIfAny()
        if let found {
            guard found <= LedgerSchema.version else {
                throw .newerSchema(path: server.description, found: found, supported: LedgerSchema.version)
            }
        } else if create {
            try install()
        } else {
            throw .missingDatabase(path: server.description)
        }
    }

    func schemaVersion() throws(LedgerError) -> Int {
        try schemaVersionIfAny() ?? 0
    }

    private func schemaVersionIfAny() throws(LedgerError) -> Int? {
        try read { tx in
            guard try tx.scalar(Int.self, "SELECT CASE WHEN to_regclass('ledger_schema') IS NULL THEN 0 ELSE 1 END") == 1 else {
                return nil
            }
            return try tx.scalar(Int.self, "SELECT version FROM ledger_schema")
        }
    }

    /// Creates the schema in one transaction, under the writers' lock so that two
    /// `init`s at once create it once.
    private func install() throws(LedgerError) {
        try write { tx in
            guard try tx.scalar(Int.self, "SELECT CASE WHEN to_regclass('ledger_schema') IS NULL THEN 0 ELSE 1 END") == 0 else {
                return
            }
            for statement in PostgresLedgerSchema.version2 { try tx.execute(statement, []) }
        }
    }

    func write<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        try transaction(begin: "BEGIN", lock: true, call: call, body)
    }

    func read<T>(call: LedgerCall?, _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, call: call, body)
    }

    private func transaction<T>(begin: String, lock: Bool, call: LedgerCall?,
                                _ body: (any LedgerTransaction) throws -> T) throws(LedgerError) -> T {
        let connection = try connections.acquire()
        let tx = PostgresTransaction(connection: connection, logger: logger)
        do {
            try tx.execute(begin, [])
            let value: T
            if let call {
                // An async call: cancelling it cancels the statement this connection's
                // server process is running (pg_cancel_backend, from another connection).
                let pid = try tx.scalar(Int64.self, "SELECT CAST(pg_backend_pid() AS BIGINT)") ?? 0
                let server = self.server, logger = self.logger
                value = try call.whileRunning(interrupt: { LedgerThread.queue.async { Self.cancel(pid: pid, on: server, logger: logger) } }) {
                    try call.check()
                    if lock { _ = try tx.fetchAll("SELECT pg_advisory_xact_lock(?)", [Self.writerLock]) }
                    return try body(tx)
                }
                try call.check()
            } else {
                if lock { _ = try tx.fetchAll("SELECT pg_advisory_xact_lock(?)", [Self.writerLock]) }
                value = try body(tx)
            }
            try tx.execute("COMMIT", [])
            connections.release(connection)
            return value
        } catch {
            if call?.isCancelled == true {
                // Closed rather than pooled: a cancel request still on its way must not
                // reach the next caller's statement on this connection.
                _ = try? tx.execute("ROLLBACK", [])
                connections.discard(connection)
                throw .cancelled
            }
            // A connection that cannot even roll back is broken: drop it.
            if (try? tx.execute("ROLLBACK", [])) != nil {
                connections.release(connection)
            } else {
                connections.discard(connection)
            }
            throw PostgresLedgerSchema.map(error)
        }
    }
}

extension PostgresBackend {
    /// Asks the server to cancel the statement process `pid` is running (its
    /// transaction then fails and is rolled back). Best effort: a failure to connect
    /// only means the statement runs to its end, and the call stops at its next check.
    static func cancel(pid: Int64, on server: PostgresLocation, logger: Logger) {
        guard pid > 0 else { return }
        do {
            let connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                            configuration: server.configuration, id: 0, logger: logger).wait()
            defer { try? connection.close().wait() }
            var binds = PostgresBindings(capacity: 1)
            binds.append(pid)
            _ = try connection.query(PostgresQuery(unsafeSQL: "SELECT pg_cancel_backend(CAST($1 AS INTEGER))", binds: binds),
                                     logger: logger).wait()
        } catch {
            logger.debug("could not cancel PostgreSQL process \(pid): \(error)", metadata: ["code": "postgresCancelFailed", "pid": "\(pid)", "detail": "\(error)"])
        }
    }
}

/// Open connections to one server, handed to one caller at a time.
final class PostgresConnections: Sendable {
    private let server: PostgresLocation
    private let logger: Logger
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let nextID = NIOLockedValueBox(1)

    init(server: PostgresLocation, logger: Logger) {
        self.server = server
        self.logger = logger
    }

    func acquire() throws(LedgerError) -> PostgresConnection {
        if let connection = idle.withLockedValue({ $0.popLast() }) { return connection }
        let id = nextID.withLockedValue { id in
            defer { id += 1 }
            return id
        }
        do {
            return try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                  configuration: server.configuration, id: id, logger: logger).wait()
        } catch {
            // The server's message or the socket error; the URL shown is the masked one.
            throw .database("cannot connect to \(server): \(PostgresLedgerSchema.message(for: error))")
        }
    }

    func release(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        idle.withLockedValue { $0.append(connection) }
    }

    func discard(_ connection: PostgresConnection) {
        try? connection.close().wait()
    }

    // postgres-nio asserts that a connection is closed before it goes away.
    deinit {
        for connection in idle.withLockedValue({ $0 }) { try? connection.close().wait() }
    }
}

import GRDB
import GRDBSQLite

/// Interrupts an async call's running SQLite statement when the call is cancelled.
///
/// `sqlite3_interrupt` would stop every statement of the connection, and GRDB keeps it
/// to itself; a progress handler belongs to the one connection the transaction holds,
/// and is asked every ``steps`` virtual-machine instructions whether to go on. It
/// answers "stop" once the call is cancelled: the statement ends with
/// `SQLITE_INTERRUPT` and the transaction rolls back. Installed only for the length
/// of one transaction of an async call, so the synchronous methods run exactly as
/// before.
enum SQLiteInterrupt {
    /// VM instructions between two looks at the call (≈ 10 µs of work each).
    static let steps: Int32 = 1_000

    static func watch<T>(_ db: Database, _ call: LedgerCall?, _ body: () throws -> T) throws -> T {
        guard let call, let connection = db.sqliteConnection else { return try body() }
        let context = Unmanaged.passUnretained(call).toOpaque()
        sqlite3_progress_handler(connection, steps, { context in
            guard let context else { return 0 }
            return Unmanaged<LedgerCall>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
        }, context)
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        // `call` outlives the transaction (the caller holds it), so the unretained
        // pointer stays valid while the handler is installed.
        return try withExtendedLifetime(call) { try body() }
    }
}

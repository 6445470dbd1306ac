import Dispatch
import Foundation

/// The stop switch of one async ledger call, shared by every statement it runs.
///
/// An async method of ``StockLedger`` makes one, and cancelling its task sets it:
///
/// * every statement checks it before it starts (the transaction then rolls back, so
///   nothing is half-posted);
/// * the statement running at that moment is interrupted: on SQLite by a progress
///   handler on that connection (asked every 1,000 virtual-machine steps, so a long
///   `SUM … GROUP BY` over a large book ends within about a millisecond), on PostgreSQL
///   by `pg_cancel_backend` for that connection's server process, sent from a
///   connection of its own;
///
/// and the call throws `CancellationError`. A reference, guarded by a lock, because the
/// cancelling thread and the ledger's thread both use it.
final class LedgerCall: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var interrupt: (@Sendable () -> Void)?
    private var observer: (@Sendable (Int) -> Void)?
    private var started = 0, finished = 0

    /// Asks the call to stop, and interrupts the statement running now, if any.
    func cancel() {
        let running: (@Sendable () -> Void)? = lock.withLock {
            cancelled = true
            return interrupt
        }
        running?()
    }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { lock.withLock { cancelled } }

    /// Throws ``LedgerError/cancelled`` once cancelled: the check before each statement.
    func check() throws(LedgerError) {
        if isCancelled { throw .cancelled }
    }

    /// Called with each statement's number (from 1) after its check and just before
    /// it runs: tests cancel there to reach the interruption of a running statement.
    package var beforeStatement: (@Sendable (Int) -> Void)? {
        get { lock.withLock { observer } }
        set { lock.withLock { observer = newValue } }
    }

    /// Statements that ran to their end.
    package var statementsFinished: Int { lock.withLock { finished } }

    /// The check before a statement: throws once cancelled, else counts it and tells
    /// the observer.
    func willRun() throws(LedgerError) {
        try check()
        let (n, observe) = lock.withLock { () -> (Int, (@Sendable (Int) -> Void)?) in
            started += 1
            return (started, observer)
        }
        observe?(n)
    }

    /// Counts a statement that ran to its end.
    func didRun() { lock.withLock { finished += 1 } }

    /// Runs `body` with `interrupt` as the way to stop its running statement.
    func whileRunning<T>(interrupt: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        lock.withLock { self.interrupt = interrupt }
        defer { lock.withLock { self.interrupt = nil } }
        return try body()
    }
}

/// A transaction whose every statement first checks the call's stop switch.
struct CheckedTransaction: LedgerTransaction {
    let base: any LedgerTransaction
    let call: LedgerCall

    private func run<T>(_ statement: () throws -> T) throws -> T {
        try call.willRun()
        let value = try statement()
        call.didRun()
        return value
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow] {
        try run { try base.fetchAll(sql, arguments) }
    }
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
        try run { try base.execute(sql, arguments) }
    }
    func insertReturningID(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int64 {
        try run { try base.insertReturningID(sql, arguments) }
    }
    func lotIDs(of keys: [LotIdentity]) throws -> [LotIdentity: Int64] {
        try run { try base.lotIDs(of: keys) }
    }
    func insertLots(_ labels: [LotLabel]) throws -> [LotIdentity: Int64] {
        try run { try base.insertLots(labels) }
    }
    func insertMovements(_ rows: [MovementRow]) throws {
        try run { try base.insertMovements(rows) }
    }
    func addToBalances(_ deltas: [BalanceKey: Int64]) throws {
        try run { try base.addToBalances(deltas) }
    }
    func keptBalances(of keys: [BalanceKey]) throws -> [BalanceKey: Int64] {
        try run { try base.keptBalances(of: keys) }
    }
}

/// Where the async ledger calls run their synchronous body: a concurrent dispatch
/// queue, off Swift's cooperative pool (a statement may block its thread, on SQLite's
/// file lock or on a PostgreSQL round trip).
enum LedgerThread {
    static let queue = DispatchQueue(label: "EmergencyReserve.ledger", qos: .userInitiated, attributes: .concurrent)

    /// Runs `body` with a fresh ``LedgerCall`` on a ledger thread; cancelling the
    /// calling task cancels the call, which then throws `CancellationError`.
    static func run<T: Sendable>(_ body: @escaping @Sendable (LedgerCall) throws(LedgerError) -> T) async throws -> T {
        try Task.checkCancellation()
        let call = LedgerCall()
        let result: Result<T, LedgerError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Result { () throws(LedgerError) in try body(call) })
                }
            }
        } onCancel: {
            call.cancel()
        }
        switch result {
        case let .success(value):
            // Cancelled after the last statement: the work is done (and committed), but
            // the caller no longer wants the answer, and Swift's convention is to throw.
            if call.isCancelled { throw CancellationError() }
            return value
        case let .failure(error):
            if error == .cancelled || call.isCancelled { throw CancellationError() }
            throw error
        }
    }
}

import Foundation
@testable import Ledger
import ReserveModel
import Testing

/// The async ledger calls (issue 19, item 3 of the second round) on a real SQLite file
/// and a real PostgreSQL database: the same answers as the synchronous calls, and a
/// cancelled call throws `CancellationError` and leaves the book as it was.
///
/// Cancellation is placed by the test, at a statement it chooses
/// (``LedgerCall/beforeStatement``), never after a guessed time.
@Suite struct AsyncLedgerTests {
    /// The synthetic book: 2,000 lots received 1,000,000 units each (statements 1…2,000
    /// of the posting), then 18,000 movements of 1 unit: movement i (2,000 ≤ i < 20,000)
    /// goes to lot i mod 2,000 and is an issue when ⌊i / 2,000⌋ is odd (1, 3, 5, 7, 9:
    /// five per lot) and a receive when even (2, 4, 6, 8: four per lot). Every lot ends
    /// at 1,000,000 − 5 + 4 = 999,999 units.
    static func syntheticBook(_ f: LedgerFixture) throws {
        #expect(try f.ledger.postSynthetic(count: 20_000, batch: 5_000, lots: 2_000, depots: 10) == 20_000)
    }

    @Test(arguments: Backend.allCases)
    func asyncCallsGiveTheSynchronousAnswers(backend: Backend) async throws {
        let f = try LedgerFixture(backend)
        try Self.syntheticBook(f)
        let asOf = Date(timeIntervalSince1970: 1_735_689_600 + 86_400)
        let kept = try await f.ledger.balances()
        let summed = try await f.ledger.balances(asOf: asOf)
        #expect(kept.count == 2_000)
        #expect(kept.allSatisfy { $0.quantity == 999_999 })
        #expect(summed == kept)
        let sync: [BalanceRow] = try { () throws -> [BalanceRow] in try f.ledger.balances(asOf: asOf) }()
        #expect(summed == sync)
        let trail = try await f.ledger.history(lot: "S1-7")
        // Lot 7: its receive of 1,000,000, then movements 2,007, 4,007, …, 18,007.
        #expect(trail.map(\.quantity) == [1_000_000, -1, 1, -1, 1, -1, 1, -1, 1, -1])
        let report = try await f.ledger.verify()
        #expect(report.movements == 20_000 && report.isConsistent)
        try f.close()
    }

    /// A task cancelled before its call starts throws `CancellationError` and posts nothing.
    @Test(arguments: Backend.allCases)
    func cancelledBeforeStartPostsNothing(backend: Backend) async throws {
        let f = try LedgerFixture(backend)
        let ledger = f.ledger
        let task = Task {
            // Only once the task is cancelled does it call the ledger.
            while !Task.isCancelled { await Task.yield() }
            return try await ledger.importOpeningBalances(of: Self.bundle, context: context("IMPORT-1"))
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await f.ledger.balances().isEmpty)
        try f.close()
    }

    /// An import cancelled in the middle of its transaction (after its lots were
    /// written, before its movements): `CancellationError`, and the rollback leaves no
    /// lot, no movement and no balance behind.
    @Test(arguments: Backend.allCases)
    func importCancelledMidTransactionRollsBack(backend: Backend) async throws {
        let f = try LedgerFixture(backend)
        let result = await Self.cancelled(f.ledger, atStatement: 3) { (ledger: StockLedger) throws(LedgerError) -> PostingResult in
            try ledger.importOpeningBalances(of: Self.bundle, context: context("IMPORT-1"))
        }
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(try f.strings("SELECT CAST(COUNT(*) AS TEXT) FROM lots") == ["0"])
        #expect(try f.strings("SELECT CAST(COUNT(*) AS TEXT) FROM movements") == ["0"])
        #expect(try await f.ledger.balances().isEmpty)
        // The same import, not cancelled, posts the bundle's two lots.
        let posted = try await f.ledger.importOpeningBalances(of: Self.bundle, context: context("IMPORT-1"))
        #expect(posted.movements.map(\.quantity) == [900, 40])
        try f.close()
    }

    /// A long statement (balances as of a date: a sum over all 20,000 movements) is
    /// interrupted when its call is cancelled just as it starts: it never finishes
    /// (SQLite's progress handler stops it), and the call throws `CancellationError`.
    /// On PostgreSQL the cancel request races the statement, so only the outcome is
    /// checked there.
    @Test(arguments: Backend.allCases)
    func aRunningStatementIsInterrupted(backend: Backend) async throws {
        let f = try LedgerFixture(backend)
        try Self.syntheticBook(f)
        let asOf = Date(timeIntervalSince1970: 1_735_689_600 + 86_400)
        let finished = Counter()
        let result = await Self.cancelled(f.ledger, atStatement: 1, finished: finished) { (ledger: StockLedger) throws(LedgerError) -> [BalanceRow] in
            try ledger.balances(asOf: asOf)
        }
        #expect(throws: CancellationError.self) { try result.get() }
        if backend == .sqlite { #expect(finished.value == 0) }
        // The book is untouched and the ledger still answers.
        #expect(try await f.ledger.balances(asOf: asOf).count == 2_000)
        try f.close()
    }

    /// Runs `body` as an async call cancelled just before its statement number `n`
    /// runs (after that statement's own check, so the statement starts cancelled).
    static func cancelled<T: Sendable>(_ ledger: StockLedger, atStatement n: Int, finished: Counter? = nil,
                                       _ body: @escaping @Sendable (StockLedger) throws(LedgerError) -> T) async -> Result<T, any Error> {
        let holder = CallHolder()
        let task = Task {
            try await ledger.runAsync { (bound) throws(LedgerError) -> T in
                let call = bound.call!
                holder.set(call)
                call.beforeStatement = { k in if k == n { call.cancel() } }
                defer { finished?.value = call.statementsFinished }
                return try body(bound)
            }
        }
        return await task.result
    }

    /// Two depots' stock: 900 tents and 40 pumps.
    static let bundle: ReserveBundle = {
        var b = ReserveBundle(manifest: BundleManifest(name: "async-ledger"))
        b.stock = [StockLot(depot: "D1", item: "tent", quantity: 900, batch: "T-1", received: CalendarDate("2025-03-01")),
                   StockLot(depot: "D2", item: "pump", quantity: 40, batch: "P-1", received: CalendarDate("2025-03-01"))]
        return b
    }()
}

/// The call an async test cancels.
final class CallHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LedgerCall?
    func set(_ call: LedgerCall) { lock.withLock { stored = call } }
}

/// A number written from the ledger thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = -1
    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

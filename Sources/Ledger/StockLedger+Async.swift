import Foundation
import ReserveModel

/// The ledger's calls as async functions that honour task cancellation, beside the
/// synchronous ones (docs/library.md, "The stock book").
///
/// Each runs the synchronous method's body, unchanged, on a ledger thread
/// (``LedgerThread``: off Swift's cooperative pool, since a statement blocks its
/// thread) with a ``LedgerCall`` of its own. Cancelling the calling task interrupts the
/// running statement (SQLite: a progress handler on that connection; PostgreSQL:
/// `pg_cancel_backend`), stops every later statement before it starts, rolls the
/// transaction back and throws `CancellationError`: a posting is written whole or not
/// at all, cancelled or not. Other failures throw ``LedgerError`` as the synchronous
/// methods do. The answers are the synchronous methods' own.
///
/// ```swift
/// let task = Task { try await ledger.balances(asOf: date) }
/// task.cancel()          // → CancellationError within a statement step
/// ```
extension StockLedger {
    /// Runs `body` on a copy of this ledger that belongs to a fresh async call.
    package func runAsync<T: Sendable>(_ body: @escaping @Sendable (StockLedger) throws(LedgerError) -> T) async throws -> T {
        let ledger = self
        return try await LedgerThread.run { (call) throws(LedgerError) -> T in
            var bound = ledger
            bound.call = call
            return try body(bound)
        }
    }

    /// ``balances(asOf:depot:item:)``, cancellable (with `asOf` it sums every movement
    /// of the book: the long one).
    public func balances(asOf: Date? = nil, depot: String? = nil, item: String? = nil) async throws -> [BalanceRow] {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.balances(asOf: asOf, depot: depot, item: item) }
    }

    /// ``history(depot:item:lot:limit:)`` (the audit trail), cancellable.
    public func history(depot: String? = nil, item: String? = nil, lot: String? = nil, limit: Int? = nil) async throws -> [Movement] {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.history(depot: depot, item: item, lot: lot, limit: limit) }
    }

    /// ``expiring(withinDays:asOf:depot:)``, cancellable.
    public func expiring(withinDays days: Int, asOf: CalendarDate, depot: String? = nil) async throws -> [BalanceRow] {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.expiring(withinDays: days, asOf: asOf, depot: depot) }
    }

    /// ``verify()``, cancellable (it re-derives every balance from the movements).
    public func verify() async throws -> VerifyReport {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.verify() }
    }

    /// ``report(_:from:to:)`` (the upward report), cancellable.
    public func report(_ kind: LedgerReport.Kind, from: CalendarDate, to: CalendarDate) async throws -> LedgerReport {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.report(kind, from: from, to: to) }
    }

    /// ``exportBundle(base:)``, cancellable.
    public func exportBundle(base: ReserveBundle) async throws -> ReserveBundle {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.exportBundle(base: base) }
    }

    /// ``importOpeningBalances(of:context:)`` (a bundle's stock book), cancellable: a
    /// cancelled import posts nothing.
    @discardableResult
    public func importOpeningBalances(of bundle: ReserveBundle, context: PostingContext) async throws -> PostingResult {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.importOpeningBalances(of: bundle, context: context) }
    }

    /// ``importSheet(at:mapping:context:)`` (a 台账 spreadsheet), cancellable: a
    /// cancelled import posts nothing.
    @discardableResult
    public func importSheet(at url: URL, mapping: SheetMapping, context: PostingContext) async throws -> PostingResult {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.importSheet(at: url, mapping: mapping, context: context) }
    }

    /// ``postDispatch(_:dispatchID:context:)``, cancellable: a cancelled posting posts nothing.
    public func postDispatch(_ dispatch: DispatchOrders, dispatchID: String? = nil, context: PostingContext) async throws -> DispatchPosting {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.postDispatch(dispatch, dispatchID: dispatchID, context: context) }
    }

    /// ``rotationPlan(items:options:)``, cancellable.
    public func rotationPlan(items: [String: RotationItem], options: RotationOptions) async throws -> RotationPlan {
        try await runAsync { (ledger) throws(LedgerError) in try ledger.rotationPlan(items: items, options: options) }
    }
}

import Foundation
import GRDB
@testable import Ledger
import ReserveModel
import Testing

/// A fresh ledger in a real SQLite file in a temporary directory. `close()` runs
/// `verify` (every test ends with the book consistent) and removes the directory.
struct LedgerFixture {
    let directory: URL
    let path: String
    let ledger: StockLedger

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("er-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ledger.sqlite").path
        ledger = try StockLedger.create(path: path)
    }

    /// Verifies the book, then deletes the files.
    func close(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try ledger.verify()
        #expect(report.isConsistent, "verify: \(report)", sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Raw SQL on the same file, bypassing the library.
    func raw() throws -> DatabaseQueue { try DatabaseQueue(path: path) }

    /// The kept balance of one lot at one depot, in units.
    func balance(_ depot: String, _ item: String, _ lot: String) throws -> Double {
        try ledger.balances(depot: depot, item: item).filter { $0.lot == lot }.map(\.quantity).reduce(0, +)
    }
}

/// A context dated `day` (midnight UTC) by `user`.
func context(_ document: String, user: String = "zhang", key: String? = nil, day: String = "2025-03-01",
             allowNegative: String? = nil) -> PostingContext {
    PostingContext(user: user, document: document, idempotencyKey: key, at: LedgerTime.parse(day),
                   allowNegativeReason: allowNegative)
}

func label(_ item: String, _ lot: String, at depot: String, expiry: String? = nil) -> LotLabel {
    LotLabel(item: item, lot: lot, depot: depot, expiry: expiry.flatMap(CalendarDate.init), origin: "某厂",
             reserveMode: "physical", unit: "", inboundDate: CalendarDate("2025-03-01"))
}

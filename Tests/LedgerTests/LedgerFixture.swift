import Foundation
import GRDB
@testable import Ledger
import Logging
import PostgresNIO
import ReserveModel
import Testing

/// The two places a ledger lives. Every ledger test that is not about files takes a
/// backend argument and runs on both: a real SQLite file, and a real database on the
/// private PostgreSQL server `make test` starts (``TestPostgres``).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }
}

/// A fresh, empty ledger: an SQLite file in a temporary directory, or a PostgreSQL
/// database of its own created on the test server. `close()` runs `verify` (every test
/// ends with the book consistent) and removes the file or drops the database.
struct LedgerFixture {
    let backend: Backend
    let directory: URL
    /// The SQLite file's path, or the PostgreSQL URL (the test server has no password).
    let path: String
    /// The PostgreSQL database, when on PostgreSQL.
    let server: PostgresLocation?
    let ledger: StockLedger

    init(_ backend: Backend = .sqlite) throws {
        self.backend = backend
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("er-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            path = directory.appendingPathComponent("ledger.sqlite").path
            server = nil
            ledger = try StockLedger.create(path: path)
        case .postgres:
            let created = try TestPostgres.createDatabase()
            server = created
            path = "postgres://\(created.user)@\(created.host):\(created.port)/\(created.database)"
            ledger = try StockLedger.create(database: path)
        }
    }

    /// Verifies the book, then deletes the files or drops the database.
    func close(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try ledger.verify()
        #expect(report.isConsistent, "verify: \(report)", sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: directory)
        if let server { try TestPostgres.dropDatabase(server.database) }
    }

    /// Runs raw SQL on the same database, bypassing the library; throws what the
    /// database says if it refuses.
    func execute(_ sql: String) throws {
        _ = try strings(sql)
    }

    /// The first column of every row of a raw query, as text.
    func strings(_ sql: String) throws -> [String] {
        switch backend {
        case .sqlite:
            return try DatabaseQueue(path: path).writeWithoutTransaction { db in
                try Row.fetchAll(db, sql: sql).map { $0[0] as String? ?? "" }
            }
        case .postgres:
            return try TestPostgres.strings(sql, database: server!)
        }
    }

    /// The database's refusal of a raw statement, or nil if it accepted it.
    func refusal(_ sql: String) -> String? {
        do {
            try execute(sql)
            return nil
        } catch let error as DatabaseError {
            return error.message ?? "\(error)"
        } catch {
            return PostgresLedgerSchema.message(for: error)
        }
    }

    /// Raw SQL on the same SQLite file (file-only tests).
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

import Dispatch
import Foundation
import GRDB
@testable import Ledger
import ReserveModel
import Testing

/// The "nothing lost" guarantees: idempotency, atomic transfers, reversals, schema
/// versions, concurrent posting.
@Suite struct GuaranteeTests {
    @Test(arguments: Backend.allCases)
    func aRetriedKeyPostsOnce(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "W-1", at: "D1"), quantity: 100, context: context("RK"))
        let water = LotKey(item: "water", lot: "W-1")
        let first = try f.ledger.issue(water, at: "D1", quantity: 30, context: context("CK-7", key: "ck-7"))
        let retry = try f.ledger.issue(water, at: "D1", quantity: 30, context: context("CK-7", key: "ck-7"))
        #expect(!first.replayed && retry.replayed)
        #expect(retry.movements == first.movements)
        #expect(try f.balance("D1", "water", "W-1") == 70)
        // The same key for a different request is refused, not silently ignored.
        #expect(throws: LedgerError.self) {
            try f.ledger.issue(water, at: "D1", quantity: 31, context: context("CK-7", key: "ck-7"))
        }
        #expect(try f.ledger.history().count == 2)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func aTransferWritesBothHalvesOrNeither(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 50, context: context("RK"))
        let tent = LotKey(item: "tent", lot: "T-1")
        let moved = try f.ledger.transfer(tent, from: "D1", to: "D2", quantity: 20, context: context("DB-1"))
        #expect(moved.movements.map(\.kind) == [.transferOut, .transferIn])
        #expect(moved.movements.map(\.quantity) == [-20, 20])
        #expect(Set(moved.movements.map(\.idempotencyKey)).count == 1)
        // Too much: the out half fails after the in half was prepared; neither is kept.
        #expect(throws: LedgerError.self) {
            try f.ledger.transfer(tent, from: "D1", to: "D3", quantity: 31, context: context("DB-2"))
        }
        #expect(try f.balance("D1", "tent", "T-1") == 30)
        #expect(try f.balance("D2", "tent", "T-1") == 20)
        #expect(try f.balance("D3", "tent", "T-1") == 0)
        #expect(try f.ledger.history().count == 3)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func reversalUndoesOnceAndKeepsTheOriginal(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 50, context: context("RK"))
        let tent = LotKey(item: "tent", lot: "T-1")
        let issue = try f.ledger.issue(tent, at: "D1", quantity: 15, context: context("CK-1"))
        let id = issue.movements[0].id
        let reversal = try f.ledger.reverse(movement: id, context: context("CX-1"))
        #expect(reversal.movements.map(\.quantity) == [15])
        #expect(reversal.movements[0].reverses == id)
        #expect(try f.balance("D1", "tent", "T-1") == 50)
        #expect(throws: LedgerError.alreadyReversed(id: id, by: reversal.movements[0].id)) {
            try f.ledger.reverse(movement: id, context: context("CX-2"))
        }
        #expect(throws: LedgerError.self) { try f.ledger.reverse(movement: reversal.movements[0].id, context: context("CX-3")) }
        #expect(throws: LedgerError.unknownMovement(id: 999)) { try f.ledger.reverse(movement: 999, context: context("CX-4")) }
        // Reversing a transfer reverses both halves.
        let moved = try f.ledger.transfer(tent, from: "D1", to: "D2", quantity: 10, context: context("DB-1"))
        let back = try f.ledger.reverse(movement: moved.movements[1].id, context: context("CX-5"))
        #expect(back.movements.map(\.quantity) == [10, -10])
        #expect(try f.balance("D1", "tent", "T-1") == 50 && f.balance("D2", "tent", "T-1") == 0)
        // Reversing the receipt after most was issued would go negative: refused.
        try f.ledger.issue(tent, at: "D1", quantity: 45, context: context("CK-2"))
        #expect(throws: LedgerError.self) { try f.ledger.reverse(movement: 1, context: context("CX-6")) }
        // receive, issue, its reversal, two transfer halves, their two reversals, the last issue.
        #expect(try f.ledger.history().count == 8)
        try f.close()
    }

    @Test func anOlderSchemaIsMigratedForward() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("er-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        // A version-1 file with one receipt, written as version 1 wrote it.
        do {
            let old = try StockLedger(path: path, logger: .init(label: "test"), migrateUpTo: 1)
            #expect(try old.schemaVersion() == 1)
            try old.sqlitePool!.write { db in
                try db.execute(sql: "INSERT INTO lots (item, lot_number, expiry, depot, inbound_date) VALUES ('tent', 'T-1', '', 'D1', '2024-10-15')")
                try db.execute(sql: """
                    INSERT INTO movements (kind, lot_id, depot, quantity, at, user, document, idempotency_key, recorded_at)
                    VALUES ('receive', 1, 'D1', 900000000, '2024-10-15T00:00:00Z', 'li', 'RK-old', 'k-old', '2024-10-15T00:00:00Z')
                    """)
                try db.execute(sql: "INSERT INTO balances (depot, lot_id, quantity) VALUES ('D1', 1, 900000000)")
            }
            let columns = try old.sqlitePool!.read { try $0.columns(in: "lots").map(\.name) }
            #expect(!columns.contains("quality"))
        }
        let ledger = try StockLedger.open(path: path)
        #expect(try ledger.schemaVersion() == 2)
        #expect(try ledger.balances().map(\.quantity) == [900])
        try ledger.issue(LotKey(item: "tent", lot: "T-1"), at: "D1", quantity: 100, context: context("CK"))
        #expect(try ledger.balances().map(\.quantity) == [800])
        #expect(try ledger.verify().isConsistent)
    }

    @Test(arguments: Backend.allCases)
    func aNewerSchemaIsRefusedWithAClearMessage(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let setVersion = { (version: Int) in
            try f.execute(backend == .sqlite ? "PRAGMA user_version = \(version)" : "UPDATE ledger_schema SET version = \(version)")
        }
        try setVersion(3)
        #expect(throws: LedgerError.newerSchema(path: f.ledger.path, found: 3, supported: 2)) { try StockLedger.open(database: f.path) }
        #expect(LedgerError.newerSchema(path: "x", found: 3, supported: 2).description
                == "x: ledger schema version 3 is newer than this program supports (2); use a newer 'reserve'")
        try setVersion(2)
        try f.close()
    }

    /// Eight threads posting on one shared `StockLedger` end where serial posting ends
    /// (on PostgreSQL each thread holds a connection of its own from the pool).
    @Test(arguments: Backend.allCases)
    func concurrentThreadsGiveTheSerialBalances(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        for depot in ["D1", "D2"] {
            try f.ledger.receive(label("water", "W-\(depot)", at: depot), quantity: 10_000, context: context("RK-\(depot)"))
        }
        let ledger = f.ledger
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for i in 0..<25 {
                let depot = (worker + i) % 2 == 0 ? "D1" : "D2"
                _ = try? ledger.issue(LotKey(item: "water", lot: "W-\(depot)"), at: depot, quantity: Double(worker + 1),
                                      context: context("CK-\(worker)-\(i)", key: "w\(worker)-\(i)"))
            }
        }
        // Serial: worker w issues w+1 units 25 times, alternating depots starting with D1 for even w.
        var expected = ["D1": 10_000.0, "D2": 10_000.0]
        for worker in 0..<8 { for i in 0..<25 { expected[(worker + i) % 2 == 0 ? "D1" : "D2"]! -= Double(worker + 1) } }
        #expect(try f.balance("D1", "water", "W-D1") == expected["D1"])
        #expect(try f.balance("D2", "water", "W-D2") == expected["D2"])
        #expect(try f.ledger.history().count == 2 + 8 * 25)
        try f.close()
    }
}

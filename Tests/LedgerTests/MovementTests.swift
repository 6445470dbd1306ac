import Foundation
import GRDB
@testable import Ledger
import ReserveModel
import Testing

/// Each movement kind on a real SQLite file and on a real PostgreSQL database, with
/// balances worked out by hand.
@Suite struct MovementTests {
    @Test(arguments: Backend.allCases)
    func receiveIssueRotateReturnAndCount(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let tent = LotKey(item: "tent", lot: "T-1")
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 900, context: context("RK-1"))
        try f.ledger.issue(tent, at: "D1", quantity: 100, context: context("CK-1"))          // 800
        try f.ledger.rotateOut(tent, at: "D1", quantity: 50, context: context("LH-1"))       // 750
        try f.ledger.returnGoods(tent, to: "D1", quantity: 20, context: context("GH-1"))     // 770
        let count = try f.ledger.count(tent, at: "D1", counted: 765, context: context("PD-1"))  // −5 → 765
        #expect(count.movements.map(\.quantity) == [-5])
        #expect(try f.balance("D1", "tent", "T-1") == 765)
        let kinds = try f.ledger.history(item: "tent").map(\.kind)
        #expect(kinds == [.receive, .issue, .rotateOut, .return, .count])
        // A count that agrees is still recorded (the audit trail shows the count happened).
        let agree = try f.ledger.count(tent, at: "D1", counted: 765, context: context("PD-2"))
        #expect(agree.movements.map(\.quantity) == [0])
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func fractionalQuantitiesSumExactly(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("deicer", "S-1", at: "D1"), quantity: 0.3, context: context("RK"))
        for i in 0..<10 {
            try f.ledger.receive(label("deicer", "S-1", at: "D1"), quantity: 0.1, context: context("RK-\(i)"))
        }
        // 0.3 + 10 × 0.1 in doubles is 1.2999999999999998; in micro-units it is exact.
        #expect(try f.balance("D1", "deicer", "S-1") == 1.3)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func issuingMoreThanTheBalanceIsRefusedWithTheNumbers(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "W-1", at: "D1"), quantity: 100, context: context("RK"))
        #expect(throws: LedgerError.insufficientStock([.init(request: "issue", depot: "D1", item: "water", lot: "W-1",
                                                             requested: 101, available: 100)])) {
            try f.ledger.issue(LotKey(item: "water", lot: "W-1"), at: "D1", quantity: 101, context: context("CK"))
        }
        #expect(try f.balance("D1", "water", "W-1") == 100)
        #expect(try f.ledger.history().count == 1)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func allowNegativeRecordsWhy(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "W-1", at: "D1"), quantity: 100, context: context("RK"))
        let posted = try f.ledger.issue(LotKey(item: "water", lot: "W-1"), at: "D1", quantity: 130,
                                        context: context("CK", allowNegative: "盘点前先发货，入库单在途"))
        #expect(posted.movements[0].negativeReason == "盘点前先发货，入库单在途")
        #expect(try f.balance("D1", "water", "W-1") == -30)
        #expect(throws: LedgerError.invalidRequest(.negativeReason)) {
            try f.ledger.issue(LotKey(item: "water", lot: "W-1"), at: "D1", quantity: 1, context: context("CK2", allowNegative: " "))
        }
        try f.close()   // verify: the negative balance is explained by its movement
    }

    @Test(arguments: Backend.allCases)
    func writeOffNeedsAnApprovalEvenInRawSQL(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("mask", "M-1", at: "D1"), quantity: 1000, context: context("RK"))
        let mask = LotKey(item: "mask", lot: "M-1")
        #expect(throws: LedgerError.invalidRequest(.writeOffApproval)) {
            try f.ledger.writeOff(mask, at: "D1", quantity: 10, approval: "  ", context: context("BF-1"))
        }
        let done = try f.ledger.writeOff(mask, at: "D1", quantity: 10, approval: "鹤应急〔2025〕12号", context: context("BF-1"))
        #expect(done.movements[0].approval == "鹤应急〔2025〕12号")
        #expect(try f.balance("D1", "mask", "M-1") == 990)
        // The schema itself refuses a write-off without approval from any writer.
        let refusal = f.refusal("""
            INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, recorded_at)
            VALUES ('writeOff', 1, 'D1', -1, '2025-03-01T00:00:00Z', 'x', 'y', 'raw-1', '2025-03-01T00:00:00Z')
            """)
        #expect(refusal?.contains("a write-off needs an approval reference") == true, "\(refusal ?? "accepted")")
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func movementsCannotBeChangedOrDeleted(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 5, context: context("RK"))
        for sql in ["UPDATE movements SET quantity = 7000000", "DELETE FROM movements"] {
            let refusal = f.refusal(sql)
            #expect(refusal?.contains("movements are immutable; post a reversal instead") == true, "\(sql): \(refusal ?? "accepted")")
        }
        #expect(try f.balance("D1", "tent", "T-1") == 5)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func quotesAndSQLInNamesAreJustText(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let lot = "HE'); DROP TABLE movements; --"
        let user = "O'Brien\"; DELETE FROM balances; --"
        let item = "tent' OR '1'='1"
        try f.ledger.receive(label(item, lot, at: "D'1"), quantity: 10, context: context("RK'1", user: user))
        try f.ledger.issue(LotKey(item: item, lot: lot), at: "D'1", quantity: 3, context: context("CK\"1", user: user))
        let history = try f.ledger.history(item: item)
        #expect(history.map(\.lot) == [lot, lot])
        #expect(history.map(\.user) == [user, user])
        #expect(history.map(\.document) == ["RK'1", "CK\"1"])
        #expect(try f.ledger.balances(depot: "D'1").map(\.quantity) == [7])
        // A look-up with the injection-style item matches nothing else.
        #expect(try f.ledger.balances(item: "tent").isEmpty)
        let tables = try f.strings(backend == .sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                                   : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()")
        #expect(tables.contains("movements") && tables.contains("balances") && tables.contains("lots"))
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func balanceAsOfAPastTime(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let water = LotKey(item: "water", lot: "W-1")
        try f.ledger.receive(label("water", "W-1", at: "D1"), quantity: 100, context: context("RK", day: "2025-03-01"))
        try f.ledger.issue(water, at: "D1", quantity: 40, context: context("CK", day: "2025-03-05"))
        try f.ledger.transfer(water, from: "D1", to: "D2", quantity: 10, context: context("DB", day: "2025-03-07"))
        let march4 = try f.ledger.balances(asOf: LedgerTime.parse("2025-03-04")!)
        #expect(march4.map { "\($0.depot) \($0.quantity)" } == ["D1 100.0"])
        let march6 = try f.ledger.balances(asOf: LedgerTime.parse("2025-03-06")!)
        #expect(march6.map { "\($0.depot) \($0.quantity)" } == ["D1 60.0"])
        let now = try f.ledger.balances()
        #expect(now.map { "\($0.depot) \($0.quantity)" } == ["D1 50.0", "D2 10.0"])
        #expect(try f.ledger.balances(asOf: LedgerTime.parse("2025-02-28")!).isEmpty)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func expiringListsLotsWithinTheWindowSoonestFirst(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("water", "W-late", at: "D1", expiry: "2025-09-01"), quantity: 5, context: context("a"))
        try f.ledger.receive(label("water", "W-soon", at: "D1", expiry: "2025-04-15"), quantity: 5, context: context("b"))
        try f.ledger.receive(label("water", "W-gone", at: "D2", expiry: "2025-02-01"), quantity: 5, context: context("c"))
        try f.ledger.receive(label("tent", "T-never", at: "D1"), quantity: 5, context: context("d"))
        let rows = try f.ledger.expiring(withinDays: 90, asOf: CalendarDate("2025-03-01")!)   // horizon 2025-05-30
        #expect(rows.map(\.lot) == ["W-gone", "W-soon"])
        try f.close()
    }

    @Test func theFileIsReadableByItsOwnerOnly() throws {
        let f = try LedgerFixture(.sqlite)
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 1, context: context("RK"))
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: f.path + suffix) {
            let mode = try FileManager.default.attributesOfItem(atPath: f.path + suffix)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(suffix): \(String(mode ?? 0, radix: 8))")
        }
        try f.close()
    }

    @Test func theFileIsInWALModeAtTheCurrentSchemaVersion() throws {
        let f = try LedgerFixture(.sqlite)
        let (mode, version) = try f.raw().read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(mode == "wal")
        #expect(version == 2)
        // Opening it again (init on an existing file) keeps the book.
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 3, context: context("RK"))
        let again = try StockLedger.create(path: f.path)
        #expect(try again.balances().map(\.quantity) == [3])
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func verifyFindsDriftMadeBehindItsBack(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        try f.ledger.receive(label("tent", "T-1", at: "D1"), quantity: 10, context: context("RK"))
        try f.execute("UPDATE balances SET quantity = quantity + 1000000")
        let report = try f.ledger.verify()
        #expect(report.drift == [.init(depot: "D1", item: "tent", lot: "T-1", fromMovements: 10, kept: 11)])
        try f.execute("UPDATE balances SET quantity = quantity - 1000000")
        try f.close()
    }
}

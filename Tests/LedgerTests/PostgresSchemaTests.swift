import Foundation
import GRDB
@testable import Ledger
import PostgresNIO
import Testing

/// The ledger's schema on a real PostgreSQL server (the private cluster `make test`
/// starts): the same tables and columns as SQLite's, and the same rules enforced by the
/// database itself, whoever writes to it. Serialized: the tests share one database.
@Suite(.serialized)
struct PostgresSchemaTests {
    let logger = TestPostgres.logger

    @Test func hasTheSameTablesAndColumnsAsTheSQLiteSchema() async throws {
        let fixture = try LedgerFixture(.sqlite)
        let sqlite = try fixture.raw()
        try await TestPostgres.inRolledBackTransaction { connection in
            try await PostgresLedgerSchema.install(on: connection, logger: logger)
            #expect(try await PostgresLedgerSchema.version(on: connection, logger: logger) == LedgerSchema.version)
            for table in ["lots", "movements", "balances"] {
                let expected = try await sqlite.read { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]) }
                var found: [String] = []
                let rows = try await connection.query("""
                    SELECT column_name::text FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
                    """, logger: logger)
                for try await name in rows.decode(String.self) { found.append(name) }
                #expect(found == expected, "table \(table)")
                #expect(expected.count >= 3)
            }
        }
        try fixture.close()
    }

    @Test func refusesToChangeOrDeleteMovementsAndWriteOffsWithoutApproval() async throws {
        // A lot number and a user name that would break string-built SQL: stored and
        // read back verbatim because every value is a bound parameter.
        let lotNumber = "HE-2024'); DROP TABLE lots; --"
        let user = "O'Brien\"; DELETE FROM movements; --"
        try await TestPostgres.inRolledBackTransaction { connection in
            try await PostgresLedgerSchema.install(on: connection, logger: logger)
            var lotID: Int64?
            for try await id in try await connection.query(
                "INSERT INTO lots (item, lot_number, depot) VALUES ('tent', \(lotNumber), 'HG-D-CITY') RETURNING id",
                logger: logger).decode(Int64.self) { lotID = id }
            let lot = try #require(lotID)
            try await connection.query("""
                INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, recorded_at)
                VALUES ('receive', \(lot), 'HG-D-CITY', 900000000, '2025-03-01T00:00:00Z', \(user), 'RK-001', 'k1', '2025-03-01T00:00:00Z')
                """, logger: logger)
            var stored: [String] = []
            for try await (lotText, userText) in try await connection.query(
                "SELECT l.lot_number, m.\"user\" FROM movements m JOIN lots l ON l.id = m.lot_id", logger: logger)
                .decode((String, String).self) { stored += [lotText, userText] }
            #expect(stored == [lotNumber, user])

            let update = try await TestPostgres.refusal("UPDATE movements SET quantity = 0", on: connection)
            #expect(update?.contains("movements are immutable; post a reversal instead") == true, "\(update ?? "accepted")")
            let delete = try await TestPostgres.refusal("DELETE FROM movements", on: connection)
            #expect(delete?.contains("movements are immutable") == true, "\(delete ?? "accepted")")
            let truncate = try await TestPostgres.refusal("TRUNCATE movements CASCADE", on: connection)
            #expect(truncate?.contains("movements are immutable") == true, "\(truncate ?? "accepted")")

            for approval in [nil, "  "] as [String?] {
                let writeOff = try await TestPostgres.refusal("""
                    INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, approval, recorded_at)
                    VALUES ('writeOff', \(lot), 'HG-D-CITY', -1000000, '2025-03-02T00:00:00Z', 'zhang', 'BF-001', 'k2', \(approval), '2025-03-02T00:00:00Z')
                    """, on: connection)
                #expect(writeOff?.contains("a write-off needs an approval reference") == true, "\(writeOff ?? "accepted")")
            }
            let approved = try await TestPostgres.refusal("""
                INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, approval, recorded_at)
                VALUES ('writeOff', \(lot), 'HG-D-CITY', -1000000, '2025-03-02T00:00:00Z', 'zhang', 'BF-001', 'k2', 'PZ-2025-7', '2025-03-02T00:00:00Z')
                """, on: connection)
            #expect(approved == nil)
            let unknownKind = try await TestPostgres.refusal("""
                INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, recorded_at)
                VALUES ('gift', \(lot), 'HG-D-CITY', 1, '2025-03-02T00:00:00Z', 'zhang', 'X', 'k3', '2025-03-02T00:00:00Z')
                """, on: connection)
            #expect(unknownKind?.contains("movements_kind_check") == true, "\(unknownKind ?? "accepted")")
            let sameKey = try await TestPostgres.refusal("""
                INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, idempotency_key, recorded_at)
                VALUES ('receive', \(lot), 'HG-D-CITY', 1, '2025-03-02T00:00:00Z', 'zhang', 'X', 'k1', '2025-03-02T00:00:00Z')
                """, on: connection)
            #expect(sameKey?.contains("movements_idempotency_key_leg_key") == true, "\(sameKey ?? "accepted")")

            let count = try await PostgresLedgerSchema.scalar(Int.self, "SELECT count(*)::int FROM movements", on: connection, logger: logger)
            #expect(count == 2)
        }
    }

    @Test func initializesOnceAndRefusesANewerSchema() async throws {
        try await TestPostgres.withConnection { connection in
            // A schema of its own, so that the committed tables do not meet the other tests'.
            try await connection.query("DROP SCHEMA IF EXISTS ledger_initialize_test CASCADE", logger: logger)
            try await connection.query("CREATE SCHEMA ledger_initialize_test", logger: logger)
            try await connection.query("SET search_path TO ledger_initialize_test", logger: logger)
            #expect(try await PostgresLedgerSchema.version(on: connection, logger: logger) == nil)
            #expect(try await PostgresLedgerSchema.initialize(on: connection, logger: logger) == 2)
            #expect(try await PostgresLedgerSchema.initialize(on: connection, logger: logger) == 2)
            try await connection.query("UPDATE ledger_schema SET version = 99", logger: logger)
            await #expect(throws: LedgerError.newerSchema(path: "PostgreSQL database", found: 99, supported: 2)) {
                _ = try await PostgresLedgerSchema.initialize(on: connection, logger: logger)
            }
            try await connection.query("DROP SCHEMA ledger_initialize_test CASCADE", logger: logger)
        }
    }
}

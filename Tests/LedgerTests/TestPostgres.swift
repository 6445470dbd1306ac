import Foundation
@testable import Ledger
import Logging
import PostgresNIO

/// The PostgreSQL server the tests run against: `ER_TEST_POSTGRES_URL`, which `make
/// test` sets after starting a private cluster (scripts/pg_test_server.sh). Without it
/// the PostgreSQL tests fail, saying how to run them; they never skip.
enum TestPostgres {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "ER_TEST_POSTGRES_URL is not set: the ledger's PostgreSQL tests need a server. Run `make test`, or "
                + "`eval \"$(bash scripts/pg_test_server.sh start)\"` before `swift test` (and `bash scripts/pg_test_server.sh stop` after)."
        }
    }

    static let logger = Logger(label: "ledger-tests-postgres")

    static func location() throws -> PostgresLocation {
        guard let url = ProcessInfo.processInfo.environment["ER_TEST_POSTGRES_URL"], !url.isEmpty else { throw Missing() }
        return try PostgresLocation(url: url)
    }

    /// Opens a connection, runs `body`, closes the connection whatever happens.
    static func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(configuration: location().configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `body` inside a transaction that is always rolled back: DDL is transactional
    /// in PostgreSQL, so each test builds the schema afresh and leaves nothing behind.
    static func inRolledBackTransaction(_ body: (PostgresConnection) async throws -> Void) async throws {
        try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await body(connection)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            try await connection.query("ROLLBACK", logger: logger)
        }
    }

    /// The server's message for a statement that must fail, run under a savepoint so
    /// that the surrounding transaction goes on; nil if it succeeded.
    static func refusal(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> String? {
        try await connection.query("SAVEPOINT refusal", logger: logger)
        do {
            try await connection.query(query, logger: logger)
            try await connection.query("RELEASE SAVEPOINT refusal", logger: logger)
            return nil
        } catch {
            try await connection.query("ROLLBACK TO SAVEPOINT refusal", logger: logger)
            return PostgresLedgerSchema.map(error).description
        }
    }
}

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

    /// Creates an empty database of its own on the test server (CREATE DATABASE cannot
    /// run in a transaction, so the tests that commit use one database each).
    static func createDatabase() throws -> PostgresLocation {
        var location = try location()
        let name = "er_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // The name is ours (hex digits), and identifiers cannot be bound parameters.
        _ = try strings("CREATE DATABASE \(name)", database: location)
        location.database = name
        return location
    }

    /// Drops a database made by ``createDatabase()``, closing its connections.
    static func dropDatabase(_ name: String) throws {
        precondition(name.hasPrefix("er_") && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
        _ = try strings("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", database: location())
    }

    /// Runs one statement on `database` synchronously; the first column of each row as text.
    static func strings(_ sql: String, database: PostgresLocation) throws -> [String] {
        let connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                        configuration: database.configuration, id: 99, logger: logger).wait()
        defer { try? connection.close().wait() }
        let result = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        return try result.rows.map { row in
            guard let cell = row.first, cell.bytes != nil else { return "" }
            return cell.dataType == .int8 || cell.dataType == .int4 ? String(try cell.decode(Int64.self)) : try cell.decode(String.self)
        }
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

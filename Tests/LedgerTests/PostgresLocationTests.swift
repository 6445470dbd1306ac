import Foundation
@testable import Ledger
import Testing

/// `--db postgres://…`: parsing, the libpq fallbacks, and that no password is ever shown.
struct PostgresLocationTests {
    @Test func parsesEveryPartAndMasksThePassword() throws {
        let location = try PostgresLocation(url: "postgres://ledger:s%40cret:x@db.example:6543/reserve", environment: [:])
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.user == "ledger")
        #expect(location.password == "s@cret:x")
        #expect(location.database == "reserve")
        #expect(location.description == "postgres://ledger:***@db.example:6543/reserve")
        #expect(!location.description.contains("cret"))
        #expect(PostgresLocation.masked("postgres://ledger:s3cret@db:5432/reserve") == "postgres://ledger:***@db:5432/reserve")
        #expect(PostgresLocation.masked("postgresql://ledger@db/reserve") == "postgresql://ledger@db/reserve")
        #expect(PostgresLocation.isURL("PostgreSQL://x") && !PostgresLocation.isURL("book.sqlite"))
    }

    @Test func fillsGapsFromTheEnvironmentLikeLibpq() throws {
        let environment = ["PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "zhang", "PGPASSWORD": "from-env", "PGDATABASE": "book"]
        let location = try PostgresLocation(url: "postgres://", environment: environment)
        #expect(location == PostgresLocation(host: "10.0.0.5", port: 5433, user: "zhang", database: "book", password: "from-env"))
        #expect(location.description == "postgres://zhang:***@10.0.0.5:5433/book")
        // The URL wins over the environment; the database defaults to the user's name.
        let explicit = try PostgresLocation(url: "postgres://li:pw@h", environment: ["PGPASSWORD": "other", "PGUSER": "zhang"])
        #expect(explicit.user == "li" && explicit.password == "pw" && explicit.database == "li" && explicit.port == 5432)
    }

    @Test func refusesWhatItCannotUseAndNeverEchoesThePassword() {
        #expect(throws: LedgerError.invalidRequest(.postgresQuery(url: "postgres://u:***@h/db?sslmode=require", query: "sslmode=require"))) {
            try PostgresLocation(url: "postgres://u:topsecret@h/db?sslmode=require", environment: [:])
        }
        #expect(throws: LedgerError.invalidRequest(.postgresPort(text: "abc"))) {
            try PostgresLocation(url: "postgres://u@h/db", environment: ["PGPORT": "abc"])
        }
    }

    @Test func readsThePasswordFileWithWildcardsAndEscapes() throws {
        let text = """
            # host:port:database:user:password
            other:5432:*:zhang:wrong
            db.example:5432:reserve:zhang:first\\:part\\\\x
            *:*:*:*:fallback
            """
        #expect(PasswordFile.lookUp(text: text, host: "db.example", port: 5432, database: "reserve", user: "zhang") == "first:part\\x")
        #expect(PasswordFile.lookUp(text: text, host: "db.example", port: 5433, database: "reserve", user: "zhang") == "fallback")
        #expect(PasswordFile.lookUp(text: "h:1:d:u:p", host: "h", port: 2, database: "d", user: "u") == nil)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("er-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pgpass").path
        try "*:*:*:zhang:from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        // Like libpq, a file others may read is ignored.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try PostgresLocation(url: "postgres://zhang@h/db", environment: ["PGPASSFILE": file]).password == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let location = try PostgresLocation(url: "postgres://zhang@h/db", environment: ["PGPASSFILE": file])
        #expect(location.password == "from-file")
        #expect(location.description == "postgres://zhang:***@h:5432/db")
    }
}

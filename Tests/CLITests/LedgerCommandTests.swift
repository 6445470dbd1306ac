import Dispatch
import Foundation
import Testing
import TestSupport

/// `reserve ledger …` end to end with the built binary on real SQLite files and on
/// real databases of the private PostgreSQL server `make test` starts.
@Suite struct LedgerCommandTests {
    enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A temporary directory, and the PostgreSQL databases made for one test.
    final class Scratch: @unchecked Sendable {
        let directory: URL
        private var databases: [String] = []
        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("er-ledger-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        /// Where a fresh ledger goes: a file here, or a new database on the test server
        /// (scripts/pg_test_server.sh createdb; the tests fail, never skip, without one).
        func ledger(_ backend: Backend, _ name: String) throws -> String {
            guard backend == .postgres else { return path(name + ".sqlite") }
            let database = "er_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let r = try Self.script(["createdb", database])
            guard r.status == 0 else { throw CLIFailureDescription(text: "createdb: \(r.output)") }
            databases.append(database)
            return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func remove() {
            try? FileManager.default.removeItem(at: directory)
            for database in databases { _ = try? Self.script(["dropdb", database]) }
        }

        static func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [packageRoot.appendingPathComponent("scripts/pg_test_server.sh").path] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    struct CLIFailureDescription: Error, CustomStringConvertible { var text: String; var description: String { text } }

    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try runReserve(arguments)
        #expect(r.exitCode == 0, "\(arguments.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `verify` exits 0 and reports a consistent book.
    func verify(_ db: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let r = try runReserve(["ledger", "verify", "--db", db, "--json"])
        #expect(r.exitCode == 0, "verify: \(r.stdout) \(r.stderr)", sourceLocation: sourceLocation)
        let report = try json(r.stdout)
        #expect(report["consistent"] as? Bool == true, sourceLocation: sourceLocation)
        return try #require((report["report"] as? [String: Any])?["movements"] as? Int)
    }

    /// (depot, item, lot) → quantity from `balance --json`.
    func balances(_ db: String) throws -> [String: Double] {
        let rows = try #require(try json(run(["ledger", "balance", "--db", db, "--json"]))["balances"] as? [[String: Any]])
        var result: [String: Double] = [:]
        for row in rows {
            for key in ["depot", "item", "lot", "quantity", "expiry"] { #expect(row.keys.contains(key), "\(key)") }
            result["\(row["depot"]!)|\(row["item"]!)|\(row["lot"]!)"] = row["quantity"] as? Double
        }
        return result
    }

    static let hegangScenarios = ["hg-blizzard-mine", "hg-heilongjiang-flood", "hg-songhua-flood", "hg-spring-fire"]

    /// import → export gives a bundle whose dispatch JSON is byte-identical to the
    /// original's; post-dispatch then lowers the balances by exactly the orders'
    /// quantities, lot by lot, with lots chosen first-expiry-first-out (worked out here
    /// from the balance rows, independently of the ledger's own choice).
    @Test(arguments: hegangScenarios, Backend.allCases)
    func roundTripAndPostDispatch(scenario: String, backend: Backend) throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = try s.ledger(backend, "book")
        _ = try run(["ledger", "init", "--db", db])
        _ = try run(["ledger", "import", "Data/hegang", "--db", db])
        _ = try run(["ledger", "export", "--db", db, "--bundle", "Data/hegang", "--out", s.path("exported")])
        let original = try run(["dispatch", "Data/hegang", "--scenario", scenario, "--json"])
        let exported = try run(["dispatch", s.path("exported"), "--scenario", scenario, "--json"])
        #expect(original == exported)
        #expect(!original.isEmpty)

        // Expected FEFO decrements from the balance rows before posting.
        let before = try #require(try json(run(["ledger", "balance", "--db", db, "--json"]))["balances"] as? [[String: Any]])
        let response = try json(original)
        let start = String((try #require((response["scenario"] as? [String: Any])?["start"] as? String)).prefix(10))
        var left: [String: Double] = [:]
        for row in before { left["\(row["depot"]!)|\(row["item"]!)|\(row["lot"]!)"] = row["quantity"] as? Double }
        var expected = left
        let orders = try #require(response["orders"] as? [[String: Any]])
        var issued = 0.0
        for order in orders where order["mode"] as? String != "productionCapacity" {
            var need = try #require(order["quantity"] as? Double)
            issued += need
            let lots = before.filter { $0["depot"] as? String == order["from"] as? String && $0["item"] as? String == order["item"] as? String }
                .filter { ($0["expiry"] as? String).map { $0 >= start } ?? true }
                .sorted { a, b in
                    let ea = a["expiry"] as? String ?? "9999", eb = b["expiry"] as? String ?? "9999"
                    return (ea, a["received"] as? String ?? "", a["lot"] as! String) < (eb, b["received"] as? String ?? "", b["lot"] as! String)
                }
            for lot in lots where need > 1e-9 {
                let key = "\(lot["depot"]!)|\(lot["item"]!)|\(lot["lot"]!)"
                let take = min(expected[key]!, need)
                expected[key]! -= take
                need -= take
            }
            #expect(need < 1e-9, "order \(order) cannot be met from \(lots)")
        }
        let responsePath = s.path("response.json")
        try original.write(toFile: responsePath, atomically: true, encoding: .utf8)
        let posted = try json(run(["ledger", "post-dispatch", responsePath, "--db", db, "--json"]))
        #expect(posted["replayed"] as? Bool == false)
        let after = try balances(db)
        for (key, quantity) in expected {
            #expect(abs((after[key] ?? 0) - quantity) < 1e-6, "\(key): \(after[key] ?? 0) ≠ \(quantity)")
        }
        let totalBefore = left.values.reduce(0, +), totalAfter = after.values.reduce(0, +)
        #expect(abs(totalBefore - totalAfter - issued) < 1e-6)
        // Idempotent by the dispatch's id.
        let again = try json(run(["ledger", "post-dispatch", responsePath, "--db", db, "--json"]))
        #expect(again["replayed"] as? Bool == true)
        #expect(try balances(db) == after)
        _ = try verify(db)
    }

    /// Eight processes posting at once end with the balances of the same commands run
    /// one after another (SQLite: WAL and a busy timeout; PostgreSQL: the writers' lock).
    @Test(arguments: Backend.allCases)
    func eightProcessesPostingAtOnceMatchSerialPosting(backend: Backend) throws {
        let s = try Scratch()
        defer { s.remove() }
        func setUp(_ db: String) throws {
            _ = try run(["ledger", "init", "--db", db])
            for (depot, lot) in [("D1", "W-1"), ("D2", "W-2")] {
                _ = try run(["ledger", "receive", "--db", db, "--item", "water", "--lot", lot, "--depot", depot,
                             "--quantity", "10000", "--document", "RK-\(lot)"])
            }
        }
        // Worker w posts three movements: two issues and a transfer of W-1 from D1 to D2.
        @Sendable func commands(_ db: String, worker w: Int) -> [[String]] {
            [["ledger", "issue", "--db", db, "--item", "water", "--lot", "W-1", "--depot", "D1", "--quantity", "\(w + 1)",
              "--document", "CK-\(w)-a", "--key", "k\(w)a", "--user", "worker-\(w)"],
             ["ledger", "transfer", "--db", db, "--item", "water", "--lot", "W-1", "--from", "D1", "--to", "D2",
              "--quantity", "\(10 * (w + 1))", "--document", "DB-\(w)", "--key", "k\(w)t", "--user", "worker-\(w)"],
             ["ledger", "issue", "--db", db, "--item", "water", "--lot", "W-2", "--depot", "D2", "--quantity", "\(2 * w + 1)",
              "--document", "CK-\(w)-b", "--key", "k\(w)b", "--user", "worker-\(w)"]]
        }
        let serial = try s.ledger(backend, "serial"), parallel = try s.ledger(backend, "parallel")
        try setUp(serial)
        try setUp(parallel)
        for w in 0..<8 { for c in commands(serial, worker: w) { _ = try run(c) } }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            for c in commands(parallel, worker: w) {
                let r = try? runReserve(c)
                if r?.exitCode != 0 { failures.add("\(c): \(r?.stderr ?? "did not run")") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let a = try balances(serial), b = try balances(parallel)
        #expect(a == b)
        // By hand: D1 W-1 = 10000 − Σ(w+1) − Σ10(w+1) = 10000 − 36 − 360; D2 W-1 = 360; D2 W-2 = 10000 − Σ(2w+1) = 9936.
        #expect(a == ["D1|water|W-1": 9604, "D2|water|W-1": 360, "D2|water|W-2": 9936])
        #expect(try verify(serial) == 2 + 8 * 4)
        #expect(try verify(parallel) == 2 + 8 * 4)
    }

    /// Every command on a PostgreSQL URL that carries a password: outputs show the URL
    /// masked and never the password (the test server trusts local connections, so any
    /// password is accepted); a retried key posts once; a database without the ledger
    /// is "missing" (66), not created behind the user's back.
    @Test func postgresCommandsNeverPrintThePassword() throws {
        let s = try Scratch()
        defer { s.remove() }
        let plain = try s.ledger(.postgres, "book")
        let secret = "s3cr'et\"pw"
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let db = plain.replacingOccurrences(of: "postgres://postgres@", with: "postgres://postgres:\(encoded)@")
        let masked = plain.replacingOccurrences(of: "postgres://postgres@", with: "postgres://postgres:***@")
        let missing = try runReserve(["ledger", "balance", "--db", db])
        #expect(missing.exitCode == 66 && missing.stderr.contains(masked), "\(missing.stderr)")
        var outputs = [missing.stdout + missing.stderr]
        let initialised = try runReserve(["ledger", "init", "--db", db])
        #expect(initialised.stdout == "\(masked): new ledger, schema version 2\n", "\(initialised.stdout)")
        outputs.append(initialised.stdout + initialised.stderr)
        let receive = ["ledger", "receive", "--db", db, "--item", "tent", "--lot", "T-1", "--depot", "D1", "--quantity", "10",
                       "--document", "RK-1", "--key", "rk-1", "--json"]
        let first = try runReserve(receive), retry = try runReserve(receive)
        #expect(first.exitCode == 0 && retry.exitCode == 0, "\(first.stderr) \(retry.stderr)")
        #expect(try json(first.stdout)["replayed"] as? Bool == false)
        #expect(try json(retry.stdout)["replayed"] as? Bool == true)
        outputs += [first.stdout + first.stderr, retry.stdout + retry.stderr]
        for command in [["ledger", "balance"], ["ledger", "history"], ["ledger", "verify"], ["ledger", "expiring", "--within", "90d"]] {
            let r = try runReserve(command + ["--db", db])
            #expect(r.exitCode == 0, "\(command): \(r.stderr)")
            outputs.append(r.stdout + r.stderr)
        }
        #expect(try balances(db) == ["D1|tent|T-1": 10])
        #expect(try verify(db) == 1)
        for output in outputs {
            #expect(!output.contains(secret) && !output.contains(encoded) && !output.contains("s3cr"), "\(output)")
        }
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
    }

    /// `kill -9` in the middle of a 100,000-movement import leaves all of it or none
    /// of it; a later import completes. On PostgreSQL the server rolls back the
    /// transaction of a client that disappears.
    @Test(arguments: Backend.allCases)
    func killNineDuringABigImportLeavesAllOrNothing(backend: Backend) throws {
        let s = try Scratch()
        defer { s.remove() }
        let bundle = s.path("big")
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Data/hegang").path, toPath: bundle)
        let stock = URL(fileURLWithPath: bundle).appendingPathComponent("stock.csv")
        var text = try String(contentsOf: stock, encoding: .utf8)
        for i in 0..<100_000 { text += "HG-D-CITY,water,\(1 + i % 50),L,K-\(i),2025-01-01,2027-01-01\n" }
        try text.write(to: stock, atomically: true, encoding: .utf8)
        let total = 100_150
        let db = try s.ledger(backend, "book")
        _ = try run(["ledger", "init", "--db", db])
        for delay in [0.2, 1.5] {
            let process = Process()
            process.executableURL = try reserveExecutable()
            process.arguments = ["ledger", "import", bundle, "--db", db]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The import prints this line just before its transaction begins.
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("ledger: importing") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let movements = try verify(db)
            #expect(movements == 0 || movements == total, "after kill -9 at +\(delay) s: \(movements) movements")
            if wasRunning { #expect(process.terminationReason == .uncaughtSignal) }
        }
        _ = try run(["ledger", "import", bundle, "--db", db])
        #expect(try verify(db) == total)
    }

    @Test func exitCodesFollowSysexits() throws {
        let s = try Scratch()
        defer { s.remove() }
        let db = s.path("book.sqlite")
        #expect(try runReserve(["ledger", "balance", "--db", db]).exitCode == 66)
        _ = try run(["ledger", "init", "--db", db])
        _ = try run(["ledger", "receive", "--db", db, "--item", "mask", "--lot", "M'1", "--depot", "D1", "--quantity", "100",
                     "--document", "RK-1", "--user", "O'Brien; DROP TABLE lots"])
        // A write-off without --approval is a usage error.
        let noApproval = try runReserve(["ledger", "writeoff", "--db", db, "--item", "mask", "--lot", "M'1", "--depot", "D1",
                                         "--quantity", "5", "--document", "BF-1"])
        #expect(noApproval.exitCode == 64)
        // Too much: refused, 65, naming the lot and the numbers.
        let tooMuch = try runReserve(["ledger", "issue", "--db", db, "--item", "mask", "--lot", "M'1", "--depot", "D1",
                                      "--quantity", "101", "--document", "CK-1"])
        #expect(tooMuch.exitCode == 65)
        #expect(tooMuch.stderr.contains("lot 'M'1' of 'mask' at 'D1' needs 101, only 100 on hand"))
        let history = try json(run(["ledger", "history", "--db", db, "--json"]))
        let users = (history["movements"] as? [[String: Any]])?.compactMap { $0["user"] as? String }
        #expect(users == ["O'Brien; DROP TABLE lots"])
        _ = try verify(db)
        // A post-dispatch of something that is not a response names what is missing.
        let bad = s.path("bad.json")
        try "{\"orders\": []}".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try runReserve(["ledger", "post-dispatch", bad, "--db", db])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("$.scenario is missing"))
        // A server that cannot be reached is named with its password masked, never printed.
        let url = try runReserve(["ledger", "balance", "--db", "postgres://ledger:s3cret@127.0.0.1:1/book"])
        #expect(url.exitCode == 70)
        #expect(url.stderr.contains("postgres://ledger:***@127.0.0.1:1/book") && !url.stderr.contains("s3cret"), "\(url.stderr)")
    }
}

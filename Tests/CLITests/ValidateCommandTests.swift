import Foundation
import Testing
import TestSupport

/// `reserve validate` and `reserve generate` end to end: the built binary, its
/// output and its exit codes.
@Suite("reserve validate / generate (end to end)")
struct ValidateCommandTests {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    static let root = packageRoot

    /// Runs the built binary from the package root through TestSupport's runner.
    static func run(_ arguments: [String]) throws -> Result {
        let r = try runReserve(arguments)
        return Result(exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr)
    }

    static func temporaryCopy(of relative: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-validate-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root.appendingPathComponent(relative), to: dir)
        return dir
    }

    @Test("A good bundle: exit 0, nothing on stdout, a summary on stderr")
    func good() throws {
        let r = try Self.run(["validate", "Data/hegang"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Data/hegang: 0 error(s), 0 warning(s)"))
    }

    @Test("A broken bundle: exit 65 and file:line:column: error: message")
    func broken() throws {
        let dir = try Self.temporaryCopy(of: "Tests/BundleIOTests/Fixtures/tiny")
        defer { try? FileManager.default.removeItem(at: dir) }
        let teams = dir.appendingPathComponent("teams.csv")
        let text = try String(contentsOf: teams, encoding: .utf8).replacingOccurrences(of: "T2,", with: "T1,")
        try Data(text.utf8).write(to: teams)
        let stock = dir.appendingPathComponent("stock.csv")
        let s = try String(contentsOf: stock, encoding: .utf8).replacingOccurrences(of: "2025-02-01,2026-07-01", with: "2025-02-01,2025-06-20")
        try Data(s.utf8).write(to: stock)
        let r = try Self.run(["validate", dir.path])
        #expect(r.exitCode == 65)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("teams.csv:3:id: error: Team id 'T1' is used twice (first at record 1)."))
        #expect(lines.contains("stock.csv:4:expiry: warning: Lot 'B3' of 'water' at 'D2' expires on 2025-06-20, within 30 days; rotate it."))
        #expect(r.stderr.contains("1 error(s), 1 warning(s)"))

        let json = try Self.run(["validate", dir.path, "--json"])
        #expect(json.exitCode == 65)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["errorCount"] as? Int == 1 && object["warningCount"] as? Int == 1)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["file"] as? String == "teams.csv" && $0["line"] as? Int == 3 && $0["column"] as? String == "id" })
    }

    @Test("Warnings alone still exit 0")
    func warningsOnly() throws {
        let dir = try Self.temporaryCopy(of: "Tests/BundleIOTests/Fixtures/tiny")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["validate", dir.path, "--reference-date", "2026-05-20"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("stock.csv:2:expiry: warning:"))
    }

    @Test("No bundle there: exit 66 with a message on stderr")
    func missing() throws {
        let r = try Self.run(["validate", "Data/does-not-exist"])
        #expect(r.exitCode == 66)
        #expect(r.stderr.contains("no such file or directory"))
    }

    @Test("generate: same seed, same bytes; the result validates")
    func generate() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("er-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let a = base.appendingPathComponent("a").path, b = base.appendingPathComponent("b").path
        #expect(try Self.run(["generate", "--preset", "city", "--seed", "7", "--out", a]).exitCode == 0)
        #expect(try Self.run(["generate", "--preset", "city", "--seed", "7", "--out", b]).exitCode == 0)
        for file in ["bundle.json", "areas.csv", "depots.csv", "stock.csv", "roads.csv", "nodes.csv", "scenarios/S1.json"] {
            #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file), "\(file)")
        }
        #expect(try Self.run(["validate", a]).exitCode == 0)
    }
}

import Foundation
import Testing
import TestSupport

/// `reserve solve` end to end: the built binary, its stdout and its exit code.
@Suite struct SolveCommandTests {
    @Test func jsonOnTheTransportExample() throws {
        let r = try runReserve(["solve", "Data/examples/transport.lp", "--json"])
        #expect(r.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect(json["objective"] as? Double == 153.675)
        let variables = try #require(json["variables"] as? [String: Double])
        #expect(variables["x_seattle_chicago"] == 300)
        #expect(variables.count == 6)
        // Keys are sorted: "variables" names appear in lexicographic order in the text.
        let names = ["x_san_diego_chicago", "x_san_diego_new_york", "x_san_diego_topeka",
                     "x_seattle_chicago", "x_seattle_new_york", "x_seattle_topeka"]
        let positions = names.map { r.stdout.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func sameInputSameBytes() throws {
        let a = try runReserve(["solve", "Data/examples/transport.lp", "--json"])
        let b = try runReserve(["solve", "Data/examples/transport.lp", "--format", "json"])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test func humanSummary() throws {
        let r = try runReserve(["solve", "Data/examples/transport.lp"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("Status    optimal"))
        #expect(r.stdout.contains("Objective 153.675"))
        #expect(r.stdout.contains("x_seattle_chicago     300"))
    }

    @Test func mpsFileWithFormatOverride() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // max x + y, x + 2y <= 4, 3x + y <= 6: optimum at (1.6, 1.2), value 2.8.
        let mps = """
        NAME tiny
        ROWS
         N obj
         L c1
         L c2
        COLUMNS
         x obj -1 c1 1
         x c2 3
         y obj -1 c1 2
         y c2 1
        RHS
         rhs c1 4 c2 6
        ENDATA

        """
        let path = dir.appendingPathComponent("tiny.model").path
        try mps.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runReserve(["solve", path, "--model-format", "mps", "--json"])
        #expect(r.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["objective"] as? Double == -2.8)
    }

    @Test func malformedFileExits65WithTheReadersMessage() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("er-bad-\(UUID().uuidString).lp").path
        try "Minimize\n obj: x\nSubject To\n c: x >= >= 1\nEnd\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runReserve(["solve", path])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains(":4:"))
        #expect(r.stdout.isEmpty)
    }

    @Test func missingFileExits66() throws {
        let r = try runReserve(["solve", "/nonexistent/model.lp"])
        #expect(r.exitCode == 66)
        #expect(r.stderr.contains("no such file"))
    }

    @Test func unknownExtensionIsAUsageError() throws {
        let r = try runReserve(["solve", "model.txt"])
        #expect(r.exitCode == 64)
        #expect(r.stderr.contains("--model-format"))
    }

    @Test func versionAndHelp() throws {
        let v = try runReserve(["--version"])
        #expect(v.exitCode == 0)
        #expect(v.stdout.hasPrefix("reserve "))
        #expect(v.stdout.contains("GLPK 5"))
        let h = try runReserve(["--help"])
        #expect(h.exitCode == 0)
        #expect(h.stdout.contains("solve"))
    }
}

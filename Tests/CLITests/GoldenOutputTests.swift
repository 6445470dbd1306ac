import Foundation
import Testing
import TestSupport

/// Every user-visible output of the sample data (scripts/golden_commands.sh: dispatch
/// in four formats for all 18 scenarios, coverage, plans, sites) is byte-identical to
/// the digests pinned in Tests/Fixtures/golden/SHA256SUMS. Refactorings must not move
/// a byte; a change that is meant regenerates the digests (see the fixture's README).
@Suite struct GoldenOutputTests {
    @Test func everySampleOutputMatchesItsPinnedDigest() throws {
        let pinned = try digests(String(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/golden/SHA256SUMS"), encoding: .utf8))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("er-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [packageRoot.appendingPathComponent("scripts/golden_outputs.sh").path, scratch.path, try reserveExecutable().path]
        process.currentDirectoryURL = packageRoot
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let current = try digests(String(contentsOf: scratch.appendingPathComponent("SHA256SUMS"), encoding: .utf8))
        #expect(pinned.count == 174)
        #expect(Set(current.keys) == Set(pinned.keys))
        let changed = pinned.keys.filter { current[$0] != pinned[$0] }.sorted()
        #expect(changed.isEmpty, "outputs that changed: \(changed)")
    }

    private func digests(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            try #require(parts.count == 2, "malformed SHA256SUMS line \(line)")
            result[parts[1].trimmingCharacters(in: .whitespaces)] = String(parts[0])
        }
        return result
    }
}

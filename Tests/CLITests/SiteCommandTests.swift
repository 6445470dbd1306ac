import Foundation
import Testing
import TestSupport

/// `reserve import orlib-*` + `reserve site` end to end on OR-Library instances.
@Suite struct SiteCommandTests {

    func scratch() throws -> URL {
        try makeScratchDirectory("er-site")
    }

    @Test func pmed1ImportedAndSolvedToTheOptimum() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pmed1").path
        let imported = try runReserve(["import", "orlib-pmed", ReferenceData.path("orlib-pmed/pmed1.txt"), "--out", out])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let validated = try runReserve(["validate", out])
        #expect(validated.exitCode == 0, "\(validated.stdout)")
        let r = try runReserve(["site", out, "--objective", "p-median", "--count", "5", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect(json["objective"] as? Double == 5819)
        #expect((json["sites"] as? [[String: Any]])?.count == 5)
        // Deterministic bytes.
        let again = try runReserve(["site", out, "--objective", "p-median", "--count", "5", "--json"])
        #expect(again.stdout == r.stdout)
        // Table output and the other objectives run on the same bundle.
        let table = try runReserve(["site", out, "--objective", "set-cover", "--within", "40"])
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("set-cover: optimal"))
        let cover = try runReserve(["site", out, "--objective", "max-cover", "--count", "3", "--within", "30", "--json"])
        #expect(cover.exitCode == 0)
    }

    @Test func cap71ImportedAndSolvedToTheOptimum() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("cap71").path
        let imported = try runReserve(["import", "orlib-cap", ReferenceData.path("orlib-cap/cap71.txt"), "--out", out])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let r = try runReserve(["site", out, "--objective", "fixed-charge", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        let objective = try #require(json["objective"] as? Double)
        #expect(abs(objective - 932615.75) < 0.0005)
        #expect(json["travel_times"] as? String == "od.csv")
    }

    /// Hegang has 14 depots that stay open: p = 4 is a usage error that names the way out.
    @Test func tooSmallCountIsAUsageErrorSuggestingIgnoreExisting() throws {
        let r = try runReserve(["site", "Data/hegang", "--objective", "p-median", "--count", "4"])
        #expect(r.exitCode == 64)
        #expect(r.stderr.contains("14 existing depots") && r.stderr.contains("--ignore-existing") && r.stderr.contains("--count 14"))
    }

    /// The site table speaks Chinese for zh_* locales; the English one is unchanged (golden test).
    @Test func siteTableInChinese() throws {
        let r = try runReserve(["site", "Data/hegang", "--objective", "set-cover", "--within", "2"], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("全覆盖最少库点：最优"))
        #expect(r.stdout.contains("库点编号") && r.stdout.contains("行车时间来自路网"))
        #expect(r.stderr.hasPrefix("求解用时"))
        // The solver's column counts only with -v (set covering has no assignment columns).
        #expect(!r.stderr.contains("列"), "\(r.stderr)")
        let verbose = try runReserve(["site", "Data/hegang", "--objective", "set-cover", "--within", "2", "-v"], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(verbose.stderr.contains("求解 1 次") && !verbose.stderr.contains("分配列"), "\(verbose.stderr)")
    }

    /// Numbers in the site table are written as in every other report: grouped, at
    /// most two decimals. Hegang's 32 leaf areas hold 802,000 people (areas.csv, summed
    /// by hand: the city row's own figure), which the p-median line spreads per person.
    @Test func siteNumbersAreGroupedLikeEveryReport() throws {
        let r = try runReserve(["site", "Data/hegang", "--objective", "p-median", "--count", "16"], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("          即平均每人 ") && $0.hasSuffix("（共 802,000 人）") }, "\(lines)")
        // Every population served is grouped, and they add up to the same 802,000.
        let served = lines.dropFirst(5).compactMap { $0.split(separator: " ").last.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) } }
        #expect(served.reduce(0, +) == 802_000)
        #expect(lines.dropFirst(5).allSatisfy { !$0.contains("000000") && !$0.contains(" 246000") })
    }

    @Test func malformedOrLibraryFileExits65WithTheLine() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.txt")
        try "4 3 2\n1 2 10\n2 3 oops\n3 4 5\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try runReserve(["import", "orlib-pmed", bad.path, "--out", dir.appendingPathComponent("b").path])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("bad.txt:3:"))
        let cap = dir.appendingPathComponent("cap.txt")
        try "2 1\n10 5.\n10 6\n4\n1.5\n".write(to: cap, atomically: true, encoding: .utf8)
        let c = try runReserve(["import", "orlib-cap", cap.path, "--out", dir.appendingPathComponent("c").path])
        #expect(c.exitCode == 65)
        #expect(c.stderr.contains("cap.txt:5:"))
    }

    @Test func usageErrors() throws {
        let r = try runReserve(["site", "Data/hegang", "--objective", "p-median"])
        #expect(r.exitCode == 64)
        let s = try runReserve(["site", "Data/hegang", "--objective", "nearest"])
        #expect(s.exitCode == 64)
    }

    @Test func sampleBundleSites() throws {
        // Hegang has 14 physical depots, kept open: p = 16 adds two.
        let r = try runReserve(["site", "Data/hegang", "--objective", "p-median", "--count", "16", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "optimal")
        #expect(json["travel_times"] as? String == "road network")
        #expect((json["sites"] as? [[String: Any]])?.count == 16)
        #expect((json["new_sites"] as? [String])?.count == 2)
        let tooFew = try runReserve(["site", "Data/hegang", "--objective", "p-median", "--count", "6"])
        #expect(tooFew.exitCode == 64)  // a usage error (issue 15)
        #expect(tooFew.stderr.contains("existing depots"))
        let fresh = try runReserve(["site", "Data/hegang", "--objective", "p-median", "--count", "6", "--ignore-existing", "--json"])
        #expect(fresh.exitCode == 0)
    }
}

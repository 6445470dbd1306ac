import Foundation
import Testing
import TestSupport

/// `reserve dispatch`, `reserve coverage` and `reserve demo` end to end.
@Suite struct DispatchCommandTests {
    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli", "helsinki"]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: bundles)
    func dispatchHeadlineScenarioAsJSON(bundle: String) throws {
        let r = try runReserve(["dispatch", "Data/\(bundle)", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["schemaVersion"] as? Int == 5)
        #expect(d["status"] as? String == "optimal")
        let orders = try #require(d["orders"] as? [[String: Any]])
        #expect(!orders.isEmpty)
        for key in ["from", "to", "item", "quantity", "etaHours"] { #expect(orders[0][key] != nil, "\(key)") }
        let shortfalls = try #require(d["shortfalls"] as? [[String: Any]])
        for s in shortfalls { for key in ["area", "item", "quantity", "reason"] { #expect(s[key] != nil) } }
        #expect(d["fulfilment"] is [[String: Any]])
        #expect(d["teams"] is [[String: Any]])
    }

    /// `reserve demo` from a directory with no Data/ finds the sample beside the binary's checkout.
    @Test func demoRunsFromAnyDirectory() throws {
        let r = try runReserve(["demo"], directory: FileManager.default.temporaryDirectory)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Scenario  hg-songhua-flood"))
        let missing = try runReserve(["demo", "--bundle", "no/such/bundle"])
        #expect(missing.exitCode == 66)
    }

    /// LANG=zh_* gives Chinese; LC_ALL outranks LANG; --lang outranks both.
    @Test func languageFollowsTheLocaleAndTheLangOption() throws {
        let zh = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood"], locale: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.exitCode == 0, "\(zh.stderr)")
        #expect(zh.stdout.hasPrefix("场景      lj-landslide-flashflood"))
        #expect(zh.stdout.contains("结论      未达标") && zh.stdout.contains("山洪，Ⅱ级响应"))
        let cAll = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood"],
                                  locale: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"])
        #expect(cAll.stdout.hasPrefix("Scenario  lj-landslide-flashflood") && cAll.stdout.contains("TARGETS NOT MET"))
        let en = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood", "--lang", "en"],
                                locale: ["LANG": "zh_CN.UTF-8"])
        #expect(en.stdout == cAll.stdout)
        let forced = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood", "--lang", "zh"])
        #expect(forced.stdout == zh.stdout)
        let html = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood", "--format", "html", "--lang", "zh"])
        #expect(html.stdout.contains("<html lang=\"zh-CN\">") && html.stdout.contains("<h2>各区域救助情况</h2>"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("er-lang-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let wrote = try runReserve(["dispatch", "Data/linjiang", "--scenario", "lj-landslide-flashflood", "--out", out.path],
                                   locale: ["LANG": "zh_CN.UTF-8"])
        #expect(wrote.stderr.contains("已写入 \(out.path)/lj-landslide-flashflood.txt。"), "\(wrote.stderr)")
        let bad = try runReserve(["dispatch", "Data/linjiang", "--lang", "fr"])
        #expect(bad.exitCode == 64)
    }

    /// Within 100 columns, the width issue 15 sets for tables (clock times made 80 too narrow).
    @Test func tableStartsWithTheSummaryAndFitsAHundredColumns() throws {
        let r = try runReserve(["dispatch", "Data/hegang", "--scenario", "hg-spring-fire"])
        #expect(r.exitCode == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("Scenario  hg-spring-fire") == true)
        #expect(r.stdout.contains("Result    "))
        // Display width (CJK counts 2) of every table line stays within 100 columns.
        let wide = lines.filter { line in
            line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x2E80 && $1.value <= 0x9FFF) || ($1.value >= 0xFF00 && $1.value <= 0xFF60) ? 2 : 1) } > 100
        }
        #expect(wide.filter { !$0.hasPrefix("  - ") && !$0.hasPrefix("Policy") && !$0.hasPrefix("Scenario") && !$0.hasPrefix("  ! ") }.isEmpty, "\(wide)")
    }

    @Test func everyFormatWritesAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-dispatch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["geojson", "html", "json", "table"] {
            let r = try runReserve(["dispatch", "Data/manzhouli", "--format", format, "--out", dir.path])
            #expect(r.exitCode == 0, "\(format): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 4)
        let geo = try String(contentsOf: dir.appendingPathComponent(files.first { $0.hasSuffix(".geojson") }!), encoding: .utf8)
        let collection = try json(geo)
        #expect(collection["type"] as? String == "FeatureCollection")
        let kinds = Set((collection["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String })
        #expect(kinds.isSuperset(of: ["depot", "area", "shipment"]))
        let html = try String(contentsOf: dir.appendingPathComponent(files.first { $0.hasSuffix(".html") }!), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("</html>"))
    }

    @Test func sameInputSameBytes() throws {
        let a = try runReserve(["dispatch", "Data/linjiang", "--json"])
        let b = try runReserve(["dispatch", "Data/linjiang", "--json"])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test func unknownScenarioOrPolicyIsAUsageError() throws {
        let r = try runReserve(["dispatch", "Data/hegang", "--scenario", "no-such-scenario"])
        #expect(r.exitCode == 64)
        #expect(r.stderr.contains("no scenario 'no-such-scenario'"))
        #expect(r.stderr.contains("hg-songhua-flood"))
        // A typo for hegang-8h was silently replaced by the default policy before.
        let p = try runReserve(["dispatch", "Data/hegang", "--policy", "hegang8h"])
        #expect(p.exitCode == 64)
        #expect(p.stderr.contains("no policy 'hegang8h'"))
        #expect(p.stderr.contains("hegang-8h"))
        let good = try runReserve(["dispatch", "Data/hegang", "--policy", "hegang-8h", "--format", "json"])
        #expect(good.exitCode == 0)
        #expect(good.stdout.contains("\"id\" : \"hegang-8h\""))
    }

    @Test func brokenBundleExits65WithItsProblems() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Data/hegang"), to: dir)
        let teams = dir.appendingPathComponent("teams.csv")
        var text = try String(contentsOf: teams, encoding: .utf8)
        text += text.split(separator: "\n")[1] + "\n"   // a duplicate team id
        try text.write(to: teams, atomically: true, encoding: .utf8)
        let r = try runReserve(["dispatch", dir.path])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("teams.csv:"))
    }

    @Test func missingBundleExits66() throws {
        for command in ["dispatch", "coverage", "plan"] {
            let r = try runReserve([command, "/nonexistent/bundle"])
            #expect(r.exitCode == 66, "\(command): sysexits EX_NOINPUT")
            #expect(r.stderr.contains("/nonexistent/bundle: no such file or directory"))
        }
        let notABundle = try runReserve(["dispatch", "Data/examples"])
        #expect(notABundle.exitCode == 65)
        #expect(notABundle.stderr.contains("not a bundle"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try runReserve(["dispatch", "Data/hegang", "--horizon", "-3"]).exitCode == 64)
        #expect(try runReserve(["dispatch", "Data/hegang", "--format", "pdf"]).exitCode == 64)
        #expect(try runReserve(["coverage", "Data/hegang", "--level", "planet"]).exitCode == 64)
    }

    @Test func exportedModelSolvesToTheSameFirstLevel() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("er-dispatch-\(UUID().uuidString).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = try runReserve(["dispatch", "Data/huangshigang", "--json", "--export-model", path])
        #expect(d.exitCode == 0)
        let s = try runReserve(["solve", path, "--json"])
        #expect(s.exitCode == 0)
        // The exported file carries level 1 (weighted shortfall) as its objective.
        let level1 = try #require((try json(d.stdout)["model"] as? [String: Any])?["levelObjectives"] as? [Double]).first
        let solved = try #require(try json(s.stdout)["objective"] as? Double)
        #expect(abs(solved - level1!) < 1e-5)
    }

    /// `--timings` prints the phase line scripts/bench_dispatch_peers.py parses and one
    /// time per level (three goods levels, four team levels) on stderr, and leaves the
    /// JSON byte for byte as without it.
    @Test func timingsGoToStderrOnly() throws {
        let plain = try runReserve(["dispatch", "Data/manzhouli", "--json"])
        let timed = try runReserve(["dispatch", "Data/manzhouli", "--json", "--timings"])
        #expect(plain.exitCode == 0 && timed.exitCode == 0, "\(timed.stderr)")
        #expect(plain.stdout == timed.stdout)
        #expect(timed.stderr.contains(try Regex(#"dispatch: .*?network \d+ ms, routing \d+ ms, goods \d+ ms \(build \d+ ms\), teams \d+ ms, total \d+ ms"#)))
        let ms = #"\d+\.\d ms"#
        #expect(timed.stderr.contains(try Regex("dispatch levels: goods L1 \(ms), L2 \(ms), L3 \(ms); teams L1 \(ms), L2 \(ms), L3 \(ms), L4 \(ms) \\(nodes \\d+/\\d+/\\d+/\\d+\\)")))
        #expect(!plain.stderr.contains("dispatch levels"))
    }

    @Test func coverageAllScenarios() throws {
        let r = try runReserve(["coverage", "Data/hegang", "--all-scenarios", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let scenarios = try #require(try json(r.stdout)["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 4)
        for s in scenarios {
            let share = try #require(s["populationShareWithinArrival"] as? Double)
            #expect(share >= 0 && share <= 1)
            #expect((s["areas"] as? [[String: Any]])?.isEmpty == false)
        }
        let table = try runReserve(["coverage", "Data/hegang"])
        #expect(table.stdout.contains("Arrival   ") && table.stdout.contains("Relief    "))
    }

    @Test func demoIsTheHegangHeadline() throws {
        let demo = try runReserve(["demo"])
        let direct = try runReserve(["dispatch", "Data/hegang"])
        #expect(demo.exitCode == 0)
        #expect(demo.stdout == direct.stdout)
        #expect(demo.stdout.hasPrefix("Scenario  hg-songhua-flood"))
    }
}

import Foundation
import Testing
import TestSupport

/// Issue 14's "no silent mistakes" through the built binary: every command that reads
/// a bundle prints its warnings on stderr in the user's language, `--strict` makes
/// them refuse the bundle (exit 65), and an unknown id on the command line exits 64
/// with the closest valid id.
@Suite struct BundleWarningsCommandTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]

    /// A copy of Data/hegang whose depots.csv has its optional `owner` column renamed
    /// `ownr`: one warning (an unknown column, with the known name it is a typo of).
    static func renamedCopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-warn-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Data/hegang"), to: dir)
        let depots = dir.appendingPathComponent("depots.csv")
        let text = try String(contentsOf: depots, encoding: .utf8)
        try text.replacingOccurrences(of: ",owner,", with: ",ownr,")
            .write(to: depots, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func everyCommandPrintsTheWarningsInChineseAndStrictRefuses() throws {
        let dir = try Self.renamedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["dispatch", dir.path],
            ["coverage", dir.path],
            ["plan", dir.path, "--budget", "0"],
            ["site", dir.path, "--objective", "set-cover", "--within", "2"],
            ["validate", dir.path],
            ["demo", "--bundle", dir.path],
        ]
        for command in commands {
            let r = try runReserve(command, locale: Self.chinese)
            #expect(r.exitCode == 0, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("\(dir.path)：1 个警告") || command[0] == "validate", "\(command): \(r.stderr)")
            #expect(r.stderr.contains("depots.csv:1:ownr: 警告: 列“ownr”不属于 depots.csv，已忽略；您是否想写“owner”？")
                    || (command[0] == "validate" && r.stdout.contains("您是否想写“owner”")), "\(command): \(r.stderr)")
            let strict = try runReserve(command + ["--strict"], locale: Self.chinese)
            #expect(strict.exitCode == 65, "\(command) --strict: \(strict.stderr)")
            if command[0] != "validate" {
                #expect(strict.stderr.contains("因有 1 个警告，按 --strict 拒绝使用"), "\(command): \(strict.stderr)")
            }
        }
        // English with --lang en, whatever the locale says.
        let english = try runReserve(["dispatch", dir.path, "--lang", "en"], locale: Self.chinese)
        #expect(english.stderr.contains("1 warning(s)"))
        #expect(english.stderr.contains("Column 'ownr' is not part of depots.csv and is ignored; did you mean 'owner'?"))
        // The sample itself has no warning: nothing on stderr.
        #expect(try runReserve(["dispatch", "Data/hegang"]).stderr.isEmpty)
    }

    @Test func onlyTheFirstFiveWarningsUnlessVerbose() throws {
        let dir = try Self.renamedCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Seven more unknown columns in teams.csv (appended, empty in every row).
        let teams = dir.appendingPathComponent("teams.csv")
        let lines = try String(contentsOf: teams, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let extra = (1...7).map { "note\($0)" }
        let edited = lines.enumerated().map { i, line in
            line.isEmpty ? "" : line + (i == 0 ? "," + extra.joined(separator: ",") : String(repeating: ",", count: extra.count))
        }
        try edited.joined(separator: "\n").write(to: teams, atomically: true, encoding: .utf8)
        let r = try runReserve(["coverage", dir.path])
        #expect(r.exitCode == 0)
        #expect(r.stderr.contains("\(dir.path): 8 warning(s)"))
        #expect(r.stderr.components(separatedBy: ": warning: ").count - 1 == 5)
        #expect(r.stderr.contains("… and 3 more warning(s) (-v shows them all)"))
        let all = try runReserve(["coverage", dir.path, "-v"])
        #expect(all.stderr.components(separatedBy: ": warning: ").count - 1 == 8)
    }

    @Test func unknownIDsSuggestTheClosest() throws {
        let scenario = try runReserve(["dispatch", "Data/hegang", "--scenario", "hg-songhua-flod"], locale: Self.chinese)
        #expect(scenario.exitCode == 64)
        #expect(scenario.stderr.contains("数据包中没有场景“hg-songhua-flod”；您是否想输入“hg-songhua-flood”？"), "\(scenario.stderr)")
        #expect(scenario.stderr.contains("有效编号：hg-songhua-flood, hg-heilongjiang-flood, hg-spring-fire, hg-blizzard-mine"))
        let policy = try runReserve(["dispatch", "Data/hegang", "--policy", "hegang8h"])
        #expect(policy.exitCode == 64)
        #expect(policy.stderr.contains("no policy 'hegang8h' in the bundle; did you mean 'hegang-8h'?"), "\(policy.stderr)")
        let coverage = try runReserve(["coverage", "Data/hegang", "--scenario", "hg-spring-fires"])
        #expect(coverage.exitCode == 64)
        #expect(coverage.stderr.contains("did you mean 'hg-spring-fire'?"), "\(coverage.stderr)")
        // Nothing close: no suggestion, only the valid ids.
        let far = try runReserve(["dispatch", "Data/hegang", "--scenario", "earthquake"])
        #expect(far.exitCode == 64)
        #expect(!far.stderr.contains("did you mean"))
        #expect(far.stderr.contains("valid ids: hg-songhua-flood, hg-heilongjiang-flood"))
    }

    /// Issue 14's renamed headers: a copy of Data/hegang with `throughput_tonnes_per_hour`
    /// and `handling_hours` (depots.csv) and `mobilisation_minutes` (teams.csv) renamed.
    /// Their defaults (0 t/h: no depot sends anything; instant loading; 30 min for every
    /// team) would turn the headline's "relief 2/5 areas" into 0/5, so every command
    /// refuses the copy (exit 65) and names each missing column, in both languages.
    @Test func renamedColumnsThatChangeTheAnswerAreErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-renamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Data/hegang"), to: dir)
        for (file, from, to) in [("depots.csv", "throughput_tonnes_per_hour", "throughput_t_per_h"),
                                 ("depots.csv", "handling_hours", "handling_h"),
                                 ("teams.csv", "mobilisation_minutes", "mobilization_minutes")] {
            let url = dir.appendingPathComponent(file)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            lines[0] = lines[0].replacingOccurrences(of: from, with: to)
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        // The sample itself: relief met in 2 of 5 areas.
        let original = try runReserve(["dispatch", "Data/hegang", "--json"])
        #expect(original.stdout.contains("\"areasMeetingRelief\" : 2"), "\(original.stdout.prefix(300))")
        for command in [["dispatch", dir.path], ["coverage", dir.path], ["plan", dir.path, "--budget", "0"],
                        ["site", dir.path, "--objective", "set-cover", "--within", "2"], ["validate", dir.path]] {
            let r = try runReserve(command)
            #expect(r.exitCode == 65, "\(command): \(r.exitCode) \(r.stderr)")
            #expect(r.stdout.isEmpty || command[0] == "validate", "\(command) printed an answer: \(r.stdout.prefix(200))")
            let text = r.stderr + r.stdout
            for column in ["throughput_tonnes_per_hour", "handling_hours", "mobilisation_minutes"] {
                #expect(text.contains("Column '\(column)' is missing from"), "\(command): \(column) not named in \(text)")
            }
        }
        let chinese = try runReserve(["dispatch", dir.path], locale: Self.chinese)
        #expect(chinese.exitCode == 65)
        #expect(chinese.stderr.contains("depots.csv 缺少列“throughput_tonnes_per_hour”：每一行都将取默认值 0 t/h"), "\(chinese.stderr)")
    }
}

import Foundation
import Testing
import TestSupport

/// `reserve plan` end to end against `reserve dispatch`: the plan's before and after are
/// dispatch's own figures, the bureau's scope holds, rules are kept, the frontier.
@Suite struct PlanDispatchCommandTests {
    func object(_ r: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Weighted shortfall by the deadline and relief compliance as `reserve dispatch --json` prints them.
    func dispatch(_ bundle: String, _ scenario: String) throws -> (shortfall: Double, compliance: Double) {
        let r = try runReserve(["dispatch", bundle, "--scenario", scenario, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let d = try object(r)
        let model = try #require(d["model"] as? [String: Any]), summary = try #require(d["summary"] as? [String: Any])
        let levels = try #require(model["levelObjectives"] as? [Double])
        let shortfall = try #require(summary["weightedShortfall"] as? Double)
        // The schedule may beat the solver's level 1 (a load counted late that arrives
        // in time), never fall short of it.
        #expect(shortfall <= levels[0] + 1e-6 * max(1, levels[0]))
        let areas = try #require(summary["areas"] as? Int), met = try #require(summary["areasMeetingRelief"] as? Int)
        return (shortfall, areas == 0 ? 1 : Double(met) / Double(areas))
    }

    /// Hegang, ¥1 M: plan, write the recommended bundle, dispatch both bundles per scenario.
    @Test func planBeforeAndAfterEqualDispatch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-cli-planned-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runReserve(["plan", "Data/hegang", "--budget", "1000000", "--json", "--write-bundle", dir])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let plan = try object(r)
        #expect(plan["schemaVersion"] as? Int == 4 && plan["scope"] as? [String] == ["HG"])
        let scenarios = try #require(plan["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 4)
        #expect(try runReserve(["validate", dir]).exitCode == 0)
        for s in scenarios {
            let id = try #require(s["id"] as? String)
            let today = try dispatch("Data/hegang", id), after = try dispatch(dir, id)
            // Both read the shortfall from the scheduled orders (JSON numbers rounded to
            // 12 significant digits).
            #expect(abs((s["shortfallBefore"] as? Double ?? .nan) - today.shortfall) <= 1e-9 * max(1, today.shortfall), "\(id)")
            #expect(abs((s["shortfallAfter"] as? Double ?? .nan) - after.shortfall) <= 1e-6 * max(1, after.shortfall), "\(id)")
            #expect(abs((s["reliefComplianceBefore"] as? Double ?? .nan) - today.compliance) <= 1e-6, "\(id)")  // rounded to 6 decimals in the JSON
            #expect(abs((s["reliefComplianceAfter"] as? Double ?? .nan) - after.compliance) <= 1e-6, "\(id)")
        }
    }

    /// The text lists every change by depot name and id, and no depot outside the scope.
    @Test func textListsEveryChangeByName() throws {
        let json = try object(try runReserve(["plan", "Data/hegang", "--budget", "2000000", "--json"]))
        let text = try runReserve(["plan", "Data/hegang", "--budget", "2000000", "--wide"])
        #expect(text.exitCode == 0, "\(text.stderr)")
        let levels = try #require(json["recommendedStock"] as? [[String: Any]])
        let moves = try #require(json["moves"] as? [[String: Any]])
        #expect(!levels.isEmpty)
        for l in levels {
            let name = try #require(l["depotName"] as? String), id = try #require(l["depot"] as? String)
            #expect(text.stdout.contains("\(name) (\(id))"), "\(id) missing from the text")
        }
        #expect(text.stdout.contains("Moves (\(moves.count))") || moves.isEmpty)
        #expect(!text.stdout.contains("HG-D-PROV") && !text.stdout.contains("HG-D-MA-"))
    }

    /// The plan's own page: self-contained (no scripts, no links out), every change named.
    @Test func planPageIsSelfContained() throws {
        let r = try runReserve(["plan", "Data/manzhouli", "--budget", "1000000", "--format", "html"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.contains("</html>"))
        #expect(!r.stdout.contains("<script") && !r.stdout.contains("http"))
        let json = try object(try runReserve(["plan", "Data/manzhouli", "--budget", "1000000", "--json"]))
        for l in try #require(json["recommendedStock"] as? [[String: Any]]) {
            #expect(r.stdout.contains("(\(l["depot"] as? String ?? "?"))"))
        }
    }

    @Test func rulesThatConflictExit65WithoutAPlan() throws {
        let r = try runReserve(["plan", "Data/linjiang", "--min-stock", "county:5000:3", "--budget", "0"])
        #expect(r.exitCode == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("min-stock county:5000:3") && r.stderr.contains("budget"), "\(r.stderr)")
    }

    @Test func costObjectiveWithABudgetIsAUsageError() throws {
        let r = try runReserve(["plan", "Data/manzhouli", "--objective", "cost", "--budget", "100000"])
        #expect(r.exitCode == 64 && r.stderr.contains("--objective cost"), "\(r.stderr)")
        #expect(try runReserve(["plan", "Data/manzhouli", "--scope", "NOWHERE"]).exitCode == 64)
    }

    /// The frontier: more budget never dispatches worse, and its ¥0 point is `plan --budget 0`.
    @Test func frontierIsMonotoneAndStartsAtTheZeroBudgetPlan() throws {
        let r = try runReserve(["plan", "Data/linjiang", "--budgets", "0,500000,1000000,2000000,5000000", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let points = try #require(try object(r)["points"] as? [[String: Any]])
        #expect(points.compactMap { $0["budgetYuan"] as? Double } == [0, 500_000, 1_000_000, 2_000_000, 5_000_000])
        let after = points.compactMap { $0["after"] as? [String: Double] }
        for (a, b) in zip(after, after.dropFirst()) {
            #expect(b["expectedShortfall"]! <= a["expectedShortfall"]! + 1e-9)
            #expect(b["reliefCompliance"]! >= a["reliefCompliance"]! - 1e-9 || b["expectedShortfall"]! < a["expectedShortfall"]! - 1e-9)
        }
        for p in points { #expect((p["costYuan"] as? Double ?? .infinity) <= (p["budgetYuan"] as? Double ?? 0) + 1e-3) }
        let zero = try object(try runReserve(["plan", "Data/linjiang", "--budget", "0", "--json"]))
        let first = try #require(points.first?["plan"] as? [String: Any])
        #expect(NSDictionary(dictionary: first).isEqual(to: zero))
        let html = try runReserve(["plan", "Data/linjiang", "--budgets", "0,1000000", "--format", "html"])
        #expect(html.exitCode == 0 && html.stdout.contains("<svg") && html.stdout.contains("polyline"))
        #expect(!html.stdout.contains("http://") || !html.stdout.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        // The table says what its numbers count: each row is the JSON's point to three
        // decimals, and a last line gives the units (weighted shortfall, yuan).
        let text = try runReserve(["plan", "Data/linjiang", "--budgets", "0,500000,1000000,2000000,5000000"], locale: ["LANG": "zh_CN.UTF-8"])
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("缺口均为加权缺口") == true && lines.last?.contains("（元）") == true, "\(lines)")
        for (k, a) in after.enumerated() {
            let cells = lines[3 + k].split(separator: " ").map(String.init)
            #expect(cells.count == 5 && Double(cells[2]) == (a["expectedShortfall"]! * 1000).rounded() / 1000, "\(lines[3 + k])")
        }
    }
}

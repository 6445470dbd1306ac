import Foundation
import Testing
import TestSupport

/// `reserve plan` end to end: both ways of solving the program, determinism, usage errors.
@Suite struct PlanCommandTests {
    func json(_ arguments: [String]) throws -> (text: String, object: [String: Any]) {
        let r = try runReserve(arguments)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (r.stdout, object)
    }

    /// `--budget` as planners write it: 15万 and 150,000 are the same 150000 yuan; words are refused.
    @Test func budgetAcceptsWanAndThousandsSeparators() throws {
        for text in ["15万", "150,000", "¥150000", "0.0015亿"] {
            let r = try runReserve(["plan", "Data/linjiang", "--budget", text, "--json"])
            #expect(r.exitCode == 0, "\(text): \(r.stderr)")
            let d = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect((d["budgetYuan"] as? Double).map { abs($0 - 150_000) < 1e-6 } == true, "\(text)")
        }
        let bad = try runReserve(["plan", "Data/linjiang", "--budget", "lots"])
        #expect(bad.exitCode == 64 && bad.stderr.contains("200万"))
    }

    @Test func decompositionAgreesWithTheDeterministicEquivalent() throws {
        // The decomposition only adds stock; --no-moves asks the same of the equivalent.
        // Both LPs are compared (--fractional-pieces): whole pieces are searched by branch
        // and bound in the equivalent but only rounded in the decomposition.
        let base = ["plan", "Data/linjiang", "--budget", "150000", "--json", "--no-moves", "--fractional-pieces"]
        let one = try json(base + ["--decomposition", "off"])
        let split = try json(base + ["--decomposition", "scenarios"])
        #expect(one.object["method"] as? String == "deterministic equivalent")
        #expect(one.object["decomposition"] == nil)
        #expect(split.object["method"] as? String == "scenario decomposition")
        let stats = try #require(split.object["decomposition"] as? [String: Any])
        #expect((stats["iterations"] as? Int ?? 0) >= 1 && (stats["cuts"] as? Int ?? 0) >= 1)
        #expect(split.object["status"] as? String == "optimal")
        // Linjiang's budget binds: the expected shortfall, then the least cost for it, both proven.
        let levels = try #require(stats["levels"] as? [[String: Any]])
        #expect(levels.compactMap { $0["name"] as? String } == ["expected shortfall", "cost"])
        #expect(levels.allSatisfy { $0["proven"] as? Bool == true })
        #expect(levels.first?["value"] as? Double == split.object["objective"] as? Double)
        let a = try #require(one.object["objective"] as? Double), b = try #require(split.object["objective"] as? Double)
        #expect(abs(a - b) <= 1e-5 * max(1, abs(a)))
        // The deterministic-equivalent size is reported either way.
        #expect((one.object["model"] as? [String: Int]) == (split.object["model"] as? [String: Int]))
        // Same input, same bytes.
        #expect(try json(base + ["--decomposition", "scenarios"]).text == split.text)
    }

    /// Whole pieces are the default: on Hegang with ¥500,000 the LP plan splits pieces
    /// (`--fractional-pieces` shows it), the default plan stocks, moves and buys every
    /// item counted in pieces whole, stays within the budget and says how far its level 1
    /// is from the LP's (`wholePieces`, null for the LP).
    @Test func wholePiecesByDefault() throws {
        let base = ["plan", "Data/hegang", "--budget", "500000", "--json"]
        let whole = try json(base).object, lp = try json(base + ["--fractional-pieces"]).object
        #expect(whole["schemaVersion"] as? Int == 4)
        // Hegang's items.csv leaves `divisible` empty: the measured units (L, kg, t, m²)
        // are divisible, every other unit counts pieces (docs/formats.md).
        let measured: Set<String> = ["L", "kg", "t", "m²"]
        func pieces(_ rows: [[String: Any]], _ key: String) -> [Double] {
            rows.filter { !measured.contains($0["unit"] as? String ?? "L") }.compactMap { $0[key] as? Double }
        }
        let levels = try #require(whole["recommendedStock"] as? [[String: Any]])
        let moves = try #require(whole["moves"] as? [[String: Any]])
        #expect(!pieces(levels, "recommended").isEmpty)
        #expect(pieces(levels, "recommended").allSatisfy { $0 == $0.rounded() })
        #expect(pieces(moves, "quantity").allSatisfy { $0 == $0.rounded() })
        let lpLevels = try #require(lp["recommendedStock"] as? [[String: Any]])
        #expect(pieces(lpLevels, "recommended").contains { $0 != $0.rounded() })
        #expect(try #require((whole["cost"] as? [String: Any])?["total"] as? Double) <= 500_000)
        #expect(lp["wholePieces"] is NSNull)
        let search = try #require(whole["wholePieces"] as? [String: Any])
        let bound = try #require(search["levelOneLPBound"] as? Double), gap = try #require(search["levelOneGap"] as? Double)
        #expect(bound == lp["objective"] as? Double)
        #expect(abs(bound + gap - (whole["objective"] as? Double ?? .nan)) < 1e-5 && gap >= 0)
        // The table says it too.
        let table = try runReserve(["plan", "Data/hegang", "--budget", "500000"])
        #expect(table.exitCode == 0 && table.stdout.contains("whole for items counted in pieces"))
    }

    @Test func badDecompositionOptionsAreUsageErrors() throws {
        #expect(try runReserve(["plan", "Data/manzhouli", "--decomposition", "sometimes"]).exitCode == 64)
        #expect(try runReserve(["plan", "Data/manzhouli", "--decomposition-gap", "0"]).exitCode == 64)
        #expect(try runReserve(["plan", "Data/manzhouli", "--decomposition-gap", "nan"]).exitCode == 64)
    }
}

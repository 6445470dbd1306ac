import Foundation
import Testing
import TestSupport

/// Hostile input end to end (RELIABILITY.md, "Resource bounds"): each file is built
/// here, run through the built `reserve`, and must be rejected with exit 65 and a
/// message that names the place, never a trap, an out-of-memory kill or a hang.
@Suite struct HostileInputTests {
    func scratchCopyOfTiny() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-hostile-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/BundleIOTests/Fixtures/tiny"), to: dir)
        return dir
    }

    /// Rewrites the tiny bundle's only affected area.
    func setAffectedArea(in dir: URL, _ change: (inout [String: Any]) -> Void) throws {
        let url = dir.appendingPathComponent("scenarios/s-flood.json")
        var scenario = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var incidents = try #require(scenario["incidents"] as? [[String: Any]])
        var areas = try #require(incidents[0]["affected_areas"] as? [[String: Any]])
        change(&areas[0])
        incidents[0]["affected_areas"] = areas
        scenario["incidents"] = incidents
        try JSONSerialization.data(withJSONObject: scenario).write(to: url)
    }

    /// Regression (found by hand while preparing the fuzz campaign): relief_days 1e300
    /// passed validation and `reserve dispatch` trapped converting it to whole days.
    @Test func reliefDaysTooLargeForADateIsRejected() throws {
        let dir = try scratchCopyOfTiny()
        defer { try? FileManager.default.removeItem(at: dir) }
        try setAffectedArea(in: dir) { $0["relief_days"] = 1e300 }
        let validate = try runReserve(["validate", dir.path])
        #expect(validate.exitCode == 65)
        #expect(validate.stdout.contains("scenarios/s-flood.json:$.incidents[0].affected_areas[0].relief_days: error:"), "\(validate.stdout)")
        let dispatch = try runReserve(["dispatch", dir.path])
        #expect(dispatch.exitCode == 65, "\(dispatch.stderr)")
        #expect(dispatch.stderr.contains("relief_days"))
    }

    /// Demand that overflows Double: 10^300 displaced people at the tiny bundle's
    /// 7.5 L of water per person-day for 10 days is +∞ litres.
    @Test func demandThatOverflowsDoubleIsRejected() throws {
        let dir = try scratchCopyOfTiny()
        defer { try? FileManager.default.removeItem(at: dir) }
        try setAffectedArea(in: dir) {
            $0["affected_population"] = 1e300
            $0["displaced_population"] = 1e300
            $0["relief_days"] = 10
        }
        let validate = try runReserve(["validate", dir.path])
        #expect(validate.exitCode == 65)
        #expect(validate.stdout.contains("scenarios/s-flood.json:$.incidents[0].affected_areas[0].displaced_population: error:"), "\(validate.stdout)")
        #expect(validate.stdout.contains("'water'"), "\(validate.stdout)")
        for command in ["dispatch", "coverage", "plan"] {
            let run = try runReserve([command, dir.path])
            #expect(run.exitCode == 65, "\(command): \(run.stderr)")
        }
    }

    /// The largest finite Double as an explicit demand quantity, and a stock lot of
    /// 10^300 units: both outside the 10^15 every quantity must stay within.
    @Test func quantitiesBeyondTenToTheFifteenAreRejected() throws {
        let dir = try scratchCopyOfTiny()
        defer { try? FileManager.default.removeItem(at: dir) }
        try setAffectedArea(in: dir) { area in
            area["demands"] = [["item": "tent", "quantity": 1.7976931348623157e308]]
        }
        let stock = dir.appendingPathComponent("stock.csv")
        var lines = try String(contentsOf: stock, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[2] = "1e300"
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: stock, atomically: true, encoding: .utf8)
        let validate = try runReserve(["validate", dir.path])
        #expect(validate.exitCode == 65)
        #expect(validate.stdout.contains("demands[0].quantity: error:"), "\(validate.stdout)")
        #expect(validate.stdout.contains("stock.csv:2:quantity: error:"), "\(validate.stdout)")
        let dispatch = try runReserve(["dispatch", dir.path])
        #expect(dispatch.exitCode == 65, "\(dispatch.stderr)")
    }
}

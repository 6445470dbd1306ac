import Foundation
import Testing
import TestSupport

/// `reserve ledger` reading commands end to end: balance --at, history, expiring,
/// rotation, report, import-sheet, reverse.
@Suite struct LedgerReportCommandTests {
    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try runReserve(arguments)
        #expect(r.exitCode == 0, "\(arguments.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aSmallBookThroughEveryReadingCommand() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-ledger-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("b.sqlite").path
        _ = try run(["ledger", "init", "--db", db])
        let fixtures = "Tests/LedgerTests/Fixtures"
        _ = try run(["ledger", "import-sheet", "\(fixtures)/taizhang.xlsx", "--mapping", "\(fixtures)/mapping.json", "--db", db])
        // water SW-2025-07: 6000 received 2025-07-01, expiring 2026-11-23 (from the sheet).
        let issued = try json(run(["ledger", "issue", "--db", db, "--item", "water", "--lot", "SW-2025-07", "--depot", "HG-D-CITY",
                                   "--quantity", "1500", "--document", "CK-9", "--at", "2025-08-01", "--json"]))
        let id = try #require((issued["movements"] as? [[String: Any]])?.first?["id"] as? Int)
        _ = try run(["ledger", "count", "--db", db, "--item", "tent", "--lot", "TZ-2024-01", "--depot", "HG-D-CITY",
                     "--counted", "118", "--document", "PD-1", "--at", "2025-09-01"])

        func quantity(_ rows: Any?, lot: String) -> Double? {
            (rows as? [[String: Any]])?.first { $0["lot"] as? String == lot }?["quantity"] as? Double
        }
        let july = try json(run(["ledger", "balance", "--db", db, "--at", "2025-07-15", "--json"]))
        #expect(quantity(july["balances"], lot: "SW-2025-07") == 6000)
        #expect(july["asOf"] as? String == "2025-07-15T00:00:00Z")
        let now = try json(run(["ledger", "balance", "--db", db, "--item", "water", "--json"]))
        #expect(quantity(now["balances"], lot: "SW-2025-07") == 4500)
        #expect((now["balances"] as? [[String: Any]])?.first?["expiry"] as? String == "2026-11-23")

        let history = try json(run(["ledger", "history", "--db", db, "--lot", "TZ-2024-01", "--json"]))
        #expect((history["movements"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["receive", "count"])
        #expect((history["movements"] as? [[String: Any]])?.last?["quantity"] as? Double == -2)

        let expiring = try json(run(["ledger", "expiring", "--db", db, "--within", "90d", "--as-of", "2026-09-01", "--json"]))
        #expect((expiring["lots"] as? [[String: Any]])?.map { $0["lot"] as? String } == ["SW-2025-07"])

        // Rotation on Hegang's items (water: 0.0012 m³/L), 3 m³ a month, 30-day lead:
        // 4500 L = 5.4 m³ must be out by 2026-10-24 → 2500 L in October, 2000 L in September.
        let rotation = try json(run(["ledger", "rotation", "--db", db, "--bundle", "Data/hegang", "--as-of", "2026-09-01",
                                     "--horizon", "365d", "--lead", "30d", "--monthly-volume", "3", "--json"]))
        let entries = try #require((rotation["plan"] as? [String: Any])?["entries"] as? [[String: Any]])
        let water = entries.filter { $0["lot"] as? String == "SW-2025-07" }
        #expect(water.map { "\($0["month"]!) \($0["quantity"]!)" } == ["2026-09 2000", "2026-10 2500"])

        let csv = try run(["ledger", "report", "dispatch", "--db", db, "--from", "2025-08-01", "--to", "2025-08-31"])
        #expect(csv.hasPrefix("\u{FEFF}出库时间,仓库,物资,批次号,数量"))
        #expect(csv.contains("2025-08-01T00:00:00Z,HG-D-CITY,water,SW-2025-07,1500,L,2026-11-23,CK-9,"))
        let html = dir.appendingPathComponent("inbound.html").path
        _ = try run(["ledger", "report", "inbound", "--db", db, "--from", "2024-01-01", "--to", "2025-12-31",
                     "--format", "html", "--out", html])
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<td>TZ-2024-01</td>") && page.contains("救灾物资入库报告"))

        // Reverse the issue: the balance is back, the issue stays in the history.
        _ = try run(["ledger", "reverse", "\(id)", "--db", db, "--document", "CX-1"])
        let back = try json(run(["ledger", "balance", "--db", db, "--item", "water", "--json"]))
        #expect(quantity(back["balances"], lot: "SW-2025-07") == 6000)
        #expect(try runReserve(["ledger", "reverse", "\(id)", "--db", db, "--document", "CX-2"]).exitCode == 65)
        #expect(try runReserve(["ledger", "verify", "--db", db]).exitCode == 0)
    }
}

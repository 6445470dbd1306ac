import BundleIO
import Foundation
import Localization
@testable import Reports
import Response
import Testing
import TestSupport

/// `--format csv`: a BOM, CRLF rows, localised headers, and rows that carry the
/// report's own values (read back with an RFC 4180 reader written here).
@Suite struct CSVExportTests {
    @Test func fieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVExport.field("绥滨镇") == "绥滨镇")
        #expect(CSVExport.field("a,b") == "\"a,b\"")
        #expect(CSVExport.field("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVExport.plain(2000) == "2000" && CSVExport.plain(4.1967812) == "4.196781")
    }

    @Test func ordersShortfallsAndTeamsCarryTheReportsValues() throws {
        let validated = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/hegang").path).validated()
        let r = try ResponsePlanner().respond(to: "hg-songhua-flood", in: validated.bundle, network: try #require(validated.network))
        let report = ResponseReport(r, bundle: validated.bundle)
        let text = CSVExport.orders(report, language: .zh)
        #expect(text.hasPrefix("\u{FEFF}发出单位编号,发出单位,储备方式,"))
        #expect(text.hasSuffix("\r\n"))
        let rows = parse(String(text.dropFirst()))
        #expect(rows.count == report.orders.count + 1)
        for (row, order) in zip(rows.dropFirst(), report.orders) {
            #expect(row.count == 17)
            #expect(row[0] == order.from.rawValue && row[4] == order.toName && Double(row[8]) == order.quantity)
            #expect(Double(row[13]) == order.etaHours && row[12] == order.etaTime && row[14] == (order.onTime ? "是" : "否"))
        }
        let shortfalls = parse(String(CSVExport.shortfalls(report, language: .en).dropFirst()))
        #expect(shortfalls.count == report.shortfalls.count + 1)
        #expect(shortfalls.dropFirst().map { $0[8] } == report.shortfalls.map(\.reason))
        #expect(shortfalls.dropFirst().map { $0[9] } == report.shortfalls.map(\.explanation))
        let teams = parse(String(CSVExport.teams(report, language: .en).dropFirst()))
        #expect(teams.count == 1 + report.teams.reduce(0) { $0 + max(1, $1.assigned.count) })
    }

    /// RFC 4180: CRLF records, quoted fields with doubled quotes.
    func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }
}

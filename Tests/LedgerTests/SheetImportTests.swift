import Foundation
@testable import Ledger
import ReserveModel
import Testing
import TestSupport

/// `importSheet` on a real .xlsx written by openpyxl and the same rows as CSV
/// (Fixtures/make_sheets.py).
@Suite struct SheetImportTests {
    let fixtures = packageRoot.appendingPathComponent("Tests/LedgerTests/Fixtures")

    func mapping() throws -> SheetMapping {
        try SheetMapping(json: Data(contentsOf: fixtures.appendingPathComponent("mapping.json")), source: "mapping.json")
    }

    @Test(arguments: ["taizhang.xlsx", "taizhang-shared.xlsx", "taizhang.csv"], Backend.allCases)
    func aCleanSheetBecomesOpeningBalances(file: String, backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let posted = try f.ledger.importSheet(at: fixtures.appendingPathComponent(file), mapping: mapping(), context: context("TZ"))
        #expect(posted.movements.count == 3)
        let rows = try f.ledger.balances()
        #expect(rows.map { "\($0.depot) \($0.item) \($0.lot) \($0.quantity) \($0.expiry?.description ?? "-") \($0.received?.description ?? "-")" } == [
            "HG-D-CITY tent TZ-2024-01 120.0 - 2024-04-10",
            "HG-D-CITY water SW-2025-07 6000.0 2026-11-23 2025-07-01",
            "HG-D-FLOOD sandbag BD-'01; DROP TABLE lots 50000.0 - 2025-05-20",
        ])
        // Each receipt is dated on its inbound day.
        #expect(try f.ledger.history().map(\.at) == ["2024-04-10T00:00:00Z", "2025-05-20T00:00:00Z", "2025-07-01T00:00:00Z"])
        let labels = try f.strings("SELECT production_date || '|' || origin || '|' || specification || '|' || quality FROM lots ORDER BY id")
        #expect(labels == ["2024-03-01|某帐篷厂|3×4 m|合格", "2025-06-01|某水厂|550 ml×24|合格", "||||抽检合格"].map { $0.replacingOccurrences(of: "||||", with: "|||") })
        // Importing the same sheet again posts nothing.
        #expect(try f.ledger.importSheet(at: fixtures.appendingPathComponent(file), mapping: mapping(), context: context("TZ")).replayed)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func everyBadCellIsNamedAndNothingIsPosted(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        let url = fixtures.appendingPathComponent("taizhang-broken.xlsx")
        do {
            try f.ledger.importSheet(at: url, mapping: mapping(), context: context("TZ"))
            Issue.record("a broken sheet was imported")
        } catch {
            guard let ledgerError = error as? LedgerError, case .invalidSheet(_, let problems) = ledgerError else { throw error }
            #expect(problems == [
                .notQuantity(cell: "库存台账!D3 (数量)", value: "abc"),
                .notDate(cell: "库存台账!G4 (有效期至)", value: "2025-13-01"),
                .emptyCell(cell: "库存台账!C6 (批次号)", field: "lot"),
            ])
            #expect(problems.map(\.description) == [
                "库存台账!D3 (数量): 'abc' is not a quantity > 0",
                "库存台账!G4 (有效期至): '2025-13-01' is not a date (2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date)",
                "库存台账!C6 (批次号): empty; lot is required",
            ])
        }
        #expect(try f.ledger.history().isEmpty)
        try f.close()
    }

    @Test(arguments: Backend.allCases)
    func aMissingHeaderOrSheetIsNamed(backend: Backend) throws {
        let f = try LedgerFixture(backend)
        var wrong = try mapping()
        wrong.columns["quantity"] = "件数"
        #expect(throws: LedgerError.self) { try f.ledger.importSheet(at: fixtures.appendingPathComponent("taizhang.xlsx"), mapping: wrong, context: context("TZ")) }
        do {
            try f.ledger.importSheet(at: fixtures.appendingPathComponent("taizhang.xlsx"), mapping: wrong, context: context("TZ"))
            Issue.record("imported without the header")
        } catch {
            #expect("\(error)".contains("库存台账!row 2: no column headed '件数' for quantity"))
        }
        var noSheet = try mapping()
        noSheet.sheet = "2025年"
        do {
            try f.ledger.importSheet(at: fixtures.appendingPathComponent("taizhang.xlsx"), mapping: noSheet, context: context("TZ"))
            Issue.record("imported without the sheet")
        } catch {
            #expect("\(error)".contains("no sheet named '2025年'; the workbook has '库存台账', '说明'"))
        }
        #expect(throws: LedgerError.invalidSheet(source: "m.json", problems: [
            .unknownField(path: "$.columns.lots", fields: "depot, item, lot, quantity, unit, expiry, productionDate, received, origin, specification, quality, mode"),
            .requiredFieldMissing(path: "$.columns.lot", required: "depot, item, lot, quantity"),
        ])) {
            try SheetMapping(json: Data(#"{"columns": {"depot": "a", "item": "b", "lots": "c", "quantity": "d"}}"#.utf8), source: "m.json")
        }
        try f.close()
    }

    @Test func datesTheWaysSheetsWriteThem() {
        #expect(StockLedger.parseDate("2025-03-01") == CalendarDate("2025-03-01"))
        #expect(StockLedger.parseDate("2025/3/1") == CalendarDate("2025-03-01"))
        #expect(StockLedger.parseDate("2025.03.01") == CalendarDate("2025-03-01"))
        #expect(StockLedger.parseDate("2025年3月1日") == CalendarDate("2025-03-01"))
        // Excel serials: 45717 is 2025-03-01 (=DATE(2025,3,1) in Excel), 25569 is 1970-01-01.
        #expect(StockLedger.parseDate("45717") == CalendarDate("2025-03-01"))
        #expect(StockLedger.parseDate("25569") == CalendarDate("1970-01-01"))
        #expect(StockLedger.parseDate("2025-02-30") == nil)
    }
}

import BundleIO
import Foundation
import ReserveModel

extension StockLedger {
    /// Imports a bureau's existing 台账 (a .csv or .xlsx sheet) as opening balances: one
    /// receive per data row, in one transaction.
    ///
    /// Every problem is reported at once, each as `sheet!CELL (header): what is wrong`,
    /// and nothing is posted while any remains. Empty rows are skipped. Dates may be
    /// written `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日`, or be Excel date
    /// serials (the 1900 date system). The idempotency key defaults to `sheet:` + the
    /// file name + the sheet name, so importing the same sheet again posts nothing.
    @discardableResult
    public func importSheet(at url: URL, mapping: SheetMapping, context: PostingContext) throws(LedgerError) -> PostingResult {
        _ = try Self.check(context, quantity: nil, depots: [])
        let grid = try Self.readGrid(url, sheet: mapping.sheet)
        let (rows, problems) = Self.receipts(in: grid, mapping: mapping)
        if !problems.isEmpty { throw .invalidSheet(source: url.path, problems: problems) }
        if rows.isEmpty { throw .invalidSheet(source: url.path, problems: [.noDataRows(sheet: grid.name)]) }
        var context = context
        if context.idempotencyKey == nil { context.idempotencyKey = "sheet:\(url.lastPathComponent)!\(grid.name)" }
        return try postReceipts(rows, context: context, describe: "import-sheet")
    }

    static func readGrid(_ url: URL, sheet: String?) throws(LedgerError) -> SheetGrid {
        switch url.pathExtension.lowercased() {
        case "xlsx":
            do {
                return try XLSXReader.read(url: url, sheet: sheet)
            } catch {
                throw .invalidSheet(source: url.path, problems: [.xlsx(detail: error.description)])
            }
        case "csv":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .invalidSheet(source: url.path, problems: [.unreadable])
            }
            // BundleIO's parser: the same CSV grammar as bundles (a byte-order mark dropped).
            let table: CSVTable
            do {
                table = try CSVTable.parse([UInt8](data))
            } catch {
                switch error {
                case .notUTF8(let offset):
                    throw .invalidSheet(source: url.path, problems: [.notUTF8(byte: offset)])
                case .tooLarge:
                    throw .invalidSheet(source: url.path, problems: [.tooLarge])
                }
            }
            // Rows are the file's line numbers, as a spreadsheet numbers them (blank lines count).
            var rows: [[String]] = []
            func place(_ fields: [String], line: Int) {
                while rows.count < line { rows.append([]) }
                rows[line - 1] = fields
            }
            if !table.header.isEmpty { place(table.header, line: table.headerLine) }
            for r in 0..<table.count { place(table.fields(r), line: table.recordLines[r]) }
            return SheetGrid(name: url.lastPathComponent, rows: rows)
        default:
            throw .invalidSheet(source: url.path, problems: [.sheetType])
        }
    }

    /// Rows → receipts, with every problem named by cell.
    static func receipts(in grid: SheetGrid, mapping: SheetMapping) -> ([(LotLabel, Int64)], [LedgerError.FileProblem]) {
        typealias Field = SheetMapping.Field
        let headerRow = mapping.headerRow ?? 1
        let headers = grid.rows.indices.contains(headerRow - 1) ? grid.rows[headerRow - 1] : []
        var columnOf: [Field: Int] = [:]
        var problems: [LedgerError.FileProblem] = []
        for (key, header) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            guard let field = Field(rawValue: key) else { continue }
            let wanted = header.trimmingCharacters(in: .whitespaces)
            if let index = headers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == wanted }) {
                columnOf[field] = index + 1
            } else {
                let found = headers.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
                problems.append(found.isEmpty
                    ? .noColumnNoHeaders(sheet: grid.name, row: headerRow, header: header, field: key)
                    : .noColumn(sheet: grid.name, row: headerRow, header: header, field: key, headers: found))
            }
        }
        guard problems.isEmpty else { return ([], problems) }
        var receipts: [(LotLabel, Int64)] = []
        for row in (headerRow + 1)..<(grid.rows.count + 1) {
            if grid.rows[row - 1].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func place(_ field: Field) -> String {
                "\(grid.name)!\(SheetGrid.letters(columnOf[field]!))\(row) (\(mapping.columns[field.rawValue]!))"
            }
            func text(_ field: Field) -> String {
                columnOf[field].map { grid.cell(row: row, column: $0).trimmingCharacters(in: .whitespaces) } ?? ""
            }
            func required(_ field: Field) -> String? {
                let value = text(field)
                if value.isEmpty { problems.append(.emptyCell(cell: place(field), field: field.rawValue)) }
                return value.isEmpty ? nil : value
            }
            func date(_ field: Field) -> CalendarDate? {
                let value = text(field)
                guard !value.isEmpty else { return nil }
                if let day = parseDate(value) { return day }
                problems.append(.notDate(cell: place(field), value: value))
                return nil
            }
            let depot = required(.depot).map { mapping.depots?[$0] ?? $0 }
            let item = required(.item).map { mapping.items?[$0] ?? $0 }
            let lot = required(.lot)
            var micros: Int64?
            if let q = required(.quantity) {
                if let value = Double(q.replacingOccurrences(of: ",", with: "")), let m = LedgerQuantity.micros(value), m > 0 {
                    micros = m
                } else {
                    problems.append(.notQuantity(cell: place(.quantity), value: q))
                }
            }
            let expiry = date(.expiry), production = date(.productionDate), received = date(.received)
            if let expiry, let production, expiry < production {
                problems.append(.expiryBeforeProduction(cell: place(.expiry), expiry: "\(expiry)", production: "\(production)"))
            }
            let mode = text(.mode)
            if !mode.isEmpty, ReserveMode(rawValue: mode) == nil {
                problems.append(.notMode(cell: place(.mode), value: mode, modes: ReserveMode.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard let depot, let item, let lot, let micros else { continue }
            receipts.append((LotLabel(item: item, lot: lot, depot: depot, expiry: expiry, productionDate: production,
                                      origin: text(.origin), reserveMode: mode, specification: text(.specification),
                                      quality: text(.quality), unit: text(.unit), inboundDate: received), micros))
        }
        return (receipts, problems)
    }

    /// A day written the ways Chinese spreadsheets write it, or an Excel serial.
    static func parseDate(_ text: String) -> CalendarDate? {
        if let day = CalendarDate(text) { return day }
        if let serial = Double(text), serial >= 61, serial < 2_958_466 {
            // Excel's 1900 system counts 1900-02-29, which never was; from 1 March 1900 on,
            // serial 25569 is 1970-01-01.
            return CalendarDate(dayNumber: Int(serial.rounded(.down)) - 25_569)
        }
        var s = text
        for separator in ["年", "月", "/", "."] { s = s.replacingOccurrences(of: separator, with: "-") }
        s = s.replacingOccurrences(of: "日", with: "")
        let parts = s.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

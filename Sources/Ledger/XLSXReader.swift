import Foundation
import XMLCoder
import ZIPFoundation

/// A worksheet read into rows of cell text, as a person sees them before formatting:
/// shared and inline strings as text, numbers as their stored decimal text.
struct SheetGrid: Sendable {
    /// The sheet's name (a CSV file's name for CSV).
    var name: String
    /// rows[r][c] is the cell in row r + 1, column c + 1; "" when empty.
    var rows: [[String]]

    func cell(row: Int, column: Int) -> String {
        guard row - 1 < rows.count, row >= 1 else { return "" }
        let cells = rows[row - 1]
        return column - 1 < cells.count ? cells[column - 1] : ""
    }

    /// Column letters for a 1-based index (1 → A, 27 → AA).
    static func letters(_ column: Int) -> String {
        var n = column, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// 1-based column index of letters ("AA" → 27).
    static func columnIndex(_ letters: Substring) -> Int? {
        var n = 0
        for ch in letters.uppercased().unicodeScalars {
            guard (65...90).contains(ch.value) else { return nil }
            n = n * 26 + Int(ch.value) - 64
        }
        return n > 0 ? n : nil
    }
}

/// Reads the sheets of an Office Open XML workbook (.xlsx): a ZIP archive holding
/// `xl/workbook.xml` (sheet names → relationship ids), `xl/_rels/workbook.xml.rels`
/// (ids → part paths), `xl/sharedStrings.xml` and one `xl/worksheets/sheetN.xml` per
/// sheet (ECMA-376 Part 1, §18.2 and §18.3).
enum XLSXReader {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        var description: String { switch self { case .unreadable(let s): s } }
    }

    static func read(url: URL, sheet wanted: String?) throws(Failure) -> SheetGrid {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .unreadable("\(url.path): not an .xlsx workbook (not a ZIP archive: \(error))")
        }
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw .unreadable("\(url.path): cannot unpack \(path): \(error)")
            }
            return data
        }
        let decoder = XMLDecoder()
        // Keep prefixes: the sheet's relationship id is the attribute `r:id`.
        decoder.shouldProcessNamespaces = false
        decoder.trimValueWhitespaces = false
        func decode<T: Decodable>(_ type: T.Type, _ path: String) throws(Failure) -> T? {
            guard let data = try part(path) else { return nil }
            do {
                return try decoder.decode(T.self, from: data)
            } catch {
                throw .unreadable("\(url.path): \(path) is not valid workbook XML: \(error)")
            }
        }
        guard let workbook = try decode(Workbook.self, "xl/workbook.xml") else {
            throw .unreadable("\(url.path): not an .xlsx workbook (no xl/workbook.xml)")
        }
        let relations = try decode(Relationships.self, "xl/_rels/workbook.xml.rels")?.relationship ?? []
        let sheets = workbook.sheets.sheet
        guard let chosen = wanted.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            throw .unreadable("\(url.path): no sheet named '\(wanted ?? "")'; the workbook has \(sheets.map { "'\($0.name)'" }.joined(separator: ", "))")
        }
        guard let target = relations.first(where: { $0.id == chosen.id })?.target else {
            throw .unreadable("\(url.path): sheet '\(chosen.name)' has no part in xl/_rels/workbook.xml.rels")
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared = try decode(SharedStrings.self, "xl/sharedStrings.xml")?.si.map(\.text) ?? []
        guard let worksheet = try decode(Worksheet.self, path) else {
            throw .unreadable("\(url.path): sheet '\(chosen.name)' part \(path) is missing")
        }
        var rows: [[String]] = []
        for row in worksheet.sheetData.row ?? [] {
            guard let number = row.r ?? (rows.count + 1) as Int?, number >= 1 else { continue }
            while rows.count < number { rows.append([]) }
            var cells = rows[number - 1]
            for (offset, cell) in (row.c ?? []).enumerated() {
                let column = cell.r.flatMap { ref in SheetGrid.columnIndex(ref.prefix { $0.isLetter }) } ?? offset + 1
                let text: String
                switch cell.t {
                case "s":
                    guard let index = cell.v.flatMap({ Int($0) }), index >= 0, index < shared.count else {
                        throw .unreadable("\(url.path): sheet '\(chosen.name)' cell \(cell.r ?? "?") points at a missing shared string")
                    }
                    text = shared[index]
                case "inlineStr": text = cell.inline?.text ?? ""
                case "b": text = cell.v == "1" ? "TRUE" : "FALSE"
                default: text = cell.v ?? ""
                }
                while cells.count < column { cells.append("") }
                cells[column - 1] = text
            }
            rows[number - 1] = cells
        }
        return SheetGrid(name: chosen.name, rows: rows)
    }

    // MARK: The parts, as XMLCoder decodes them (attributes and child elements alike by name).

    struct Workbook: Decodable {
        struct Sheets: Decodable { var sheet: [Sheet] }
        struct Sheet: Decodable {
            var name: String
            var id: String
            enum CodingKeys: String, CodingKey { case name, id = "r:id" }
        }
        var sheets: Sheets
    }

    struct Relationships: Decodable {
        struct Relationship: Decodable {
            var id: String
            var target: String
            enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
        }
        var relationship: [Relationship]?
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    }

    /// Text of a `<t>` element (which may carry `xml:space`).
    struct Text: Decodable {
        var value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: CodingKeys.self), let v = try? c.decode(String.self, forKey: .value) {
                value = v
            } else {
                value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
            }
        }
    }

    /// A rich or plain string item: `<si><t>…</t></si>` or `<si><r><t>…</t></r>…</si>`.
    struct StringItem: Decodable {
        struct Run: Decodable { var t: Text? }
        var t: Text?
        var r: [Run]?
        var text: String { t?.value ?? (r ?? []).compactMap { $0.t?.value }.joined() }
    }

    struct SharedStrings: Decodable { var si: [StringItem] }

    struct Worksheet: Decodable {
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable { var r: Int?; var c: [Cell]? }
        struct Cell: Decodable {
            var r: String?
            var t: String?
            var v: String?
            var inline: StringItem?
            enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
        }
        var sheetData: SheetData
    }
}

extension LedgerError {
    /// What is wrong in a 台账 sheet, its mapping file or a dispatch file, as a stable
    /// code with its values: the CLI renders `ledger.file.<code>` from the strings
    /// tables; ``description`` is English. Words of other programs (the JSON decoder,
    /// the XLSX reader) stay in `detail`, quoted by the Chinese sentence.
    public enum FileProblem: Equatable, Sendable, CustomStringConvertible {
        /// `path` is missing (a mapping file)
        case mappingKeyMissing(path: String)
        /// `path`: `detail` (a value of the wrong type)
        case jsonValue(path: String, detail: String)
        /// not a mapping JSON document: `detail`
        case notMappingJSON(detail: String)
        /// `path`: no such ledger field (fields: `fields`)
        case unknownField(path: String, fields: String)
        /// `path` is missing (required: `required`)
        case requiredFieldMissing(path: String, required: String)
        /// $.headerRow: must be ≥ 1, not `value`
        case headerRow(value: Int)
        /// sheet '`sheet`' has no data rows
        case noDataRows(sheet: String)
        /// the XLSX reader's own words
        case xlsx(detail: String)
        /// cannot read the file
        case unreadable
        /// byte `byte` is not UTF-8 (save the sheet as CSV UTF-8)
        case notUTF8(byte: Int)
        /// larger than 2 GiB
        case tooLarge
        /// the sheet must be a .csv or .xlsx file
        case sheetType
        /// `sheet`!row `row`: no column headed '`header`' for `field` (headers: `headers`)
        case noColumn(sheet: String, row: Int, header: String, field: String, headers: String)
        /// as ``noColumn(sheet:row:header:field:headers:)`` on a header row with no headers
        case noColumnNoHeaders(sheet: String, row: Int, header: String, field: String)
        /// `cell`: empty; `field` is required
        case emptyCell(cell: String, field: String)
        /// `cell`: '`value`' is not a date (2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date)
        case notDate(cell: String, value: String)
        /// `cell`: '`value`' is not a quantity > 0
        case notQuantity(cell: String, value: String)
        /// `cell`: expiry `expiry` is before the production date `production`
        case expiryBeforeProduction(cell: String, expiry: String, production: String)
        /// `cell`: '`value`' is not a reserve mode (`modes`)
        case notMode(cell: String, value: String, modes: String)
        /// not a dispatch response: `path` is missing
        case dispatchKeyMissing(path: String)
        /// `path` is null
        case nullValue(path: String)
        /// not valid JSON: `detail`
        case notJSON(detail: String)
        /// `path`: `value` is not a quantity ≥ 0 (an order of a dispatch)
        case orderQuantity(path: String, value: String)

        /// The stable code: the case name, the key `ledger.file.<code>`.
        public var code: String { parts.code }

        /// The values the sentence names, by placeholder.
        public var arguments: [String: String] { parts.arguments }

        private var parts: (code: String, arguments: [String: String]) {
            switch self {
            case let .mappingKeyMissing(path): ("mappingKeyMissing", ["path": path])
            case let .jsonValue(path, detail): ("jsonValue", ["path": path, "detail": detail])
            case let .notMappingJSON(detail): ("notMappingJSON", ["detail": detail])
            case let .unknownField(path, fields): ("unknownField", ["path": path, "fields": fields])
            case let .requiredFieldMissing(path, required): ("requiredFieldMissing", ["path": path, "required": required])
            case let .headerRow(value): ("headerRow", ["value": "\(value)"])
            case let .noDataRows(sheet): ("noDataRows", ["sheet": sheet])
            case let .xlsx(detail): ("xlsx", ["detail": detail])
            case .unreadable: ("unreadable", [:])
            case let .notUTF8(byte): ("notUTF8", ["byte": "\(byte)"])
            case .tooLarge: ("tooLarge", [:])
            case .sheetType: ("sheetType", [:])
            case let .noColumn(sheet, row, header, field, headers):
                ("noColumn", ["sheet": sheet, "row": "\(row)", "header": header, "field": field, "headers": headers])
            case let .noColumnNoHeaders(sheet, row, header, field):
                ("noColumnNoHeaders", ["sheet": sheet, "row": "\(row)", "header": header, "field": field])
            case let .emptyCell(cell, field): ("emptyCell", ["cell": cell, "field": field])
            case let .notDate(cell, value): ("notDate", ["cell": cell, "value": value])
            case let .notQuantity(cell, value): ("notQuantity", ["cell": cell, "value": value])
            case let .expiryBeforeProduction(cell, expiry, production):
                ("expiryBeforeProduction", ["cell": cell, "expiry": expiry, "production": production])
            case let .notMode(cell, value, modes): ("notMode", ["cell": cell, "value": value, "modes": modes])
            case let .dispatchKeyMissing(path): ("dispatchKeyMissing", ["path": path])
            case let .nullValue(path): ("nullValue", ["path": path])
            case let .notJSON(detail): ("notJSON", ["detail": detail])
            case let .orderQuantity(path, value): ("orderQuantity", ["path": path, "value": value])
            }
        }

        /// The English sentence.
        public var description: String {
            var text = Self.english[code] ?? code
            for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
            return text
        }

        /// The English sentence of each code (a test holds it equal to the `en` table).
        static let english: [String: String] = [
            "mappingKeyMissing": "{path} is missing",
            "jsonValue": "{path}: {detail}",
            "notMappingJSON": "not a mapping JSON document: {detail}",
            "unknownField": "{path}: no such ledger field (fields: {fields})",
            "requiredFieldMissing": "{path} is missing (required: {required})",
            "headerRow": "$.headerRow: must be ≥ 1, not {value}",
            "noDataRows": "sheet '{sheet}' has no data rows",
            "xlsx": "{detail}",
            "unreadable": "cannot read the file",
            "notUTF8": "byte {byte} is not UTF-8 (save the sheet as CSV UTF-8)",
            "tooLarge": "larger than 2 GiB",
            "sheetType": "the sheet must be a .csv or .xlsx file",
            "noColumn": "{sheet}!row {row}: no column headed '{header}' for {field} (headers: {headers})",
            "noColumnNoHeaders": "{sheet}!row {row}: no column headed '{header}' for {field} (headers: none)",
            "emptyCell": "{cell}: empty; {field} is required",
            "notDate": "{cell}: '{value}' is not a date (2025-03-01, 2025/3/1, 2025年3月1日 or an Excel date)",
            "notQuantity": "{cell}: '{value}' is not a quantity > 0",
            "expiryBeforeProduction": "{cell}: expiry {expiry} is before the production date {production}",
            "notMode": "{cell}: '{value}' is not a reserve mode ({modes})",
            "dispatchKeyMissing": "not a dispatch response: {path} is missing",
            "nullValue": "{path} is null",
            "notJSON": "not valid JSON: {detail}",
            "orderQuantity": "{path}: {value} is not a quantity ≥ 0",
        ]
    }
}

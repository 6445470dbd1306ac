import Foundation

/// How a bureau's 台账 spreadsheet maps onto lots: which header names which ledger field,
/// and optional translations of the sheet's depot and item names to bundle ids.
///
/// ```json
/// {
///   "sheet": "库存台账",
///   "headerRow": 2,
///   "columns": {"depot": "存放仓库", "item": "物资名称", "lot": "批次号", "quantity": "数量",
///               "unit": "单位", "expiry": "有效期至", "productionDate": "生产日期",
///               "received": "入库日期", "origin": "生产厂家", "specification": "规格型号",
///               "quality": "质量状况", "mode": "储备方式"},
///   "items": {"单帐篷": "tent"},
///   "depots": {"市救灾物资储备库": "HG-D-CITY"}
/// }
/// ```
public struct SheetMapping: Hashable, Codable, Sendable {
    /// The ledger fields a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case depot, item, lot, quantity, unit, expiry, productionDate, received, origin, specification, quality, mode
        static let required: [Field] = [.depot, .item, .lot, .quantity]
    }

    /// The sheet of an .xlsx workbook (default: the first); ignored for CSV.
    public var sheet: String?
    /// The row holding the headers (1-based, default 1); data starts below it.
    public var headerRow: Int?
    /// Ledger field → header text in the sheet.
    public var columns: [String: String]
    /// Sheet item name → item id; names not listed are taken as ids.
    public var items: [String: String]?
    /// Sheet depot name → depot id; names not listed are taken as ids.
    public var depots: [String: String]?

    /// Creates a mapping in code.
    public init(sheet: String? = nil, headerRow: Int? = nil, columns: [String: String],
                items: [String: String]? = nil, depots: [String: String]? = nil) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.items = items
        self.depots = depots
    }

    /// Reads a mapping file, naming the JSON path of what is wrong.
    public init(json data: Data, source: String) throws(LedgerError) {
        do {
            self = try JSONDecoder().decode(SheetMapping.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidSheet(source: source, problems: [.mappingKeyMissing(path: "$.\(key.stringValue)")])
        } catch let DecodingError.typeMismatch(_, context) {
            let path = "$" + context.codingPath.map { ".\($0.stringValue)" }.joined()
            throw .invalidSheet(source: source, problems: [.jsonValue(path: path, detail: context.debugDescription)])
        } catch {
            throw .invalidSheet(source: source, problems: [.notMappingJSON(detail: error.localizedDescription)])
        }
        var problems: [LedgerError.FileProblem] = []
        for key in columns.keys.sorted() where Field(rawValue: key) == nil {
            problems.append(.unknownField(path: "$.columns.\(key)", fields: Field.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        for field in Field.required where columns[field.rawValue] == nil {
            problems.append(.requiredFieldMissing(path: "$.columns.\(field.rawValue)", required: Field.required.map(\.rawValue).joined(separator: ", ")))
        }
        if let headerRow, headerRow < 1 { problems.append(.headerRow(value: headerRow)) }
        if !problems.isEmpty { throw .invalidSheet(source: source, problems: problems) }
    }
}

import Foundation
import ReserveModel

/// The upward reports the central rules ask for, with batch numbers: inbound (入库报告,
/// due within 5 working days), dispatch (调拨出库报告, within 2 working days) and the
/// annual stock statement (年度收发存报表).
public struct LedgerReport: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case inbound, dispatch, annual
    }

    public var kind: Kind
    /// First day covered.
    public var from: CalendarDate
    /// Last day covered (inclusive).
    public var to: CalendarDate
    public var columns: [String]
    public var rows: [[String]]

    /// The report's title in Simplified Chinese.
    public var title: String {
        let name = switch kind {
        case .inbound: "救灾物资入库报告"
        case .dispatch: "救灾物资调拨出库报告"
        case .annual: "救灾物资年度收发存报表"
        }
        return "\(name)（\(from) 至 \(to)）"
    }

    /// RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends, so that Excel on a
    /// Chinese Windows opens it as UTF-8.
    public func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return "\u{FEFF}" + ([columns] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One self-contained HTML page with the table.
    public func html() -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = """
            <!DOCTYPE html>
            <html lang="zh-Hans"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}</style>
            </head><body><h1>\(escape(title))</h1>
            <p>共 \(rows.count) 行</p>
            <table><thead><tr>
            """
        out += columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + row.map { cell in
                Double(cell) != nil ? "<td class=\"n\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></body></html>\n"
    }
}

extension StockLedger {
    /// Builds a report over the days `from`…`to` (inclusive, UTC).
    public func report(_ kind: LedgerReport.Kind, from: CalendarDate, to: CalendarDate) throws(LedgerError) -> LedgerReport {
        guard from <= to else { throw .invalidRequest(.periodOrder(from: "\(from)", to: "\(to)")) }
        let start = "\(from)T00:00:00Z", end = "\(CalendarDate(dayNumber: to.dayNumber + 1))T00:00:00Z"
        let (columns, rows): ([String], [[String]]) = try read { db in
            switch kind {
            case .inbound: return try Self.movementReport(db, kind: "receive", start: start, end: end, inbound: true)
            case .dispatch: return try Self.movementReport(db, kind: "issue", start: start, end: end, inbound: false)
            case .annual: return try Self.annualReport(db, start: start, end: end)
            }
        }
        return LedgerReport(kind: kind, from: from, to: to, columns: columns, rows: rows)
    }

    private static func movementReport(_ db: any LedgerTransaction, kind: String, start: String, end: String,
                                       inbound: Bool) throws -> ([String], [[String]]) {
        let rows = try db.fetchAll("""
            SELECT m.at, m.depot, l.item, l.lot_number, abs(m.quantity), l.unit,
                   l.production_date, l.expiry, l.origin, l.specification, l.quality, m.document, m.reason, m."user"
            FROM movements m JOIN lots l ON l.id = m.lot_id
            WHERE m.kind = ? AND m.at >= ? AND m.at < ?
            ORDER BY m.at, m.id
            """, [kind, start, end])
        func cells(_ row: SQLRow, _ columns: [Int]) throws -> [String] {
            try columns.map { $0 == 4 ? LedgerQuantity.text(LedgerQuantity.units(try row[4])) : try row[$0] }
        }
        if inbound {
            return (["入库时间", "仓库", "物资", "批次号", "数量", "单位", "生产日期", "有效期至", "产地/供应商/捐赠方", "规格", "质量", "单据号", "经办人"],
                    try rows.map { try cells($0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]) })
        }
        return (["出库时间", "仓库", "物资", "批次号", "数量", "单位", "有效期至", "单据号", "事由", "经办人"],
                try rows.map { try cells($0, [0, 1, 2, 3, 4, 5, 7, 11, 12, 13]) })
    }

    /// Per depot × item × lot: opening, each kind of movement in the period, closing.
    private static func annualReport(_ db: any LedgerTransaction, start: String, end: String) throws -> ([String], [[String]]) {
        let kinds: [MovementKind] = [.receive, .return, .transferIn, .issue, .transferOut, .rotateOut, .writeOff, .count, .reversal]
        // One column per kind, each with its bound kind name; the SQL text is constant fragments only.
        let sum = "CAST(SUM(CASE WHEN m.at >= ? AND m.at < ? AND m.kind = ? THEN m.quantity ELSE 0 END) AS BIGINT)"
        var arguments: [any SQLArgument] = [start]
        for kind in kinds { arguments += [start, end, kind.rawValue] }
        arguments += [end, end, start, start, end]
        // Grouped by every lot column, as PostgreSQL requires (SQLite would accept less).
        let rows = try db.fetchAll("""
            SELECT m.depot, l.item, l.lot_number, l.unit, l.expiry,
                   CAST(SUM(CASE WHEN m.at < ? THEN m.quantity ELSE 0 END) AS BIGINT),
                   \(Array(repeating: sum, count: kinds.count).joined(separator: ",\n       ")),
                   CAST(SUM(CASE WHEN m.at < ? THEN m.quantity ELSE 0 END) AS BIGINT)
            FROM movements m JOIN lots l ON l.id = m.lot_id
            WHERE m.at < ?
            GROUP BY m.depot, l.id, l.item, l.lot_number, l.unit, l.expiry
            HAVING SUM(CASE WHEN m.at < ? THEN m.quantity ELSE 0 END) <> 0
                OR SUM(CASE WHEN m.at >= ? AND m.at < ? THEN 1 ELSE 0 END) > 0
            ORDER BY m.depot, l.item, l.lot_number
            """, arguments)
        let columns = ["仓库", "物资", "批次号", "单位", "有效期至", "期初", "入库", "归还", "调入", "出库", "调出", "轮换", "报废", "盘点盈亏", "冲销", "期末"]
        return (columns, try rows.map { row in
            var cells: [String] = [try row[0], try row[1], try row[2], try row[3], try row[4]]
            for index in 5..<(5 + kinds.count + 2) {
                let micros: Int64 = try row[index]
                // Outflows are shown as positive amounts; count and reversal keep their sign.
                let shown = (9...12).contains(index) ? -micros : micros
                cells.append(LedgerQuantity.text(LedgerQuantity.units(shown)))
            }
            return cells
        })
    }
}

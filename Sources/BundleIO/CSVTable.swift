import CSV

/// A parsed CSV file: the header and the data rows, each with the physical line
/// it starts on, so problems can point at `file:line:column`.
struct CSVTable: Sendable {
    /// One data record.
    struct Row: Sendable {
        /// 1-based physical line where the record starts (header = line 1).
        var line: Int
        /// Field values; may be shorter or longer than the header.
        var fields: [String]
    }

    var header: [String]
    var rows: [Row]
    /// Line of the header (1, or later after leading blank lines).
    var headerLine: Int

    /// Parses CSV text with yaslab/CSV.swift (quoted fields with commas, quotes and
    /// newlines; LF, CRLF or CR line ends); a UTF-8 byte-order mark is dropped.
    ///
    /// The library does not report line numbers, so they are recovered here: a
    /// record spans 1 + (line breaks inside its quoted fields) physical lines.
    /// Blank lines are skipped but counted.
    static func parse(_ text: String) throws -> CSVTable {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var line = 1
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        while let fields = reader.next() {
            let start = line
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            if header == nil {
                header = fields.map { $0.trimmingSpaces() }
                headerLine = start
            } else {
                rows.append(Row(line: start, fields: fields))
            }
        }
        if let error = reader.error { throw error }
        return CSVTable(header: header ?? [], rows: rows, headerLine: headerLine)
    }

    /// Physical line breaks inside a field: LF, CRLF and lone CR each count once.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for s in field.unicodeScalars {
            if s == "\n" {
                if !previousCR { count += 1 }
                previousCR = false
            } else if s == "\r" {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (spreadsheets pad cells).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return String(scalars[first...last])
    }
}

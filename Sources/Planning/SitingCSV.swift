import Foundation

/// A small CSV table reader for the siting files (`candidates.csv`, `od.csv`):
/// header row, comma-separated, RFC 4180 quotes (no line breaks inside a field),
/// blank lines skipped, cells trimmed. Places are `file:line:column`.
struct SitingCSV {
    let file: String
    var header: [String]
    var rows: [(line: Int, fields: [String])]

    init(text: String, file: String) throws(SitingInputError) {
        self.file = file
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        var header: [String]?
        var rows: [(Int, [String])] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = try Self.split(line, file: file, line: number)
            if header == nil { header = fields } else { rows.append((number, fields)) }
        }
        guard let header else { throw SitingInputError(.noHeader(file: file)) }
        self.header = header
        self.rows = rows
    }

    static func split(_ line: Substring, file: String, line number: Int) throws(SitingInputError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false, wasQuoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while true {
            guard let c = pending ?? chars.next() else { break }
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { current.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                wasQuoted = true
                current = ""
            } else if c == "," {
                fields.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
                current = ""
                wasQuoted = false
            } else { current.append(c) }
        }
        if quoted { throw SitingInputError(.unclosedQuote(file: file, line: number)) }
        fields.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        return fields
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    func requireColumn(_ name: String) throws(SitingInputError) -> Int {
        guard let c = column(name) else { throw SitingInputError(.missingColumn(file: file, column: name)) }
        return c
    }

    func cell(_ row: (line: Int, fields: [String]), _ column: Int?) -> String {
        guard let column, column < row.fields.count else { return "" }
        return row.fields[column]
    }

    func number(_ row: (line: Int, fields: [String]), _ column: Int?, _ name: String, default value: Double?) throws(SitingInputError) -> Double? {
        let text = cell(row, column)
        if text.isEmpty { return value }
        guard let v = Double(text), v.isFinite, v >= 0 else {
            throw SitingInputError(.notNumber(file: file, line: row.line, column: name, text: text))
        }
        return v
    }

    func bool(_ row: (line: Int, fields: [String]), _ column: Int?, _ name: String) throws(SitingInputError) -> Bool {
        switch cell(row, column).lowercased() {
        case "", "false", "no", "0", "否": return false
        case "true", "yes", "1", "是": return true
        case let other: throw SitingInputError(.notBool(file: file, line: row.line, column: name, text: other))
        }
    }
}

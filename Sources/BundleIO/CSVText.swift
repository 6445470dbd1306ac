/// Writes CSV text: header, rows, LF line ends, a final newline.
///
/// Written here rather than with CSVWriter because CSVWriter pushes one byte per
/// `OutputStream.write` call, too slow for million-row road tables; quoting
/// follows RFC 4180 (quote fields with comma, quote, CR or LF; double the quotes),
/// which CSV.swift reads back.
enum CSVText {
    static func encode(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity((rows.count + 1) * 48)
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    static func append(_ fields: [String], to out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(",") }
            if f.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append("\"")
                for ch in f.unicodeScalars {
                    if ch == "\"" { out.append("\"\"") } else { out.unicodeScalars.append(ch) }
                }
                out.append("\"")
            } else {
                out.append(f)
            }
        }
        out.append("\n")
    }
}

/// Deterministic text for numbers: integers without a decimal point, other values
/// in Swift's shortest round-trip form, so write → read → write is byte-identical.
enum NumberText {
    static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func format(_ x: Double?) -> String { x.map { format($0) } ?? "" }
}

/// Writes a model in CPLEX LP format exactly as GLPK 5.0's `glp_write_lp` does.
///
/// The layout follows GLPK's writer: lines wrapped before they pass 72 bytes; numbers
/// as `%.15g`; terms of a row in GLPK's row-list order (``GLPKLayout``); a range row as
/// an equality with a slack `~r_i` bounded in `Bounds`; the objective constant only in
/// a comment; names with ` `, `-`, `[`, `]` turned into `_`, `~`, `(`, `)`, and a name
/// the format cannot carry (first character a digit or `.`, or any character outside
/// letters, digits and ``nameCharacters``) replaced by `r_i` for rows and, for columns,
/// `s_j` (fixed), `x_j` (continuous), `y_j` (general integer) or `z_j` (binary).
/// GLPKBackend's tests compare this writer with GLPK's on random models.
struct CPLEXLPWriter {
    let layout: GLPKLayout
    /// Characters besides ASCII letters and digits that a CPLEX LP name may hold.
    static let nameCharacters = Set("!\"#$%&()/,.;?@_`'{}|~".utf8)

    /// The file's bytes and its number of lines.
    func write() -> (bytes: [UInt8], lines: Int) {
        var out = ModelFileOutput()
        let model = layout.model
        let n = model.variableCount
        let columnNames = (1...n).map(columnName)
        out.line("\\* Problem: \(layout.problemName ?? "Unknown") *\\")
        out.line("")
        out.line(model.objectiveSense == .minimize ? "Minimize" : "Maximize")
        var line = " obj:"
        var terms = 0
        for j in 1...n where layout.objective[j - 1] != 0 || !layout.hasEntries[j - 1] {
            terms += 1
            let c = layout.objective[j - 1]
            let term = c == 0 ? " + 0 \(columnNames[j - 1])" : Self.term(c, columnNames[j - 1])
            out.append(term, to: &line)
        }
        if terms == 0 { line += " 0 \(columnNames[0])" }
        out.line(line)
        if model.objectiveConstant != 0 {
            out.line("\(ModelFileMarker.lpConstantPrefix)\(CNumberFormat.g15(model.objectiveConstant)) *\\")
        }
        out.line("")
        out.line("Subject To")
        for i in 1...layout.rowCount where layout.rows[i - 1].type != .free {
            let row = layout.rows[i - 1]
            var line = " \(rowName(i)):"
            var empty = true
            layout.forEachEntry(inRow: i) { j, value in
                empty = false
                out.append(Self.term(value, columnNames[j - 1]), to: &line)
            }
            if row.type == .double {
                out.append(" - ~r_\(i)", to: &line)
            } else if empty {
                line += " 0 \(columnNames[0])"
            }
            switch row.type {
            case .lower: out.append(" >= \(CNumberFormat.g15(row.lower))", to: &line)
            case .upper: out.append(" <= \(CNumberFormat.g15(row.upper))", to: &line)
            case .double, .fixed: out.append(" = \(CNumberFormat.g15(row.lower))", to: &line)
            case .free: break
            }
            out.line(line)
        }
        out.line("")
        var header = false
        for i in 1...layout.rowCount where layout.rows[i - 1].type == .double {
            if !header { out.line("Bounds"); header = true }
            let row = layout.rows[i - 1]
            out.line(" 0 <= ~r_\(i) <= \(CNumberFormat.g15(row.upper - row.lower))")
        }
        for j in 1...n {
            let column = layout.columns[j - 1]
            if column.type == .lower && column.lower == 0 { continue }
            if !header { out.line("Bounds"); header = true }
            let name = columnNames[j - 1]
            switch column.type {
            case .free: out.line(" \(name) free")
            case .lower: out.line(" \(name) >= \(CNumberFormat.g15(column.lower))")
            case .upper: out.line(" -Inf <= \(name) <= \(CNumberFormat.g15(column.upper))")
            case .double: out.line(" \(CNumberFormat.g15(column.lower)) <= \(name) <= \(CNumberFormat.g15(column.upper))")
            case .fixed: out.line(" \(name) = \(CNumberFormat.g15(column.lower))")
            }
        }
        if header { out.line("") }
        header = false
        for j in 1...n where layout.isInteger[j - 1] {
            if !header { out.line("Generals"); header = true }
            out.line(" \(columnNames[j - 1])")
        }
        if header { out.line("") }
        out.line("End")
        return (out.bytes, out.lines)
    }

    /// ` + name`, ` - name`, ` + c name` or ` - c name` for a non-zero coefficient.
    static func term(_ c: Double, _ name: String) -> String {
        if c == 1 { return " + \(name)" }
        if c == -1 { return " - \(name)" }
        return c > 0 ? " + \(CNumberFormat.g15(c)) \(name)" : " - \(CNumberFormat.g15(-c)) \(name)"
    }

    func rowName(_ i: Int) -> String {
        Self.adjusted(layout.rowName(i)) ?? "r_\(i)"
    }

    func columnName(_ j: Int) -> String {
        if let name = Self.adjusted(layout.columnName(j)) { return name }
        let column = layout.columns[j - 1]
        if column.type == .fixed { return "s_\(j)" }
        if !layout.isInteger[j - 1] { return "x_\(j)" }
        return column.lower == 0 && column.upper == 1 ? "z_\(j)" : "y_\(j)"
    }

    /// GLPK's `adjust_name` then `check_name`: nil when the name cannot be written.
    static func adjusted(_ name: String?) -> String? {
        guard let name else { return nil }
        var bytes = Array(name.utf8)
        for k in bytes.indices {
            switch bytes[k] {
            case UInt8(ascii: " "): bytes[k] = UInt8(ascii: "_")
            case UInt8(ascii: "-"): bytes[k] = UInt8(ascii: "~")
            case UInt8(ascii: "["): bytes[k] = UInt8(ascii: "(")
            case UInt8(ascii: "]"): bytes[k] = UInt8(ascii: ")")
            default: break
            }
        }
        if let first = bytes.first, first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return nil }
        for byte in bytes {
            let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if !alphanumeric && !nameCharacters.contains(byte) { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

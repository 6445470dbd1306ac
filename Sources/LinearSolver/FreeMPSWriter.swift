/// Writes a model in free MPS format exactly as GLPK 5.0's `glp_write_mps(GLP_MPS_FILE)`
/// does.
///
/// GLPK's layout: a comment header with the counts of the loaded problem
/// (``GLPKLayout``: a model without rows counts its one free row); the objective as row
/// `R0000000` unless the problem has a free row, in which case the objective is not
/// written at all; two entries per line in `COLUMNS`, `RHS` and `RANGES`, a column's
/// entries in GLPK's column-list order with the objective first; integer columns
/// between `MARKER` lines; unnamed rows and columns as `R%07d` and `C%07d`, blanks
/// in names as `_`; numbers in at most 12 characters (``number(_:)``). The objective's
/// constant is the right-hand side of the objective row. GLPKBackend's tests compare
/// this writer with GLPK's on random models.
struct FreeMPSWriter {
    let layout: GLPKLayout

    func write() -> (bytes: [UInt8], records: Int) {
        var out = ModelFileOutput()
        let model = layout.model
        let n = model.variableCount, m = layout.rowCount
        let integers = layout.isInteger.filter { $0 }.count
        let binaries = (0..<n).filter {
            layout.isInteger[$0] && layout.columns[$0].type == .double && layout.columns[$0].lower == 0 && layout.columns[$0].upper == 1
        }.count
        out.line(layout.problemName.map { "* Problem:    \($0)" } ?? "* Problem:")
        out.line("* Class:      \(integers == 0 ? "LP" : "MIP")")
        out.line("* Rows:       \(m)")
        out.line(integers == 0 ? "* Columns:    \(n)" : "* Columns:    \(n) (\(integers) integer, \(binaries) binary)")
        out.line("* Non-zeros:  \(layout.nonZeroCount)")
        out.line("* Format:     Free MPS")
        out.line("*")
        out.line(layout.problemName.map { "NAME \(Self.blanksReplaced($0))" } ?? "NAME")
        let withObjective = !layout.rows.contains { $0.type == .free }
        let rowNames = (0...m).map(rowName)
        out.line("ROWS")
        for i in (withObjective ? 0 : 1)...m {
            let type: String
            switch i == 0 ? .free : layout.rows[i - 1].type {
            case .free: type = "N"
            case .lower: type = "G"
            case .upper: type = "L"
            case .double, .fixed: type = "E"
            }
            out.line(" \(type) \(rowNames[i])")
        }
        out.line("COLUMNS")
        var marker = 0
        let (start, entryRows, entryValues) = layout.columnEntries()
        var pairs = Pairs()
        for j in 1...n {
            if layout.isInteger[j - 1] != (marker % 2 == 1) {
                marker += 1
                out.line(" M\(Self.sevenDigits(marker)) 'MARKER' \(marker % 2 == 1 ? "'INTORG'" : "'INTEND'")")
            }
            let name = columnName(j)
            var entries: [(row: Int, value: Double)] = []
            if withObjective && layout.objective[j - 1] != 0 { entries.append((0, layout.objective[j - 1])) }
            var k = start[j] - 1
            while k >= start[j - 1] {
                if entryValues[k] != 0 { entries.append((Int(entryRows[k]) + 1, entryValues[k])) }
                k -= 1
            }
            if entries.isEmpty {
                out.line(" \(name) \(rowNames[1]) 0 $ empty column")
            }
            for entry in entries { pairs.add(label: name, row: rowNames[entry.row], value: entry.value, to: &out) }
            pairs.finish(&out)
        }
        if marker % 2 == 1 {
            marker += 1
            out.line(" M\(Self.sevenDigits(marker)) 'MARKER' 'INTEND'")
        }
        out.line("RHS")
        for i in (withObjective ? 0 : 1)...m {
            let rhs: Double
            if i == 0 {
                rhs = model.objectiveConstant
            } else {
                let row = layout.rows[i - 1]
                switch row.type {
                case .free: rhs = 0
                case .lower, .double, .fixed: rhs = row.lower
                case .upper: rhs = row.upper
                }
            }
            if rhs != 0 { pairs.add(label: "RHS1", row: rowNames[i], value: rhs, to: &out) }
        }
        pairs.finish(&out)
        if layout.rows.contains(where: { $0.type == .double }) {
            out.line("RANGES")
            for i in 1...m where layout.rows[i - 1].type == .double {
                pairs.add(label: "RNG1", row: rowNames[i], value: layout.rows[i - 1].upper - layout.rows[i - 1].lower, to: &out)
            }
            pairs.finish(&out)
        }
        let defaultBounds = (0..<n).allSatisfy { !layout.isInteger[$0] && layout.columns[$0].type == .lower && layout.columns[$0].lower == 0 }
        if !defaultBounds {
            out.line("BOUNDS")
            for j in 1...n {
                let column = layout.columns[j - 1]
                let name = columnName(j)
                func bound(_ kind: String, _ value: Double?) {
                    out.line(value.map { " \(kind) BND1 \(name) \(Self.number($0))" } ?? " \(kind) BND1 \(name)")
                }
                switch column.type {
                case .free: bound("FR", nil)
                case .lower:
                    if column.lower != 0 { bound("LO", column.lower) }
                    if layout.isInteger[j - 1] { bound("PL", nil) }
                case .upper:
                    bound("MI", nil)
                    bound("UP", column.upper)
                case .double:
                    if column.lower != 0 { bound("LO", column.lower) }
                    bound("UP", column.upper)
                case .fixed: bound("FX", column.lower)
                }
            }
        }
        out.line("ENDATA")
        return (out.bytes, out.lines)
    }

    /// Entries written two to a line: `label row value [row value]`.
    struct Pairs {
        var pending: String?

        mutating func add(label: String, row: String, value: Double, to out: inout ModelFileOutput) {
            if let first = pending {
                out.line("\(first) \(row) \(FreeMPSWriter.number(value))")
                pending = nil
            } else {
                pending = " \(label) \(row) \(FreeMPSWriter.number(value))"
            }
        }

        mutating func finish(_ out: inout ModelFileOutput) {
            if let first = pending { out.line(first) }
            pending = nil
        }
    }

    /// Row `i` (0 for the objective): its name, or `R%07d`.
    func rowName(_ i: Int) -> String {
        guard i > 0, let name = layout.rowName(i) else { return "R\(Self.sevenDigits(i))" }
        return Self.blanksReplaced(name)
    }

    func columnName(_ j: Int) -> String {
        layout.columnName(j).map(Self.blanksReplaced) ?? "C\(Self.sevenDigits(j))"
    }

    static func blanksReplaced(_ name: String) -> String {
        name.contains(" ") ? String(decoding: name.utf8.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "_") : $0 }, as: UTF8.self) : name
    }

    static func sevenDigits(_ k: Int) -> String {
        let digits = String(k)
        return digits.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.count) + digits
    }

    /// GLPK's `mps_numb`: the most significant digits (12 down to 6) that fit in 12
    /// characters, `%E` below 0.002 in magnitude and `%G` otherwise, with the
    /// exponent's sign and leading zeros dropped (`E-05` → `E-5`, `E+10` → `E10`).
    /// GLPK aborts when even 6 digits do not fit (|value| < 1e-99 with a sign); this
    /// returns the 6-digit form.
    static func number(_ value: Double) -> String {
        // Integers of up to 12 digits print as themselves in %.12G: the common case,
        // without the C call.
        if value != 0, value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
        var text = ""
        for digits in stride(from: 12, through: 6, by: -1) {
            text = value != 0 && abs(value) < 0.002
                ? CNumberFormat.format(exponentFormats[digits], value)
                : CNumberFormat.format(generalFormats[digits], value)
            if let e = text.firstIndex(of: "E") {
                let exponent = Int(text[text.index(after: e)...]) ?? 0
                text = String(text[...e]) + String(exponent)
            }
            if text.utf8.count <= 12 { break }
        }
        return text
    }

    /// `%.{d-1}E` and `%.{d}G` by number of significant digits d (6...12).
    static let exponentFormats = (0...12).map { "%.\(max($0 - 1, 0))E" }
    static let generalFormats = (0...12).map { "%.\($0)G" }
}

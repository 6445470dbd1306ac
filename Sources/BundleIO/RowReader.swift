import ReserveModel

/// Reads typed values from the records of one CSV table by column name, collecting
/// a problem for every cell that cannot be read instead of stopping.
///
/// One reader walks a whole table (``index`` moves from record to record), so a
/// table costs one column map, not one per row; cells are read from the table's
/// bytes and become `String`s only when the record keeps text.
struct RowReader {
    let table: BundleTable
    let columns: ColumnMap
    let csv: CSVTable
    /// The record being read (0-based, header excluded).
    var index: Int
    var problems: [ValidationProblem]

    init(table: BundleTable, columns: ColumnMap, csv: CSVTable, index: Int = 0, problems: [ValidationProblem] = []) {
        self.table = table
        self.columns = columns
        self.csv = csv
        self.index = index
        self.problems = problems
    }

    private func ref(_ column: String) -> RecordReference {
        RecordReference(table: table, index: index, column: column)
    }

    /// An error at this record's `column`: problem `code` (its sentence is
    /// `problem.<code>` in the Localization tables) with `column` among its arguments.
    mutating func fail(_ column: String, _ code: String, _ arguments: [String: String] = [:]) {
        var arguments = arguments
        arguments["column"] = column
        problems.append(ValidationProblem(severity: .error, subject: ref(column), code: code, arguments: arguments))
    }

    /// Calls `body` with the cell's bytes without leading and trailing spaces and
    /// tabs (empty when the column or cell is missing).
    @inline(__always)
    private func withTrimmed<T>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let f = columns.field(column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return csv.withField(index, f) { b in
            var lo = 0, hi = b.count
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            return body(UnsafeBufferPointer(rebasing: b[lo..<hi]))
        }
    }

    /// The raw cell, trimmed; "" when the column or cell is missing.
    func text(_ column: String) -> String {
        withTrimmed(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Text that keeps inner spacing and newlines (names, notes) but not padding.
    func string(_ column: String) -> String { text(column) }

    func optionalString(_ column: String) -> String? {
        let t = text(column)
        return t.isEmpty ? nil : t
    }

    mutating func requiredString(_ column: String) -> String {
        let t = text(column)
        if t.isEmpty { fail(column, "cell.required") }
        return t
    }

    mutating func optionalDouble(_ column: String) -> Double? {
        // Plain decimals (nearly every cell) are parsed from the bytes; anything
        // else goes through `Double(String)`, whose verdict decides.
        let (v, empty) = withTrimmed(column) { b in b.isEmpty ? (nil, true) : (DecimalText.parse(b), false) }
        if empty { return nil }
        if let v { return v }
        let t = text(column)
        guard let v = Double(t) else {
            fail(column, "cell.number", ["value": t])
            return nil
        }
        return v
    }

    mutating func double(_ column: String, default value: Double) -> Double {
        optionalDouble(column) ?? value
    }

    mutating func requiredDouble(_ column: String) -> Double {
        if withTrimmed(column, { $0.isEmpty }) {
            fail(column, "cell.required")
            return 0
        }
        return optionalDouble(column) ?? 0
    }

    mutating func int(_ column: String, default value: Int) -> Int {
        let t = text(column)
        if t.isEmpty { return value }
        guard let v = Int(t) else {
            fail(column, "cell.wholeNumber", ["value": t])
            return value
        }
        return v
    }

    mutating func bool(_ column: String, default value: Bool = false) -> Bool {
        // The writer's own spellings without building a String.
        let fast: Bool?? = withTrimmed(column) { b in
            if b.isEmpty { return .some(nil) }
            if b.elementsEqual("true".utf8) { return .some(true) }
            if b.elementsEqual("false".utf8) { return .some(false) }
            return nil
        }
        if let fast { return fast ?? value }
        switch text(column).lowercased() {
        case "": return value
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        case let t:
            fail(column, "cell.bool", ["value": t])
            return value
        }
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ column: String, default value: E? = nil) -> E?
        where E.RawValue == String {
        let t = text(column)
        if t.isEmpty {
            if value == nil { fail(column, "cell.requiredChoice", ["choices": E.allCases.map(\.rawValue).joined(separator: ", ")]) }
            return value
        }
        guard let v = E(rawValue: t) else {
            fail(column, "cell.choice", ["value": t, "choices": E.allCases.map(\.rawValue).joined(separator: ", ")])
            return value
        }
        return v
    }

    mutating func date(_ column: String) -> CalendarDate? {
        let t = text(column)
        if t.isEmpty { return nil }
        guard let d = CalendarDate(t) else {
            fail(column, "cell.date", ["value": t])
            return nil
        }
        return d
    }

    mutating func point() -> GeoPoint {
        GeoPoint(lat: requiredDouble("lat"), lon: requiredDouble("lon"))
    }

    /// A `;`-separated list of enum values (`flood;forestFire`).
    mutating func enumList<E: RawRepresentable & CaseIterable>(_ column: String) -> [E] where E.RawValue == String {
        var out: [E] = []
        for part in text(column).split(separator: ";") {
            let t = String(part).trimmingSpaces()
            if t.isEmpty { continue }
            if let v = E(rawValue: t) { out.append(v) } else {
                fail(column, "cell.choice", ["value": t, "choices": E.allCases.map(\.rawValue).joined(separator: ", ")])
            }
        }
        return out
    }
}

import ReserveModel

/// Reads typed values from one CSV row by column name, collecting a problem for
/// every cell that cannot be read instead of stopping.
struct RowReader {
    let table: BundleTable
    let columns: [String: Int]
    var row: CSVTable.Row
    let index: Int
    var problems: [ValidationProblem]

    private func ref(_ column: String) -> RecordReference {
        RecordReference(table: table, index: index, column: column)
    }

    mutating func fail(_ column: String, _ message: String) {
        problems.append(ValidationProblem(severity: .error, subject: ref(column), message: message))
    }

    /// The raw cell, trimmed; "" when the column or cell is missing.
    func text(_ column: String) -> String {
        guard let i = columns[column], i < row.fields.count else { return "" }
        return row.fields[i].trimmingSpaces()
    }

    /// Text that keeps inner spacing and newlines (names, notes) but not padding.
    func string(_ column: String) -> String { text(column) }

    func optionalString(_ column: String) -> String? {
        let t = text(column)
        return t.isEmpty ? nil : t
    }

    mutating func requiredString(_ column: String) -> String {
        let t = text(column)
        if t.isEmpty { fail(column, "\(column) is required but empty.") }
        return t
    }

    mutating func optionalDouble(_ column: String) -> Double? {
        let t = text(column)
        if t.isEmpty { return nil }
        guard let v = Double(t) else {
            fail(column, "\(column) must be a number, not '\(t)'.")
            return nil
        }
        return v
    }

    mutating func double(_ column: String, default value: Double) -> Double {
        optionalDouble(column) ?? value
    }

    mutating func requiredDouble(_ column: String) -> Double {
        if text(column).isEmpty {
            fail(column, "\(column) is required but empty.")
            return 0
        }
        return optionalDouble(column) ?? 0
    }

    mutating func int(_ column: String, default value: Int) -> Int {
        let t = text(column)
        if t.isEmpty { return value }
        guard let v = Int(t) else {
            fail(column, "\(column) must be a whole number, not '\(t)'.")
            return value
        }
        return v
    }

    mutating func bool(_ column: String, default value: Bool = false) -> Bool {
        switch text(column).lowercased() {
        case "": return value
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        case let t:
            fail(column, "\(column) must be true or false, not '\(t)'.")
            return value
        }
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ column: String, default value: E? = nil) -> E?
        where E.RawValue == String {
        let t = text(column)
        if t.isEmpty {
            if value == nil { fail(column, "\(column) is required; one of \(E.allCases.map(\.rawValue).joined(separator: ", ")).") }
            return value
        }
        guard let v = E(rawValue: t) else {
            fail(column, "\(column) '\(t)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
            return value
        }
        return v
    }

    mutating func date(_ column: String) -> CalendarDate? {
        let t = text(column)
        if t.isEmpty { return nil }
        guard let d = CalendarDate(t) else {
            fail(column, "\(column) must be a date YYYY-MM-DD, not '\(t)'.")
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
                fail(column, "\(column) '\(t)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        return out
    }
}

import ReserveModel

/// How one flat table maps between CSV rows and records: its columns in written
/// order, the columns a file must have, and the two conversions.
protocol TableCodec: SendableMetatype {
    associatedtype Record
    static var table: BundleTable { get }
    /// Every column, in the order the writer writes them.
    static var columns: [String] { get }
    /// Columns a file must have (the rest may be left out and take defaults).
    static var requiredColumns: [String] { get }
    /// Optional columns whose default, taken by every row when the column is absent
    /// (or renamed), would change what dispatch and coverage answer: column → the
    /// default as the message shows it. Their absence is an error, not a warning.
    static var dispatchColumns: [String: String] { get }
    static func decode(_ r: inout RowReader) -> Record
    static func encode(_ x: Record) -> [String]
}

extension TableCodec {
    static var dispatchColumns: [String: String] { [:] }

    static func encodeTable(_ records: [Record]) -> String {
        CSVText.encode(header: columns, rows: records.map(encode))
    }
}

/// `a:major;b:high` ↔ hazard exposures.
enum HazardListText {
    static func encode(_ list: [HazardExposure]) -> String {
        list.map { "\($0.hazard.rawValue):\($0.risk.rawValue)" }.joined(separator: ";")
    }

    static func decode(_ r: inout RowReader, _ column: String) -> [HazardExposure] {
        var out: [HazardExposure] = []
        for part in r.text(column).split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard let h = pieces.first, !h.isEmpty else { continue }
            guard let hazard = HazardType(rawValue: h) else {
                r.fail(column, "cell.hazard", ["value": h, "choices": HazardType.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            let riskText = pieces.count > 1 ? pieces[1] : "medium"
            guard let risk = RiskLevel(rawValue: riskText) else {
                r.fail(column, "cell.riskLevel", ["value": riskText, "choices": RiskLevel.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            out.append(HazardExposure(hazard: hazard, risk: risk))
        }
        return out
    }
}

import ReserveModel

/// `reserve convert-coordinates`: a CSV of points with `lat` and `lon` columns,
/// converted between datums; every other column and the row order are kept.
public enum CoordinateCSV {
    /// Why a CSV could not be converted: every bad cell, each with its line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The problems, in line order.
        public var problems: [Problem]
        /// `line N, column C: message`, one line per problem.
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// One thing wrong with the CSV: a stable code (`notCSV`, `noLatLon`, `latitude`,
    /// `longitude`; the message code `error.coordinates.<code>` of the strings tables)
    /// and the place and value it concerns.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var code: String
        /// 1-based line (the header's for `noLatLon`; 0 for `notCSV`).
        public var line: Int
        /// The column's name as in the header ("" when the problem is not one cell's).
        public var column: String
        /// The offending text: the cell, the header found, or the parser's reason.
        public var value: String

        /// The English sentence.
        public var description: String {
            switch code {
            case "notCSV": "not valid CSV: \(value)"
            case "noLatLon": "line \(line): the header needs a lat and a lon column, found \(value)"
            case "latitude": "line \(line), column \(column): '\(value)' is not a latitude in degrees"
            default: "line \(line), column \(column): '\(value)' is not a longitude in degrees"
            }
        }
    }

    /// Converts `text` from `source` to `target`.
    ///
    /// Column names are matched case-insensitively (`lat`/`latitude`, `lon`/`lng`/
    /// `longitude`). Converted values are written with 8 decimals (~1 mm).
    public static func convert(_ text: String, from source: CoordinateSystem, to target: CoordinateSystem) throws(Failure) -> String {
        let table: CSVTable
        do { table = try CSVTable.parse(text) } catch { throw Failure(problems: [Problem(code: "notCSV", line: 0, column: "", value: "\(error)")]) }
        let names = table.header.map { $0.lowercased() }
        guard let latColumn = names.firstIndex(where: { $0 == "lat" || $0 == "latitude" }),
              let lonColumn = names.firstIndex(where: { $0 == "lon" || $0 == "lng" || $0 == "longitude" }) else {
            throw Failure(problems: [Problem(code: "noLatLon", line: table.headerLine, column: "", value: table.header.joined(separator: ","))])
        }
        var problems: [Problem] = []
        var rows: [[String]] = []
        for r in 0..<table.count {
            let line = table.recordLines[r]
            var fields = table.fields(r)
            while fields.count < table.header.count { fields.append("") }
            let latText = fields[latColumn].trimmingSpaces(), lonText = fields[lonColumn].trimmingSpaces()
            guard let lat = Double(latText), (-90...90).contains(lat) else {
                problems.append(Problem(code: "latitude", line: line, column: table.header[latColumn], value: latText))
                continue
            }
            guard let lon = Double(lonText), (-180...180).contains(lon) else {
                problems.append(Problem(code: "longitude", line: line, column: table.header[lonColumn], value: lonText))
                continue
            }
            let p = source.convert(GeoPoint(lat: lat, lon: lon), to: target)
            fields[latColumn] = fixed8(p.lat)
            fields[lonColumn] = fixed8(p.lon)
            rows.append(fields)
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return CSVText.encode(header: table.header, rows: rows)
    }

    /// 8 decimals without Foundation's locale-dependent formatting.
    static func fixed8(_ x: Double) -> String {
        let scaled = (abs(x) * 1e8).rounded()
        let whole = Int(scaled / 1e8), frac = Int(scaled.truncatingRemainder(dividingBy: 1e8))
        let digits = String(frac)
        return (x < 0 && scaled > 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

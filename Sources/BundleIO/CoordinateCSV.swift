import ReserveModel

/// `reserve convert-coordinates`: a CSV of points with `lat` and `lon` columns,
/// converted between datums; every other column and the row order are kept.
public enum CoordinateCSV {
    /// Why a CSV could not be converted: every bad cell, each with its line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// `line N, column C: message`, one per problem.
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    /// Converts `text` from `source` to `target`.
    ///
    /// Column names are matched case-insensitively (`lat`/`latitude`, `lon`/`lng`/
    /// `longitude`). Converted values are written with 8 decimals (~1 mm).
    public static func convert(_ text: String, from source: CoordinateSystem, to target: CoordinateSystem) throws(Failure) -> String {
        let table: CSVTable
        do { table = try CSVTable.parse(text) } catch { throw Failure(problems: ["not valid CSV: \(error)"]) }
        let names = table.header.map { $0.lowercased() }
        guard let latColumn = names.firstIndex(where: { $0 == "lat" || $0 == "latitude" }),
              let lonColumn = names.firstIndex(where: { $0 == "lon" || $0 == "lng" || $0 == "longitude" }) else {
            throw Failure(problems: ["line \(table.headerLine): the header needs a lat and a lon column, found \(table.header.joined(separator: ","))"])
        }
        var problems: [String] = []
        var rows: [[String]] = []
        for r in 0..<table.count {
            let line = table.recordLines[r]
            var fields = table.fields(r)
            while fields.count < table.header.count { fields.append("") }
            let latText = fields[latColumn].trimmingSpaces(), lonText = fields[lonColumn].trimmingSpaces()
            guard let lat = Double(latText), (-90...90).contains(lat) else {
                problems.append("line \(line), column \(table.header[latColumn]): '\(latText)' is not a latitude in degrees")
                continue
            }
            guard let lon = Double(lonText), (-180...180).contains(lon) else {
                problems.append("line \(line), column \(table.header[lonColumn]): '\(lonText)' is not a longitude in degrees")
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

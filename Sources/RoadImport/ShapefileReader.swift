import Foundation
import RoadNetwork

/// One PolyLine record of a shapefile with its attributes.
public struct ShapefileFeature: Hashable, Sendable {
    /// 1-based record number.
    public var record: Int
    /// The line's parts (each a polyline of WGS-84 points); Z and M values are dropped.
    public var parts: [[GeoCoordinate]]
    /// dBASE attributes by field name, trimmed, decoded.
    public var attributes: [String: String]
}

/// Reads an ESRI shapefile set: `.shp` (geometry), `.shx` (record index, checked
/// against the `.shp`), `.dbf` (attributes), `.prj` (must be geographic WGS-84 or
/// CGCS2000) and `.cpg` (attribute encoding).
///
/// Shape types read: PolyLine (3), PolyLineZ (13), PolyLineM (23) and Null (0,
/// skipped). Every problem is an error with the file and byte offset.
public struct ShapefileReader: Sendable {
    /// What the reader found besides the features.
    public struct Info: Hashable, Sendable {
        /// The attribute encoding used, and whether it came from `.cpg`, the caller or detection.
        public var encoding: TextEncoding
        public var encodingSource: String
        /// The coordinate system named by `.prj` (nil when there is none: WGS-84 assumed).
        public var datum: String?
        /// Null shapes skipped.
        public var nullShapes: Int
    }

    /// Reads `path` (the `.shp`; siblings found by extension). `encoding` overrides
    /// `.cpg` and detection.
    public static func read(path: String, encoding: TextEncoding? = nil) throws(RoadImportError) -> (features: [ShapefileFeature], info: Info) {
        let base = path.lowercased().hasSuffix(".shp") ? String(path.dropLast(4)) : path
        let shpPath = base + ".shp", shxPath = base + ".shx", dbfPath = base + ".dbf"
        let shp = try load(shpPath)
        let shx = try load(shxPath)
        let dbf = try load(dbfPath)
        let datum = try checkProjection(base + ".prj")
        var source = "detected"
        var chosen = encoding
        if chosen != nil { source = "--encoding" } else if let cpg = FileManager.default.contents(atPath: base + ".cpg") {
            let name = String(decoding: cpg, as: UTF8.self)
            guard let e = TextEncoding(name: name) else {
                throw .badShapefile(file: base + ".cpg", offset: nil, reason: .codePage(name: name.trimmingCharacters(in: " \r\n")))
            }
            chosen = e
            source = ".cpg"
        }
        let geometry = try ShapefileGeometry.parse(shp, index: shx, shpPath: shpPath, shxPath: shxPath)
        let table = try DBFTable.parse(dbf, path: dbfPath, encoding: chosen)
        guard table.rows.count == geometry.count else {
            throw .badShapefile(file: dbfPath, offset: 4, reason: .rowCount(rows: table.rows.count, shapes: geometry.count))
        }
        var features: [ShapefileFeature] = []
        var nulls = 0
        for (i, parts) in geometry.enumerated() {
            guard let parts else { nulls += 1; continue }
            features.append(ShapefileFeature(record: i + 1, parts: parts, attributes: table.rows[i]))
        }
        return (features, Info(encoding: table.encoding, encodingSource: source, datum: datum, nullShapes: nulls))
    }

    static func load(_ path: String) throws(RoadImportError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotOpen(path: path, reason: FileManager.default.fileExists(atPath: path) ? .notReadable : .noSuchFile)
        }
        return [UInt8](data)
    }

    /// The datum name of a geographic `.prj`; throws naming any projected or other
    /// geographic system (reprojection is not implemented).
    static func checkProjection(_ path: String) throws(RoadImportError) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let wkt = String(decoding: data, as: UTF8.self).trimmingCharacters(in: " \r\n\t")
        func firstName(after keyword: String) -> String? {
            guard let r = wkt.range(of: keyword + "[\"") else { return nil }
            let rest = wkt[r.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        if wkt.uppercased().hasPrefix("PROJCS") || wkt.uppercased().hasPrefix("PROJCRS") {
            let name = firstName(after: "PROJCS") ?? firstName(after: "PROJCRS") ?? "unnamed"
            throw .badShapefile(file: path, offset: nil, reason: .projected(name: name))
        }
        guard let name = firstName(after: "GEOGCS") ?? firstName(after: "GEOGCRS") else {
            throw .badShapefile(file: path, offset: nil, reason: .notWKT)
        }
        let key = name.uppercased().replacingOccurrences(of: "_", with: " ")
        guard key.contains("WGS 84") || key.contains("WGS 1984") || key.contains("WGS84") || key.contains("CGCS2000")
                || key.contains("CHINA GEODETIC COORDINATE SYSTEM 2000") else {
            throw .badShapefile(file: path, offset: nil, reason: .datum(name: name))
        }
        return name
    }
}

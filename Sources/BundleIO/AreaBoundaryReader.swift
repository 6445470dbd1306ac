import Foundation
import Localization
import ReserveModel

/// Reads a bundle's areas GeoJSON (docs/formats.md, "Area boundaries"): a
/// FeatureCollection of Polygon or MultiPolygon features, each naming its area in
/// `properties.area`. Every problem is reported with the file and the JSON path of
/// the value at fault, all at once; a feature with a problem is left out.
///
/// The document is walked as plain JSON values rather than decoded with Codable,
/// because a decoder stops at the first bad value and the rule here is to list them all.
enum AreaBoundaryReader {
    static func read(_ data: Data, file: String, areas: [AdministrativeArea]) -> (boundaries: [AreaBoundary], problems: [ValidationProblem]) {
        var problems: [ValidationProblem] = []
        func report(_ severity: Severity, _ path: String, _ code: String, _ arguments: [String: String]) {
            problems.append(ValidationProblem(severity: severity, subject: RecordReference(table: .areas, path: path),
                                              location: ProblemLocation(file: file, jsonPath: path), code: code, arguments: arguments))
        }
        func problem(_ path: String, _ code: String, _ arguments: [String: String] = [:]) { report(.error, path, code, arguments) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            problem("$", "json.invalid", ["detail": (error as NSError).localizedDescription])
            return ([], problems)
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let features = collection["features"] as? [Any] else {
            problem("$", "boundary.notCollection")
            return ([], problems)
        }
        let known = Dictionary(areas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = areas.map(\.id.rawValue)
        var seen: [AreaID: Int] = [:]
        var out: [AreaBoundary] = []
        for (i, value) in features.enumerated() {
            let base = "$.features[\(i)]"
            guard let feature = value as? [String: Any] else {
                problem(base, "boundary.notFeature")
                continue
            }
            var ok = true
            var area: AreaID?
            if let id = (feature["properties"] as? [String: Any])?["area"] as? String, !id.isEmpty {
                area = AreaID(id)
                if known[AreaID(id)] == nil {
                    ok = false
                    if let suggestion = Localizer.suggestion(for: id, among: ids) {
                        problem(base + ".properties.area", "boundary.unknownAreaSuggest", ["area": id, "suggestion": suggestion])
                    } else {
                        problem(base + ".properties.area", "boundary.unknownArea", ["area": id])
                    }
                } else if let first = seen[AreaID(id)] {
                    ok = false
                    problem(base + ".properties.area", "boundary.repeatedArea", ["area": id, "first": "\(first)"])
                } else {
                    seen[AreaID(id)] = i
                }
            } else {
                ok = false
                problem(base + ".properties.area", "boundary.noArea")
            }
            let geometry = feature["geometry"] as? [String: Any]
            let type = geometry?["type"] as? String
            var polygons: [[[GeoPoint]]] = []
            switch type {
            case "Polygon":
                if let p = polygon(geometry?["coordinates"], base + ".geometry.coordinates", report) { polygons = [p] } else { ok = false }
            case "MultiPolygon":
                guard let list = geometry?["coordinates"] as? [Any], !list.isEmpty else {
                    problem(base + ".geometry.coordinates", "boundary.noPolygons")
                    ok = false
                    break
                }
                for (k, item) in list.enumerated() {
                    if let p = polygon(item, base + ".geometry.coordinates[\(k)]", report) { polygons.append(p) } else { ok = false }
                }
            default:
                problem(base + ".geometry.type", "boundary.geometryType", ["type": type ?? "null"])
                ok = false
            }
            guard ok, let area else { continue }
            let boundary = AreaBoundary(area: area, polygons: polygons)
            if let centroid = known[area]?.centroid, centroid.isValid, !boundary.contains(centroid) {
                report(.warning, base + ".geometry", "boundary.centroidOutside", ["area": area.rawValue])
            }
            out.append(boundary)
        }
        return (out, problems)
    }

    /// One polygon: rings of at least four [lon, lat] positions, closed.
    private static func polygon(_ value: Any?, _ path: String,
                                _ problem: (Severity, String, String, [String: String]) -> Void) -> [[GeoPoint]]? {
        guard let rings = value as? [Any], !rings.isEmpty else {
            problem(.error, path, "boundary.noRings", [:])
            return nil
        }
        var out: [[GeoPoint]] = []
        var ok = true
        for (j, ringValue) in rings.enumerated() {
            let ringPath = path + "[\(j)]"
            guard let positions = ringValue as? [Any], positions.count >= 4 else {
                problem(.error, ringPath, "boundary.ringTooShort", [:])
                ok = false
                continue
            }
            var ring: [GeoPoint] = []
            for (k, position) in positions.enumerated() {
                guard let pair = position as? [Any], pair.count >= 2,
                      let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue else {
                    problem(.error, ringPath + "[\(k)]", "boundary.position", [:])
                    ok = false
                    continue
                }
                let p = GeoPoint(lat: lat, lon: lon)
                if !p.isValid {
                    problem(.error, ringPath + "[\(k)]", "boundary.positionRange",
                            ["lon": ProblemText.format(lon), "lat": ProblemText.format(lat)])
                    ok = false
                }
                ring.append(p)
            }
            if ring.count == positions.count, let first = ring.first, let last = ring.last, first != last {
                problem(.error, ringPath, "boundary.ringNotClosed", [:])
                ok = false
            }
            out.append(ring)
        }
        return ok ? out : nil
    }
}

/// Numbers in problem sentences: whole numbers without a decimal point.
enum ProblemText {
    static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

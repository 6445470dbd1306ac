import Foundation
import ReserveModel

/// The GeoJSON polygon files that scenarios name in
/// `road_disruptions.closed_crossings[].polygon_file` (a flood line drawn in QGIS and
/// saved as GeoJSON), read into the closures' inline `polygon`.
enum PolygonFile {
    /// Fills `polygon` of every closure that names a file (paths relative to the
    /// bundle directory) and drops the file name, so the bundle carries the ring
    /// itself and writes back self-contained. Each unreadable file is a problem at
    /// the scenario's JSON path.
    static func resolve(_ scenario: inout Scenario, files: BundleFileSource, scenarioFile: String, problems: inout [ValidationProblem]) {
        for k in scenario.incidents.indices {
            for j in scenario.incidents[k].roadDisruptions.closedCrossings.indices {
                let closure = scenario.incidents[k].roadDisruptions.closedCrossings[j]
                guard let name = closure.polygonFile, closure.polygon == nil else { continue }
                let at = "$.incidents[\(k)].road_disruptions.closed_crossings[\(j)].polygon_file"
                switch ring(in: files.data(name)) {
                case .success(let ring):
                    scenario.incidents[k].roadDisruptions.closedCrossings[j].polygon = ring
                    scenario.incidents[k].roadDisruptions.closedCrossings[j].polygonFile = nil
                case .failure(let why):
                    problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .scenarios),
                                                      location: ProblemLocation(file: scenarioFile, jsonPath: at),
                                                      code: "crossings.polygonFile", arguments: ["file": name, "reason": why.text]))
                }
            }
        }
    }

    struct Failure: Error { var text: String }

    /// The outer ring of the one Polygon in a GeoJSON file: a bare geometry, a Feature,
    /// or a FeatureCollection with exactly one feature.
    static func ring(in data: Data?) -> Result<[[Double]], Failure> {
        guard let data else { return .failure(Failure(text: "missing or unreadable.")) }
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return .failure(Failure(text: "not valid JSON.")) }
        var object = json as? [String: Any]
        var path = "$"
        if object?["type"] as? String == "FeatureCollection" {
            let features = object?["features"] as? [Any] ?? []
            guard features.count == 1 else {
                return .failure(Failure(text: "\(path).features has \(features.count) features; exactly one Polygon feature is expected."))
            }
            object = features[0] as? [String: Any]
            path += ".features[0]"
        }
        if object?["type"] as? String == "Feature" {
            object = object?["geometry"] as? [String: Any]
            path += ".geometry"
        }
        guard let type = object?["type"] as? String else {
            return .failure(Failure(text: "\(path) is not a GeoJSON Polygon, Feature or FeatureCollection."))
        }
        guard type == "Polygon" else {
            return .failure(Failure(text: "\(path).type is '\(type)'; one Polygon is expected (split a MultiPolygon into one closure per part)."))
        }
        guard let rings = object?["coordinates"] as? [Any], let outer = rings.first as? [Any] else {
            return .failure(Failure(text: "\(path).coordinates has no outer ring."))
        }
        if rings.count > 1 {
            return .failure(Failure(text: "\(path).coordinates has \(rings.count - 1) hole(s); a closure polygon has only an outer ring."))
        }
        var ring: [[Double]] = []
        for (i, vertex) in outer.enumerated() {
            guard let xy = vertex as? [Any], xy.count >= 2, let lon = (xy[0] as? NSNumber)?.doubleValue,
                  let lat = (xy[1] as? NSNumber)?.doubleValue else {
                return .failure(Failure(text: "\(path).coordinates[0][\(i)] is not a [lon, lat] position."))
            }
            ring.append([lon, lat])
        }
        return .success(ring)
    }
}

import Foundation
import RoadNetwork

extension ImportBoundary {
    /// Reads a boundary from GeoJSON: a `Polygon` or `MultiPolygon` geometry, a
    /// `Feature` with one, or a `FeatureCollection` (every polygon of every feature).
    /// Coordinates are `[lon, lat]` in WGS-84; holes are honoured.
    public init(geoJSON bytes: [UInt8]) throws(RoadImportError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw .badBoundary(reason: .boundaryNotJSON(detail: error.localizedDescription))
        }
        var polygons: [GeoPolygon] = []
        try Self.collect(object, path: "$", into: &polygons)
        guard !polygons.isEmpty else { throw .badBoundary(reason: .boundaryNoPolygon) }
        self.init(polygons: polygons)
    }

    private static func collect(_ value: Any, path: String, into polygons: inout [GeoPolygon]) throws(RoadImportError) {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw .badBoundary(reason: .boundaryNoType(path: path))
        }
        switch type {
        case "FeatureCollection":
            let features = object["features"] as? [Any] ?? []
            for (i, f) in features.enumerated() { try collect(f, path: "\(path).features[\(i)]", into: &polygons) }
        case "Feature":
            if let geometry = object["geometry"], !(geometry is NSNull) { try collect(geometry, path: "\(path).geometry", into: &polygons) }
        case "Polygon":
            polygons.append(try polygon(object["coordinates"], path: "\(path).coordinates"))
        case "MultiPolygon":
            let parts = object["coordinates"] as? [Any] ?? []
            for (i, p) in parts.enumerated() { polygons.append(try polygon(p, path: "\(path).coordinates[\(i)]")) }
        default:
            break // points and lines bound nothing
        }
    }

    private static func polygon(_ value: Any?, path: String) throws(RoadImportError) -> GeoPolygon {
        guard let rings = value as? [[Any]], !rings.isEmpty else { throw .badBoundary(reason: .boundaryNoRing(path: path)) }
        var out: [[GeoCoordinate]] = []
        for (r, ring) in rings.enumerated() {
            var points: [GeoCoordinate] = []
            for (k, position) in ring.enumerated() {
                guard let pair = position as? [Double], pair.count >= 2, (-180...180).contains(pair[0]), (-90...90).contains(pair[1]) else {
                    throw .badBoundary(reason: .boundaryPosition(path: "\(path)[\(r)][\(k)]"))
                }
                points.append(GeoCoordinate(latitude: pair[1], longitude: pair[0]))
            }
            guard points.count >= 4 else { throw .badBoundary(reason: .boundaryRingTooShort(path: "\(path)[\(r)]")) }
            out.append(points)
        }
        return GeoPolygon(outer: out[0], holes: Array(out.dropFirst()))
    }
}

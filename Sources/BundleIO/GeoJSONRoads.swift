import Foundation
import ReserveModel

/// `roads.geojson`: a FeatureCollection of LineStrings, one per road segment, as
/// GIS tools (QGIS) export them. Properties: `from`, `to` (node ids; optional),
/// `length_km` (optional: measured along the line), `class`, `speed_kmh`, `oneway`.
/// Endpoints without ids become nodes named `g<n>` in order of first appearance,
/// merged when their coordinates agree to 1e-6°.
struct GeoJSONRoadCollection: Codable {
    struct Geometry: Codable {
        var type: String
        var coordinates: [[Double]]
    }

    struct Properties: Codable {
        var from: String?
        var to: String?
        var lengthKm: Double?
        var roadClass: String?
        var speedKmh: Double?
        var oneway: Bool?

        enum CodingKeys: String, CodingKey {
            case from, to, lengthKm = "length_km", roadClass = "class", speedKmh = "speed_kmh", oneway
        }
    }

    struct Feature: Codable {
        var type = "Feature"
        var geometry: Geometry
        var properties: Properties
    }

    var type = "FeatureCollection"
    var features: [Feature]
}

extension DirectoryBundleReader {
    mutating func readGeoJSONRoads(_ file: String, nodes given: [RoadNodeRecord]) -> (nodes: [RoadNodeRecord], edges: [RoadEdgeRecord]) {
        locator.files[.roadEdges] = file
        locator.roadsFromGeoJSON = true
        guard let data = files.data(file) else {
            fileProblem(.roadEdges, "file.missingOrUnreadable", ["file": file])
            return (given, [])
        }
        let collection: GeoJSONRoadCollection
        do {
            collection = try JSONDecoder().decode(GeoJSONRoadCollection.self, from: data)
        } catch {
            let (path, code, arguments) = BundleJSON.describe(error)
            problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .roadEdges),
                                              location: ProblemLocation(file: file, jsonPath: path), code: code, arguments: arguments))
            return (given, [])
        }
        var nodes = given
        var byCoordinate: [String: RoadNodeID] = [:]
        func nodeID(_ c: [Double]) -> RoadNodeID {
            let key = "\((c[1] * 1e6).rounded()),\((c[0] * 1e6).rounded())"
            if let id = byCoordinate[key] { return id }
            let id = RoadNodeID("g\(byCoordinate.count + 1)")
            byCoordinate[key] = id
            nodes.append(RoadNodeRecord(id: id, lat: c[1], lon: c[0]))
            return id
        }
        var edges: [RoadEdgeRecord] = []
        for (i, f) in collection.features.enumerated() {
            let coords = f.geometry.coordinates
            guard f.geometry.type == "LineString", coords.count >= 2, coords.allSatisfy({ $0.count >= 2 }) else {
                problems.append(ValidationProblem(severity: .error, subject: RecordReference(table: .roadEdges, index: i),
                                                  code: "geojson.roadFeature", arguments: ["feature": "\(i)"]))
                edges.append(RoadEdgeRecord(from: "", to: "", lengthKm: 0, roadClass: "", speedKmh: nil))
                continue
            }
            let p = f.properties
            let from = p.from.map(RoadNodeID.init) ?? nodeID(coords[0])
            let to = p.to.map(RoadNodeID.init) ?? nodeID(coords[coords.count - 1])
            var length = 0.0
            for k in 1..<coords.count {
                length += GeoPoint(lat: coords[k - 1][1], lon: coords[k - 1][0]).distanceKm(to: GeoPoint(lat: coords[k][1], lon: coords[k][0]))
            }
            edges.append(RoadEdgeRecord(from: from, to: to, lengthKm: p.lengthKm ?? length, roadClass: p.roadClass ?? "county",
                                        speedKmh: p.speedKmh, oneway: p.oneway ?? false))
        }
        return (nodes, edges)
    }
}

enum GeoJSONRoadWriter {
    /// Straight two-point LineStrings with every property, so reading back gives
    /// the same rows.
    static func encode(edges: [RoadEdgeRecord], nodes: [RoadNodeRecord]) throws -> Data {
        var position: [RoadNodeID: [Double]] = [:]
        for n in nodes { position[n.id] = [n.lon, n.lat] }
        let features = edges.map { e in
            GeoJSONRoadCollection.Feature(
                geometry: .init(type: "LineString", coordinates: [position[e.from] ?? [0, 0], position[e.to] ?? [0, 0]]),
                properties: .init(from: e.from.rawValue, to: e.to.rawValue, lengthKm: e.lengthKm, roadClass: e.roadClass,
                                  speedKmh: e.speedKmh, oneway: e.oneway))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(GeoJSONRoadCollection(features: features))
        data.append(0x0A)
        return data
    }
}

import Foundation
import RoadNetwork

/// Which dBASE fields hold what, and what their values mean (`--class-field`,
/// `--speed-field`, `--oneway-field`, … or a JSON file with the same keys in
/// snake_case).
public struct ShapefileMapping: Hashable, Sendable, Codable {
    /// Road class field; its values are OSM `highway` values, Chinese class names
    /// (高速公路, 国道, 省道, 县道, 乡道, 村道), bundle classes (expressway … urban), or
    /// keys of ``classes``.
    public var classField = "highway"
    /// Speed in km/h or an OSM `maxspeed` value; empty = class speed.
    public var speedField: String? = "maxspeed"
    /// One-way flag field.
    public var onewayField: String? = "oneway"
    /// Values meaning one-way in drawing direction (OSM `yes`, Esri `FT`).
    public var onewayForward = ["yes", "true", "1", "FT", "T"]
    /// Values meaning one-way against drawing direction (OSM `-1`, Esri `TF`).
    public var onewayBackward = ["-1", "TF"]
    /// Street name field.
    public var nameField: String? = "name"
    /// Structure fields (any value but empty, `no`, `0`, `false`, `F`, `N` counts).
    public var bridgeField: String? = "bridge", tunnelField: String? = "tunnel", fordField: String? = "ford"
    /// Extra class values → OSM `highway` value (e.g. `{"G": "trunk", "S": "primary"}`).
    public var classes: [String: String] = [:]

    /// The defaults above.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case classField = "class_field", speedField = "speed_field", onewayField = "oneway_field", onewayForward = "oneway_forward"
        case onewayBackward = "oneway_backward", nameField = "name_field", bridgeField = "bridge_field", tunnelField = "tunnel_field"
        case fordField = "ford_field", classes
    }

    /// Decodes a mapping JSON; absent keys keep the defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ShapefileMapping()
        classField = try c.decodeIfPresent(String.self, forKey: .classField) ?? d.classField
        speedField = try c.decodeIfPresent(String.self, forKey: .speedField) ?? d.speedField
        onewayField = try c.decodeIfPresent(String.self, forKey: .onewayField) ?? d.onewayField
        onewayForward = try c.decodeIfPresent([String].self, forKey: .onewayForward) ?? d.onewayForward
        onewayBackward = try c.decodeIfPresent([String].self, forKey: .onewayBackward) ?? d.onewayBackward
        nameField = try c.decodeIfPresent(String.self, forKey: .nameField) ?? d.nameField
        bridgeField = try c.decodeIfPresent(String.self, forKey: .bridgeField) ?? d.bridgeField
        tunnelField = try c.decodeIfPresent(String.self, forKey: .tunnelField) ?? d.tunnelField
        fordField = try c.decodeIfPresent(String.self, forKey: .fordField) ?? d.fordField
        classes = try c.decodeIfPresent([String: String].self, forKey: .classes) ?? d.classes
    }

    /// The OSM `highway` value a class cell stands for, nil when unknown.
    func highway(for value: String, speeds: OSMSpeeds) -> String? {
        if let mapped = classes[value] { return mapped }
        if speeds[value] != nil { return value }
        if let chinese = OSMSpeeds.chineseClasses[value] { return chinese[0] }
        guard let cls = RoadClass(parsing: value) else { return nil }
        switch cls {
        case .expressway: return "motorway"
        case .national: return "trunk"
        case .provincial: return "primary"
        case .county: return "secondary"
        case .township: return "tertiary"
        case .village: return "unclassified"
        case .urban: return "residential"
        }
    }
}

/// Imports road lines from an ESRI shapefile: features become ways, vertices that
/// coincide within `toleranceMetres` become one node (so lines meeting at an
/// endpoint or a shared vertex connect), then the network is built like an OSM
/// import (split at junctions, largest strongly connected component, contraction).
public enum ShapefileImporter {
    /// Imports `path` (.shp with its .shx, .dbf, optional .prj and .cpg).
    public static func importFile(path: String, mapping: ShapefileMapping = ShapefileMapping(), options: OSMImportOptions = OSMImportOptions(),
                                  encoding: TextEncoding? = nil, toleranceMetres: Double = 1) throws(RoadImportError) -> (network: ImportedRoadNetwork, info: ShapefileReader.Info) {
        let (features, info) = try ShapefileReader.read(path: path, encoding: encoding)
        guard features.first.map({ $0.attributes[mapping.classField] != nil }) ?? true else {
            let fields = features[0].attributes.keys.sorted().joined(separator: ", ")
            throw .badShapefile(file: path, offset: nil, reason: .noClassField(field: mapping.classField, fields: fields))
        }
        var builder = OSMNetworkBuilder(options: options, nodePrefix: "s")
        var joiner = VertexJoiner(toleranceMetres: toleranceMetres)
        var ways: [KeptWay] = []
        var refs = WayRefs()
        for feature in features {
            let value = feature.attributes[mapping.classField] ?? ""
            guard let highway = mapping.highway(for: value, speeds: options.speeds) else {
                builder.report.waysSkipped += 1
                builder.report.skippedClasses[value, default: 0] += 1
                continue
            }
            let attributes = wayAttributes(feature.attributes, highway: highway, mapping: mapping, profile: options.profile)
            builder.report.waysByHighway[highway, default: 0] += 1
            for part in feature.parts {
                ways.append(KeptWay(id: Int64(feature.record), attributes: attributes))
                refs.append(part.map { joiner.id(of: $0) })
            }
        }
        var nodes = WayNodes(refs: refs)
        for (id, coordinate) in joiner.coordinates.enumerated() {
            nodes.set(KeptNode(coordinate: coordinate, blocks: false, ford: false), id: Int64(id + 1))
        }
        let network = try builder.build(ways: ways, nodes: nodes)
        return (network, info)
    }

    static func wayAttributes(_ a: [String: String], highway: String, mapping: ShapefileMapping, profile: OSMProfile) -> OSMWayAttributes {
        func cell(_ field: String?) -> String? { field.flatMap { a[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
        func flag(_ field: String?) -> Bool {
            guard let v = cell(field) else { return false }
            return !["no", "0", "false", "f", "n"].contains(v.lowercased())
        }
        var direction = OSMWayAttributes.Direction.both
        if let v = cell(mapping.onewayField) {
            if mapping.onewayForward.contains(v) { direction = .forward } else if mapping.onewayBackward.contains(v) { direction = .backward }
        }
        let speed = cell(mapping.speedField).flatMap(OSMTagRules.maxspeedKmh(parsing:)).map { min($0, profile.maxSpeedKmh) }
        return OSMWayAttributes(highway: highway, direction: direction, maxspeedKmh: speed, ferryHours: nil, bridge: flag(mapping.bridgeField),
                                tunnel: flag(mapping.tunnelField), ford: flag(mapping.fordField), name: OSMTagRules.roadName(cell(mapping.nameField) ?? ""))
    }
}

/// Gives coinciding vertices (within a tolerance) one id, via a grid of cells the
/// size of the tolerance and a look at the 3 × 3 cells around each vertex.
struct VertexJoiner {
    let toleranceKm: Double
    let cellDegrees: Double
    var coordinates: [GeoCoordinate] = []
    var cells: [SIMD2<Int64>: [Int]] = [:]

    init(toleranceMetres: Double) {
        toleranceKm = max(toleranceMetres, 1e-6) / 1000
        cellDegrees = toleranceKm / 111.0 * 2 // a cell at least as wide as the tolerance, even at 60° N
    }

    mutating func id(of p: GeoCoordinate) -> Int64 {
        let cx = Int64((p.longitude / cellDegrees).rounded(.down)), cy = Int64((p.latitude / cellDegrees).rounded(.down))
        var best: (Int, Double)?
        for dx in -1...1 { for dy in -1...1 {
            for i in cells[SIMD2(cx + Int64(dx), cy + Int64(dy))] ?? [] {
                let d = coordinates[i].distanceKm(to: p)
                if d <= toleranceKm, d < (best?.1 ?? .infinity) { best = (i, d) }
            }
        } }
        if let best { return Int64(best.0 + 1) }
        coordinates.append(p)
        cells[SIMD2(cx, cy), default: []].append(coordinates.count - 1)
        return Int64(coordinates.count)
    }
}

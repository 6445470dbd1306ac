/// Reads a road network from a GeoJSON `FeatureCollection` of `LineString` (or
/// `MultiLineString`) features.
///
/// Each line is one road between its first and last vertex; lines that share an
/// endpoint (to 1e-7°, about a centimetre) share a node, and interior vertices only
/// shape the geometry. Properties (all optional): `class` (or `highway`,
/// `road_class`), `speed_kmh` (or `speed`, `maxspeed`), `oneway` (`true`/`yes`/`1`,
/// or `-1` for one-way against the drawing direction), and `length_km` (or
/// `length`); without a length, the haversine length of the geometry is used.
/// Node names are `n0`, `n1`, … in order of first appearance, unless the features
/// carry `from`/`to` properties naming their endpoints.
public enum GeoJSONRoadReader {
    /// Parses GeoJSON text.
    /// - Throws: ``GraphReadError`` listing every malformed feature by line.
    /// - Complexity: O(size of the text).
    public static func read(_ text: String, file: String = "<geojson>", speeds: SpeedTable = .standard) throws(GraphReadError) -> RoadGraph {
        var log = ProblemLog(file: file)
        let root: LineJSON
        do throws(LineJSON.SyntaxError) { root = try LineJSON.parse(text) } catch {
            throw GraphReadError(problems: [.init(file: file, line: error.line, reason: error.reason)])
        }
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array else {
            throw GraphReadError(problems: [.init(file: file, line: root.line, reason: .notFeatureCollection)])
        }
        var builder = RoadGraphBuilder()
        var nodeAt: [Key: NodeID] = [:]
        func node(_ c: GeoCoordinate, name: String?) -> NodeID {
            let key = Key(c)
            if let existing = nodeAt[key] { return existing }
            let id = builder.addNode(named: name ?? "n\(builder.nodeCount)", at: c)
            nodeAt[key] = id
            return id
        }
        for (index, feature) in features.enumerated() {
            let line = feature.line
            let place = index
            guard feature["type"]?.string == "Feature" else { log.add(line, .notFeature(feature: place)); continue }
            guard let geometry = feature["geometry"], !geometry.isNull else { log.add(line, .noGeometry(feature: place)); continue }
            let parts: [LineJSON]
            switch geometry["type"]?.string {
            case "LineString": parts = [geometry["coordinates"] ?? .null(line: geometry.line)]
            case "MultiLineString": parts = geometry["coordinates"]?.array ?? [.null(line: geometry.line)]
            default:
                log.add(geometry.line, geometry["type"]?.string.map { .geometryType(feature: place, type: $0) } ?? .geometryTypeMissing(feature: place))
                continue
            }
            let properties = feature["properties"] ?? .null(line: line)
            guard let attributes = attributes(properties, place: place, log: &log) else { continue }
            for part in parts {
                guard let points = positions(part, place: place, log: &log) else { continue }
                var length = attributes.length ?? 0
                if attributes.length == nil {
                    for k in 1..<points.count { length += points[k - 1].distanceKm(to: points[k]) }
                }
                var a = node(points[0], name: properties["from"]?.string)
                var b = node(points[points.count - 1], name: properties["to"]?.string)
                if attributes.reversed { swap(&a, &b) }
                try? builder.addRoad(from: a, to: b, lengthKm: length, roadClass: attributes.roadClass,
                                     speedKmh: attributes.speed, oneWay: attributes.oneWay) // validated
            }
            if log.isFull { break }
        }
        if !log.problems.isEmpty { throw GraphReadError(problems: log.problems) }
        return builder.build(speeds: speeds)
    }

    struct Key: Hashable {
        var lat: Int64, lon: Int64
        init(_ c: GeoCoordinate) { lat = Int64((c.latitude * 1e7).rounded()); lon = Int64((c.longitude * 1e7).rounded()) }
    }

    struct Attributes {
        var roadClass = RoadClass.county
        var speed: Double?
        var oneWay = false
        var reversed = false
        var length: Double?
    }

    static func attributes(_ p: LineJSON, place: Int, log: inout ProblemLog) -> Attributes? {
        var a = Attributes()
        func first(_ keys: String...) -> LineJSON? { keys.lazy.compactMap { p[$0] }.first { !$0.isNull } }
        if let c = first("class", "road_class", "highway") {
            guard let name = c.string, let parsed = RoadClass(parsing: name) else {
                log.add(c.line, c.string.map { .unknownClassName(feature: place, value: $0) } ?? .classNotText(feature: place)); return nil
            }
            a.roadClass = parsed
        }
        if let s = first("speed_kmh", "speed", "maxspeed") {
            guard let v = s.number ?? s.string.flatMap({ Double($0) }), v > 0, v.isFinite else {
                log.add(s.line, .speedNotPositive(feature: place)); return nil
            }
            a.speed = v
        }
        if let o = first("oneway", "one_way") {
            switch o {
            case let .bool(b, _): a.oneWay = b
            case let .number(x, _) where x == 0 || x == 1: a.oneWay = x == 1
            case let .number(x, _) where x == -1: a.oneWay = true; a.reversed = true
            case let .string(s, _):
                if s == "-1" { a.oneWay = true; a.reversed = true }
                else if let b = CSVEdgeListReader.parseBool(Substring(s)) { a.oneWay = b }
                else { log.add(o.line, .onewayValue(feature: place)); return nil }
            default: log.add(o.line, .onewayValue(feature: place)); return nil
            }
        }
        if let l = first("length_km", "length") {
            guard let v = l.number, v >= 0, v.isFinite else { log.add(l.line, .lengthNotNumber(feature: place)); return nil }
            a.length = v
        }
        return a
    }

    static func positions(_ value: LineJSON, place: Int, log: inout ProblemLog) -> [GeoCoordinate]? {
        guard let array = value.array, array.count >= 2 else {
            log.add(value.line, .lineTooShort(feature: place)); return nil
        }
        var points: [GeoCoordinate] = []
        for p in array {
            guard let xy = p.array, xy.count >= 2, let lon = xy[0].number, let lat = xy[1].number else {
                log.add(p.line, .positionShape(feature: place)); return nil
            }
            let c = GeoCoordinate(latitude: lat, longitude: lon)
            guard c.isValid else { log.add(p.line, .positionOutOfRange(feature: place, coordinate: "\(c)")); return nil }
            points.append(c)
        }
        return points
    }
}

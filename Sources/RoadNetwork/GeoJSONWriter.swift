/// A minimal writer for the GeoJSON this module emits (no Foundation, deterministic
/// key order, shortest round-tripping numbers).
struct GeoJSONWriter {
    enum Value {
        case number(Double)
        case string(String)
        case int(Int)
    }

    private(set) var text = ""
    private var featureCount = 0
    private var inCollection = false

    mutating func beginCollection() {
        text += #"{"type":"FeatureCollection","features":["#
        inCollection = true
    }

    mutating func endCollection() {
        text += "]}"
        inCollection = false
    }

    mutating func feature(properties: [(String, Value)], geometry: (inout GeoJSONWriter) -> Void) {
        if inCollection && featureCount > 0 { text += "," }
        featureCount += 1
        text += #"{"type":"Feature","properties":{"#
        for (i, (key, value)) in properties.enumerated() {
            if i > 0 { text += "," }
            text += Self.quoted(key) + ":"
            switch value {
            case let .number(x): text += Self.number(x)
            case let .int(x): text += String(x)
            case let .string(s): text += Self.quoted(s)
            }
        }
        text += #"},"geometry":"#
        geometry(&self)
        text += "}"
    }

    mutating func point(_ c: GeoCoordinate) {
        text += #"{"type":"Point","coordinates":"# + Self.position(c) + "}"
    }

    mutating func multiPoint(_ cs: [GeoCoordinate]) {
        text += #"{"type":"MultiPoint","coordinates":["# + cs.map(Self.position).joined(separator: ",") + "]}"
    }

    mutating func lineString(_ cs: [GeoCoordinate]) {
        text += #"{"type":"LineString","coordinates":["# + cs.map(Self.position).joined(separator: ",") + "]}"
    }

    mutating func polygon(_ ring: [GeoCoordinate]) {
        var closed = ring
        if let first = ring.first, ring.last != first { closed.append(first) }
        text += #"{"type":"Polygon","coordinates":[["# + closed.map(Self.position).joined(separator: ",") + "]]}"
    }

    static func position(_ c: GeoCoordinate) -> String { "[\(number(c.longitude)),\(number(c.latitude))]" }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// The convex hull of points in the longitude/latitude plane, counter-clockwise,
/// by Andrew's monotone chain.
/// - Complexity: O(k log k).
public func convexHull(_ points: [GeoCoordinate]) -> [GeoCoordinate] {
    let p = Array(Set(points)).sorted { ($0.longitude, $0.latitude) < ($1.longitude, $1.latitude) }
    guard p.count >= 3 else { return p }
    func cross(_ o: GeoCoordinate, _ a: GeoCoordinate, _ b: GeoCoordinate) -> Double {
        (a.longitude - o.longitude) * (b.latitude - o.latitude) - (a.latitude - o.latitude) * (b.longitude - o.longitude)
    }
    var hull: [GeoCoordinate] = []
    for point in p {
        while hull.count >= 2 && cross(hull[hull.count - 2], hull[hull.count - 1], point) <= 0 { hull.removeLast() }
        hull.append(point)
    }
    let lowerCount = hull.count + 1
    for point in p.reversed().dropFirst() {
        while hull.count >= lowerCount && cross(hull[hull.count - 2], hull[hull.count - 1], point) <= 0 { hull.removeLast() }
        hull.append(point)
    }
    hull.removeLast()
    return hull
}

import EmergencyReserve
import Foundation

/// A query endpoint: the text the user gave and the node it resolved to.
struct RoutePoint {
    var name: String
    var node: NodeID
    var snap: SnappedPoint?
}

/// The JSON document `reserve route --to` prints (schema version 1).
struct RouteReport: Encodable {
    struct Snap: Encodable {
        var node: String
        var distanceKm: Double
        var far: Bool
    }

    var schemaVersion = 1
    var from: String
    var to: String
    var reachable: Bool
    /// Length of the route in `lengthUnit`; nil when unreachable.
    var distance: Double?
    /// Travel time in hours; for plain-length graphs it equals the distance.
    var hours: Double?
    var lengthUnit: String
    /// Hours of the straight access legs from snapped LAT,LON points (included in `hours`).
    var accessHours: Double?
    var path: [String]
    var edges: Int
    var fromSnap: Snap?
    var toSnap: Snap?

    init(graph: RoadGraph, from: RoutePoint, to: RoutePoint, route: Route?) {
        self.from = from.name
        self.to = to.name
        reachable = route != nil
        distance = route.map { Self.clean($0.length) }
        hours = route.map { Self.clean($0.hours) }
        lengthUnit = graph.lengthUnit == .kilometres ? "km" : "file unit"
        accessHours = (from.snap != nil || to.snap != nil) ? route.map { Self.clean($0.accessHours) } : nil
        path = route?.nodes.map { graph.name(of: $0) } ?? []
        edges = route?.edges.count ?? 0
        fromSnap = from.snap.map { Snap(node: graph.name(of: $0.node), distanceKm: Self.clean($0.distanceKm), far: $0.isFar) }
        toSnap = to.snap.map { Snap(node: graph.name(of: $0.node), distanceKm: Self.clean($0.distanceKm), far: $0.isFar) }
    }

    /// Rounds away summation noise (12 significant digits) so output is stable.
    static func clean(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x == 0 ? 0 : x }
        return Double(String(format: "%.12g", x)) ?? x
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, from, to, reachable, distance, hours, lengthUnit, accessHours, path, edges, fromSnap, toSnap
    }

    /// Writes `distance` and `hours` as `null` when unreachable, so the keys are always there.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(reachable, forKey: .reachable)
        try c.encode(distance, forKey: .distance)
        try c.encode(hours, forKey: .hours)
        try c.encode(lengthUnit, forKey: .lengthUnit)
        try c.encodeIfPresent(accessHours, forKey: .accessHours)
        try c.encode(path, forKey: .path)
        try c.encode(edges, forKey: .edges)
        try c.encodeIfPresent(fromSnap, forKey: .fromSnap)
        try c.encodeIfPresent(toSnap, forKey: .toSnap)
    }

    var text: String { text(HelpText.localizer) }

    func text(_ t: Localizer) -> String {
        guard reachable, let distance, let hours else {
            return t("route.unreachable", ["from": from, "to": to])
        }
        var fields: [(label: String, value: String)] = []
        if lengthUnit == "km" {
            fields.append((t("route.label.time"), Self.formatHours(hours, t)))
            fields.append((t("route.label.length"), t("route.km", ["value": String(format: "%.3f", distance)])))
        } else {
            fields.append((t("route.label.distance"), t("route.fileUnits", ["value": String(format: "%.6g", distance)])))
        }
        fields.append((t("route.label.path"), t("route.pathSize", ["nodes": "\(path.count)", "edges": "\(edges)"])))
        let shown = path.count <= 40 ? path : Array(path.prefix(20)) + ["…"] + Array(path.suffix(19))
        fields.append(("", shown.joined(separator: " → ")))
        // Labels padded to one column past the widest, at least 10 (a CJK character is two columns).
        func columns(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        let width = max(10, (fields.map { columns($0.label) }.max() ?? 0) + 1)
        return fields.map { $0.label + String(repeating: " ", count: width - columns($0.label)) + $0.value }.joined(separator: "\n")
    }

    static func formatHours(_ h: Double, _ t: Localizer = HelpText.localizer) -> String {
        let minutes = Int((h * 60).rounded())
        return t("route.hours", ["hours": "\(minutes / 60)", "minutes": String(format: "%02d", minutes % 60), "decimal": String(format: "%.4f", h)])
    }
}

/// The JSON document `reserve route --within` prints (schema version 1).
struct IsochroneReport: Encodable {
    struct Entry: Encodable {
        var node: String
        var hours: Double
    }

    var schemaVersion = 1
    var from: String
    var withinHours: Double
    var lengthUnit: String
    var count: Int
    var nodes: [Entry]

    init(graph: RoadGraph, from: RoutePoint, isochrone: Isochrone) {
        self.from = from.name
        withinHours = isochrone.limitHours
        lengthUnit = graph.lengthUnit == .kilometres ? "km" : "file unit"
        count = isochrone.count
        nodes = zip(isochrone.nodes, isochrone.hours).map { Entry(node: graph.name(of: $0), hours: RouteReport.clean($1)) }
    }

    var text: String { text(HelpText.localizer) }

    func text(_ t: Localizer) -> String {
        // Plain-length graphs (DIMACS, .cedge) measure "time" in their length unit.
        let unit = lengthUnit == "km" ? t("route.unit.hours") : t("route.unit.file")
        var lines = [t("route.reachable", ["count": "\(count)", "from": from, "limit": "\(withinHours)", "unit": unit])]
        for entry in nodes.prefix(20) { lines.append("  \(entry.node)  \(String(format: "%.4f", entry.hours)) \(unit)") }
        if nodes.count > 20 { lines.append("  " + t("route.more", ["count": "\(nodes.count - 20)"])) }
        return lines.joined(separator: "\n")
    }
}

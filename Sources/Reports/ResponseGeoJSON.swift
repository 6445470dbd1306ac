import ReserveModel
import Response

/// The response as a GeoJSON FeatureCollection that opens in QGIS or geojson.io:
/// depots (points), affected areas coloured by relief status (points), shipments as
/// lines along their roads, and team assignments as straight lines. Styling follows
/// the simplestyle convention (`marker-color`, `stroke`, `stroke-width`).
public enum ResponseGeoJSON {
    /// Colours used for statuses, here and in the HTML map.
    static let met = "#2e7d32", partial = "#f9a825", unmet = "#c62828", late = "#ef6c00", depot = "#1565c0", team = "#6a1b9a"

    /// Renders the collection (keys sorted, coordinates rounded to 1e-6°).
    public static func render(_ r: ScenarioResponse, report: ResponseReport) -> String {
        var features: [String] = []
        let p = r.goodsProblem
        var shippedTons = [Double](repeating: 0, count: p.sources.count)
        for o in r.goods.orders { shippedTons[o.source] += o.quantity * p.items[o.item].unitWeightTons }
        var seenDepots = Set<String>()
        for (s, place) in r.sourcePlaces.enumerated() {
            guard let location = place.location, seenDepots.insert(place.id + p.sources[s].kind.rawValue).inserted else { continue }
            features.append(feature(point: location, properties: [
                ("kind", .string("depot")), ("id", .string(place.id)), ("name", .string(place.name)),
                ("mode", .string(p.sources[s].kind.rawValue)), ("shippedTonnes", .number(shippedTons[s])),
                ("marker-color", .string(depot)), ("marker-symbol", .string("warehouse")),
            ]))
        }
        for f in report.fulfilment {
            guard let location = r.areaPlaces[f.area]?.location else { continue }
            let colour = f.reliefMet ? met : (f.byDeadline > 0 ? partial : unmet)
            features.append(feature(point: location, properties: [
                ("kind", .string("area")), ("id", .string(f.area.rawValue)), ("name", .string(f.areaName)),
                ("incident", .string(f.incident.rawValue)), ("deadlineHours", .number(f.deadlineHours)),
                ("byDeadline", .number(f.byDeadline)), ("reliefMet", .bool(f.reliefMet)),
                ("status", .string(f.reliefMet ? "met" : (f.byDeadline > 0 ? "partial" : "unmet"))),
                ("marker-color", .string(colour)),
            ]))
        }
        // One line per used route, with its orders summarised.
        var ordersOfRoute: [Int: [GoodsPlan.Order]] = [:]
        for o in r.goods.orders { ordersOfRoute[o.route, default: []].append(o) }
        for route in ordersOfRoute.keys.sorted() {
            guard let line = r.routeGeometry[route], line.count >= 2, let orders = ordersOfRoute[route] else { continue }
            let onTime = orders.allSatisfy(\.onTime)
            let summary = orders.map { "\(p.items[$0.item].id) \(stable($0.quantity))" }.joined(separator: ", ")
            features.append(feature(line: line, properties: [
                ("kind", .string("shipment")), ("from", .string(p.sources[p.routes[route].source].id.rawValue)),
                ("to", .string(p.areas[p.routes[route].area].id.rawValue)), ("items", .string(summary)),
                ("etaHours", .number(orders.map(\.etaHours).max() ?? 0)), ("onTime", .bool(onTime)),
                ("distanceKm", .number(p.routes[route].distanceKm)),
                ("stroke", .string(onTime ? met : late)), ("stroke-width", .number(3)),
            ]))
        }
        for o in r.teams.outcomes {
            let req = r.teamProblem.requirements[o.requirement]
            guard let to = r.areaPlaces[req.area]?.location else { continue }
            for a in o.assignments {
                guard let from = r.teamPlaces[a.team].location else { continue }
                features.append(feature(line: [from, to], properties: [
                    ("kind", .string("team")), ("team", .string(r.teamProblem.teams[a.team].id.rawValue)),
                    ("name", .string(r.teamPlaces[a.team].name)), ("area", .string(req.area.rawValue)),
                    ("specialty", .string(req.specialty.rawValue)), ("arrivalHours", .number(a.arrivalHours)),
                    ("onTime", .bool(a.onTime)), ("stroke", .string(team)), ("stroke-width", .number(1.5)),
                ]))
            }
        }
        return "{\"features\":[\n" + features.joined(separator: ",\n") + "\n],\"type\":\"FeatureCollection\"}\n"
    }

    enum Value {
        case string(String), number(Double), bool(Bool)
        var json: String {
            switch self {
            case let .string(s): return jsonString(s)
            case let .number(x): return ResponseGeoJSON.number(stable(x))
            case let .bool(b): return b ? "true" : "false"
            }
        }
    }

    static func properties(_ list: [(String, Value)]) -> String {
        "{" + list.sorted { $0.0 < $1.0 }.map { "\(jsonString($0.0)):\($0.1.json)" }.joined(separator: ",") + "}"
    }

    static func feature(point: GeoPoint, properties list: [(String, Value)]) -> String {
        "{\"geometry\":{\"coordinates\":\(coordinate(point)),\"type\":\"Point\"},\"properties\":\(properties(list)),\"type\":\"Feature\"}"
    }

    static func feature(line: [GeoPoint], properties list: [(String, Value)]) -> String {
        "{\"geometry\":{\"coordinates\":[\(line.map(coordinate).joined(separator: ","))],\"type\":\"LineString\"},\"properties\":\(properties(list)),\"type\":\"Feature\"}"
    }

    static func coordinate(_ p: GeoPoint) -> String { "[\(number(stable(p.lon))),\(number(stable(p.lat)))]" }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

/// A JSON string literal with the escapes JSON requires.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

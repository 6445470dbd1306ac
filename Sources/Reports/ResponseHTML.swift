import Foundation
import Localization
import ReserveModel
import Response

/// One self-contained HTML file: an SVG map (roads, depots, areas by status, routes),
/// the tables, and a chart of delivered share of need over time against the deadlines.
public enum ResponseHTML {
    /// Renders the report. `roads` are drawn faintly under the map when given.
    public static func render(_ r: ScenarioResponse, report: ResponseReport, roads: [[GeoPoint]] = [], language: Language = .en) -> String {
        let w = Wording(language)
        let clock = ScenarioClock(report.scenario.start)
        var html = """
        <!DOCTYPE html>
        <html lang="\(w("html.lang"))"><head><meta charset="utf-8">
        <title>\(escape(report.scenario.name)) — EmergencyReserve</title>
        <style>
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimHei,system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;font-size:13px;margin:4px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.met{color:#2e7d32;font-weight:600}.unmet{color:#c62828;font-weight:600}
        .verdict{font-size:16px;padding:8px 12px;border-radius:6px;display:inline-block;margin:8px 0}
        .ok{background:#e8f5e9}.bad{background:#ffebee}.muted{color:#777;font-size:12px}
        .legend span{display:inline-block;margin-right:14px;font-size:12px}
        </style></head><body>
        """
        let s = report.summary
        html += "<h1>\(escape(report.scenario.name))</h1>"
        html += "<div class=\"muted\">" + escape(w("html.scenarioLine", ["id": report.scenario.id, "hazard": w.hazard(report.scenario.hazard),
                                                                        "level": w.level(report.scenario.responseLevel),
                                                                        "start": report.scenario.start])) + "</div>"
        if let policy = report.policy {
            html += "<div class=\"muted\">" + escape(w("html.policy", ["name": policy.name, "source": policy.source])) + "</div>"
        }
        html += "<div class=\"verdict \(s.allTargetsMet ? "ok" : "bad")\">"
            + escape(w("html.verdict", ["verdict": w(s.allTargetsMet ? "html.allMet" : "html.notMet"), "met": "\(s.areasMeetingRelief)",
                                        "areas": "\(s.areas)", "fulfilment": w.percent(s.fulfilment), "teamsMet": "\(s.teamRequirementsMet)",
                                        "teams": "\(s.teamRequirements)"])) + "</div>"
        html += "<h2>\(escape(w("html.map")))</h2>" + map(r, report: report, roads: roads, w: w)
        html += "<div class=\"legend\"><span style=\"color:#1565c0\">■ \(escape(w("html.legendDepot")))</span><span style=\"color:#2e7d32\">● \(escape(w("html.legendMet")))</span><span style=\"color:#f9a825\">● \(escape(w("html.legendPartly")))</span><span style=\"color:#c62828\">● \(escape(w("html.legendNotServed")))</span><span style=\"color:#2e7d32\">— \(escape(w("html.legendOnTime")))</span><span style=\"color:#ef6c00\">— \(escape(w("html.legendLate")))</span><span style=\"color:#6a1b9a\">┄ \(escape(w("html.legendTeam")))</span></div>"
        html += "<h2>\(escape(w("html.delivered")))</h2>" + chart(r, w: w)
        let met = "<span class=met>\(escape(w("html.met")))</span>"
        html += "<h2>\(escape(w("html.reliefTitle")))</h2>" + table(["html.area", "html.incident", "html.deadline", "html.byDeadline", "html.allDelivered", "html.relief"].map { w($0) },
            numeric: [2, 3, 4],
            rows: report.fulfilment.map { [$0.areaName, $0.incident.rawValue, w.clock($0.deadlineHours, clock), w.percent($0.byDeadline),
                                           $0.fullyServedAtHours.map { w.clock($0, clock) } ?? w("areas.never"),
                                           $0.reliefMet ? met : "<span class=unmet>\(escape(w("html.notMetRelief")))</span>"] },
            raw: [5])
        html += "<h2>\(escape(w("html.teamsTitle")))</h2>" + table(["html.area", "html.specialty", "html.need", "html.onTime", "html.teamsArrival", "html.status"].map { w($0) },
            numeric: [2, 3],
            rows: report.teams.map { t in [t.areaName, w.hazard(t.specialty.rawValue), "\(t.headcount)", "\(t.headcountOnTime)",
                                           w.list(t.assigned.map { w("html.teamArrival", ["team": $0.teamName, "arrival": w.clock($0.arrivalHours, clock)]) }),
                                           t.met ? met : "<span class=unmet>\(escape(t.why.map(w.sentence) ?? w("teams.notMet")))</span>"] },
            raw: [5])
        html += "<h2>\(escape(w("html.ordersTitle", ["count": "\(report.orders.count)"])))</h2>"
            + table(["html.from", "html.to", "html.item", "html.quantity", "html.departs", "html.eta", "html.trucks", "html.km"].map { w($0) },
                    numeric: [3, 4, 5, 6, 7],
            rows: report.orders.map { [$0.fromName, $0.toName, $0.itemName, w.number($0.quantity) + " " + $0.unit,
                                       w.clock($0.departureHours, clock), w.clock($0.etaHours, clock) + ($0.onTime ? "" : w("html.lateSuffix")),
                                       $0.trucks.map { w.number($0) } ?? "", w.number($0.distanceKm)] })
        if !report.shortfalls.isEmpty {
            html += "<h2>\(escape(w("html.shortfallsTitle")))</h2>"
                + table(["html.area", "html.item", "html.short", "html.shortAtHorizon", "html.why"].map { w($0) }, numeric: [2, 3],
                rows: report.shortfalls.map { [$0.areaName, $0.itemName, w.number($0.quantity) + " " + $0.unit,
                                               w.number($0.quantityAtHorizon), w.sentence($0.why)] })
        }
        if !report.marginalValues.isEmpty {
            html += "<h2>\(escape(w("marginal.title")))</h2>" + table(["html.depot", "html.item", "html.marginal"].map { w($0) }, numeric: [2],
                rows: report.marginalValues.prefix(15).map { [$0.depotName, $0.itemName, ResponseText.format6($0.value)] })
        }
        if !report.warnings.isEmpty {
            html += "<h2>\(escape(w("warnings.title")))</h2><ul>" + report.warnings.map { "<li>\(escape(WarningText.render($0, w)))</li>" }.joined() + "</ul>"
        }
        html += "<p class=\"muted\">" + escape(w("html.footer", ["rows": "\(report.model.rows)", "columns": "\(report.model.columns)",
                                                                 "nonZeros": "\(report.model.nonZeros)", "status": w.status(report.status)])) + "</p>"
        html += "</body></html>\n"
        return html
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func table(_ header: [String], numeric: Set<Int> = [], rows: [[String]], raw: Set<Int> = []) -> String {
        var out = "<table><tr>" + header.enumerated().map { "<th\(numeric.contains($0) ? " class=n" : "")>\(escape($1))</th>" }.joined() + "</tr>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { k, cell in
                "<td\(numeric.contains(k) ? " class=n" : "")>\(raw.contains(k) ? cell : escape(cell))</td>"
            }.joined() + "</tr>"
        }
        return out + "</table>"
    }

    /// An equirectangular projection fitted to the points, y up.
    struct Projection {
        let minLon: Double, maxLat: Double, scale: Double, kx: Double
        init(points: [GeoPoint], width: Double, height: Double) {
            let lats = points.map(\.lat), lons = points.map(\.lon)
            let minLat = lats.min() ?? 0, maxLat = lats.max() ?? 1
            let minLon = lons.min() ?? 0, maxLon = lons.max() ?? 1
            kx = cos((minLat + maxLat) / 2 * .pi / 180)
            let spanX = max((maxLon - minLon) * kx, 1e-6), spanY = max(maxLat - minLat, 1e-6)
            scale = min(width / spanX, height / spanY) * 0.92
            self.minLon = minLon - (width / scale - spanX) / 2 / kx
            self.maxLat = maxLat + (height / scale - spanY) / 2
        }
        func callAsFunction(_ p: GeoPoint) -> (Double, Double) {
            ((p.lon - minLon) * kx * scale, (maxLat - p.lat) * scale)
        }
    }

    static func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    static func map(_ r: ScenarioResponse, report: ResponseReport, roads: [[GeoPoint]], w: Wording) -> String {
        let width = 900.0, height = 560.0
        var points: [GeoPoint] = r.sourcePlaces.compactMap(\.location) + r.areaPlaces.values.compactMap(\.location)
        points += r.routeGeometry.values.flatMap { $0 }
        guard !points.isEmpty else { return "<p class=muted>\(escape(w("html.noCoordinates")))</p>" }
        let proj = Projection(points: points, width: width, height: height)
        func path(_ line: [GeoPoint]) -> String {
            line.map { let (x, y) = proj($0); return "\(f(x)),\(f(y))" }.joined(separator: " ")
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"background:#fafafa;border:1px solid #ddd\">"
        for road in roads { svg += "<polyline points=\"\(path(road))\" fill=\"none\" stroke=\"#d5d5d5\" stroke-width=\"0.8\"/>" }
        var ordersOfRoute: [Int: [GoodsPlan.Order]] = [:]
        for o in r.goods.orders { ordersOfRoute[o.route, default: []].append(o) }
        for route in ordersOfRoute.keys.sorted() {
            guard let line = r.routeGeometry[route] else { continue }
            let onTime = ordersOfRoute[route]!.allSatisfy(\.onTime)
            svg += "<polyline points=\"\(path(line))\" fill=\"none\" stroke=\"\(onTime ? ResponseGeoJSON.met : ResponseGeoJSON.late)\" stroke-width=\"2.2\" opacity=\"0.8\"/>"
        }
        for o in r.teams.outcomes {
            guard let to = r.areaPlaces[r.teamProblem.requirements[o.requirement].area]?.location else { continue }
            for a in o.assignments {
                guard let from = r.teamPlaces[a.team].location else { continue }
                svg += "<polyline points=\"\(path([from, to]))\" fill=\"none\" stroke=\"\(ResponseGeoJSON.team)\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            }
        }
        var drawn = Set<String>()
        for place in r.sourcePlaces {
            guard let location = place.location, drawn.insert(place.id).inserted else { continue }
            let (x, y) = proj(location)
            svg += "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" fill=\"\(ResponseGeoJSON.depot)\"><title>\(escape(place.name))</title></rect>"
        }
        for fulfilment in report.fulfilment {
            guard let location = r.areaPlaces[fulfilment.area]?.location else { continue }
            let (x, y) = proj(location)
            let colour = fulfilment.reliefMet ? ResponseGeoJSON.met : (fulfilment.byDeadline > 0 ? ResponseGeoJSON.partial : ResponseGeoJSON.unmet)
            svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"7\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1.5\"><title>\(escape(w("html.areaTooltip", ["area": fulfilment.areaName, "share": w.percent(fulfilment.byDeadline)])))</title></circle>"
            svg += "<text x=\"\(f(x + 9))\" y=\"\(f(y + 4))\" font-size=\"12\" fill=\"#333\">\(escape(fulfilment.areaName))</text>"
        }
        return svg + "</svg>"
    }

    /// Cumulative weighted share of all needs delivered by each hour, with the deadlines.
    static func chart(_ r: ScenarioResponse, w: Wording) -> String {
        let p = r.goodsProblem
        var needOf: [Int: (quantity: Double, weight: Double)] = [:]
        for n in p.needs {
            let key = n.area * p.items.count + n.item
            let old = needOf[key] ?? (0, 0)
            needOf[key] = (old.quantity + n.quantity, max(old.weight, n.weight))
        }
        let total = needOf.values.reduce(0.0) { $0 + $1.weight }
        guard total > 0 else { return "<p class=muted>\(escape(w("html.noNeeds")))</p>" }
        var steps: [(Double, Double)] = []
        for o in r.goods.orders.sorted(by: { $0.etaHours < $1.etaHours }) {
            guard let n = needOf[o.area * p.items.count + o.item], n.quantity > 0 else { continue }
            steps.append((o.etaHours, n.weight * o.quantity / n.quantity / total))
        }
        let width = 900.0, height = 260.0, left = 50.0, bottom = 30.0, top = 10.0
        let deadlines = Set(p.areas.map(\.deadlineHours)).sorted()
        let maxX = max((steps.map(\.0).max() ?? 0), deadlines.last ?? 10) * 1.1
        func x(_ h: Double) -> Double { left + h / maxX * (width - left - 10) }
        func y(_ share: Double) -> Double { top + (1 - share) * (height - top - bottom) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\">"
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - 10)\" y2=\"\(y(0))\" stroke=\"#999\"/><line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(left)\" y2=\"\(y(1))\" stroke=\"#999\"/>"
        for share in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg += "<text x=\"\(left - 6)\" y=\"\(f(y(share) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(share * 100))%</text>"
            svg += "<line x1=\"\(left)\" y1=\"\(f(y(share)))\" x2=\"\(width - 10)\" y2=\"\(f(y(share)))\" stroke=\"#eee\"/>"
        }
        let tick = maxX > 48 ? 12.0 : (maxX > 24 ? 6.0 : 2.0)
        var h = 0.0
        while h <= maxX {
            svg += "<text x=\"\(f(x(h)))\" y=\"\(f(height - 10))\" font-size=\"11\" text-anchor=\"middle\">\(escape(w.hours(Double(Int(h)))))</text>"
            h += tick
        }
        for d in deadlines {
            svg += "<line x1=\"\(f(x(d)))\" y1=\"\(y(0))\" x2=\"\(f(x(d)))\" y2=\"\(y(1))\" stroke=\"#c62828\" stroke-dasharray=\"5 3\"/>"
            svg += "<text x=\"\(f(x(d) + 4))\" y=\"\(f(y(1) + 12))\" font-size=\"11\" fill=\"#c62828\">\(escape(w("html.deadlineMark", ["hours": w.hours(d)])))</text>"
        }
        var cumulative = 0.0
        var line = "\(f(x(0))),\(f(y(0)))"
        for (t, share) in steps {
            line += " \(f(x(t))),\(f(y(cumulative)))"
            cumulative += share
            line += " \(f(x(t))),\(f(y(cumulative)))"
        }
        line += " \(f(x(maxX))),\(f(y(cumulative)))"
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>"
        return svg + "</svg><div class=muted>\(escape(w("html.chartCaption")))</div>"
    }
}

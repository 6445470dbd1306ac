import BundleGraph
import Foundation
import Localization
import ReserveModel
import Response

/// One self-contained HTML file: an SVG map (roads, depots, areas by status, routes),
/// the tables, and a chart of delivered share of need over time against the deadlines.
public enum ResponseHTML {
    /// Renders the report. `roads` are drawn faintly under the map when given, and
    /// `boundaries` (the bundle's optional areas GeoJSON) as outlines beneath them,
    /// the affected areas' tinted by their verdict. `disrupted` (from
    /// ``BundleNetwork/disruptedRoads(in:scenario:overlay:)``) draws every closed,
    /// crossing-closed and slowed road along its shape; without it the scenario's
    /// `closed_edges` and `slowed_edges` pairs are drawn as straight lines.
    public static func render(_ r: ScenarioResponse, report: ResponseReport, roads: [[GeoPoint]] = [],
                              nodes: [RoadNodeID: GeoPoint] = [:], boundaries: [AreaBoundary] = [],
                              disrupted: [DisruptedRoad] = [], language: Language = .en) -> String {
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
        .legend span{display:inline-block;margin-right:14px;font-size:12px}.legend svg{vertical-align:middle}
        .figures{display:flex;gap:12px;margin:8px 0 4px}.figure{flex:1;border:1px solid #ddd;border-radius:6px;padding:8px 12px}
        .figure b{display:block;font-size:26px}.figure span{font-size:13px;color:#555}
        details{margin:24px 0}summary{cursor:pointer;color:#555}
        @media print{@page{size:A4;margin:12mm}body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}
        table,svg.map{break-inside:avoid}summary{display:none}.verdict,.figure{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
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
        html += "<div class=\"figures\">"
            + "<div class=\"figure\"><b>\(s.areasMeetingRelief)/\(s.areas)</b><span>\(escape(w("html.figureRelief")))</span></div>"
            + "<div class=\"figure\"><b>\(escape(w.percent(s.fulfilment)))</b><span>\(escape(w("html.figureFulfilment")))</span></div>"
            + "<div class=\"figure\"><b>\(s.teamRequirementsMet)/\(s.teamRequirements)</b><span>\(escape(w("html.figureTeams")))</span></div></div>"
        html += "<h2>\(escape(w("html.map")))</h2>" + map(r, report: report, roads: roads, nodes: nodes, boundaries: boundaries, disrupted: disrupted, w: w, clock: clock)
        html += "<h2>\(escape(w("html.delivered")))</h2>" + chart(r, w: w)
        let met = "<span class=met>\(escape(w("html.met")))</span>"
        html += "<h2>\(escape(w("html.reliefTitle")))</h2>" + table(["html.area", "html.incident", "html.deadline", "html.byDeadline", "html.allDelivered", "html.relief"].map { w($0) },
            numeric: [2, 3, 4],
            rows: report.fulfilment.map { [$0.areaName, $0.incident.rawValue, w.clock($0.deadlineHours, clock), w.percent($0.byDeadline),
                                           $0.fullyServedAtHours.map { w.clock($0, clock) } ?? w("areas.never"),
                                           $0.reliefMet ? met : "<span class=unmet>\(escape(w("html.notMetRelief")))</span>"] },
            raw: [5])
        // The fastest possible arrival (the figure coverage shows) beside the teams sent,
        // and why the first of them is later where it is.
        html += "<h2>\(escape(w("html.teamsTitle")))</h2>" + table(["html.area", "html.specialty", "html.need", "html.onTime", "teams.fastest",
                                                                    "html.teamsArrival", "html.status"].map { w($0) },
            numeric: [2, 3, 4],
            rows: report.teams.map { t in [t.areaName, w.hazard(t.specialty.rawValue), "\(t.headcount)", "\(t.headcountOnTime)",
                                           t.earliestArrivalHours.map { w.clock($0, clock) } ?? "-",
                                           w.list(t.assigned.map { w("html.teamArrival", ["team": $0.teamName, "arrival": w.clock($0.arrivalHours, clock)]) })
                                               + (t.whyLater.map { " — " + w.sentence($0) } ?? ""),
                                           t.met ? met : "<span class=unmet>\(escape(t.why.map(w.sentence) ?? w("teams.notMet")))</span>"] },
            raw: [6])
        html += "<h2>\(escape(w("html.ordersTitle", ["count": "\(report.orders.count)"])))</h2>"
            + table(["html.from", "html.to", "html.item", "html.quantity", "html.departs", "html.eta", "html.trucks", "html.km"].map { w($0) },
                    numeric: [3, 4, 5, 6, 7],
            rows: zip(report.orders, report.tripsOncePerRoute).map { o, trucks in
                [o.fromName, o.toName, o.itemName, w.number(o.quantity) + " " + o.unit,
                 w.clock(o.departureHours, clock), w.clock(o.etaHours, clock) + (o.onTime ? "" : w("html.lateSuffix")),
                 trucks.map { w.number($0) } ?? "", w.number(o.distanceKm)] })
        if !report.shortfalls.isEmpty {
            html += "<h2>\(escape(w("html.shortfallsTitle")))</h2>"
                + table(["html.area", "html.item", "html.short", "html.shortAtHorizon", "html.why"].map { w($0) }, numeric: [2, 3],
                rows: report.shortfalls.map { [$0.areaName, $0.itemName, w.number($0.quantity) + " " + $0.unit,
                                               w.number($0.quantityAtHorizon), w.sentence($0.why)] })
        }
        if !report.warnings.isEmpty {
            html += "<h2>\(escape(w("warnings.title")))</h2><ul>" + report.warnings.map { "<li>\(escape(WarningText.render($0, w)))</li>" }.joined() + "</ul>"
        }
        // What a bureau chief does not need, collapsed.
        html += "<details class=\"technical\"><summary>\(escape(w("html.technical")))</summary>"
        if !report.marginalValues.isEmpty {
            // As in the text report: in the item's unit, equal values one row.
            html += "<h3>\(escape(w("marginal.title")))</h3><p class=\"muted\">\(escape(w("marginal.meaning")))</p>"
                + table(["html.depot", "html.item", "html.marginal"].map { w($0) }, numeric: [],
                rows: MarginalGroup.groups(report.marginalValues).prefix(15).map { g in
                    [g.depotNames.count == 1 ? g.depotNames[0] : w("marginal.tie", ["count": "\(g.depotNames.count)", "depots": w.list(g.depotNames)]),
                     g.itemName, w("marginal.effect", ["unit": g.unit, "item": g.itemName, "value": ResponseText.decimal6(g.value)])]
                })
        }
        html += "<p class=\"muted\">" + escape(w("html.footer", ["rows": "\(report.model.rows)", "columns": "\(report.model.columns)",
                                                                 "nonZeros": "\(report.model.nonZeros)", "status": w.status(report.status)])) + "</p></details>"
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

    /// The point halfway along a polyline (by length), where a closed road's mark goes.
    static func middle(_ points: [(Double, Double)]) -> (Double, Double) {
        guard points.count >= 2 else { return points.first ?? (0, 0) }
        let lengths = zip(points, points.dropFirst()).map { a, b in ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot() }
        var left = lengths.reduce(0, +) / 2
        for (k, length) in lengths.enumerated() {
            if left <= length, length > 0 {
                let t = left / length, a = points[k], b = points[k + 1]
                return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
            }
            left -= length
        }
        return points[points.count - 1]
    }

    /// Route and area styles by verdict: colour and a dash or shape, so that they
    /// are told apart without colour too.
    enum Verdict: CaseIterable {
        case onTime, partly, late, notServed
        var colour: String {
            switch self {
            case .onTime: ResponseGeoJSON.met
            case .partly: ResponseGeoJSON.partial
            case .late: ResponseGeoJSON.late
            case .notServed: ResponseGeoJSON.unmet
            }
        }
        var dash: String {
            switch self {
            case .onTime: ""
            case .partly: " stroke-dasharray=\"9 4\""
            case .late: " stroke-dasharray=\"3 3\""
            case .notServed: " stroke-dasharray=\"1 4\""
            }
        }
        /// An area marker of this verdict centred on (x, y): circle, diamond, triangle.
        func marker(_ x: Double, _ y: Double) -> String {
            let f = ResponseHTML.f
            switch self {
            case .onTime:
                return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"7\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            case .partly, .late:
                return "<path d=\"M\(f(x)) \(f(y - 8)) L\(f(x + 8)) \(f(y)) L\(f(x)) \(f(y + 8)) L\(f(x - 8)) \(f(y)) Z\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            case .notServed:
                return "<path d=\"M\(f(x)) \(f(y - 8)) L\(f(x + 8)) \(f(y + 6)) L\(f(x - 8)) \(f(y + 6)) Z\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            }
        }
    }

    /// The map: fitted to the affected areas and the depots near them; depots farther
    /// away are arrows at the frame's edge with their road distance and first arrival.
    /// Every area and depot has a label (`class="label"`), placed without overlap.
    static func map(_ r: ScenarioResponse, report: ResponseReport, roads: [[GeoPoint]], nodes: [RoadNodeID: GeoPoint],
                    boundaries: [AreaBoundary] = [], disrupted: [DisruptedRoad] = [], w: Wording, clock: ScenarioClock?) -> String {
        let width = 900.0, height = 560.0, margin = 34.0
        let areaPoints = report.fulfilment.compactMap { r.areaPlaces[$0.area]?.location }
        var depots: [ScenarioResponse.Place] = []
        var seen = Set<String>()
        for place in r.sourcePlaces where place.location != nil && seen.insert(place.id).inserted { depots.append(place) }
        guard !areaPoints.isEmpty || !depots.isEmpty else { return "<p class=muted>\(escape(w("html.noCoordinates")))</p>" }
        // Nearby: within 2.5 × the areas' own radius of their centre (at least 30 km).
        let centre = areaPoints.isEmpty ? depots.compactMap(\.location)[0]
            : GeoPoint(lat: areaPoints.map(\.lat).reduce(0, +) / Double(areaPoints.count),
                       lon: areaPoints.map(\.lon).reduce(0, +) / Double(areaPoints.count))
        let radius = max(areaPoints.map { $0.distanceKm(to: centre) }.max() ?? 0, 12)
        let reach = max(2.5 * radius, 30)
        let near = depots.filter { $0.location!.distanceKm(to: centre) <= reach }
        // Nearest first, so the numbers of the edge arrows read outwards.
        let far = depots.filter { $0.location!.distanceKm(to: centre) > reach }
            .sorted { ($0.location!.distanceKm(to: centre), $0.id) < ($1.location!.distanceKm(to: centre), $1.id) }
        let extent = areaPoints + near.compactMap(\.location)
        let proj = Projection(points: extent.isEmpty ? [centre] : extent, width: width - 2 * margin, height: height - 2 * margin)
        func xy(_ p: GeoPoint) -> (Double, Double) { let (x, y) = proj(p); return (x + margin, y + margin) }
        func path(_ line: [GeoPoint]) -> String {
            line.map { let (x, y) = xy($0); return "\(f(x)),\(f(y))" }.joined(separator: " ")
        }
        var svg = "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"background:#fafafa;border:1px solid #ddd\">"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 Z\" fill=\"#1565c0\"/></marker></defs>"
        // Area outlines under everything else; parts outside the frame are cut by the SVG's viewport.
        var verdictOfArea: [AreaID: Verdict] = [:]
        for fulfilment in report.fulfilment {
            let verdict: Verdict = fulfilment.reliefMet ? .onTime : (fulfilment.byDeadline > 0 ? .partly : .notServed)
            verdictOfArea[fulfilment.area] = verdictOfArea[fulfilment.area].map { worse($0, verdict) } ?? verdict
        }
        for boundary in boundaries {
            let d = boundary.polygons.flatMap { $0 }.map { ring in "M" + path(ring).replacingOccurrences(of: " ", with: " L") + " Z" }
                .joined(separator: " ")
            let fill = verdictOfArea[boundary.area].map { "fill=\"\($0.colour)\" fill-opacity=\"0.12\"" } ?? "fill=\"none\""
            svg += "<path class=\"boundary\" data-area=\"\(escape(boundary.area.rawValue))\" d=\"\(d)\" \(fill) fill-rule=\"evenodd\" stroke=\"#7b8794\" stroke-width=\"1\" stroke-dasharray=\"5 3\"/>"
        }
        for road in roads { svg += "<polyline points=\"\(path(road))\" fill=\"none\" stroke=\"#d5d5d5\" stroke-width=\"0.8\"/>" }
        // Closed and slowed roads of the scenario's incidents.
        var closedCount = 0, slowedCount = 0, crossingCount = 0
        func closedMark(_ x: Double, _ y: Double, _ d: Double = 5) -> String {
            "<path d=\"M\(f(x - d)) \(f(y - d)) L\(f(x + d)) \(f(y + d)) M\(f(x - d)) \(f(y + d)) L\(f(x + d)) \(f(y - d))\" stroke=\"#fff\" stroke-width=\"2\"/>"
        }
        if disrupted.isEmpty {
            for incident in r.scenario.incidents {
                for pair in incident.roadDisruptions.closedEdges {
                    guard let a = nodes[pair.from], let b = nodes[pair.to] else { continue }
                    closedCount += 1
                    let (x1, y1) = xy(a), (x2, y2) = xy(b)
                    svg += "<g class=\"closed-road\"><polyline points=\"\(path([a, b]))\" fill=\"none\" stroke=\"#b71c1c\" stroke-width=\"4\"/>"
                    svg += closedMark((x1 + x2) / 2, (y1 + y2) / 2) + "</g>"
                }
                for slowed in incident.roadDisruptions.slowedEdges {
                    guard let a = nodes[slowed.from], let b = nodes[slowed.to] else { continue }
                    slowedCount += 1
                    svg += "<polyline class=\"slowed-road\" points=\"\(path([a, b]))\" fill=\"none\" stroke=\"#8d6e63\" stroke-width=\"4\" stroke-dasharray=\"6 3\"/>"
                }
            }
        } else {
            // Slowed under closed; each road along its own shape, marked at its middle.
            for road in disrupted where road.effect == .slowed && road.polyline.count >= 2 {
                slowedCount += 1
                svg += "<polyline class=\"slowed-road\" data-from=\"\(escape(road.from.rawValue))\" data-to=\"\(escape(road.to.rawValue))\" points=\"\(path(road.polyline))\" fill=\"none\" stroke=\"#8d6e63\" stroke-width=\"4\" stroke-dasharray=\"6 3\"/>"
            }
            for road in disrupted where road.effect != .slowed && road.polyline.count >= 2 {
                let crossing = road.effect == .closedCrossing
                if crossing { crossingCount += 1 } else { closedCount += 1 }
                let (mx, my) = middle(road.polyline.map(xy))
                svg += "<g class=\"closed-road\(crossing ? " closed-crossing" : "")\" data-from=\"\(escape(road.from.rawValue))\" data-to=\"\(escape(road.to.rawValue))\">"
                svg += "<polyline points=\"\(path(road.polyline))\" fill=\"none\" stroke=\"#b71c1c\" stroke-width=\"4\"/>"
                if crossing { svg += "<circle cx=\"\(f(mx))\" cy=\"\(f(my))\" r=\"7\" fill=\"#b71c1c\"/>" }
                svg += closedMark(mx, my) + "</g>"
            }
        }
        // Routes, styled by the verdict of their orders.
        var ordersOfRoute: [Int: [GoodsPlan.Order]] = [:]
        for o in r.goods.orders { ordersOfRoute[o.route, default: []].append(o) }
        for route in ordersOfRoute.keys.sorted() {
            guard let line = r.routeGeometry[route], let orders = ordersOfRoute[route] else { continue }
            let onTime = orders.filter(\.onTime).count
            let verdict: Verdict = onTime == orders.count ? .onTime : (onTime == 0 ? .late : .partly)
            svg += "<polyline points=\"\(path(line))\" fill=\"none\" stroke=\"\(verdict.colour)\" stroke-width=\"2.2\" opacity=\"0.85\"\(verdict.dash)/>"
        }
        for o in r.teams.outcomes {
            guard let to = r.areaPlaces[r.teamProblem.requirements[o.requirement].area]?.location else { continue }
            for a in o.assignments {
                guard let from = r.teamPlaces[a.team].location else { continue }
                svg += "<polyline points=\"\(path([from, to]))\" fill=\"none\" stroke=\"\(ResponseGeoJSON.team)\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
            }
        }
        // Markers first (labels keep off them), then labels.
        var placer = LabelPlacer(frame: .init(x: 2, y: 2, width: width - 4, height: height - 4))
        // The scale bar's and north arrow's corners are taken too.
        placer.block(.init(x: 0, y: height - 40, width: 230, height: 40))
        placer.block(.init(x: width - 44, y: 0, width: 44, height: 56))
        var labels: [(id: String, text: String, x: Double, y: Double, kind: String)] = []
        for place in near {
            let (x, y) = xy(place.location!)
            svg += "<rect data-place=\"\(escape(place.id))\" x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" fill=\"\(ResponseGeoJSON.depot)\"><title>\(escape(place.name))</title></rect>"
            placer.block(.init(x: x - 5, y: y - 5, width: 10, height: 10))
            labels.append((place.id, place.name, x, y, "depot"))
        }
        for fulfilment in report.fulfilment {
            guard let location = r.areaPlaces[fulfilment.area]?.location else { continue }
            let (x, y) = xy(location)
            let verdict: Verdict = fulfilment.reliefMet ? .onTime : (fulfilment.byDeadline > 0 ? .partly : .notServed)
            svg += "<g data-place=\"\(escape(fulfilment.area.rawValue))\">" + verdict.marker(x, y)
                + "<title>\(escape(w("html.areaTooltip", ["area": fulfilment.areaName, "share": w.percent(fulfilment.byDeadline)])))</title></g>"
            placer.block(.init(x: x - 9, y: y - 9, width: 18, height: 18))
            labels.append((fulfilment.area.rawValue, fulfilment.areaName, x, y, "area"))
        }
        // Distant depots: a numbered arrow at the frame's edge pointing towards them;
        // the table under the map gives each one's name, road distance and first arrival.
        let (cx, cy) = xy(centre)
        var farRows: [[String]] = []
        for (number, place) in far.enumerated() {
            let (px, py) = xy(place.location!)
            let dx = px - cx, dy = py - cy
            let inset = 16.0
            let tx = dx == 0 ? Double.infinity : (dx > 0 ? (width - inset - cx) / dx : (inset - cx) / dx)
            let ty = dy == 0 ? Double.infinity : (dy > 0 ? (height - inset - cy) / dy : (inset - cy) / dy)
            let t = min(tx, ty)
            let ex = cx + dx * t, ey = cy + dy * t
            let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            let sx = ex - dx / length * 26, sy = ey - dy / length * 26
            let orders = report.orders.filter { $0.from.rawValue == place.id }
            svg += "<line data-place=\"\(escape(place.id))\" x1=\"\(f(sx))\" y1=\"\(f(sy))\" x2=\"\(f(ex))\" y2=\"\(f(ey))\" stroke=\"#1565c0\" stroke-width=\"2.5\" marker-end=\"url(#arrow)\"><title>\(escape(place.name))</title></line>"
            placer.block(.init(x: min(sx, ex) - 4, y: min(sy, ey) - 4, width: abs(ex - sx) + 8, height: abs(ey - sy) + 8))
            let km = orders.map(\.distanceKm).min() ?? place.location!.distanceKm(to: centre)
            let tag = w("notes.reference", ["n": "\(number + 1)"])
            farRows.append([tag, place.name, w(orders.isEmpty ? "html.farDepotKmStraight" : "html.farDepotKm", ["km": w.number(km.rounded())]),
                            orders.map(\.etaHours).min().map { w.clock($0, clock) } ?? w("html.notUsed")])
            labels.append((place.id, tag, sx, sy, "far-depot"))
        }
        for label in labels {
            guard let spot = placer.place(label.text, x: label.x, y: label.y) else { continue }
            if spot.detached {
                let ax = min(max(label.x, spot.box.x), spot.box.x + spot.box.width)
                let ay = min(max(label.y, spot.box.y), spot.box.y + spot.box.height)
                svg += "<line x1=\"\(f(label.x))\" y1=\"\(f(label.y))\" x2=\"\(f(ax))\" y2=\"\(f(ay))\" stroke=\"#999\" stroke-width=\"0.7\"/>"
            }
            let lines = label.text.split(separator: "\n").enumerated().map { k, line in
                "<tspan x=\"\(f(spot.textX))\" dy=\"\(k == 0 ? "0" : f(12 * 1.6))\">\(escape(String(line)))</tspan>"
            }
            svg += "<text class=\"label\" data-for=\"\(escape(label.id))\" data-kind=\"\(label.kind)\" x=\"\(f(spot.textX))\" y=\"\(f(spot.textY))\" font-size=\"12\" fill=\"#222\" paint-order=\"stroke\" stroke=\"#fafafa\" stroke-width=\"3\">\(lines.joined())</text>"
        }
        // Scale bar (a round length of at least 80 px) and north arrow.
        let pxPerKm = proj.scale / 111.32
        let lengthKm = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { $0 * pxPerKm >= 80 } ?? 1000
        let bar = lengthKm * pxPerKm
        let barX = 16.0, barY = height - 18
        svg += "<g class=\"scale-bar\"><rect x=\"\(f(barX - 4))\" y=\"\(f(barY - 16))\" width=\"\(f(bar + 70))\" height=\"24\" fill=\"#fafafa\" opacity=\"0.85\"/>"
        svg += "<path d=\"M\(f(barX)) \(f(barY - 5)) L\(f(barX)) \(f(barY)) L\(f(barX + bar)) \(f(barY)) L\(f(barX + bar)) \(f(barY - 5))\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/>"
        svg += "<text x=\"\(f(barX + bar + 6))\" y=\"\(f(barY))\" font-size=\"11\" fill=\"#333\">\(escape(w("html.scaleKm", ["km": w.number(lengthKm)])))</text></g>"
        svg += "<g class=\"north-arrow\" transform=\"translate(\(f(width - 24)),10)\"><path d=\"M0 0 L8 22 L0 17 L-8 22 Z\" fill=\"#333\"/><text x=\"0\" y=\"38\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">\(escape(w("html.north")))</text></g>"
        svg += "</svg>"
        // Legend with the map's own symbols.
        func line(_ verdict: Verdict) -> String {
            "<svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"\(verdict.colour)\" stroke-width=\"2.5\"\(verdict.dash)/></svg>"
        }
        func marker(_ verdict: Verdict) -> String { "<svg width=\"18\" height=\"18\">\(verdict.marker(9, 9))</svg>" }
        func swatch(_ stroke: String, _ extra: String) -> String {
            "<svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"\(stroke)\"\(extra)/></svg>"
        }
        var legend = "<div class=\"legend\">"
        legend += "<span><svg width=\"12\" height=\"12\"><rect x=\"2\" y=\"2\" width=\"8\" height=\"8\" fill=\"\(ResponseGeoJSON.depot)\"/></svg> \(escape(w("html.legendDepot")))</span>"
        legend += "<span>\(marker(.onTime)) \(escape(w("html.legendMet")))</span><span>\(marker(.partly)) \(escape(w("html.legendPartly")))</span>"
        legend += "<span>\(marker(.notServed)) \(escape(w("html.legendNotServed")))</span>"
        legend += "<span>\(line(.onTime)) \(escape(w("html.legendOnTime")))</span><span>\(line(.partly)) \(escape(w("html.legendPartlyRoute")))</span>"
        legend += "<span>\(line(.late)) \(escape(w("html.legendLate")))</span>"
        legend += "<span>\(swatch(ResponseGeoJSON.team, " stroke-dasharray=\"4 3\"")) \(escape(w("html.legendTeam")))</span>"
        if !boundaries.isEmpty {
            legend += "<span>\(swatch("#7b8794", " stroke-width=\"1\" stroke-dasharray=\"5 3\"")) \(escape(w("html.legendBoundary")))</span>"
        }
        if closedCount > 0 {
            legend += "<span>\(swatch("#b71c1c", " stroke-width=\"4\"")) \(escape(w("html.legendClosed", ["count": "\(closedCount)"])))</span>"
        }
        if crossingCount > 0 {
            let reasons = Array(Set(r.scenario.incidents.flatMap(\.roadDisruptions.closedCrossings).map(\.reason).filter { !$0.isEmpty })).sorted()
            let kinds = RoadCrossingKind.allCases.filter { kind in
                r.scenario.incidents.flatMap(\.roadDisruptions.closedCrossings).contains { $0.kinds.contains(kind) }
            }.map { w("html.crossing.\($0.rawValue)") }
            let text = w(reasons.isEmpty ? "html.legendClosedCrossings" : "html.legendClosedCrossingsReason",
                         ["count": "\(crossingCount)", "kinds": w.list(kinds), "reason": w.list(reasons)])
            let symbol = "<svg width=\"28\" height=\"14\"><line x1=\"0\" y1=\"7\" x2=\"28\" y2=\"7\" stroke=\"#b71c1c\" stroke-width=\"4\"/>"
                + "<circle cx=\"14\" cy=\"7\" r=\"6\" fill=\"#b71c1c\"/>" + closedMark(14, 7, 3) + "</svg>"
            legend += "<span class=\"legend-closed-crossings\">\(symbol) \(escape(text))</span>"
        }
        if slowedCount > 0 {
            legend += "<span>\(swatch("#8d6e63", " stroke-width=\"4\" stroke-dasharray=\"6 3\"")) \(escape(w("html.legendSlowed", ["count": "\(slowedCount)"])))</span>"
        }
        if !far.isEmpty {
            legend += "<span>\(swatch("#1565c0", " stroke-width=\"2.5\"")) \(escape(w("html.legendFar")))</span>"
        }
        legend += "</div>"
        if !farRows.isEmpty {
            legend += "<h3>\(escape(w("html.farTitle")))</h3>"
                + table(["html.farNumber", "html.depot", "html.farDistance", "html.farFirstArrival"].map { w($0) }, numeric: [2], rows: farRows)
        }
        return svg + legend
    }

    /// The worse of two verdicts (an area in two incidents is drawn by its worst).
    static func worse(_ a: Verdict, _ b: Verdict) -> Verdict {
        let order: [Verdict] = [.onTime, .partly, .late, .notServed]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
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
        // Deadline labels take the first row (12 px apart) where they overlap no other.
        var rowEnds: [Double] = []
        for d in deadlines {
            svg += "<line x1=\"\(f(x(d)))\" y1=\"\(y(0))\" x2=\"\(f(x(d)))\" y2=\"\(y(1))\" stroke=\"#c62828\" stroke-dasharray=\"5 3\"/>"
            let text = w("html.deadlineMark", ["hours": w.hours(d)])
            let start = x(d) + 4, end = start + Double(displayWidth(text)) * 11 * 0.55 + 4
            let row = rowEnds.firstIndex { $0 < start } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(end) } else { rowEnds[row] = end }
            svg += "<text class=\"chart-label\" x=\"\(f(start))\" y=\"\(f(y(1) + 12 + Double(row) * 13))\" font-size=\"11\" fill=\"#c62828\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">\(escape(text))</text>"
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

import Localization

/// Tables for Excel and WPS: UTF-8 with a byte-order mark (without it Excel's default
/// import reads UTF-8 as the ANSI code page and garbles Chinese), CRLF line ends
/// (RFC 4180), headers in the reader's language, numbers unformatted so that the
/// spreadsheet can compute with them, times as local ISO 8601 plus hours.
public enum CSVExport {
    /// The byte-order mark every file starts with.
    public static let byteOrderMark = "\u{FEFF}"

    /// The dispatch's orders.
    public static func orders(_ r: ResponseReport, language: Language = .en) -> String {
        let w = Wording(language)
        let clock = ScenarioClock(r.scenario.start)
        let trucks = r.tripsOncePerRoute
        return document(w, ["csv.fromId", "csv.from", "csv.mode", "csv.toId", "csv.to", "csv.incident", "csv.itemId", "csv.item",
                            "csv.quantity", "csv.unit", "csv.departure", "csv.departureHours", "csv.eta", "csv.etaHours",
                            "csv.onTime", "csv.trucks", "csv.distanceKm"],
                        zip(r.orders, trucks).map { o, trucks in
                            [o.from.rawValue, o.fromName, w.mode(o.mode), o.to.rawValue, o.toName, o.incident.rawValue, o.item.rawValue,
                             o.itemName, plain(o.quantity), o.unit, clock?.iso(o.departureHours) ?? "", plain(o.departureHours),
                             clock?.iso(o.etaHours) ?? "", plain(o.etaHours), w(o.onTime ? "csv.yes" : "csv.no"),
                             trucks.map(plain) ?? "", plain(o.distanceKm)]
                        })
    }

    /// The dispatch's shortfalls with their explanations.
    public static func shortfalls(_ r: ResponseReport, language: Language = .en) -> String {
        let w = Wording(language)
        return document(w, ["csv.areaId", "csv.area", "csv.incident", "csv.itemId", "csv.item", "csv.shortByDeadline",
                            "csv.shortAtHorizon", "csv.unit", "csv.reason", "csv.explanation"],
                        r.shortfalls.map { s in
                            [s.area.rawValue, s.areaName, s.incident.rawValue, s.item.rawValue, s.itemName, plain(s.quantity),
                             plain(s.quantityAtHorizon), s.unit, s.reason, w.sentence(s.why)]
                        })
    }

    /// The dispatch's teams: one row per team sent (or per requirement nobody meets).
    public static func teams(_ r: ResponseReport, language: Language = .en) -> String {
        let w = Wording(language)
        let clock = ScenarioClock(r.scenario.start)
        var rows: [[String]] = []
        for t in r.teams {
            let head = [t.area.rawValue, t.areaName, t.incident.rawValue, w.hazard(t.specialty.rawValue), String(t.headcount),
                        String(t.headcountOnTime), w(t.met ? "csv.yes" : "csv.no")]
            let why = t.why.map(w.sentence) ?? ""
            if t.assigned.isEmpty { rows.append(head + ["", "", "", "", "", "", why]) }
            for a in t.assigned {
                rows.append(head + [a.team.rawValue, a.teamName, String(a.headcount), clock?.iso(a.arrivalHours) ?? "",
                                    plain(a.arrivalHours), w(a.onTime ? "csv.yes" : "csv.no"), why])
            }
        }
        return document(w, ["csv.areaId", "csv.area", "csv.incident", "csv.specialty", "csv.need", "csv.needOnTime", "csv.met",
                            "csv.teamId", "csv.team", "csv.headcount", "csv.arrival", "csv.arrivalHours", "csv.onTime",
                            "csv.explanation"], rows)
    }

    /// The plan's stock changes.
    public static func planChanges(_ r: PlanReport, language: Language = .en) -> String {
        let w = Wording(language)
        return document(w, ["csv.depotId", "csv.depot", "csv.itemId", "csv.item", "csv.unit", "csv.current", "csv.recommended",
                            "csv.change", "csv.drivenBy"],
                        r.recommendedStock.map { l in
                            [l.depot.rawValue, l.depotName, l.item.rawValue, l.itemName, l.unit, plain(l.current), plain(l.recommended),
                             plain(l.change), l.drivenBy.map(\.rawValue).sorted(by: Wording.naturalOrder).joined(separator: " ")]
                        })
    }

    static func document(_ w: Wording, _ headerKeys: [String], _ rows: [[String]]) -> String {
        var out = byteOrderMark + headerKeys.map { field(w($0)) }.joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    /// A field quoted when it holds a comma, quote or line break (quotes doubled).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as the JSON has it (6 decimals at most, no grouping), so a spreadsheet reads it.
    static func plain(_ x: Double) -> String {
        let r = stable(x)
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}

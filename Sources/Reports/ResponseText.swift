import Localization

/// The terminal report of a scenario response: a summary first, then the tables,
/// readable on an 80-column terminal (CJK-aware alignment).
public enum ResponseText {
    /// Renders the report in `language` (English unless asked otherwise).
    /// Tables fit `width` terminal columns (nil: only each column's own limit).
    public static func render(_ r: ResponseReport, language: Language = .en, maxOrders: Int = 40,
                              width: Int? = TextTable.defaultWidth) -> String {
        let w = Wording(language)
        let clock = ScenarioClock(r.scenario.start)
        var out: [String] = []
        let s = r.summary
        out.append(w("response.scenario", ["id": r.scenario.id, "name": r.scenario.name]))
        out.append(w("response.scenarioDetail", ["hazard": w.hazard(r.scenario.hazard), "level": w.level(r.scenario.responseLevel),
                                                  "start": r.scenario.start]))
        if let policy = r.policy { out.append(w("response.policy", ["id": policy.id, "name": policy.name])) }
        for t in r.targets {
            out.append(w("response.target", ["incident": t.incident.rawValue, "arrival": w.hours(t.arrivalHours),
                                             "relief": w.hours(t.reliefHours)])
                       + (t.startOffsetHours > 0 ? w("response.targetStarts", ["offset": w.hours(t.startOffsetHours)]) : ""))
        }
        out.append(w("response.result", ["verdict": w(s.allTargetsMet ? "verdict.allMet" : "verdict.notMet")]))
        out.append(w("response.resultDetail", ["met": "\(s.areasMeetingRelief)", "areas": "\(s.areas)", "fulfilment": w.percent(s.fulfilment),
                                               "teamsMet": "\(s.teamRequirementsMet)", "teams": "\(s.teamRequirements)"]))
        out.append(w("response.solver", ["status": w.status(r.status), "rows": "\(r.model.rows)", "columns": "\(r.model.columns)",
                                         "nonZeros": "\(r.model.nonZeros)"]))
        out.append("")

        var areas = TextTable(columns: [.init(w("areas.area"), maxWidth: 24), .init(w("areas.incident"), maxWidth: 20),
                                        .init(w("areas.deadline"), alignment: .right), .init(w("areas.byDeadline"), alignment: .right),
                                        .init(w("areas.allIn"), alignment: .right), .init(w("areas.relief"))])
        for f in r.fulfilment {
            areas.append([f.areaName, f.incident.rawValue, w.clock(f.deadlineHours, clock), w.percent(f.byDeadline),
                          f.fullyServedAtHours.map { w.clock($0, clock) } ?? w("areas.never"), w(f.reliefMet ? "relief.met" : "relief.notMet")])
        }
        out.append(w("areas.title"))
        out.append(areas.render(width: width))
        out.append("")

        // The fastest possible arrival (the figure `coverage` shows) beside the first
        // arrival actually sent, with a note wherever they differ; hours after the
        // scenario start, so that the two compare at a glance (the JSON has the clock times).
        var teams = TextTable(columns: [.init(w("teams.area"), maxWidth: 24), .init(w("teams.specialty"), maxWidth: 16),
                                        .init(w("teams.need"), alignment: .right), .init(w("teams.onTime"), alignment: .right),
                                        .init(w("teams.fastest"), alignment: .right), .init(w("teams.first"), alignment: .right),
                                        .init(w("teams.teams"), maxWidth: 40)])
        for t in r.teams {
            teams.append([t.areaName, w.hazard(t.specialty.rawValue), "\(t.headcount)", "\(t.headcountOnTime)",
                          t.earliestArrivalHours.map(w.hours) ?? "-", t.assigned.first.map { w.hours($0.arrivalHours) } ?? "-",
                          w.list(t.assigned.map(\.teamName))])
        }
        if !r.teams.isEmpty {
            out.append(w("teams.title"))
            out.append(teams.render(width: width))
            for t in r.teams where !t.met {
                out.append(w("teams.notMetLine", ["area": t.areaName, "specialty": w.hazard(t.specialty.rawValue),
                                                  "why": t.why.map(w.sentence) ?? w("teams.notMet")]))
            }
            for t in r.teams {
                guard let later = t.whyLater else { continue }
                // Wrapped to the table's width, continuation lines indented under the text.
                let line = w("teams.laterLine", ["area": t.areaName, "specialty": w.hazard(t.specialty.rawValue), "why": w.sentence(later)])
                let body = width.map { wrap(line, to: max(20, $0 - 4)) } ?? [line]
                out.append("  * " + body[0])
                out += body.dropFirst().map { "    " + $0 }
            }
            out.append("")
        }

        var orders = TextTable(columns: [.init(w("orders.from"), maxWidth: 30), .init(w("orders.to"), maxWidth: 20),
                                         .init(w("orders.item"), maxWidth: 20), .init(w("orders.quantity"), alignment: .right),
                                         .init(w("orders.eta"), alignment: .right), .init(w("orders.note"))])
        for o in r.orders.prefix(maxOrders) {
            orders.append([o.fromName, o.toName, o.itemName, w.number(o.quantity) + " " + o.unit, w.clock(o.etaHours, clock),
                           o.onTime ? "" : w("orders.late")])
        }
        out.append(w("orders.title", ["count": "\(r.orders.count)"]))
        out.append(orders.render(width: width))
        if r.orders.count > maxOrders { out.append(w("orders.more", ["count": "\(r.orders.count - maxOrders)"])) }
        out.append("")

        if !r.shortfalls.isEmpty {
            // Explanations are numbered notes below the table; rows with the same reason share one.
            var short = TextTable(columns: [.init(w("shortfalls.area"), maxWidth: 24), .init(w("shortfalls.item"), maxWidth: 20),
                                            .init(w("shortfalls.short"), alignment: .right), .init(w("shortfalls.why"))])
            var notes: [String] = []
            for x in r.shortfalls {
                let text = w.sentence(x.why)
                let number = (notes.firstIndex(of: text) ?? { notes.append(text); return notes.count - 1 }()) + 1
                short.append([x.areaName, x.itemName, w.number(x.quantity) + " " + x.unit, w("notes.reference", ["n": "\(number)"])])
            }
            out.append(w("shortfalls.title", ["count": "\(r.shortfalls.count)"]))
            out.append(short.render(width: width))
            for (k, note) in notes.enumerated() {
                let label = w("notes.reference", ["n": "\(k + 1)"]) + " "
                let indent = String(repeating: " ", count: displayWidth(label) + 2)
                let lines = wrap(note, to: max(20, (width ?? 200) - displayWidth(indent)))
                out.append("  " + label + lines[0])
                out += lines.dropFirst().map { indent + $0 }
            }
            out.append("")
        }
        if !r.marginalValues.isEmpty {
            // Equal values are one group, not a ranking: which of five depots gets the
            // extra tent makes no difference to the objective.
            var mv = TextTable(columns: [.init(w("marginal.depot"), maxWidth: 56), .init(w("marginal.item"), maxWidth: 20),
                                         .init(w("marginal.value"), maxWidth: 64)])
            for group in MarginalGroup.groups(r.marginalValues).prefix(5) {
                // At most three names; the JSON lists every depot.
                let names = group.depotNames
                let depots = names.count == 1 ? names[0]
                    : w(names.count > 3 ? "marginal.tieMore" : "marginal.tie",
                        ["count": "\(names.count)", "depots": w.list(Array(names.prefix(3))), "more": "\(names.count - 3)"])
                mv.append([depots, group.itemName,
                           w("marginal.effect", ["unit": group.unit, "item": group.itemName, "value": decimal6(group.value)])])
            }
            out.append(w("marginal.title"))
            out.append(w("marginal.meaning"))
            out.append(mv.render(width: width))
            out.append("")
        }
        if !r.warnings.isEmpty {
            out.append(w("warnings.title"))
            out += r.warnings.map { "  - " + WarningText.render($0, w) }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// Up to 6 decimals, never in exponent form ("0.000004", not "4e-06"), no trailing zeros.
    static func decimal6(_ x: Double) -> String {
        var text = String(format: "%.6f", stable(x))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func format6(_ x: Double) -> String {
        let r = (x * 1e6).rounded() / 1e6
        return "\(r)"
    }
}

/// Marginal values with the same item and value (to 6 decimals) as one line.
struct MarginalGroup {
    var itemName: String, unit: String, value: Double
    var depotNames: [String]

    /// Groups in the report's order (largest value first), depots in their order within a group.
    static func groups(_ values: [ResponseReport.MarginalValue]) -> [MarginalGroup] {
        var result: [MarginalGroup] = []
        for m in values {
            if let k = result.firstIndex(where: { $0.itemName == m.itemName && $0.unit == m.unit && $0.value == stable(m.value) }) {
                result[k].depotNames.append(m.depotName)
            } else {
                result.append(MarginalGroup(itemName: m.itemName, unit: m.unit, value: stable(m.value), depotNames: [m.depotName]))
            }
        }
        return result
    }
}

/// The terminal report of a scenario response: a summary first, then the tables,
/// readable on an 80-column terminal (CJK-aware alignment).
public enum ResponseText {
    /// Renders the report.
    public static func render(_ r: ResponseReport, maxOrders: Int = 40) -> String {
        var out: [String] = []
        let s = r.summary
        out.append("Scenario  \(r.scenario.id)  \(r.scenario.name)")
        out.append("          \(r.scenario.hazard), response level \(r.scenario.responseLevel), start \(r.scenario.start)")
        if let policy = r.policy { out.append("Policy    \(policy.id)  \(policy.name)") }
        for t in r.targets {
            out.append("Targets   \(t.incident): arrival \(hours(t.arrivalHours)), relief \(hours(t.reliefHours))"
                       + (t.startOffsetHours > 0 ? " (starts at +\(hours(t.startOffsetHours)))" : ""))
        }
        let verdict = s.allTargetsMet ? "ALL TARGETS MET" : "TARGETS NOT MET"
        out.append("Result    \(verdict)")
        out.append("          relief \(s.areasMeetingRelief)/\(s.areas) areas, needs met by deadline \(percent(s.fulfilment)),"
                   + " teams \(s.teamRequirementsMet)/\(s.teamRequirements) on time")
        out.append("Solver    \(r.status); \(r.model.rows) rows × \(r.model.columns) columns, \(r.model.nonZeros) non-zeros")
        out.append("")

        var areas = TextTable(columns: [.init("area", maxWidth: 18), .init("incident", maxWidth: 14),
                                        .init("deadline", alignment: .right), .init("by deadline", alignment: .right),
                                        .init("all in", alignment: .right), .init("relief")])
        for f in r.fulfilment {
            areas.append([f.areaName, f.incident.rawValue, hours(f.deadlineHours), percent(f.byDeadline),
                          f.fullyServedAtHours.map(hours) ?? "never", f.reliefMet ? "met" : "NOT MET"])
        }
        out.append("Relief by area")
        out.append(areas.render())
        out.append("")

        var teams = TextTable(columns: [.init("area", maxWidth: 16), .init("specialty", maxWidth: 12),
                                        .init("need", alignment: .right), .init("on time", alignment: .right),
                                        .init("first", alignment: .right), .init("teams", maxWidth: 22)])
        for t in r.teams {
            teams.append([t.areaName, t.specialty.rawValue, "\(t.headcount)", "\(t.headcountOnTime)",
                          t.assigned.first.map { hours($0.arrivalHours) } ?? "-",
                          t.assigned.map(\.teamName).joined(separator: ", ")])
        }
        if !r.teams.isEmpty {
            out.append("Teams (arrival target per incident)")
            out.append(teams.render())
            for t in r.teams where !t.met { out.append("  ! \(t.areaName) \(t.specialty): \(t.explanation ?? "not met")") }
            out.append("")
        }

        var orders = TextTable(columns: [.init("from", maxWidth: 16), .init("to", maxWidth: 12), .init("item", maxWidth: 10),
                                         .init("quantity", alignment: .right), .init("ETA", alignment: .right), .init("")])
        for o in r.orders.prefix(maxOrders) {
            orders.append([o.fromName, o.toName, o.itemName, number(o.quantity) + " " + o.unit, hours(o.etaHours), o.onTime ? "" : "late"])
        }
        out.append("Orders (\(r.orders.count))")
        out.append(orders.render())
        if r.orders.count > maxOrders { out.append("  … \(r.orders.count - maxOrders) more (use --format json for all)") }
        out.append("")

        if !r.shortfalls.isEmpty {
            var short = TextTable(columns: [.init("area", maxWidth: 14), .init("item", maxWidth: 10),
                                            .init("short", alignment: .right), .init("why", maxWidth: 36)])
            for x in r.shortfalls { short.append([x.areaName, x.itemName, number(x.quantity) + " " + x.unit, x.explanation]) }
            out.append("Shortfalls by the deadline (\(r.shortfalls.count))")
            out.append(short.render())
            out.append("")
        }
        if !r.marginalValues.isEmpty {
            var mv = TextTable(columns: [.init("depot", maxWidth: 24), .init("item", maxWidth: 12), .init("value of +1 unit", alignment: .right)])
            for m in r.marginalValues.prefix(5) { mv.append([m.depotName, m.itemName, String(format6(m.value))]) }
            out.append("Where one more unit helps most")
            out.append(mv.render())
            out.append("")
        }
        if !r.warnings.isEmpty {
            out.append("Warnings")
            out += r.warnings.map { "  - \($0)" }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    static func hours(_ h: Double) -> String {
        let r = (h * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r)) h" : "\(r) h"
    }

    static func percent(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 10
        return r == r.rounded() ? "\(Int(r))%" : "\(r)%"
    }

    static func number(_ x: Double) -> String {
        let r = x.rounded()
        if abs(x - r) < 0.005 { return grouped(Int(r)) }
        return "\((x * 100).rounded() / 100)"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (k, c) in digits.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    static func format6(_ x: Double) -> String {
        let r = (x * 1e6).rounded() / 1e6
        return "\(r)"
    }
}

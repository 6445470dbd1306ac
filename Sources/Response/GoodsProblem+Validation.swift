extension GoodsProblem {
    /// Every problem that makes this value unusable, each naming its entry
    /// (`needs[3]`) and what is wrong (`quantity must be ≥ 0, got -2.0`).
    public func validate() -> [ProblemIssue] {
        var problems: [ProblemIssue] = []
        func check(_ value: Double, _ path: String, _ field: String, allowZero: Bool = true) {
            if !value.isFinite { problems.append(ProblemIssue(path, "\(field) is \(value)")) } else if value < 0 || (!allowZero && value == 0) {
                problems.append(ProblemIssue(path, "\(field) must be \(allowZero ? "≥ 0" : "> 0"), got \(value)"))
            }
        }
        if !(horizonHours > 0 && horizonHours.isFinite) {
            problems.append(ProblemIssue("horizonHours", "must be a positive number, got \(horizonHours)"))
        }
        for (k, item) in items.enumerated() {
            check(item.unitWeightTons, "items[\(k)] (\(item.id))", "unitWeightTons")
            check(item.unitVolumeCubicMetres, "items[\(k)] (\(item.id))", "unitVolumeCubicMetres")
        }
        for (a, area) in areas.enumerated() {
            check(area.deadlineHours, "areas[\(a)] (\(area.id))", "deadlineHours")
            check(area.earliestDepartureHours, "areas[\(a)] (\(area.id))", "earliestDepartureHours")
        }
        for (n, need) in needs.enumerated() {
            if !areas.indices.contains(need.area) { problems.append(ProblemIssue("needs[\(n)]", "area \(need.area) does not exist")) }
            if !items.indices.contains(need.item) { problems.append(ProblemIssue("needs[\(n)]", "item \(need.item) does not exist")) }
            check(need.quantity, "needs[\(n)]", "quantity")
            check(need.weight, "needs[\(n)]", "weight")
        }
        for (s, source) in sources.enumerated() {
            let label = "sources[\(s)] (\(source.id))"
            check(source.availableAfterHours, label, "availableAfterHours")
            check(source.handlingHours, label, "handlingHours")
            if let t = source.throughputTonsPerHour { check(t, label, "throughputTonsPerHour") }
            if let f = source.fleet {
                if f.trucks < 0 { problems.append(ProblemIssue(label, "fleet trucks must be ≥ 0, got \(f.trucks)")) }
                check(f.capacityTons, label, "fleet capacityTons", allowZero: false)
                check(f.capacityCubicMetres, label, "fleet capacityCubicMetres", allowZero: false)
            }
            if source.kind == .productionCapacity && source.production == nil {
                problems.append(ProblemIssue(label, "a production-capacity source needs production data (ramp-up hours)"))
            }
            if let p = source.production {
                check(p.rampUpHours, label, "rampUpHours")
                if let t = p.tonsPerHour { check(t, label, "production tonsPerHour") }
            }
            if let cap = source.capTons { check(cap, label, "capTons") }
        }
        for (k, supply) in supplies.enumerated() {
            if !sources.indices.contains(supply.source) { problems.append(ProblemIssue("supplies[\(k)]", "source \(supply.source) does not exist")) }
            if !items.indices.contains(supply.item) { problems.append(ProblemIssue("supplies[\(k)]", "item \(supply.item) does not exist")) }
            check(supply.quantity, "supplies[\(k)]", "quantity")
        }
        for (r, route) in routes.enumerated() {
            if !sources.indices.contains(route.source) { problems.append(ProblemIssue("routes[\(r)]", "source \(route.source) does not exist")) }
            if !areas.indices.contains(route.area) { problems.append(ProblemIssue("routes[\(r)]", "area \(route.area) does not exist")) }
            check(route.travelHours, "routes[\(r)]", "travelHours")
            check(route.distanceKm, "routes[\(r)]", "distanceKm")
        }
        return problems
    }
}

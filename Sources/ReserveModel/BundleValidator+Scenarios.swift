// Checks of scenarios: references to areas, items, depots, policies and roads, and
// the numbers of each incident.
extension BundleValidator {
    /// Relief periods longer than this are data errors (10 years, in days); it also
    /// keeps the relief end a representable calendar date.
    static let longestReliefDays = 3_650.0

    func checkScenarios(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        var seen: [ScenarioID: Int] = [:]
        let specialties = Set(b.teams.flatMap(\.specialties))
        for (s, sc) in b.scenarios.enumerated() {
            func ref(_ path: String) -> RecordReference { RecordReference(table: .scenarios, index: s, path: path) }
            if let first = seen[sc.id] {
                c.error(ref("id"), "scenario.repeatedID", ["scenario": sc.id.rawValue, "first": "\(first + 1)"])
            } else {
                seen[sc.id] = s
            }
            c.number(sc.weight, ref("weight"), "scenario.weight", ["scenario": sc.id.rawValue])
            if !Self.isISO8601DateTime(sc.start) {
                c.error(ref("start"), "scenario.start", ["start": sc.start])
            }
            if let p = sc.policy, index.policies[p] == nil {
                c.error(ref("policy"), "scenario.unknownPolicy", ["scenario": sc.id.rawValue, "policy": p.rawValue])
            }
            if sc.incidents.isEmpty { c.warning(ref("incidents"), "scenario.noIncident", ["scenario": sc.id.rawValue]) }
            var incidentIDs: Set<IncidentID> = []
            for (k, inc) in sc.incidents.enumerated() {
                let base = "incidents[\(k)]"
                if !incidentIDs.insert(inc.id).inserted {
                    c.error(ref(base + ".id"), "incident.repeatedID", ["incident": inc.id.rawValue, "scenario": sc.id.rawValue])
                }
                c.number(inc.startOffsetHours, ref(base + ".start_offset_hours"), "incident.start_offset_hours", ["incident": inc.id.rawValue])
                checkAffected(inc, base, ref, index, b, &c)
                for (j, need) in inc.teamNeeds.enumerated() {
                    let path = base + ".team_needs[\(j)]"
                    if index.areas[need.area] == nil {
                        c.error(ref(path + ".area"), "teamNeed.unknownArea", ["area": need.area.rawValue])
                    }
                    if !specialties.contains(need.specialty) {
                        c.warning(ref(path + ".specialty"), "teamNeed.noSpecialty", ["specialty": need.specialty.rawValue])
                    }
                    if need.headcount <= 0 {
                        c.error(ref(path + ".headcount"), "teamNeed.headcount", ["area": need.area.rawValue, "value": "\(need.headcount)"])
                    }
                }
                checkDisruptions(inc.roadDisruptions, base + ".road_disruptions", ref, index, &c)
                checkCrossingClosures(inc.roadDisruptions.closedCrossings, base + ".road_disruptions.closed_crossings", ref, index, b, &c)
                for (j, dmg) in inc.depotDamage.enumerated() {
                    let path = base + ".depot_damage[\(j)]"
                    if index.depots[dmg.depot] == nil {
                        c.error(ref(path + ".depot"), "damage.unknownDepot", ["depot": dmg.depot.rawValue])
                    }
                    if !(dmg.fractionLost >= 0 && dmg.fractionLost <= 1) {
                        c.error(ref(path + ".fraction_lost"), "damage.fraction", ["depot": dmg.depot.rawValue, "value": ProblemCollector.format(dmg.fractionLost)])
                    }
                }
            }
        }
    }

    private func checkAffected(_ inc: Incident, _ base: String, _ ref: (String) -> RecordReference,
                               _ index: BundleIndex, _ b: ReserveBundle, _ c: inout ProblemCollector) {
        for (j, a) in inc.affectedAreas.enumerated() {
            let path = base + ".affected_areas[\(j)]"
            if index.areas[a.area] == nil {
                c.error(ref(path + ".area"), "affected.unknownArea", ["area": a.area.rawValue])
            }
            c.number(a.affectedPopulation, ref(path + ".affected_population"), "affected.affected_population", ["area": a.area.rawValue])
            c.number(a.displacedPopulation, ref(path + ".displaced_population"), "affected.displaced_population", ["area": a.area.rawValue])
            c.number(a.reliefDays, ref(path + ".relief_days"), "affected.relief_days", ["area": a.area.rawValue])
            if a.reliefDays.isFinite, a.reliefDays > Self.longestReliefDays {
                c.error(ref(path + ".relief_days"), "affected.reliefDaysTooLong", ["area": a.area.rawValue, "limit": "\(Int(Self.longestReliefDays))", "value": ProblemCollector.format(a.reliefDays)])
            }
            // Norm-derived demand is people × norm × days: each factor may be within
            // bounds while the product is not (or is +∞).
            for need in b.needs(of: a, withIncidentNorms: true) where !(need.quantity <= ProblemCollector.largestQuantity) {
                c.error(ref(path + ".displaced_population"), "affected.demandTooLarge", ["item": need.item.rawValue, "area": a.area.rawValue, "value": ProblemCollector.format(need.quantity)])
            }
            if a.displacedPopulation > a.affectedPopulation && a.affectedPopulation > 0 {
                c.warning(ref(path + ".displaced_population"), "affected.moreDisplaced", ["displaced": ProblemCollector.format(a.displacedPopulation), "affected": ProblemCollector.format(a.affectedPopulation), "area": a.area.rawValue])
            }
            if let area = index.areas[a.area].map({ b.areas[$0] }), area.population > 0, a.affectedPopulation > area.population * 1.05 {
                c.warning(ref(path + ".affected_population"), "affected.exceedsPopulation", ["affected": ProblemCollector.format(a.affectedPopulation), "area": a.area.rawValue, "population": ProblemCollector.format(area.population)])
            }
            for (d, dem) in a.demands.enumerated() {
                if index.items[dem.item] == nil {
                    c.error(ref(path + ".demands[\(d)].item"), "demand.unknownItem", ["item": dem.item.rawValue])
                }
                c.number(dem.quantity, ref(path + ".demands[\(d)].quantity"), "demand.quantity", ["item": dem.item.rawValue, "area": a.area.rawValue])
            }
        }
    }

    private func checkDisruptions(_ r: RoadDisruptions, _ base: String, _ ref: (String) -> RecordReference,
                                  _ index: BundleIndex, _ c: inout ProblemCollector) {
        func edge(_ from: RoadNodeID, _ to: RoadNodeID, _ path: String) {
            if index.nodes[from] == nil || index.nodes[to] == nil {
                let missing = index.nodes[from] == nil ? from : to
                c.error(ref(path), "disruption.unknownNode", ["node": missing.rawValue])
            } else if !index.hasRoad(between: from, and: to) {
                c.error(ref(path), "disruption.noRoad", ["from": from.rawValue, "to": to.rawValue])
            }
        }
        for (j, e) in r.closedEdges.enumerated() { edge(e.from, e.to, base + ".closed_edges[\(j)]") }
        for (j, e) in r.slowedEdges.enumerated() {
            edge(e.from, e.to, base + ".slowed_edges[\(j)]")
            if !(e.factor > 0 && e.factor <= 1) {
                c.error(ref(base + ".slowed_edges[\(j)].factor"), "disruption.factor", ["value": ProblemCollector.format(e.factor)])
            }
        }
        for (j, f) in r.areaFactors.enumerated() {
            let path = base + ".area_factors[\(j)]"
            if !(f.factor > 0 && f.factor <= 1) {
                c.error(ref(path + ".factor"), "disruption.factor", ["value": ProblemCollector.format(f.factor)])
            }
            if let ring = f.polygon { Self.checkRing(ring, ref(path + ".polygon"), &c) }
        }
    }

    static func checkRing(_ ring: [[Double]], _ subject: RecordReference, _ c: inout ProblemCollector) {
        if ring.count < 3 || ring.contains(where: { $0.count != 2 }) {
            c.error(subject, "disruption.polygonVertices")
        } else if ring.contains(where: { !GeoPoint(lat: $0[1], lon: $0[0]).isValid }) {
            c.error(subject, "disruption.polygonRange")
        }
    }
}

extension BundleValidator {
    /// `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)`: a real date and time with a zone,
    /// because a start time without one is ambiguous across the country's users.
    static func isISO8601DateTime(_ text: String) -> Bool {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, CalendarDate(String(parts[0])) != nil else { return false }
        var time = Substring(parts[1])
        var zone: Substring
        if time.hasSuffix("Z") {
            zone = "Z"
            time = time.dropLast()
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = time[sign...]
            time = time[..<sign]
            let z = zone.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            guard z.count == 2, z.allSatisfy({ $0.count == 2 }), let h = Int(z[0]), let m = Int(z[1]),
                  (0...14).contains(h), (0...59).contains(m) else { return false }
        } else {
            return false
        }
        let hms = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count), hms[0].count == 2, hms[1].count == 2,
              let h = Int(hms[0]), let m = Int(hms[1]), (0...23).contains(h), (0...59).contains(m) else { return false }
        if hms.count == 3 {
            let sec = hms[2].split(separator: ".", maxSplits: 1)
            guard let first = sec.first, first.count == 2, let s = Int(first), (0...60).contains(s) else { return false }
            if sec.count == 2, !sec[1].allSatisfy(\.isNumber) || sec[1].isEmpty { return false }
        }
        return !zone.isEmpty
    }
}

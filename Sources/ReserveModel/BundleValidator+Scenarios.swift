// Checks of scenarios: references to areas, items, depots, policies and roads, and
// the numbers of each incident.
extension BundleValidator {
    func checkScenarios(_ b: ReserveBundle, _ index: BundleIndex, _ c: inout ProblemCollector) {
        var seen: [ScenarioID: Int] = [:]
        for (s, sc) in b.scenarios.enumerated() {
            func ref(_ path: String) -> RecordReference { RecordReference(table: .scenarios, index: s, path: path) }
            if let first = seen[sc.id] {
                c.error(ref("id"), "Scenario id '\(sc.id)' is used twice (first in scenario \(first + 1)).")
            } else {
                seen[sc.id] = s
            }
            c.number(sc.weight, ref("weight"), "Weight of scenario '\(sc.id)'")
            if let p = sc.policy, index.policies[p] == nil {
                c.error(ref("policy"), "Scenario '\(sc.id)' names policy '\(p)', which is not in bundle.json.")
            }
            if sc.incidents.isEmpty { c.warning(ref("incidents"), "Scenario '\(sc.id)' has no incident.") }
            var incidentIDs: Set<String> = []
            for (k, inc) in sc.incidents.enumerated() {
                let base = "incidents[\(k)]"
                if !incidentIDs.insert(inc.id).inserted {
                    c.error(ref(base + ".id"), "Incident id '\(inc.id)' is used twice in scenario '\(sc.id)'.")
                }
                c.number(inc.startOffsetHours, ref(base + ".start_offset_hours"), "Start offset of incident '\(inc.id)'")
                checkAffected(inc, base, ref, index, b, &c)
                for (j, need) in inc.teamNeeds.enumerated() {
                    let path = base + ".team_needs[\(j)]"
                    if index.areas[need.area] == nil {
                        c.error(ref(path + ".area"), "Team need names area '\(need.area)', which is not in the areas table.")
                    }
                    if need.headcount <= 0 {
                        c.error(ref(path + ".headcount"), "Team need in '\(need.area)' must ask for at least 1 person, not \(need.headcount).")
                    }
                }
                checkDisruptions(inc.roadDisruptions, base + ".road_disruptions", ref, index, &c)
                for (j, dmg) in inc.depotDamage.enumerated() {
                    let path = base + ".depot_damage[\(j)]"
                    if index.depots[dmg.depot] == nil {
                        c.error(ref(path + ".depot"), "Depot damage names depot '\(dmg.depot)', which is not in the depots table.")
                    }
                    if !(dmg.fractionLost >= 0 && dmg.fractionLost <= 1) {
                        c.error(ref(path + ".fraction_lost"), "Fraction of stock lost at '\(dmg.depot)' must be between 0 and 1, not \(ProblemCollector.format(dmg.fractionLost)).")
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
                c.error(ref(path + ".area"), "Affected area '\(a.area)' is not in the areas table.")
            }
            c.number(a.affectedPopulation, ref(path + ".affected_population"), "Affected population of '\(a.area)'")
            c.number(a.displacedPopulation, ref(path + ".displaced_population"), "Displaced population of '\(a.area)'")
            c.number(a.reliefDays, ref(path + ".relief_days"), "Relief days of '\(a.area)'")
            if a.displacedPopulation > a.affectedPopulation && a.affectedPopulation > 0 {
                c.warning(ref(path + ".displaced_population"), "More people displaced (\(ProblemCollector.format(a.displacedPopulation))) than affected (\(ProblemCollector.format(a.affectedPopulation))) in '\(a.area)'.")
            }
            if let area = index.areas[a.area].map({ b.areas[$0] }), area.population > 0, a.affectedPopulation > area.population * 1.05 {
                c.warning(ref(path + ".affected_population"), "Affected population \(ProblemCollector.format(a.affectedPopulation)) exceeds the population of '\(a.area)' (\(ProblemCollector.format(area.population))).")
            }
            for (d, dem) in a.demands.enumerated() {
                if index.items[dem.item] == nil {
                    c.error(ref(path + ".demands[\(d)].item"), "Demand names item '\(dem.item)', which is not in the items table.")
                }
                c.number(dem.quantity, ref(path + ".demands[\(d)].quantity"), "Demand for '\(dem.item)' in '\(a.area)'")
            }
        }
    }

    private func checkDisruptions(_ r: RoadDisruptions, _ base: String, _ ref: (String) -> RecordReference,
                                  _ index: BundleIndex, _ c: inout ProblemCollector) {
        func edge(_ from: RoadNodeID, _ to: RoadNodeID, _ path: String) {
            if index.nodes[from] == nil || index.nodes[to] == nil {
                let missing = index.nodes[from] == nil ? from : to
                c.error(ref(path), "Road node '\(missing)' is not in the nodes table.")
            } else if !index.edges.contains(NodePair(from: from, to: to)) {
                c.error(ref(path), "There is no road between nodes '\(from)' and '\(to)'.")
            }
        }
        for (j, e) in r.closedEdges.enumerated() { edge(e.from, e.to, base + ".closed_edges[\(j)]") }
        for (j, e) in r.slowedEdges.enumerated() {
            edge(e.from, e.to, base + ".slowed_edges[\(j)]")
            if !(e.factor > 0 && e.factor <= 1) {
                c.error(ref(base + ".slowed_edges[\(j)].factor"), "Speed factor must be in (0, 1], not \(ProblemCollector.format(e.factor)).")
            }
        }
        for (j, f) in r.areaFactors.enumerated() {
            let path = base + ".area_factors[\(j)]"
            if !(f.factor > 0 && f.factor <= 1) {
                c.error(ref(path + ".factor"), "Speed factor must be in (0, 1], not \(ProblemCollector.format(f.factor)).")
            }
            if let ring = f.polygon {
                if ring.count < 3 || ring.contains(where: { $0.count != 2 }) {
                    c.error(ref(path + ".polygon"), "Polygon must have at least 3 [lon, lat] vertices.")
                } else if ring.contains(where: { !GeoPoint(lat: $0[1], lon: $0[0]).isValid }) {
                    c.error(ref(path + ".polygon"), "Polygon has a vertex outside lon −180…180 / lat −90…90.")
                }
            }
        }
    }
}

import Localization
import Response

/// The JSON document of `reserve coverage` (schema version 2, docs/formats.md).
public struct CoverageReport: Codable, Sendable, Equatable {
    /// Schema version (2 added `areas[].arrivalTargetHours` and `areas[].teamNeeds`).
    public var schemaVersion = 2
    /// One entry per scenario.
    public var scenarios: [ScenarioEntry]

    public struct ScenarioEntry: Codable, Sendable, Equatable {
        public var id: String, name: String, hazard: String, responseLevel: String
        public var policy: String?, level: String, specialties: [String]
        public var arrivalTargetHours: Double, reliefTargetHours: Double
        public var populationShareWithinArrival: Double, populationShareWithinRelief: Double
        public var arrivalTargetHolds: Bool, reliefTargetHolds: Bool
        public var worstByArrival: [String], worstByRelief: [String]
        public var areas: [Area]
    }

    public struct Area: Codable, Sendable, Equatable {
        public var area: String, name: String, population: Double, affected: Bool
        public var teamArrivalHours: [String: Double?]
        @Nullable public var arrivalHours: Double?
        public var arrivalTargetHours: Double, arrivalMet: Bool
        /// The scenario's team requirements in the area or below it, each with the fastest possible arrival.
        public var teamNeeds: [TeamNeed]
        @Nullable public var reliefHours: Double?
        public var reliefTargetHours: Double, reliefMet: Bool
    }

    public struct TeamNeed: Codable, Sendable, Equatable {
        public var area: String, specialty: String, incident: String
        @Nullable public var fastestArrivalHours: Double?
        public var targetHours: Double, met: Bool
    }

    /// Builds the document.
    public init(_ list: [ScenarioCoverage]) {
        scenarios = list.map { c in
            let areas = c.areas.sorted { $0.area < $1.area }.map { a in
                Area(area: a.area, name: a.name, population: stable(a.population), affected: a.affected,
                     teamArrivalHours: a.teamArrivalHours.mapValues { $0.map(stable) }, arrivalHours: a.arrivalHours.map(stable),
                     arrivalTargetHours: stable(a.arrivalTargetHours), arrivalMet: a.arrivalMet,
                     teamNeeds: a.teamNeeds.map { n in
                         TeamNeed(area: n.area, specialty: n.specialty.rawValue, incident: n.incident.rawValue,
                                  fastestArrivalHours: n.fastestArrivalHours.map(stable), targetHours: stable(n.targetHours), met: n.met)
                     },
                     reliefHours: a.reliefHours.map(stable),
                     reliefTargetHours: stable(a.reliefTargetHours), reliefMet: a.reliefMet)
            }
            func worst(_ key: (ScenarioCoverage.AreaCoverage) -> Double?) -> [String] {
                c.areas.sorted { (key($0) ?? .infinity, $0.area) > (key($1) ?? .infinity, $1.area) }.prefix(5).map(\.area)
            }
            return ScenarioEntry(
                id: c.scenario.id.rawValue, name: c.scenario.name, hazard: c.scenario.hazard.rawValue,
                responseLevel: c.scenario.responseLevel.rawValue, policy: c.policy?.id.rawValue, level: c.level.rawValue,
                specialties: c.specialties.map(\.rawValue), arrivalTargetHours: stable(c.targets.arrivalHours),
                reliefTargetHours: stable(c.targets.reliefHours),
                populationShareWithinArrival: stable(c.populationShareWithinArrival),
                populationShareWithinRelief: stable(c.populationShareWithinRelief),
                arrivalTargetHolds: c.areas.allSatisfy(\.arrivalMet), reliefTargetHolds: c.areas.allSatisfy(\.reliefMet),
                worstByArrival: worst(\.arrivalHours), worstByRelief: worst(\.reliefHours), areas: areas)
        }
    }
}

/// The terminal report of `reserve coverage`.
public enum CoverageText {
    /// Renders a summary per scenario and its worst areas in `language`.
    public static func render(_ report: CoverageReport, showAll: Bool = false, language: Language = .en,
                              width: Int? = TextTable.defaultWidth) -> String {
        let w = Wording(language)
        var out: [String] = []
        for s in report.scenarios.sorted(by: { Wording.naturalOrder($0.id, $1.id) }) {
            out.append(w("coverage.scenario", ["id": s.id, "name": s.name, "hazard": w.hazard(s.hazard), "level": w.level(s.responseLevel)]))
            out.append(w("coverage.policy", ["policy": s.policy ?? w("coverage.nationalDefault"), "arrival": w.hours(s.arrivalTargetHours),
                                             "relief": w.hours(s.reliefTargetHours)]))
            out.append(w("coverage.arrival", ["holds": w(s.arrivalTargetHolds ? "coverage.holds" : "coverage.fails"),
                                              "share": w.percent(s.populationShareWithinArrival), "hours": w.hours(s.arrivalTargetHours),
                                              "specialty": w.list(s.specialties.map(w.hazard))]))
            out.append(w("coverage.relief", ["holds": w(s.reliefTargetHolds ? "coverage.holds" : "coverage.fails"),
                                             "share": w.percent(s.populationShareWithinRelief)]))
            var table = TextTable(columns: [.init(w.adminLevel(s.level), maxWidth: 24), .init(w("coverage.population"), alignment: .right),
                                            .init(w("coverage.team"), alignment: .right), .init(w("coverage.reliefColumn"), alignment: .right),
                                            .init(w("coverage.hit")), .init(w("coverage.status"))])
            let byName = Dictionary(uniqueKeysWithValues: s.areas.map { ($0.area, $0) })
            let shown = showAll ? s.areas.map(\.area) : Array(Set(s.worstByArrival + s.worstByRelief)).sorted()
            let rows = shown.compactMap { byName[$0] }.sorted { ($0.arrivalMet && $0.reliefMet ? 1 : 0, $0.area) < ($1.arrivalMet && $1.reliefMet ? 1 : 0, $1.area) }
            for a in rows {
                let failed = [a.arrivalMet ? nil : w("coverage.failedArrival"), a.reliefMet ? nil : w("coverage.failedRelief")].compactMap { $0 }
                table.append([a.name, w.number(a.population), a.arrivalHours.map(w.hours) ?? w("coverage.none"),
                              a.reliefHours.map(w.hours) ?? w("areas.never"), a.affected ? w("coverage.affected") : "",
                              failed.isEmpty ? w("coverage.ok") : w("coverage.failsList", ["what": failed.joined(separator: "+")])])
            }
            out.append(w(showAll ? "coverage.allAreas" : "coverage.worstAreas"))
            out.append(table.render(width: width))
            // An area whose incident starts after the scenario has later targets on the
            // same clock: say so, or 4.1 h beside a 2 h target reads as a failure.
            var shifted: [SIMD2<Double>: [String]] = [:]
            for a in rows where a.arrivalTargetHours != s.arrivalTargetHours || a.reliefTargetHours != s.reliefTargetHours {
                shifted[SIMD2(a.arrivalTargetHours, a.reliefTargetHours), default: []].append(a.name)
            }
            for targets in shifted.keys.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) {
                out.append(w("coverage.shiftedTargets", ["areas": w.list(shifted[targets]!), "arrival": w.hours(targets.x),
                                                         "relief": w.hours(targets.y)]))
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }
}

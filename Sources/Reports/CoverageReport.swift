import Response

/// The JSON document of `reserve coverage` (schema version 1, docs/formats.md).
public struct CoverageReport: Codable, Sendable, Equatable {
    /// Schema version.
    public var schemaVersion = 1
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
        public var teamArrivalHours: [String: Double?], arrivalHours: Double?, arrivalMet: Bool
        public var reliefHours: Double?, reliefTargetHours: Double, reliefMet: Bool
    }

    /// Builds the document.
    public init(_ list: [ScenarioCoverage]) {
        scenarios = list.map { c in
            let areas = c.areas.sorted { $0.area < $1.area }.map { a in
                Area(area: a.area, name: a.name, population: stable(a.population), affected: a.affected,
                     teamArrivalHours: a.teamArrivalHours.mapValues { $0.map(stable) }, arrivalHours: a.arrivalHours.map(stable),
                     arrivalMet: a.arrivalMet, reliefHours: a.reliefHours.map(stable),
                     reliefTargetHours: stable(a.reliefTargetHours), reliefMet: a.reliefMet)
            }
            func worst(_ key: (ScenarioCoverage.AreaCoverage) -> Double?) -> [String] {
                c.areas.sorted { (key($0) ?? .infinity, $0.area) > (key($1) ?? .infinity, $1.area) }.prefix(5).map(\.area)
            }
            let first = c.areas.first
            return ScenarioEntry(
                id: c.scenario.id.rawValue, name: c.scenario.name, hazard: c.scenario.hazard.rawValue,
                responseLevel: c.scenario.responseLevel.rawValue, policy: c.policy?.id.rawValue, level: c.level.rawValue,
                specialties: c.specialties.map(\.rawValue), arrivalTargetHours: stable(first?.arrivalTargetHours ?? 2),
                reliefTargetHours: stable(c.areas.filter { !$0.affected }.first?.reliefTargetHours ?? first?.reliefTargetHours ?? 10),
                populationShareWithinArrival: stable(c.populationShareWithinArrival),
                populationShareWithinRelief: stable(c.populationShareWithinRelief),
                arrivalTargetHolds: c.areas.allSatisfy(\.arrivalMet), reliefTargetHolds: c.areas.allSatisfy(\.reliefMet),
                worstByArrival: worst(\.arrivalHours), worstByRelief: worst(\.reliefHours), areas: areas)
        }
    }
}

/// The terminal report of `reserve coverage`.
public enum CoverageText {
    /// Renders a summary per scenario and its worst areas.
    public static func render(_ report: CoverageReport, showAll: Bool = false) -> String {
        var out: [String] = []
        for s in report.scenarios {
            out.append("Scenario  \(s.id)  \(s.name) (\(s.hazard), level \(s.responseLevel))")
            out.append("Policy    \(s.policy ?? "national default"): arrival \(ResponseText.hours(s.arrivalTargetHours)), relief \(ResponseText.hours(s.reliefTargetHours))")
            out.append("Arrival   \(s.arrivalTargetHolds ? "HOLDS" : "FAILS") — \(ResponseText.percent(s.populationShareWithinArrival)) of the population within \(ResponseText.hours(s.arrivalTargetHours)) (\(s.specialties.first ?? "") teams)")
            out.append("Relief    \(s.reliefTargetHolds ? "HOLDS" : "FAILS") — \(ResponseText.percent(s.populationShareWithinRelief)) of the population within target")
            var table = TextTable(columns: [.init(s.level, maxWidth: 16), .init("population", alignment: .right),
                                            .init("team", alignment: .right), .init("relief", alignment: .right),
                                            .init("hit"), .init("status")])
            let byName = Dictionary(uniqueKeysWithValues: s.areas.map { ($0.area, $0) })
            let shown = showAll ? s.areas.map(\.area) : Array(Set(s.worstByArrival + s.worstByRelief)).sorted()
            let rows = shown.compactMap { byName[$0] }.sorted { ($0.arrivalMet && $0.reliefMet ? 1 : 0, $0.area) < ($1.arrivalMet && $1.reliefMet ? 1 : 0, $1.area) }
            for a in rows {
                let status = [a.arrivalMet ? nil : "arrival", a.reliefMet ? nil : "relief"].compactMap { $0 }
                table.append([a.name, ResponseText.number(a.population), a.arrivalHours.map(ResponseText.hours) ?? "none",
                              a.reliefHours.map(ResponseText.hours) ?? "never", a.affected ? "yes" : "",
                              status.isEmpty ? "ok" : "FAILS " + status.joined(separator: "+")])
            }
            out.append(showAll ? "All areas" : "Worst areas")
            out.append(table.render())
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }
}

/// One incident of a scenario.
public struct Incident: Hashable, Codable, Sendable {
    /// Id, unique within the scenario.
    public var id: IncidentID
    /// Name, e.g. 峻德煤矿透水事故.
    public var name: String
    /// Hazard of this incident.
    public var hazard: HazardType
    /// Hours after the scenario start at which it begins (0 = at once).
    public var startOffsetHours: Double
    /// Areas whose people need relief.
    public var affectedAreas: [AffectedArea]
    /// Areas that need teams within the arrival target.
    public var teamNeeds: [TeamRequirement]
    /// Road closures and slow-downs it causes.
    public var roadDisruptions: RoadDisruptions
    /// Depots it damages.
    public var depotDamage: [DepotDamage]

    /// Creates an incident.
    public init(id: IncidentID, name: String, hazard: HazardType, startOffsetHours: Double = 0,
                affectedAreas: [AffectedArea] = [], teamNeeds: [TeamRequirement] = [],
                roadDisruptions: RoadDisruptions = RoadDisruptions(), depotDamage: [DepotDamage] = []) {
        self.id = id
        self.name = name
        self.hazard = hazard
        self.startOffsetHours = startOffsetHours
        self.affectedAreas = affectedAreas
        self.teamNeeds = teamNeeds
        self.roadDisruptions = roadDisruptions
        self.depotDamage = depotDamage
    }
}

extension Incident {
    enum CodingKeys: String, CodingKey {
        case id, name, hazard, startOffsetHours, affectedAreas, teamNeeds, roadDisruptions, depotDamage
    }

    /// Decodes; only `id`, `name` and `hazard` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(IncidentID.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  hazard: try c.decode(HazardType.self, forKey: .hazard),
                  startOffsetHours: try c.decode(.startOffsetHours, default: 0),
                  affectedAreas: try c.decode(.affectedAreas, default: []),
                  teamNeeds: try c.decode(.teamNeeds, default: []),
                  roadDisruptions: try c.decode(.roadDisruptions, default: RoadDisruptions()),
                  depotDamage: try c.decode(.depotDamage, default: []))
    }
}

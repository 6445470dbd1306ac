/// A disaster scenario: one or more concurrent incidents that compete for the same
/// stock, teams and roads (a natural disaster and an accident at the same time).
public struct Scenario: Hashable, Codable, Sendable, Identifiable {
    /// Unique id.
    public var id: ScenarioID
    /// Name, e.g. 松花江流域洪水.
    public var name: String
    /// Main hazard (the incidents carry their own).
    public var hazard: HazardType
    /// Response level activated.
    public var responseLevel: ResponseLevel
    /// Start, ISO 8601 local time with offset, e.g. `2025-07-20T06:00:00+08:00`.
    public var start: String
    /// Season (drives cold-climate needs).
    public var season: Season
    /// Planning weight or probability (any non-negative scale; the planner normalises).
    public var weight: Double
    /// The policy to check against; nil = the bundle's default policy.
    public var policy: PolicyID?
    /// Free text: what happens and why it is interesting.
    public var description: String
    /// The concurrent incidents.
    public var incidents: [Incident]

    /// Creates a scenario.
    public init(id: ScenarioID, name: String, hazard: HazardType, responseLevel: ResponseLevel,
                start: String, season: Season, weight: Double = 1, policy: PolicyID? = nil,
                description: String = "", incidents: [Incident]) {
        self.id = id
        self.name = name
        self.hazard = hazard
        self.responseLevel = responseLevel
        self.start = start
        self.season = season
        self.weight = weight
        self.policy = policy
        self.description = description
        self.incidents = incidents
    }
}

// Hand-written scenario files may leave out empty lists and default numbers.
extension Scenario {
    enum CodingKeys: String, CodingKey {
        case id, name, hazard, responseLevel, start, season, weight, policy, description, incidents
    }

    /// Decodes; `weight` (1), `policy`, `description` and `incidents` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ScenarioID.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  hazard: try c.decode(HazardType.self, forKey: .hazard),
                  responseLevel: try c.decode(ResponseLevel.self, forKey: .responseLevel),
                  start: try c.decode(String.self, forKey: .start),
                  season: try c.decode(Season.self, forKey: .season),
                  weight: try c.decode(.weight, default: 1),
                  policy: try c.decodeIfPresent(PolicyID.self, forKey: .policy),
                  description: try c.decode(.description, default: ""),
                  incidents: try c.decode(.incidents, default: []))
    }
}

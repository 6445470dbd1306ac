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

/// One incident of a scenario.
public struct Incident: Hashable, Codable, Sendable {
    /// Id, unique within the scenario.
    public var id: String
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
    public init(id: String, name: String, hazard: HazardType, startOffsetHours: Double = 0,
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

/// People affected in one area. Needs are the item norms × displaced people ×
/// relief days, unless `demands` lists explicit quantities (which then win for
/// those items).
public struct AffectedArea: Hashable, Codable, Sendable {
    /// The area.
    public var area: AreaID
    /// People affected (受灾人口).
    public var affectedPopulation: Double
    /// People relocated who need basic-needs relief (紧急转移安置人口).
    public var displacedPopulation: Double
    /// Days of relief to deliver.
    public var reliefDays: Double
    /// Explicit demands by item.
    public var demands: [ItemDemand]

    /// Creates an affected area.
    public init(area: AreaID, affectedPopulation: Double = 0, displacedPopulation: Double = 0,
                reliefDays: Double = 1, demands: [ItemDemand] = []) {
        self.area = area
        self.affectedPopulation = affectedPopulation
        self.displacedPopulation = displacedPopulation
        self.reliefDays = reliefDays
        self.demands = demands
    }
}

/// An explicit quantity of one item needed in an area.
public struct ItemDemand: Hashable, Codable, Sendable {
    /// The item.
    public var item: ItemID
    /// Units needed.
    public var quantity: Double

    /// Creates a demand.
    public init(item: ItemID, quantity: Double) {
        self.item = item
        self.quantity = quantity
    }
}

/// Teams of one specialty needed in a risk area.
public struct TeamRequirement: Hashable, Codable, Sendable {
    /// The risk area.
    public var area: AreaID
    /// The specialty needed.
    public var specialty: HazardType
    /// People needed.
    public var headcount: Int

    /// Creates a requirement.
    public init(area: AreaID, specialty: HazardType, headcount: Int) {
        self.area = area
        self.specialty = specialty
        self.headcount = headcount
    }
}

/// Damage to one depot.
public struct DepotDamage: Hashable, Codable, Sendable {
    /// The depot.
    public var depot: DepotID
    /// Fraction of its stock lost, 0…1.
    public var fractionLost: Double
    /// Whether it cannot dispatch at all (flooded, access cut).
    public var unusable: Bool

    /// Creates a damage record.
    public init(depot: DepotID, fractionLost: Double = 0, unusable: Bool = false) {
        self.depot = depot
        self.fractionLost = fractionLost
        self.unusable = unusable
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

extension Incident {
    enum CodingKeys: String, CodingKey {
        case id, name, hazard, startOffsetHours, affectedAreas, teamNeeds, roadDisruptions, depotDamage
    }

    /// Decodes; only `id`, `name` and `hazard` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  hazard: try c.decode(HazardType.self, forKey: .hazard),
                  startOffsetHours: try c.decode(.startOffsetHours, default: 0),
                  affectedAreas: try c.decode(.affectedAreas, default: []),
                  teamNeeds: try c.decode(.teamNeeds, default: []),
                  roadDisruptions: try c.decode(.roadDisruptions, default: RoadDisruptions()),
                  depotDamage: try c.decode(.depotDamage, default: []))
    }
}

extension AffectedArea {
    enum CodingKeys: String, CodingKey {
        case area, affectedPopulation, displacedPopulation, reliefDays, demands
    }

    /// Decodes; populations default to 0, `relief_days` to 1, `demands` to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(area: try c.decode(AreaID.self, forKey: .area),
                  affectedPopulation: try c.decode(.affectedPopulation, default: 0),
                  displacedPopulation: try c.decode(.displacedPopulation, default: 0),
                  reliefDays: try c.decode(.reliefDays, default: 1),
                  demands: try c.decode(.demands, default: []))
    }
}

extension DepotDamage {
    enum CodingKeys: String, CodingKey {
        case depot, fractionLost, unusable
    }

    /// Decodes; `fraction_lost` defaults to 0 and `unusable` to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(depot: try c.decode(DepotID.self, forKey: .depot),
                  fractionLost: try c.decode(.fractionLost, default: 0),
                  unusable: try c.decode(.unusable, default: false))
    }
}

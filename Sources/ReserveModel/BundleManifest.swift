/// The units a bundle's numbers are written in. Only these are supported; the
/// manifest states them so a spreadsheet author sees what each column means, and a
/// bundle in other units is rejected rather than silently misread.
public struct BundleUnits: Hashable, Codable, Sendable {
    /// Road lengths and snapping distances: `km`.
    public var distance: String
    /// Depot and truck capacities: `t`.
    public var weight: String
    /// Item unit weight: `kg`.
    public var itemWeight: String
    /// Volumes: `m3`.
    public var volume: String
    /// Durations: `h` (team mobilisation is in minutes, as its column says).
    public var time: String
    /// Speeds: `km/h`.
    public var speed: String
    /// Prices: `CNY`.
    public var currency: String

    /// The supported units.
    public static let standard = BundleUnits(distance: "km", weight: "t", itemWeight: "kg", volume: "m3",
                                             time: "h", speed: "km/h", currency: "CNY")

    /// Creates a unit declaration.
    public init(distance: String, weight: String, itemWeight: String, volume: String, time: String,
                speed: String, currency: String) {
        self.distance = distance
        self.weight = weight
        self.itemWeight = itemWeight
        self.volume = volume
        self.time = time
        self.speed = speed
        self.currency = currency
    }
}

/// Which files of a directory bundle hold which table (paths relative to the
/// bundle directory).
public struct BundleFiles: Hashable, Codable, Sendable {
    /// Administrative areas.
    public var areas: String
    /// Depots.
    public var depots: String
    /// Item catalogue.
    public var items: String
    /// Stock lots.
    public var stock: String
    /// Teams.
    public var teams: String
    /// Fleet.
    public var fleet: String
    /// Road nodes (with `roads`).
    public var nodes: String
    /// Road edges as CSV; ignored when `roadsGeoJSON` is set.
    public var roads: String
    /// Road edges as GeoJSON LineStrings, instead of `roads` + `nodes`.
    public var roadsGeoJSON: String?
    /// Scenario files; nil = every `scenarios/*.json`, sorted by name.
    public var scenarios: [String]?
    /// Area outlines as GeoJSON Polygons/MultiPolygons (optional: a missing file
    /// means no boundaries), drawn on the report's map.
    public var areaBoundaries: String

    /// The default file names.
    public static let standard = BundleFiles()

    /// Creates a file map; every name has its default.
    public init(areas: String = "areas.csv", depots: String = "depots.csv", items: String = "items.csv",
                stock: String = "stock.csv", teams: String = "teams.csv", fleet: String = "fleet.csv",
                nodes: String = "nodes.csv", roads: String = "roads.csv", roadsGeoJSON: String? = nil,
                scenarios: [String]? = nil, areaBoundaries: String = "areas.geojson") {
        self.areas = areas
        self.depots = depots
        self.items = items
        self.stock = stock
        self.teams = teams
        self.fleet = fleet
        self.nodes = nodes
        self.roads = roads
        self.roadsGeoJSON = roadsGeoJSON
        self.scenarios = scenarios
        self.areaBoundaries = areaBoundaries
    }

    enum CodingKeys: String, CodingKey {
        case areas, depots, items, stock, teams, fleet, nodes, roads, roadsGeoJSON = "roadsGeojson", scenarios, areaBoundaries
    }

    /// Decodes, giving every missing name its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = BundleFiles()
        areas = try c.decode(.areas, default: d.areas)
        depots = try c.decode(.depots, default: d.depots)
        items = try c.decode(.items, default: d.items)
        stock = try c.decode(.stock, default: d.stock)
        teams = try c.decode(.teams, default: d.teams)
        fleet = try c.decode(.fleet, default: d.fleet)
        nodes = try c.decode(.nodes, default: d.nodes)
        roads = try c.decode(.roads, default: d.roads)
        roadsGeoJSON = try c.decodeIfPresent(String.self, forKey: .roadsGeoJSON)
        scenarios = try c.decodeIfPresent([String].self, forKey: .scenarios)
        areaBoundaries = try c.decode(.areaBoundaries, default: d.areaBoundaries)
    }

    /// Encodes every name; `area_boundaries` only when it is not the default, so that
    /// manifests written before the file existed keep their bytes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(areas, forKey: .areas)
        try c.encode(depots, forKey: .depots)
        try c.encode(items, forKey: .items)
        try c.encode(stock, forKey: .stock)
        try c.encode(teams, forKey: .teams)
        try c.encode(fleet, forKey: .fleet)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(roads, forKey: .roads)
        try c.encodeIfPresent(roadsGeoJSON, forKey: .roadsGeoJSON)
        try c.encodeIfPresent(scenarios, forKey: .scenarios)
        if areaBoundaries != BundleFiles.standard.areaBoundaries { try c.encode(areaBoundaries, forKey: .areaBoundaries) }
    }
}

/// `bundle.json`: what the bundle is, its policies, units and files.
public struct BundleManifest: Hashable, Codable, Sendable {
    /// Format version; this code reads version 1.
    public var schemaVersion: Int
    /// Name, e.g. 鹤岗市应急物资储备（示例）.
    public var name: String
    /// Optional English name.
    public var nameEn: String?
    /// What the data is and where it comes from.
    public var description: String
    /// The day the ledger describes; expiry warnings count from it. nil = no
    /// expiry warnings (the reader cannot know "today" deterministically).
    public var referenceDate: CalendarDate?
    /// The target policies; several may coexist.
    public var policies: [Policy]
    /// The policy used when a scenario names none; nil = the first policy.
    public var defaultPolicy: PolicyID?
    /// The scenario to show first (`make demo`).
    public var headlineScenario: ScenarioID?
    /// Farthest a depot, area or team may lie from its nearest road node, in km.
    public var maxSnapKm: Double
    /// Persons per household, to turn displaced people into households for the
    /// per-household norms (China's 2020 census average is 2.62).
    public var personsPerHousehold: Double
    /// Units (must be the standard ones).
    public var units: BundleUnits
    /// File names of a directory bundle.
    public var files: BundleFiles
    /// The datum of the places (`"coordinates"`: wgs84, cgcs2000, gcj02, bd09); nil =
    /// WGS-84. Readers convert places to WGS-84 on load and clear it.
    public var coordinates: CoordinateSystem?
    /// The costs reserve planning counts (`"planning"`); nil = the documented defaults
    /// (``PlanningParameters/defaults``).
    public var planning: PlanningParameters?

    /// The planning costs in force: the bundle's own, else the defaults.
    public var planningParameters: PlanningParameters { planning ?? .defaults }

    /// Default snapping distance: 5 km covers a township seat off the modelled
    /// roads, while a depot tens of kilometres off is a typo in its coordinates.
    public static let defaultMaxSnapKm = 5.0

    /// Creates a manifest.
    public init(schemaVersion: Int = 1, name: String, nameEn: String? = nil, description: String = "",
                referenceDate: CalendarDate? = nil, policies: [Policy] = [], defaultPolicy: PolicyID? = nil,
                headlineScenario: ScenarioID? = nil, maxSnapKm: Double = BundleManifest.defaultMaxSnapKm,
                personsPerHousehold: Double = 2.62, units: BundleUnits = .standard, files: BundleFiles = .standard) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.nameEn = nameEn
        self.description = description
        self.referenceDate = referenceDate
        self.policies = policies
        self.defaultPolicy = defaultPolicy
        self.headlineScenario = headlineScenario
        self.maxSnapKm = maxSnapKm
        self.personsPerHousehold = personsPerHousehold
        self.units = units
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, name, nameEn, description, referenceDate, policies, defaultPolicy,
             headlineScenario, maxSnapKm, personsPerHousehold, units, files, coordinates, planning
    }

    /// Decodes; everything but `name` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(.schemaVersion, default: 1)
        name = try c.decode(String.self, forKey: .name)
        nameEn = try c.decodeIfPresent(String.self, forKey: .nameEn)
        description = try c.decode(.description, default: "")
        referenceDate = try c.decodeIfPresent(CalendarDate.self, forKey: .referenceDate)
        policies = try c.decode(.policies, default: [])
        defaultPolicy = try c.decodeIfPresent(PolicyID.self, forKey: .defaultPolicy)
        headlineScenario = try c.decodeIfPresent(ScenarioID.self, forKey: .headlineScenario)
        maxSnapKm = try c.decode(.maxSnapKm, default: BundleManifest.defaultMaxSnapKm)
        personsPerHousehold = try c.decode(.personsPerHousehold, default: 2.62)
        units = try c.decode(.units, default: .standard)
        files = try c.decode(.files, default: .standard)
        coordinates = try c.decodeIfPresent(CoordinateSystem.self, forKey: .coordinates)
        planning = try c.decodeIfPresent(PlanningParameters.self, forKey: .planning)
    }

    /// The policy a scenario is checked against: its own, else the default, else
    /// the first; nil when the bundle has no policy.
    public func policy(for scenario: Scenario) -> Policy? {
        let wanted = scenario.policy ?? defaultPolicy
        return policies.first { $0.id == wanted } ?? policies.first
    }
}

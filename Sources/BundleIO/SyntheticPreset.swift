/// Sizes of a synthetic bundle for scale tests.
public struct SyntheticPreset: Sendable, Hashable {
    /// Preset name.
    public var name: String
    /// The road graph is a jittered grid of side × side nodes.
    public var gridSide: Int
    /// Degrees between grid nodes (about 1.4 km at 0.0125°).
    public var spacingDegrees: Double
    /// Number of provinces (0 = the root is a city).
    public var provinces: Int
    /// Number of counties.
    public var counties: Int
    /// Townships per county.
    public var townshipsPerCounty: Int
    /// Number of items in the catalogue.
    public var items: Int
    /// Number of teams.
    public var teams: Int
    /// Number of scenarios.
    public var scenarios: Int
    /// Items each affected township asks for explicitly, drawn without repeats from
    /// the whole catalogue (spec variants included), on top of the norm-driven needs.
    /// 0 (the default, and every named preset) draws nothing, so those bundles stay
    /// byte-identical; without it only the base items with consumption norms (and
    /// sandbags for floods) are ever needed, so a 200-item catalogue adds stock but
    /// no needs and the items dimension of a scale ladder does not grow the model.
    public var demandedItemsPerArea: Int

    /// One city: 6 counties, 60 townships, a 100 × 100 road grid, 5 scenarios.
    public static let city = SyntheticPreset(name: "city", gridSide: 100, spacingDegrees: 0.01, provinces: 0, counties: 6,
                                             townshipsPerCounty: 10, items: 40, teams: 30, scenarios: 5)
    /// One province: 100 counties, 1,500 townships, ~1,600 depots, 40 items, 300
    /// teams, 450 × 450 = 202,500 road nodes, 20 scenarios.
    public static let province = SyntheticPreset(name: "province", gridSide: 450, spacingDegrees: 0.0125, provinces: 1,
                                                 counties: 100, townshipsPerCounty: 15, items: 40, teams: 300, scenarios: 20)
    /// About ten provinces: 1,000 counties, 15,000 townships, ~16,000 depots, 100
    /// items, 3,000 teams, 1,425 × 1,425 ≈ 2.03 M road nodes, 200 scenarios.
    public static let national = SyntheticPreset(name: "national", gridSide: 1425, spacingDegrees: 0.0125, provinces: 10,
                                                 counties: 1000, townshipsPerCounty: 15, items: 100, teams: 3000, scenarios: 200)

    /// The presets by name.
    public static let all: [String: SyntheticPreset] = ["city": city, "province": province, "national": national]

    /// Creates a preset.
    public init(name: String, gridSide: Int, spacingDegrees: Double, provinces: Int, counties: Int,
                townshipsPerCounty: Int, items: Int, teams: Int, scenarios: Int, demandedItemsPerArea: Int = 0) {
        self.name = name
        self.gridSide = gridSide
        self.spacingDegrees = spacingDegrees
        self.provinces = provinces
        self.counties = counties
        self.townshipsPerCounty = townshipsPerCounty
        self.items = items
        self.teams = teams
        self.scenarios = scenarios
        self.demandedItemsPerArea = demandedItemsPerArea
    }
}

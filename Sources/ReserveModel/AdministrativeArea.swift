/// Level of an administrative area. The hierarchy itself comes from `parent`
/// links, so any depth and any skipped level (city → township) is allowed.
public enum AdministrativeLevel: String, Codable, Sendable, CaseIterable {
    /// 国家.
    case national
    /// 省、自治区.
    case province
    /// 地级市、盟.
    case city
    /// 县、县级市、区、旗.
    case county
    /// 乡、镇、街道、苏木.
    case township
    /// 村、社区、嘎查.
    case village
}

/// An administrative area: a province, city, county, township or village.
///
/// Areas are where people live (demand) and where risk sits (team targets).
public struct AdministrativeArea: Hashable, Codable, Sendable, Identifiable {
    /// Unique id, e.g. `HG-XN` for 兴安区.
    public var id: AreaID
    /// Chinese name, e.g. 兴安区.
    public var name: String
    /// Optional English or pinyin name.
    public var nameEn: String?
    /// Level in the hierarchy.
    public var level: AdministrativeLevel
    /// The enclosing area; nil for the root(s).
    public var parent: AreaID?
    /// Resident population (persons).
    public var population: Double
    /// Centroid (or seat of government) used for routing; nil for areas only used
    /// for aggregation.
    public var centroid: GeoPoint?
    /// Hazards the area is exposed to.
    public var hazards: [HazardExposure]
    /// Whether this is a major disaster-risk area (重大灾害事故风险区域) that forces
    /// must reach within the arrival target.
    public var majorRiskArea: Bool

    /// Creates an area.
    public init(id: AreaID, name: String, nameEn: String? = nil, level: AdministrativeLevel,
                parent: AreaID? = nil, population: Double = 0, centroid: GeoPoint? = nil,
                hazards: [HazardExposure] = [], majorRiskArea: Bool = false) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.level = level
        self.parent = parent
        self.population = population
        self.centroid = centroid
        self.hazards = hazards
        self.majorRiskArea = majorRiskArea
    }
}

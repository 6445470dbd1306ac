/// A kind of disaster or accident, used for exposure, team specialties and scenarios.
///
/// The list covers the hazards the five seed plans name; `other` keeps unusual
/// data loadable.
public enum HazardType: String, Codable, Sendable, CaseIterable, Comparable {
    /// River flood (江河洪水), e.g. the Songhua or Xinbian.
    case flood
    /// Mountain torrent / flash flood (山洪).
    case flashFlood
    /// Urban waterlogging after heavy rain (城市内涝).
    case waterlogging
    /// Landslide, debris flow, collapse (地质灾害).
    case landslide
    /// Earthquake.
    case earthquake
    /// Forest fire (森林火灾).
    case forestFire
    /// Grassland fire (草原火灾).
    case grasslandFire
    /// Blizzard, snow and ice, severe cold (雪灾、低温冰冻).
    case blizzard
    /// Drought.
    case drought
    /// Coal-mine or non-coal mine accident.
    case mine
    /// Hazardous-chemical accident (危险化学品).
    case chemical
    /// Urban fire, building fire.
    case urbanFire
    /// Traffic accident on roads or rail.
    case traffic
    /// Public-health emergency, epidemic.
    case epidemic
    /// Anything else.
    case other

    /// Orders by declaration order, for stable output.
    public static func < (a: HazardType, b: HazardType) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// How exposed an area is to a hazard (风险等级).
public enum RiskLevel: String, Codable, Sendable, CaseIterable {
    /// 低风险.
    case low
    /// 一般风险.
    case medium
    /// 较大风险.
    case high
    /// 重大风险.
    case major
}

/// One hazard an area is exposed to, with its risk level.
public struct HazardExposure: Hashable, Codable, Sendable {
    /// The hazard.
    public var hazard: HazardType
    /// The risk level.
    public var risk: RiskLevel

    /// Creates an exposure.
    public init(hazard: HazardType, risk: RiskLevel) {
        self.hazard = hazard
        self.risk = risk
    }
}

/// Emergency response level (应急响应级别), I the most severe.
public enum ResponseLevel: String, Codable, Sendable, CaseIterable {
    /// Ⅰ级 (particularly serious).
    case I
    /// Ⅱ级 (serious).
    case II
    /// Ⅲ级 (relatively serious).
    case III
    /// Ⅳ级 (general).
    case IV
}

/// Season of a scenario; cold seasons raise shelter and clothing needs.
public enum Season: String, Codable, Sendable, CaseIterable {
    /// March–May.
    case spring
    /// June–August (flood season 汛期).
    case summer
    /// September–November.
    case autumn
    /// December–February.
    case winter
}

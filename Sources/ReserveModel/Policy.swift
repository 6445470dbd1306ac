/// Arrival and relief targets in hours.
public struct TargetHours: Hashable, Codable, Sendable {
    /// Forces reach a major risk area within this many hours (2 by default).
    public var arrivalHours: Double
    /// Displaced people's basic needs are met within this many hours (10 by default).
    public var reliefHours: Double

    /// The national 14th five-year plan targets: 2 h arrival, 10 h relief.
    public static let nationalDefault = TargetHours(arrivalHours: 2, reliefHours: 10)

    /// Creates targets.
    public init(arrivalHours: Double, reliefHours: Double) {
        self.arrivalHours = arrivalHours
        self.reliefHours = reliefHours
    }
}

/// A target that applies only to one hazard and/or one response level.
public struct PolicyOverride: Hashable, Codable, Sendable {
    /// The hazard it applies to; nil = any hazard.
    public var hazard: HazardType?
    /// The response level it applies to; nil = any level.
    public var responseLevel: ResponseLevel?
    /// Arrival target in hours; nil = inherit.
    public var arrivalHours: Double?
    /// Relief target in hours; nil = inherit.
    public var reliefHours: Double?

    /// Creates an override.
    public init(hazard: HazardType? = nil, responseLevel: ResponseLevel? = nil,
                arrivalHours: Double? = nil, reliefHours: Double? = nil) {
        self.hazard = hazard
        self.responseLevel = responseLevel
        self.arrivalHours = arrivalHours
        self.reliefHours = reliefHours
    }
}

/// A named set of targets. Several can coexist (Hegang states both 8 h and 10 h);
/// a report says which one it checked against.
public struct Policy: Hashable, Codable, Sendable, Identifiable {
    /// Unique id.
    public var id: PolicyID
    /// Name, e.g. "鹤岗 8 小时救助".
    public var name: String
    /// Where the target comes from (plan section, year).
    public var source: String
    /// Arrival target for every hazard and level; nil = 2 h unless an override says.
    public var arrivalHours: Double?
    /// Relief target for every hazard and level; nil = 10 h unless an override says.
    public var reliefHours: Double?
    /// Hazard- or level-specific targets; the most specific match wins
    /// (hazard and level > hazard only > level only).
    public var overrides: [PolicyOverride]

    /// Creates a policy.
    public init(id: PolicyID, name: String, source: String = "", arrivalHours: Double? = nil,
                reliefHours: Double? = nil, overrides: [PolicyOverride] = []) {
        self.id = id
        self.name = name
        self.source = source
        self.arrivalHours = arrivalHours
        self.reliefHours = reliefHours
        self.overrides = overrides
    }

    /// Whether the policy states any target at all (a policy without one is an error).
    public var hasAnyTarget: Bool {
        arrivalHours != nil || reliefHours != nil
            || overrides.contains { $0.arrivalHours != nil || $0.reliefHours != nil }
    }

    /// The targets for a hazard at a response level: the most specific override,
    /// then the policy's own targets, then the national defaults (2 h / 10 h).
    public func targets(hazard: HazardType, level: ResponseLevel) -> TargetHours {
        func specificity(_ o: PolicyOverride) -> Int? {
            if let h = o.hazard, h != hazard { return nil }
            if let l = o.responseLevel, l != level { return nil }
            return (o.hazard != nil ? 2 : 0) + (o.responseLevel != nil ? 1 : 0)
        }
        // Stable: among equally specific overrides, the first listed wins.
        let ranked = overrides.enumerated()
            .compactMap { (i, o) in specificity(o).map { (rank: $0, index: i, o: o) } }
            .sorted { ($0.rank, -$0.index) > ($1.rank, -$1.index) }
        let arrival = ranked.lazy.compactMap { $0.o.arrivalHours }.first
            ?? arrivalHours ?? TargetHours.nationalDefault.arrivalHours
        let relief = ranked.lazy.compactMap { $0.o.reliefHours }.first
            ?? reliefHours ?? TargetHours.nationalDefault.reliefHours
        return TargetHours(arrivalHours: arrival, reliefHours: relief)
    }
}

extension Policy {
    enum CodingKeys: String, CodingKey {
        case id, name, source, arrivalHours, reliefHours, overrides
    }

    /// Decodes; `source` and `overrides` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(PolicyID.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  source: try c.decode(.source, default: ""),
                  arrivalHours: try c.decodeIfPresent(Double.self, forKey: .arrivalHours),
                  reliefHours: try c.decodeIfPresent(Double.self, forKey: .reliefHours),
                  overrides: try c.decode(.overrides, default: []))
    }
}

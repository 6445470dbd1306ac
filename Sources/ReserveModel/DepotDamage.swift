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

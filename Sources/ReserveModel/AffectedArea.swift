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

/// The money side of reserve planning, from `bundle.json`'s `planning` object
/// (docs/formats.md): what holding stock, adding agreement capacity and moving stock
/// between depots cost. Every field may be left out; the defaults are documented.
public struct PlanningParameters: Hashable, Codable, Sendable {
    /// Annual holding cost as a share of an item's price (storage, insurance, checks).
    /// Default 0.05.
    public var holdingRate: Double
    /// Annual fee for agreement capacity as a share of the item's price, per unit of
    /// capacity added. Default 0.02.
    public var contractFeeRate: Double
    /// Cost of moving one tonne one road kilometre between depots, CNY/(t·km). Default
    /// 0.5 (a hired truck, full one way and empty back).
    public var moveYuanPerTonneKm: Double
    /// Cost of handling one tonne moved between depots (loading out and in), CNY/t.
    /// Default 40.
    public var moveHandlingYuanPerTonne: Double

    /// The documented defaults.
    public static let defaults = PlanningParameters()

    /// Parameters with the given values (the defaults where left out).
    public init(holdingRate: Double = 0.05, contractFeeRate: Double = 0.02, moveYuanPerTonneKm: Double = 0.5,
                moveHandlingYuanPerTonne: Double = 40) {
        self.holdingRate = holdingRate
        self.contractFeeRate = contractFeeRate
        self.moveYuanPerTonneKm = moveYuanPerTonneKm
        self.moveHandlingYuanPerTonne = moveHandlingYuanPerTonne
    }

    enum CodingKeys: String, CodingKey {
        case holdingRate, contractFeeRate, moveYuanPerTonneKm, moveHandlingYuanPerTonne
    }

    /// Decodes; every field may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PlanningParameters.defaults
        holdingRate = try c.decode(.holdingRate, default: d.holdingRate)
        contractFeeRate = try c.decode(.contractFeeRate, default: d.contractFeeRate)
        moveYuanPerTonneKm = try c.decode(.moveYuanPerTonneKm, default: d.moveYuanPerTonneKm)
        moveHandlingYuanPerTonne = try c.decode(.moveHandlingYuanPerTonne, default: d.moveHandlingYuanPerTonne)
    }
}

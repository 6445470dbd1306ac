/// How a depot holds its reserve (储备方式); each mode becomes available after its
/// own delay, which the dispatch model must respect.
public enum ReserveMode: String, Codable, Sendable, CaseIterable {
    /// Government-owned stock on hand (实物储备): available after handling.
    case physical
    /// Company stock released on request after a lead time, up to a cap (协议储备).
    case agreement
    /// Stock stored by an enterprise on the government's behalf (企业代储).
    case delegated
    /// A factory that produces at a rate after a ramp-up (产能储备).
    case productionCapacity
    /// Household reserves (家庭储备): reduce local demand rather than ship.
    case household
    /// Social / donation reserves (社会化储备、捐赠).
    case social
}

/// The terms that make a non-physical reserve available.
///
/// All fields default to "no constraint" so a physical depot needs none of them.
public struct ReserveModeTerms: Hashable, Codable, Sendable {
    /// Hours from the request until the goods can leave (agreement, delegated,
    /// social, mutual aid); 0 for physical stock.
    public var leadHours: Double
    /// Maximum tonnes the contract obliges the holder to release; nil = the listed
    /// stock is the only limit.
    public var contractCapTonnes: Double?
    /// Tonnes per hour produced after ramp-up (production capacity only), shared by
    /// the items the depot lists in the stock table.
    public var productionRateTonnesPerHour: Double?
    /// Hours before production starts (production capacity only).
    public var rampUpHours: Double

    /// Creates mode terms.
    public init(leadHours: Double = 0, contractCapTonnes: Double? = nil,
                productionRateTonnesPerHour: Double? = nil, rampUpHours: Double = 0) {
        self.leadHours = leadHours
        self.contractCapTonnes = contractCapTonnes
        self.productionRateTonnesPerHour = productionRateTonnesPerHour
        self.rampUpHours = rampUpHours
    }
}

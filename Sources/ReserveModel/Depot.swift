/// Level or kind of a depot (应急物资储备库 / 储备点).
public enum DepotLevel: String, Codable, Sendable, CaseIterable {
    /// National reserve warehouse.
    case national
    /// Provincial warehouse.
    case province
    /// City warehouse or city sub-centre (市级储备库 / 分中心).
    case city
    /// County / district warehouse.
    case county
    /// Township / street storage point.
    case township
    /// Village / community point.
    case community
    /// Logistics transfer hub (应急物流中心).
    case hub
    /// A company's own site: agreement supplier or production plant.
    case enterprise
}

/// A place that can send materials: a government warehouse, an agreement supplier,
/// a factory, or a neighbouring jurisdiction's depot (mutual aid).
public struct Depot: Hashable, Codable, Sendable, Identifiable {
    /// Unique id.
    public var id: DepotID
    /// Name, e.g. 鹤岗市救灾物资储备库.
    public var name: String
    /// Level or kind.
    public var level: DepotLevel
    /// The administrative area it belongs to (nil for mutual-aid depots outside the
    /// bundle's areas).
    public var area: AreaID?
    /// Where trucks load.
    public var location: GeoPoint
    /// Who holds it (bureau, company).
    public var owner: String
    /// Storage volume in cubic metres.
    public var capacityM3: Double
    /// Storage weight capacity in tonnes.
    public var capacityTonnes: Double
    /// Hours to open, pick and load before the first truck leaves.
    public var handlingHours: Double
    /// Outbound loading throughput in tonnes per hour.
    public var throughputTonnesPerHour: Double
    /// How the reserve is held.
    public var mode: ReserveMode
    /// Availability terms for non-physical modes.
    public var terms: ReserveModeTerms
    /// Whether it belongs to a neighbouring jurisdiction (就近增援 / 对口支援).
    public var mutualAid: Bool
    /// Hours for the neighbour to approve and release (mutual aid only).
    public var mutualAidLeadHours: Double?

    /// Creates a depot.
    public init(id: DepotID, name: String, level: DepotLevel, area: AreaID? = nil,
                location: GeoPoint, owner: String = "", capacityM3: Double = 0,
                capacityTonnes: Double = 0, handlingHours: Double = 0,
                throughputTonnesPerHour: Double = 0, mode: ReserveMode = .physical,
                terms: ReserveModeTerms = ReserveModeTerms(), mutualAid: Bool = false,
                mutualAidLeadHours: Double? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.area = area
        self.location = location
        self.owner = owner
        self.capacityM3 = capacityM3
        self.capacityTonnes = capacityTonnes
        self.handlingHours = handlingHours
        self.throughputTonnesPerHour = throughputTonnesPerHour
        self.mode = mode
        self.terms = terms
        self.mutualAid = mutualAid
        self.mutualAidLeadHours = mutualAidLeadHours
    }

    /// Hours from the request until goods can start loading: mode lead time plus
    /// mutual-aid approval (ramp-up for production is separate).
    public var releaseDelayHours: Double {
        terms.leadHours + (mutualAid ? (mutualAidLeadHours ?? 0) : 0)
    }
}

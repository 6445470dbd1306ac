/// Trucks stationed at a depot.
public struct FleetEntry: Hashable, Codable, Sendable {
    /// The depot.
    public var depot: DepotID
    /// Number of trucks.
    public var trucks: Int
    /// Payload per truck in tonnes.
    public var capacityTonnes: Double
    /// Cargo volume per truck in cubic metres.
    public var capacityM3: Double
    /// Multiplier on road speed (heavy trucks < 1); nil = 1.
    public var speedFactor: Double?

    /// Creates a fleet entry.
    public init(depot: DepotID, trucks: Int, capacityTonnes: Double, capacityM3: Double, speedFactor: Double? = nil) {
        self.depot = depot
        self.trucks = trucks
        self.capacityTonnes = capacityTonnes
        self.capacityM3 = capacityM3
        self.speedFactor = speedFactor
    }
}

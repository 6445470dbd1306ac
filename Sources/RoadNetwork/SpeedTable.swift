/// Default travel speeds in km/h per ``RoadClass``, used for every edge that carries
/// no speed of its own.
///
/// The defaults follow the design speeds of China's *Technical Standard of Highway
/// Engineering* (JTG B01) for each administrative class, reduced to typical truck
/// operating speeds. Override any entry for local conditions; a scenario-wide
/// slowdown (ice, snow) belongs in a ``Disruption``, not here.
public struct SpeedTable: Hashable, Sendable {
    /// Speeds in km/h indexed by ``RoadClass/ordinal``.
    @usableFromInline var kmh: [Double]

    /// The default table: expressway 90, national 70, provincial 60, county 45,
    /// township 35, village 25, urban 30 km/h.
    public static let standard = SpeedTable(kmh: [90, 70, 60, 45, 35, 25, 30])

    @usableFromInline init(kmh: [Double]) { self.kmh = kmh }

    /// A table with the given overrides on top of ``standard``.
    ///
    /// - Precondition: every speed is finite and positive (the readers validate user data
    ///   before it gets here).
    public init(overriding overrides: [RoadClass: Double] = [:]) {
        var kmh = SpeedTable.standard.kmh
        for (roadClass, speed) in overrides {
            precondition(speed > 0 && speed.isFinite, "speed for \(roadClass) must be positive")
            kmh[roadClass.ordinal] = speed
        }
        self.kmh = kmh
    }

    /// The speed in km/h for a class.
    @inlinable public subscript(roadClass: RoadClass) -> Double {
        get { kmh[roadClass.ordinal] }
        set {
            precondition(newValue > 0 && newValue.isFinite, "speed must be positive")
            kmh[roadClass.ordinal] = newValue
        }
    }
}

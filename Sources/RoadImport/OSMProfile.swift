/// Which vehicle an import is for: it decides which `highway` classes and access
/// tags count as drivable, and the speed cap.
///
/// | profile | `service` | `track` | access tags read (most specific first) | cap |
/// |---|---|---|---|---|
/// | `truck` | yes | no | `hgv`, `motor_vehicle`, `vehicle`, `access` | 90 km/h |
/// | `car` | yes | no | `motorcar`, `motor_vehicle`, `vehicle`, `access` | 130 km/h |
/// | `emergency` | yes | yes | `emergency` (yes/designated override), then as `car` | 130 km/h |
public struct OSMProfile: Hashable, Sendable {
    /// The profile's name.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case truck, car, emergency
    }

    /// The vehicle.
    public var kind: Kind
    /// Whether `highway=service` roads are drivable (parking aisles, yards).
    public var includesService: Bool
    /// Whether `highway=track` roads are drivable (forest and farm tracks; forest-fire
    /// teams drive them).
    public var includesTracks: Bool

    /// The defaults of a kind (table above).
    public init(_ kind: Kind, includesService: Bool? = nil, includesTracks: Bool? = nil) {
        self.kind = kind
        self.includesService = includesService ?? true
        self.includesTracks = includesTracks ?? (kind == .emergency)
    }

    /// Highest speed in km/h an edge gets under this profile, whatever its `maxspeed`:
    /// Chinese law caps trucks at 100 km/h on expressways and loaded relief trucks
    /// keep well below; cars and emergency vehicles at 120 (+10 % for emergencies).
    public var maxSpeedKmh: Double { kind == .truck ? 90 : 130 }

    /// The access keys this profile reads, most specific first.
    var accessKeys: [String] {
        switch kind {
        case .truck: ["hgv", "motor_vehicle", "vehicle", "access"]
        case .car, .emergency: ["motorcar", "motor_vehicle", "vehicle", "access"]
        }
    }

    /// The drivable `highway` classes under this profile.
    public var highwayClasses: [String] {
        var classes = OSMSpeeds.coreHighways
        if includesService { classes.append("service") }
        if includesTracks { classes.append("track") }
        return classes
    }

    /// Whether the access tags let this vehicle in: the most specific key present
    /// decides; `no` and `private` exclude (for `emergency`, `emergency=yes|designated`
    /// admits whatever the others say).
    func admits<Tags: OSMTagLookup>(_ tags: Tags) -> Bool {
        if kind == .emergency, let e = tags["emergency"], ["yes", "designated"].contains(e) { return true }
        for key in accessKeys {
            guard let value = tags[key] else { continue }
            return !Self.denying.contains(value)
        }
        return true
    }

    /// Access values that keep the vehicle out.
    static let denying: Set<String> = ["no", "private"]
}

/// The kind of a rescue team, which says who commands it and how fast it moves.
public enum TeamKind: String, Codable, Sendable, CaseIterable {
    /// National comprehensive fire and rescue (国家综合性消防救援队伍).
    case fireRescue
    /// Professional forest firefighters.
    case forestFire
    /// Professional rescue (mine rescue, chemical, flood, medical…).
    case professional
    /// Semi-professional or township teams (半专业、乡镇).
    case semiProfessional
    /// Enterprise teams.
    case enterprise
    /// Social / volunteer teams (社会应急力量).
    case social
    /// Militia and army support.
    case militia
}

/// A rescue team (应急力量 / 救援队伍): the 2-hour arrival target is about teams.
public struct Team: Hashable, Codable, Sendable, Identifiable {
    /// Unique id.
    public var id: TeamID
    /// Name, e.g. 鹤北森林消防大队.
    public var name: String
    /// Kind of team.
    public var kind: TeamKind
    /// The area where it is based (nil if outside the bundle's areas).
    public var area: AreaID?
    /// Where it leaves from.
    public var location: GeoPoint
    /// Hazards it is equipped and trained for.
    public var specialties: [HazardType]
    /// Number of people.
    public var headcount: Int
    /// Number of vehicles.
    public var vehicles: Int
    /// Minutes from call to departure.
    public var mobilisationMinutes: Double

    /// Creates a team.
    public init(id: TeamID, name: String, kind: TeamKind, area: AreaID? = nil, location: GeoPoint,
                specialties: [HazardType], headcount: Int, vehicles: Int = 0, mobilisationMinutes: Double = 30) {
        self.id = id
        self.name = name
        self.kind = kind
        self.area = area
        self.location = location
        self.specialties = specialties
        self.headcount = headcount
        self.vehicles = vehicles
        self.mobilisationMinutes = mobilisationMinutes
    }
}

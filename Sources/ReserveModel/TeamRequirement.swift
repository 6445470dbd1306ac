/// Teams of one specialty needed in a risk area.
public struct TeamRequirement: Hashable, Codable, Sendable {
    /// The risk area.
    public var area: AreaID
    /// The specialty needed.
    public var specialty: HazardType
    /// People needed.
    public var headcount: Int

    /// Creates a requirement.
    public init(area: AreaID, specialty: HazardType, headcount: Int) {
        self.area = area
        self.specialty = specialty
        self.headcount = headcount
    }
}

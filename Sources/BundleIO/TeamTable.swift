import ReserveModel

/// `teams.csv` ↔ ``Team``.
enum TeamTable: TableCodec {
    static let table = BundleTable.teams
    static let columns = ["id", "name", "kind", "area", "lat", "lon", "specialties", "headcount", "vehicles", "mobilisation_minutes"]
    /// Without it every team mobilises in 30 minutes, whatever its real readiness.
    static let dispatchColumns = ["mobilisation_minutes": "30 min"]
    static let requiredColumns = ["id", "name", "kind", "lat", "lon", "specialties", "headcount"]

    static func decode(_ r: inout RowReader) -> Team {
        Team(id: TeamID(r.requiredString("id")), name: r.requiredString("name"), kind: r.enumValue("kind") ?? .professional,
             area: r.optionalString("area").map(AreaID.init), location: r.point(),
             specialties: r.enumList("specialties"), headcount: r.int("headcount", default: 0),
             vehicles: r.int("vehicles", default: 0), mobilisationMinutes: r.double("mobilisation_minutes", default: 30))
    }

    static func encode(_ t: Team) -> [String] {
        [t.id.rawValue, t.name, t.kind.rawValue, t.area?.rawValue ?? "", NumberText.format(t.location.lat),
         NumberText.format(t.location.lon), t.specialties.map(\.rawValue).joined(separator: ";"), String(t.headcount),
         String(t.vehicles), NumberText.format(t.mobilisationMinutes)]
    }
}

import ReserveModel

/// `areas.csv` ↔ ``AdministrativeArea``.
enum AreaTable: TableCodec {
    static let table = BundleTable.areas
    static let columns = ["id", "name", "name_en", "level", "parent", "population", "lat", "lon", "hazards", "major_risk_area"]
    static let requiredColumns = ["id", "name", "level"]

    static func decode(_ r: inout RowReader) -> AdministrativeArea {
        let lat = r.optionalDouble("lat"), lon = r.optionalDouble("lon")
        if (lat == nil) != (lon == nil) { r.fail(lat == nil ? "lat" : "lon", "cell.halfCoordinate") }
        return AdministrativeArea(
            id: AreaID(r.requiredString("id")), name: r.requiredString("name"), nameEn: r.optionalString("name_en"),
            level: r.enumValue("level") ?? .township, parent: r.optionalString("parent").map(AreaID.init),
            population: r.double("population", default: 0),
            centroid: lat.flatMap { la in lon.map { GeoPoint(lat: la, lon: $0) } },
            hazards: HazardListText.decode(&r, "hazards"), majorRiskArea: r.bool("major_risk_area"))
    }

    static func encode(_ a: AdministrativeArea) -> [String] {
        [a.id.rawValue, a.name, a.nameEn ?? "", a.level.rawValue, a.parent?.rawValue ?? "", NumberText.format(a.population),
         NumberText.format(a.centroid?.lat), NumberText.format(a.centroid?.lon), HazardListText.encode(a.hazards),
         a.majorRiskArea ? "true" : "false"]
    }
}

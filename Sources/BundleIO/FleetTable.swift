import ReserveModel

/// `fleet.csv` ↔ ``FleetEntry``.
enum FleetTable: TableCodec {
    static let table = BundleTable.fleet
    static let columns = ["depot", "trucks", "capacity_tonnes", "capacity_m3", "speed_factor"]
    static let requiredColumns = ["depot", "trucks", "capacity_tonnes", "capacity_m3"]

    static func decode(_ r: inout RowReader) -> FleetEntry {
        FleetEntry(depot: DepotID(r.requiredString("depot")), trucks: r.int("trucks", default: 0),
                   capacityTonnes: r.requiredDouble("capacity_tonnes"), capacityM3: r.requiredDouble("capacity_m3"),
                   speedFactor: r.optionalDouble("speed_factor"))
    }

    static func encode(_ f: FleetEntry) -> [String] {
        [f.depot.rawValue, String(f.trucks), NumberText.format(f.capacityTonnes), NumberText.format(f.capacityM3),
         NumberText.format(f.speedFactor)]
    }
}

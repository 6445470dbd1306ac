import ReserveModel

/// `depots.csv` ↔ ``Depot`` (mode terms flattened into columns).
enum DepotTable: TableCodec {
    static let table = BundleTable.depots
    static let columns = ["id", "name", "level", "area", "lat", "lon", "owner", "capacity_m3", "capacity_tonnes",
                          "handling_hours", "throughput_tonnes_per_hour", "mode", "lead_hours", "contract_cap_tonnes",
                          "production_rate_tonnes_per_hour", "ramp_up_hours", "mutual_aid", "mutual_aid_lead_hours"]
    static let requiredColumns = ["id", "name", "level", "lat", "lon"]
    /// Without throughput every depot sends nothing; without handling time loading is instant.
    static let dispatchColumns = ["handling_hours": "0 h", "throughput_tonnes_per_hour": "0 t/h"]

    static func decode(_ r: inout RowReader) -> Depot {
        Depot(id: DepotID(r.requiredString("id")), name: r.requiredString("name"), level: r.enumValue("level") ?? .township,
              area: r.optionalString("area").map(AreaID.init), location: r.point(), owner: r.string("owner"),
              capacityM3: r.double("capacity_m3", default: 0), capacityTonnes: r.double("capacity_tonnes", default: 0),
              handlingHours: r.double("handling_hours", default: 0),
              throughputTonnesPerHour: r.double("throughput_tonnes_per_hour", default: 0),
              mode: r.enumValue("mode", default: .physical) ?? .physical,
              terms: ReserveModeTerms(leadHours: r.double("lead_hours", default: 0),
                                      contractCapTonnes: r.optionalDouble("contract_cap_tonnes"),
                                      productionRateTonnesPerHour: r.optionalDouble("production_rate_tonnes_per_hour"),
                                      rampUpHours: r.double("ramp_up_hours", default: 0)),
              mutualAid: r.bool("mutual_aid"), mutualAidLeadHours: r.optionalDouble("mutual_aid_lead_hours"))
    }

    static func encode(_ d: Depot) -> [String] {
        [d.id.rawValue, d.name, d.level.rawValue, d.area?.rawValue ?? "", NumberText.format(d.location.lat),
         NumberText.format(d.location.lon), d.owner, NumberText.format(d.capacityM3), NumberText.format(d.capacityTonnes),
         NumberText.format(d.handlingHours), NumberText.format(d.throughputTonnesPerHour), d.mode.rawValue,
         NumberText.format(d.terms.leadHours), NumberText.format(d.terms.contractCapTonnes),
         NumberText.format(d.terms.productionRateTonnesPerHour), NumberText.format(d.terms.rampUpHours),
         d.mutualAid ? "true" : "false", NumberText.format(d.mutualAidLeadHours)]
    }
}

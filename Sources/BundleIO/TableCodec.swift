import ReserveModel

/// How one flat table maps between CSV rows and records: its columns in written
/// order, the columns a file must have, and the two conversions.
protocol TableCodec {
    associatedtype Record
    static var table: BundleTable { get }
    /// Every column, in the order the writer writes them.
    static var columns: [String] { get }
    /// Columns a file must have (the rest may be left out and take defaults).
    static var requiredColumns: [String] { get }
    static func decode(_ r: inout RowReader) -> Record
    static func encode(_ x: Record) -> [String]
}

extension TableCodec {
    static func encodeTable(_ records: [Record]) -> String {
        CSVText.encode(header: columns, rows: records.map(encode))
    }
}

/// `a:major;b:high` ↔ hazard exposures.
enum HazardListText {
    static func encode(_ list: [HazardExposure]) -> String {
        list.map { "\($0.hazard.rawValue):\($0.risk.rawValue)" }.joined(separator: ";")
    }

    static func decode(_ r: inout RowReader, _ column: String) -> [HazardExposure] {
        var out: [HazardExposure] = []
        for part in r.text(column).split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard let h = pieces.first, !h.isEmpty else { continue }
            guard let hazard = HazardType(rawValue: h) else {
                r.fail(column, "hazard '\(h)' is not one of \(HazardType.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            let riskText = pieces.count > 1 ? pieces[1] : "medium"
            guard let risk = RiskLevel(rawValue: riskText) else {
                r.fail(column, "risk level '\(riskText)' is not one of \(RiskLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            out.append(HazardExposure(hazard: hazard, risk: risk))
        }
        return out
    }
}

enum AreaTable: TableCodec {
    static let table = BundleTable.areas
    static let columns = ["id", "name", "name_en", "level", "parent", "population", "lat", "lon", "hazards", "major_risk_area"]
    static let requiredColumns = ["id", "name", "level"]

    static func decode(_ r: inout RowReader) -> AdministrativeArea {
        let lat = r.optionalDouble("lat"), lon = r.optionalDouble("lon")
        if (lat == nil) != (lon == nil) { r.fail(lat == nil ? "lat" : "lon", "lat and lon must both be given or both be empty.") }
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

enum DepotTable: TableCodec {
    static let table = BundleTable.depots
    static let columns = ["id", "name", "level", "area", "lat", "lon", "owner", "capacity_m3", "capacity_tonnes",
                          "handling_hours", "throughput_tonnes_per_hour", "mode", "lead_hours", "contract_cap_tonnes",
                          "production_rate_tonnes_per_hour", "ramp_up_hours", "mutual_aid", "mutual_aid_lead_hours"]
    static let requiredColumns = ["id", "name", "level", "lat", "lon"]

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

enum ItemTable: TableCodec {
    static let table = BundleTable.items
    static let columns = ["id", "code", "name", "name_en", "category", "unit", "unit_weight_kg", "unit_volume_m3",
                          "shelf_life_days", "unit_price_yuan", "norm_per_person_day", "norm_per_household",
                          "norm_per_incident", "norm_source", "criticality"]
    static let requiredColumns = ["id", "name", "category", "unit", "unit_weight_kg", "unit_volume_m3"]

    static func decode(_ r: inout RowReader) -> Item {
        Item(id: ItemID(r.requiredString("id")), code: r.string("code"), name: r.requiredString("name"),
             nameEn: r.optionalString("name_en"), category: r.enumValue("category") ?? .other, unit: r.requiredString("unit"),
             unitWeightKg: r.requiredDouble("unit_weight_kg"), unitVolumeM3: r.requiredDouble("unit_volume_m3"),
             shelfLifeDays: r.optionalDouble("shelf_life_days"), unitPriceYuan: r.double("unit_price_yuan", default: 0),
             norms: ConsumptionNorms(perPersonDay: r.double("norm_per_person_day", default: 0),
                                     perHousehold: r.double("norm_per_household", default: 0),
                                     perIncident: r.double("norm_per_incident", default: 0),
                                     source: r.string("norm_source")),
             criticality: r.double("criticality", default: 1))
    }

    static func encode(_ i: Item) -> [String] {
        [i.id.rawValue, i.code, i.name, i.nameEn ?? "", i.category.rawValue, i.unit, NumberText.format(i.unitWeightKg),
         NumberText.format(i.unitVolumeM3), NumberText.format(i.shelfLifeDays), NumberText.format(i.unitPriceYuan),
         NumberText.format(i.norms.perPersonDay), NumberText.format(i.norms.perHousehold),
         NumberText.format(i.norms.perIncident), i.norms.source, NumberText.format(i.criticality)]
    }
}

enum StockTable: TableCodec {
    static let table = BundleTable.stock
    static let columns = ["depot", "item", "quantity", "unit", "batch", "received", "expiry"]
    static let requiredColumns = ["depot", "item", "quantity"]

    static func decode(_ r: inout RowReader) -> StockLot {
        StockLot(depot: DepotID(r.requiredString("depot")), item: ItemID(r.requiredString("item")),
                 quantity: r.requiredDouble("quantity"), unit: r.optionalString("unit"), batch: r.string("batch"),
                 received: r.date("received"), expiry: r.date("expiry"))
    }

    static func encode(_ s: StockLot) -> [String] {
        [s.depot.rawValue, s.item.rawValue, NumberText.format(s.quantity), s.unit ?? "", s.batch,
         s.received?.description ?? "", s.expiry?.description ?? ""]
    }
}

enum TeamTable: TableCodec {
    static let table = BundleTable.teams
    static let columns = ["id", "name", "kind", "area", "lat", "lon", "specialties", "headcount", "vehicles", "mobilisation_minutes"]
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

enum NodeTable: TableCodec {
    static let table = BundleTable.roadNodes
    static let columns = ["id", "lat", "lon"]
    static let requiredColumns = ["id", "lat", "lon"]

    static func decode(_ r: inout RowReader) -> RoadNodeRecord {
        RoadNodeRecord(id: RoadNodeID(r.requiredString("id")), lat: r.requiredDouble("lat"), lon: r.requiredDouble("lon"))
    }

    static func encode(_ n: RoadNodeRecord) -> [String] {
        [n.id.rawValue, NumberText.format(n.lat), NumberText.format(n.lon)]
    }
}

enum RoadTable: TableCodec {
    static let table = BundleTable.roadEdges
    static let columns = ["from", "to", "length_km", "class", "speed_kmh", "oneway"]
    static let requiredColumns = ["from", "to", "length_km", "class"]

    static func decode(_ r: inout RowReader) -> RoadEdgeRecord {
        RoadEdgeRecord(from: RoadNodeID(r.requiredString("from")), to: RoadNodeID(r.requiredString("to")),
                       lengthKm: r.requiredDouble("length_km"), roadClass: r.requiredString("class"),
                       speedKmh: r.optionalDouble("speed_kmh"), oneway: r.bool("oneway"))
    }

    static func encode(_ e: RoadEdgeRecord) -> [String] {
        [e.from.rawValue, e.to.rawValue, NumberText.format(e.lengthKm), e.roadClass, NumberText.format(e.speedKmh),
         e.oneway ? "true" : "false"]
    }
}

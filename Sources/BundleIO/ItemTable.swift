import ReserveModel

/// `items.csv` ↔ ``Item`` (norms flattened into `norm_*` columns).
enum ItemTable: TableCodec {
    static let table = BundleTable.items
    static let columns = ["id", "code", "name", "name_en", "category", "unit", "unit_weight_kg", "unit_volume_m3",
                          "shelf_life_days", "unit_price_yuan", "norm_per_person_day", "norm_per_household",
                          "norm_per_incident", "norm_source", "criticality", "divisible"]
    static let requiredColumns = ["id", "name", "category", "unit", "unit_weight_kg", "unit_volume_m3"]

    static func decode(_ r: inout RowReader) -> Item {
        let unit = r.requiredString("unit")
        return Item(id: ItemID(r.requiredString("id")), code: r.string("code"), name: r.requiredString("name"),
             nameEn: r.optionalString("name_en"), category: r.enumValue("category") ?? .other, unit: unit,
             unitWeightKg: r.requiredDouble("unit_weight_kg"), unitVolumeM3: r.requiredDouble("unit_volume_m3"),
             shelfLifeDays: r.optionalDouble("shelf_life_days"), unitPriceYuan: r.double("unit_price_yuan", default: 0),
             norms: ConsumptionNorms(perPersonDay: r.double("norm_per_person_day", default: 0),
                                     perHousehold: r.double("norm_per_household", default: 0),
                                     perIncident: r.double("norm_per_incident", default: 0),
                                     source: r.string("norm_source")),
             criticality: r.double("criticality", default: 1),
             divisible: r.bool("divisible", default: Item.isMeasured(unit: unit)))
    }

    static func encode(_ i: Item) -> [String] {
        [i.id.rawValue, i.code, i.name, i.nameEn ?? "", i.category.rawValue, i.unit, NumberText.format(i.unitWeightKg),
         NumberText.format(i.unitVolumeM3), NumberText.format(i.shelfLifeDays), NumberText.format(i.unitPriceYuan),
         NumberText.format(i.norms.perPersonDay), NumberText.format(i.norms.perHousehold),
         NumberText.format(i.norms.perIncident), i.norms.source, NumberText.format(i.criticality),
         i.divisible == Item.isMeasured(unit: i.unit) ? "" : (i.divisible ? "true" : "false")]
    }
}

import Foundation
/// Category of material (Hegang's four plus the others the plans mention).
public enum ItemCategory: String, Codable, Sendable, CaseIterable {
    /// 应急救灾 / basic life: tents, quilts, cotton clothes, beds.
    case relief
    /// 防汛抗旱: woven bags, wire, life jackets, pumps, boats.
    case flood
    /// 森林草原防灭火: extinguishers, pumps, rakes, suits.
    case fire
    /// 安全生产 / hazardous chemicals.
    case workSafety
    /// 卫生应急: drugs, disinfectants, PPE.
    case medical
    /// Food and grain.
    case food
    /// Power repair, generators.
    case power
    /// Drinking and supply water.
    case water
    /// Communications.
    case communications
    /// Anything else.
    case other
}

/// How much of an item a need calls for (Sphere-style norms).
///
/// The three norms add up: a displaced person for a number of days, plus one per
/// household, plus a fixed amount per incident (e.g. pumps per flood site).
public struct ConsumptionNorms: Hashable, Codable, Sendable {
    /// Units per displaced person per day.
    public var perPersonDay: Double
    /// Units per displaced household (once).
    public var perHousehold: Double
    /// Units per incident (once).
    public var perIncident: Double
    /// Where the norm comes from (e.g. "Sphere 2018, water 15 L/p/d").
    public var source: String

    /// Creates norms; all zero by default (item not driven by population).
    public init(perPersonDay: Double = 0, perHousehold: Double = 0, perIncident: Double = 0, source: String = "") {
        self.perPersonDay = perPersonDay
        self.perHousehold = perHousehold
        self.perIncident = perIncident
        self.source = source
    }

    /// Whether any norm is non-zero.
    public var isEmpty: Bool { perPersonDay == 0 && perHousehold == 0 && perIncident == 0 }
}

/// An item of the material catalogue.
public struct Item: Hashable, Codable, Sendable, Identifiable {
    /// Unique id.
    public var id: ItemID
    /// Classification code (分类编码), free-form.
    public var code: String
    /// Chinese name.
    public var name: String
    /// Optional English name.
    public var nameEn: String?
    /// Category.
    public var category: ItemCategory
    /// Counting unit (顶, 床, 件, 箱, L…). Stock rows may repeat it; they must agree.
    public var unit: String
    /// Weight of one unit in kilograms.
    public var unitWeightKg: Double
    /// Volume of one unit in cubic metres.
    public var unitVolumeM3: Double
    /// Shelf life in days; nil if it does not expire.
    public var shelfLifeDays: Double?
    /// Unit price in yuan (CNY).
    public var unitPriceYuan: Double
    /// Consumption norms.
    public var norms: ConsumptionNorms
    /// Relative importance when stock is short (1 = normal; water and tents higher).
    public var criticality: Double
    /// Whether it may be dispatched and stocked in fractions of its unit. Items
    /// counted in pieces (艘 台 顶 张 床 件 个 部 辆 套 …) may not: a plan never
    /// sends 0.4 of a boat. Measured units (L, kg, t, m³ …) may. Defaults to
    /// ``isMeasured(unit:)``.
    public var divisible: Bool

    /// Whether a unit measures an amount (litres, kilograms, tonnes, metres, square or
    /// cubic metres, in Chinese or as symbols) rather than counting pieces: the default
    /// of ``divisible`` (docs/formats.md, items.csv).
    public static func isMeasured(unit: String) -> Bool {
        let measured: Set<String> = ["l", "ml", "升", "毫升", "公升", "kg", "g", "t", "千克", "公斤", "克", "吨", "斤",
                                     "m", "km", "米", "千米", "公里", "m²", "m2", "平方米", "m³", "m3", "立方米", "方"]
        return measured.contains(unit.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Creates an item.
    public init(id: ItemID, code: String = "", name: String, nameEn: String? = nil,
                category: ItemCategory, unit: String, unitWeightKg: Double, unitVolumeM3: Double,
                shelfLifeDays: Double? = nil, unitPriceYuan: Double = 0,
                norms: ConsumptionNorms = ConsumptionNorms(), criticality: Double = 1, divisible: Bool? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.category = category
        self.unit = unit
        self.unitWeightKg = unitWeightKg
        self.unitVolumeM3 = unitVolumeM3
        self.shelfLifeDays = shelfLifeDays
        self.unitPriceYuan = unitPriceYuan
        self.norms = norms
        self.criticality = criticality
        self.divisible = divisible ?? Item.isMeasured(unit: unit)
    }
}

extension Item {
    private enum CodingKeys: String, CodingKey {
        case id, code, name, nameEn, category, unit, unitWeightKg, unitVolumeM3, shelfLifeDays, unitPriceYuan, norms,
             criticality, divisible
    }

    /// Decodes an item; `divisible` may be left out (its default follows the unit).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try c.decode(String.self, forKey: .unit)
        self.init(id: try c.decode(ItemID.self, forKey: .id), code: try c.decode(.code, default: ""),
                  name: try c.decode(String.self, forKey: .name), nameEn: try c.decodeIfPresent(String.self, forKey: .nameEn),
                  category: try c.decode(ItemCategory.self, forKey: .category), unit: unit,
                  unitWeightKg: try c.decode(Double.self, forKey: .unitWeightKg),
                  unitVolumeM3: try c.decode(Double.self, forKey: .unitVolumeM3),
                  shelfLifeDays: try c.decodeIfPresent(Double.self, forKey: .shelfLifeDays),
                  unitPriceYuan: try c.decode(.unitPriceYuan, default: 0),
                  norms: try c.decode(.norms, default: ConsumptionNorms()),
                  criticality: try c.decode(.criticality, default: 1),
                  divisible: try c.decodeIfPresent(Bool.self, forKey: .divisible))
    }
}

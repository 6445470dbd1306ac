import ReserveModel

/// A catalogue of common emergency items with Sphere-style norms, repeated with
/// spec variants when a preset asks for more items than the base list has.
enum SyntheticCatalogue {
    // (id, code, name, english, category, unit, kg, m³, shelf days, price, per person-day, per household, per incident, criticality)
    static let base: [(String, String, String, String, ItemCategory, String, Double, Double, Double?, Double, Double, Double, Double, Double)] = [
        ("water", "0801", "瓶装饮用水", "bottled water (L)", .water, "L", 1.05, 0.0012, 540, 2, 15, 0, 0, 3),
        ("instant-food", "0701", "方便食品", "ready meals", .food, "份", 0.4, 0.001, 270, 8, 3, 0, 0, 3),
        ("tent", "0101", "救灾帐篷(12m²)", "family tent 12 m²", .relief, "顶", 35, 0.12, nil, 1800, 0, 1, 0, 3),
        ("quilt", "0102", "棉被", "quilt", .relief, "床", 3, 0.03, nil, 150, 0, 0, 0, 2),
        ("coat", "0103", "棉大衣", "padded coat", .relief, "件", 2, 0.02, nil, 220, 0, 0, 0, 2),
        ("bed", "0104", "折叠床", "folding bed", .relief, "张", 12, 0.08, nil, 260, 0, 0, 0, 1.5),
        ("sandbag", "0201", "编织袋", "woven bag", .flood, "条", 0.1, 0.0005, nil, 1.2, 0, 0, 5000, 2),
        ("wire", "0202", "铁线", "iron wire (kg)", .flood, "kg", 1, 0.0002, nil, 7, 0, 0, 300, 1),
        ("lifejacket", "0203", "救生衣", "life jacket", .flood, "件", 0.8, 0.01, nil, 90, 0, 0, 200, 2),
        ("pump", "0204", "抽水泵", "drainage pump", .flood, "台", 60, 0.2, nil, 4500, 0, 0, 6, 2),
        ("boat", "0205", "冲锋舟", "rescue boat", .flood, "艘", 150, 3, nil, 45000, 0, 0, 2, 2),
        ("extinguisher", "0301", "风力灭火机", "wind extinguisher", .fire, "台", 11, 0.05, nil, 3200, 0, 0, 20, 2),
        ("fire-rake", "0302", "二号工具", "fire rake", .fire, "把", 2, 0.01, nil, 60, 0, 0, 100, 1),
        ("fire-suit", "0303", "防护服", "protective suit", .fire, "套", 3, 0.02, nil, 800, 0, 0, 50, 1.5),
        ("gas-detector", "0401", "气体检测仪", "gas detector", .workSafety, "台", 1, 0.005, nil, 3000, 0, 0, 5, 1.5),
        ("disinfectant", "0501", "消毒液", "disinfectant (L)", .medical, "L", 1.1, 0.0012, 730, 12, 0.05, 0, 0, 1.5),
        ("medical-kit", "0502", "急救包", "first-aid kit", .medical, "个", 1.5, 0.006, 1095, 120, 0, 0.2, 0, 2),
        ("generator", "0601", "发电机(5kW)", "5 kW generator", .power, "台", 90, 0.4, nil, 6000, 0, 0, 4, 1.5),
        ("satphone", "0901", "卫星电话", "satellite phone", .communications, "部", 0.5, 0.002, nil, 9000, 0, 0, 3, 1.5),
        ("stove", "0105", "取暖炉", "heating stove", .relief, "台", 25, 0.1, nil, 500, 0, 0.25, 0, 2),
    ]

    static func items(count: Int) -> [Item] {
        (0..<count).map { k in
            let b = base[k % base.count], variant = k / base.count
            let suffix = variant == 0 ? "" : "-v\(variant + 1)"
            return Item(id: ItemID(b.0 + suffix), code: b.1 + String(format2(variant)), name: b.2 + (variant == 0 ? "" : "（规格\(variant + 1)）"),
                        nameEn: b.3, category: b.4, unit: b.5, unitWeightKg: b.6, unitVolumeM3: b.7, shelfLifeDays: b.8,
                        unitPriceYuan: b.9,
                        // Variants carry no norms so population-driven demand is not multiplied.
                        norms: variant == 0 ? ConsumptionNorms(perPersonDay: b.10, perHousehold: b.11, perIncident: b.12,
                                                               source: "Sphere 2018 / 民政救灾物资标准（合成）") : ConsumptionNorms(),
                        criticality: b.13)
        }
    }

    static func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}

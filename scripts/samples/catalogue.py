"""The item catalogue shared by the five sample bundles.

Norms follow the Sphere Handbook (2018) where it has one (water 7.5–15 L per
person per day: we use 7.5 for bottled drinking/cooking water, the rest comes from
tankers; covered space 3.5 m² per person, 4.5 m² in cold climates, so one 12 m²
tent per household of 2.6) and China's civil-affairs relief practice (棉被、棉大衣
one per person in the cold north-east). Equipment that is needed per incident
rather than per person (sandbags, pumps, boats, extinguishers) has no norm: each
scenario states it explicitly.
"""

SPHERE = "Sphere Handbook 2018"
MCA = "民政部救灾物资储备实践（近似）"

# id, code, name, name_en, category, unit, kg, m3, shelf_days, price, per_person_day,
# per_household, per_incident, source, criticality
ITEMS = [
    ("water", "0801001", "瓶装饮用水", "bottled drinking water", "water", "L", 1.05, 0.0012, 540, 2.0, 7.5, 0, 0, SPHERE + ": 7.5–15 L/person/day", 3),
    ("instant-food", "0701001", "方便食品", "ready-to-eat meal", "food", "份", 0.35, 0.0012, 270, 8.0, 3, 0, 0, MCA + ": 3 meals/person/day", 3),
    ("rice", "0702001", "大米", "rice", "food", "kg", 1.0, 0.0014, 365, 6.0, 0, 0, 0, "", 1),
    ("tent", "0101001", "单帐篷(12m²)", "12 m² family tent", "relief", "顶", 30, 0.12, None, 1500, 0, 1, 0, SPHERE + ": 3.5 m²/person; one 12 m² tent per household", 3),
    ("cotton-tent", "0101002", "棉帐篷(12m²)", "12 m² insulated winter tent", "relief", "顶", 45, 0.18, None, 2600, 0, 0, 0, SPHERE + ": 4.5 m²/person in cold climates", 3),
    ("quilt", "0102001", "棉被", "quilt", "relief", "床", 3, 0.03, None, 150, 0, 2.62, 0, MCA + ": one per person", 2),
    ("coat", "0103001", "棉大衣", "padded winter coat", "relief", "件", 2, 0.025, None, 220, 0, 0, 0, "", 2),
    ("bed", "0104001", "折叠床", "folding bed", "relief", "张", 12, 0.08, None, 260, 0, 2, 0, MCA + ": two per household", 1.5),
    ("stove", "0105001", "取暖炉", "heating stove", "relief", "台", 25, 0.1, None, 480, 0, 0, 0, "", 2),
    ("hygiene-kit", "0106001", "家庭卫生包", "household hygiene kit", "relief", "个", 2.5, 0.01, 730, 60, 0, 1, 0, SPHERE + ": one per household", 1.5),
    ("tarpaulin", "0107001", "篷布", "tarpaulin 4×6 m", "relief", "块", 4, 0.01, None, 80, 0, 0, 0, "", 1),
    ("sandbag", "0201001", "编织袋", "woven sandbag", "flood", "条", 0.1, 0.0005, None, 1.2, 0, 0, 0, "", 2),
    ("wire", "0202001", "铁线", "iron wire", "flood", "kg", 1, 0.0002, None, 7, 0, 0, 0, "", 1),
    ("lifejacket", "0203001", "救生衣", "life jacket", "flood", "件", 0.8, 0.012, None, 90, 0, 0, 0, "", 2),
    ("pump", "0204001", "排涝泵(300m³/h)", "drainage pump 300 m³/h", "flood", "台", 80, 0.3, None, 18000, 0, 0, 0, "", 2),
    ("boat", "0205001", "冲锋舟", "rescue boat", "flood", "艘", 150, 3.0, None, 45000, 0, 0, 0, "", 2),
    ("geotextile", "0206001", "土工布", "geotextile", "flood", "m²", 0.3, 0.0008, None, 4, 0, 0, 0, "", 1),
    ("wind-extinguisher", "0301001", "风力灭火机", "forest-fire blower", "fire", "台", 11, 0.05, None, 3200, 0, 0, 0, "", 2),
    ("fire-pump", "0302001", "森林消防水泵", "forest-fire water pump", "fire", "台", 25, 0.12, None, 16000, 0, 0, 0, "", 2),
    ("fire-rake", "0303001", "二号工具", "fire rake", "fire", "把", 2, 0.01, None, 60, 0, 0, 0, "", 1),
    ("fire-suit", "0304001", "森林防火服", "wildland fire suit", "fire", "套", 3, 0.02, None, 800, 0, 0, 0, "", 1.5),
    ("breathing-apparatus", "0401001", "正压式空气呼吸器", "SCBA", "workSafety", "套", 14, 0.05, None, 9000, 0, 0, 0, "", 2),
    ("gas-detector", "0402001", "多气体检测仪", "multi-gas detector", "workSafety", "台", 1, 0.005, None, 3000, 0, 0, 0, "", 1.5),
    ("chem-suit", "0403001", "重型防化服", "heavy chemical suit", "workSafety", "套", 8, 0.04, 1825, 6500, 0, 0, 0, "", 2),
    ("absorbent", "0404001", "吸附棉", "absorbent pads", "workSafety", "kg", 1, 0.008, None, 40, 0, 0, 0, "", 1),
    ("first-aid-kit", "0501001", "急救包", "first-aid kit", "medical", "个", 1.5, 0.006, 1095, 120, 0, 0.2, 0, MCA + ": one per five households", 2),
    ("disinfectant", "0502001", "含氯消毒液", "chlorine disinfectant", "medical", "L", 1.1, 0.0012, 730, 12, 0.05, 0, 0, "卫生防疫消杀 0.05 L/person/day（近似）", 1.5),
    ("mask", "0503001", "医用口罩", "medical mask", "medical", "个", 0.004, 0.00005, 730, 0.5, 1, 0, 0, "1 per person per day", 1),
    ("generator", "0601001", "移动发电机(10kW)", "10 kW generator", "power", "台", 180, 0.6, None, 12000, 0, 0, 2, "安置点照明取暖 2 台/事件（近似）", 1.5),
    ("lighting-tower", "0602001", "移动照明灯塔", "lighting tower", "power", "台", 200, 1.2, None, 25000, 0, 0, 1, "1 per incident (approximation)", 1),
    ("satphone", "0901001", "卫星电话", "satellite phone", "communications", "部", 0.5, 0.002, None, 9000, 0, 0, 2, "2 per incident (approximation)", 1.5),
    ("snow-shovel", "1001001", "除雪锹", "snow shovel", "other", "把", 1.5, 0.01, None, 40, 0, 0, 0, "", 1),
    ("deicer", "1002001", "融雪剂", "de-icing salt", "other", "t", 1000, 1.0, None, 1800, 0, 0, 0, "", 1),
]

COLUMNS = ["id", "code", "name", "name_en", "category", "unit", "unit_weight_kg", "unit_volume_m3",
           "shelf_life_days", "unit_price_yuan", "norm_per_person_day", "norm_per_household",
           "norm_per_incident", "norm_source", "criticality"]

BY_ID = {row[0]: row for row in ITEMS}


def unit_of(item):
    return BY_ID[item][5]


def price_of(item):
    return BY_ID[item][9]


def shelf_of(item):
    return BY_ID[item][8]

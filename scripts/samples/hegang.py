"""鹤岗市 (Hegang, Heilongjiang): 6 districts, 2 counties on the Heilongjiang and
Songhua rivers, forest in the north (鹤北), coal mines in the city."""
from .bundle import SampleBundle, manifest


def build():
    b = SampleBundle("hegang", 20250601)
    A = b.area
    A("HG", "鹤岗市", "city", None, 0, 47.350, 130.298, "Hegang", "flood:high;forestFire:major;blizzard:high;mine:major;chemical:medium")
    # Districts with their main streets / towns (approximate seats and populations).
    A("HG-XY", "向阳区", "county", "HG", 0, 47.342, 130.294, "Xiangyang District", "urbanFire:medium;blizzard:high")
    A("HG-XY-HJ", "红军街道", "township", "HG-XY", 38000, 47.346, 130.287)
    A("HG-XY-GM", "光明街道", "township", "HG-XY", 36000, 47.352, 130.301)
    A("HG-XY-BS", "北山街道", "township", "HG-XY", 30000, 47.361, 130.284)
    A("HG-GN", "工农区", "county", "HG", 0, 47.318, 130.275, "Gongnong District", "mine:high;blizzard:high")
    A("HG-GN-HB", "湖滨街道", "township", "HG-GN", 42000, 47.322, 130.259)
    A("HG-GN-XJ", "新建街道", "township", "HG-GN", 40000, 47.311, 130.271)
    A("HG-GN-HQ", "红旗街道", "township", "HG-GN", 38000, 47.316, 130.286)
    A("HG-NS", "南山区", "county", "HG", 0, 47.300, 130.285, "Nanshan District", "mine:major;landslide:medium")
    A("HG-NS-LH", "六号街道", "township", "HG-NS", 36000, 47.291, 130.299, hazards="mine:major", major=True)
    A("HG-NS-TX", "铁西街道", "township", "HG-NS", 30000, 47.300, 130.268)
    A("HG-NS-DL", "大陆街道", "township", "HG-NS", 28000, 47.306, 130.291)
    A("HG-NS-FL", "富力街道", "township", "HG-NS", 24000, 47.281, 130.281, hazards="mine:high")
    A("HG-XA", "兴安区", "county", "HG", 0, 47.255, 130.235, "Xing'an District", "mine:major")
    A("HG-XA-JD", "峻德街道", "township", "HG-XA", 26000, 47.248, 130.226, hazards="mine:major", major=True)
    A("HG-XA-XA", "兴安街道", "township", "HG-XA", 22000, 47.262, 130.242)
    A("HG-DS", "东山区", "county", "HG", 0, 47.338, 130.317, "Dongshan District", "forestFire:high;chemical:high")
    A("HG-DS-GRC", "工人村街道", "township", "HG-DS", 52000, 47.340, 130.322)
    A("HG-DS-XH", "新华镇", "township", "HG-DS", 26000, 47.428, 130.418, hazards="forestFire:high;chemical:high", major=True)
    A("HG-DS-SY", "蔬园乡", "township", "HG-DS", 15000, 47.362, 130.360)
    A("HG-DS-DFH", "东方红乡", "township", "HG-DS", 12000, 47.205, 130.560, hazards="flood:medium")
    A("HG-XS", "兴山区", "county", "HG", 0, 47.385, 130.305, "Xingshan District", "mine:high;forestFire:medium")
    A("HG-XS-LN", "岭南街道", "township", "HG-XS", 21000, 47.378, 130.300)
    A("HG-XS-LB", "岭北街道", "township", "HG-XS", 17000, 47.394, 130.311)
    A("HG-LB", "萝北县", "county", "HG", 0, 47.577, 130.830, "Luobei County", "flood:major;forestFire:major;blizzard:high")
    A("HG-LB-FX", "凤翔镇", "township", "HG-LB", 82000, 47.577, 130.830)
    A("HG-LB-TJ", "团结镇", "township", "HG-LB", 16000, 47.560, 130.600, hazards="forestFire:medium")
    A("HG-LB-MS", "名山镇", "township", "HG-LB", 12000, 47.680, 131.020, hazards="flood:major", major=True)
    A("HG-LB-HB", "鹤北镇", "township", "HG-LB", 24000, 47.805, 130.745, hazards="forestFire:major", major=True)
    A("HG-LB-ZX", "肇兴镇", "township", "HG-LB", 10000, 47.795, 131.300, hazards="flood:major", major=True)
    A("HG-LB-TPG", "太平沟乡", "township", "HG-LB", 5000, 48.060, 130.700, hazards="flood:high;forestFire:major", major=True)
    A("HG-LB-DM", "东明朝鲜族乡", "township", "HG-LB", 8000, 47.510, 130.930)
    A("HG-SB", "绥滨县", "county", "HG", 0, 47.288, 131.853, "Suibin County", "flood:major;blizzard:high")
    A("HG-SB-SB", "绥滨镇", "township", "HG-SB", 56000, 47.288, 131.853, hazards="flood:major", major=True)
    A("HG-SB-ZR", "忠仁镇", "township", "HG-SB", 15000, 47.380, 132.050, hazards="flood:high")
    A("HG-SB-SD", "绥东镇", "township", "HG-SB", 12000, 47.335, 132.120, hazards="flood:high")
    A("HG-SB-LS", "连生乡", "township", "HG-SB", 8000, 47.455, 131.700)
    A("HG-SB-BG", "北岗乡", "township", "HG-SB", 8000, 47.240, 131.700, hazards="flood:major", major=True)
    A("HG-SB-FX", "福兴乡", "township", "HG-SB", 7000, 47.505, 131.950)
    A("HG-SB-FQ", "富强乡", "township", "HG-SB", 6000, 47.225, 132.180, hazards="flood:major", major=True)
    b.sum_populations()

    # Neighbours and the province (outside the bundle's areas).
    b.place("JMS", 46.800, 130.362)   # 佳木斯
    b.place("YC", 47.728, 128.898)    # 伊春
    b.place("HRB", 45.760, 126.640)   # 哈尔滨
    b.place("FJ", 47.250, 131.980)

    R = b.roads
    P = b.p
    R.grid((47.330, 130.290), 5.0, 0.8)
    # 鹤大高速 / 鹤佳高速 to Jiamusi, then G1011 to Harbin.
    R.corridor("expressway", [P("HG-GN"), (47.10, 130.33), P("JMS")], 3.0)
    R.corridor("expressway", [P("JMS"), (46.32, 129.57), (45.90, 128.80), (45.75, 127.48), P("HRB")], 6.0)
    # 鹤名公路: city → 团结 → 凤翔 → 名山 (on the Heilongjiang).
    R.corridor("national", [P("HG-DS-GRC"), (47.45, 130.47), P("HG-LB-TJ"), P("HG-LB-FX"), P("HG-LB-MS")], 2.0)
    # 萝北 → 东明 → 绥滨 along the plain.
    R.corridor("provincial", [P("HG-LB-FX"), P("HG-LB-DM"), (47.40, 131.35), P("HG-SB-LS"), P("HG-SB-SB")], 2.0)
    # 绥滨 → Songhua crossing → 佳木斯 (the road a Songhua flood cuts).
    R.corridor("provincial", [P("HG-SB-SB"), (47.14, 131.55), (46.98, 131.05), P("JMS")], 2.5)
    # Border road along the Heilongjiang: 太平沟 → 鹤北 → 名山 → 肇兴 → 忠仁 → 绥东.
    R.corridor("county", [P("HG-LB-TPG"), (47.93, 130.70), P("HG-LB-HB"), (47.74, 130.90), P("HG-LB-MS"),
                          P("HG-LB-ZX"), (47.55, 131.75), P("HG-SB-FX"), P("HG-SB-ZR"), P("HG-SB-SD")], 2.0)
    # City → 新华 → 鹤北 (forest road north), city → 兴安, city → 东方红, 绥滨 south villages.
    R.corridor("provincial", [P("HG-XS-LB"), P("HG-DS-XH"), (47.62, 130.62), P("HG-LB-HB")], 2.0)
    R.corridor("county", [P("HG-NS-FL"), P("HG-XA-XA"), P("HG-XA-JD")], 1.2)
    R.corridor("county", [P("HG-GN"), (47.25, 130.42), P("HG-DS-DFH"), (47.10, 130.90), (46.95, 131.00)], 2.0)
    R.corridor("township", [P("HG-SB-SB"), P("HG-SB-BG")], 1.5)
    R.corridor("township", [P("HG-SB-SB"), (47.26, 132.00), P("HG-SB-FQ"), P("HG-SB-SD")], 1.5)
    R.corridor("provincial", [P("HG-XY"), (47.48, 129.75), P("YC")], 3.0)

    # Depots: city (relief, flood, forest-fire), two county depots, township points,
    # agreement / delegated / production reserves, neighbours and the province.
    D = b.depot
    D("HG-D-CITY", "鹤岗市救灾物资储备库", "city", "HG-DS", 47.352, 130.336, "鹤岗市应急管理局", 18000, 3200, 1.5, 60)
    D("HG-D-FLOOD", "鹤岗市防汛抗旱物资储备库", "city", "HG-GN", 47.312, 130.258, "鹤岗市水务局", 8000, 1500, 1.0, 40)
    D("HG-D-FIRE", "鹤岗市森林草原防灭火物资储备库", "city", "HG-XS", 47.398, 130.318, "鹤岗市应急管理局", 4000, 600, 1.0, 25)
    D("HG-D-LB", "萝北县应急物资储备库", "county", "HG-LB", 47.584, 130.842, "萝北县应急管理局", 6000, 1000, 1.0, 30)
    D("HG-D-SB", "绥滨县应急物资储备库", "county", "HG-SB", 47.283, 131.866, "绥滨县应急管理局", 6000, 1000, 1.0, 30)
    for aid, name in [("HG-LB-MS", "名山镇"), ("HG-LB-ZX", "肇兴镇"), ("HG-LB-TPG", "太平沟乡"), ("HG-LB-HB", "鹤北镇"),
                      ("HG-SB-ZR", "忠仁镇"), ("HG-SB-BG", "北岗乡"), ("HG-SB-FQ", "富强乡"), ("HG-DS-XH", "新华镇")]:
        lat, lon = b.p(aid)
        D("HG-D-" + aid[3:], name + "应急物资储备点", "township", aid, lat + 0.004, lon + 0.004, name + "人民政府", 400, 80, 0.5, 8)
    D("HG-D-AG-MART", "协议储备：大型连锁商超配送中心", "enterprise", "HG-GN", 47.326, 130.248, "商超企业（协议）", 10000, 1200, 1.0, 40,
      mode="agreement", lead=2, cap=300)
    D("HG-D-AG-PHARM", "协议储备：医药公司仓库", "enterprise", "HG-XY", 47.348, 130.279, "医药企业（协议）", 2000, 200, 0.5, 15,
      mode="agreement", lead=1.5, cap=50)
    D("HG-D-DEL-LOG", "企业代储：物流园区仓库", "enterprise", "HG-DS", 47.318, 130.352, "物流企业（代储）", 12000, 2000, 1.0, 50,
      mode="delegated", lead=1)
    D("HG-D-PC-WATER", "产能储备：饮用水生产企业", "enterprise", "HG-NS", 47.288, 130.262, "饮用水企业", 5000, 800, 0.5, 20,
      mode="productionCapacity", rate=3, ramp=8)
    D("HG-D-PC-QUILT", "产能储备：被服生产企业", "enterprise", "HG-LB", 47.570, 130.815, "被服企业", 3000, 300, 0.5, 10,
      mode="productionCapacity", rate=0.6, ramp=12)
    D("HG-D-MA-JMS", "佳木斯市救灾物资储备库（就近增援）", "city", None, 46.812, 130.378, "佳木斯市应急管理局", 20000, 3500, 1.5, 60,
      mutual=True, mutual_lead=3)
    D("HG-D-MA-YC", "伊春市救灾物资储备库（就近增援）", "city", None, 47.722, 128.912, "伊春市应急管理局", 12000, 2000, 1.5, 40,
      mutual=True, mutual_lead=3)
    D("HG-D-PROV", "黑龙江省救灾物资储备库（哈尔滨）", "province", None, 45.772, 126.655, "黑龙江省应急管理厅", 60000, 12000, 2.0, 150,
      lead=2)

    S = b.put
    S("HG-D-CITY", {"tent": 900, "cotton-tent": 600, "quilt": 9000, "coat": 6000, "bed": 2500, "stove": 500,
                    "hygiene-kit": 3000, "water": 60000, "instant-food": 40000, "first-aid-kit": 800, "disinfectant": 3000,
                    "mask": 50000, "generator": 12, "lighting-tower": 6, "satphone": 10, "tarpaulin": 2000})
    S("HG-D-CITY", {"water": 30000}, received=(2025, 3, 1))
    S("HG-D-FLOOD", {"sandbag": 200000, "wire": 15000, "lifejacket": 2000, "pump": 40, "boat": 16, "geotextile": 30000,
                     "tarpaulin": 1500})
    S("HG-D-FIRE", {"wind-extinguisher": 400, "fire-pump": 60, "fire-rake": 3000, "fire-suit": 1200, "satphone": 6})
    S("HG-D-FIRE", {"breathing-apparatus": 60, "gas-detector": 80, "chem-suit": 30, "absorbent": 2000})
    S("HG-D-LB", {"tent": 300, "cotton-tent": 150, "quilt": 2500, "coat": 1500, "water": 20000, "instant-food": 12000,
                  "sandbag": 60000, "wire": 5000, "lifejacket": 600, "pump": 10, "boat": 6, "wind-extinguisher": 150,
                  "fire-rake": 1200, "generator": 4, "first-aid-kit": 200, "hygiene-kit": 600})
    S("HG-D-SB", {"tent": 250, "cotton-tent": 100, "quilt": 2000, "coat": 1200, "water": 15000, "instant-food": 9000,
                  "sandbag": 80000, "wire": 6000, "lifejacket": 800, "pump": 12, "boat": 8, "generator": 3,
                  "first-aid-kit": 150, "hygiene-kit": 500})
    for d in ["HG-D-LB-MS", "HG-D-LB-ZX", "HG-D-SB-ZR", "HG-D-SB-BG", "HG-D-SB-FQ"]:
        S(d, {"sandbag": 8000, "lifejacket": 100, "tent": 20, "quilt": 200, "water": 2000, "instant-food": 1200})
    for d in ["HG-D-LB-TPG", "HG-D-LB-HB", "HG-D-DS-XH"]:
        S(d, {"wind-extinguisher": 40, "fire-rake": 300, "fire-suit": 60, "quilt": 150, "water": 1500, "instant-food": 800})
    S("HG-D-AG-MART", {"water": 80000, "instant-food": 50000, "rice": 30000, "hygiene-kit": 2000})
    S("HG-D-AG-PHARM", {"first-aid-kit": 1500, "disinfectant": 5000, "mask": 200000})
    S("HG-D-DEL-LOG", {"tent": 400, "quilt": 5000, "bed": 1500, "coat": 3000, "snow-shovel": 3000, "deicer": 400})
    S("HG-D-PC-WATER", {"water": 20000})
    S("HG-D-PC-QUILT", {"quilt": 1500, "coat": 800})
    S("HG-D-MA-JMS", {"tent": 1000, "quilt": 10000, "water": 50000, "instant-food": 30000, "sandbag": 150000, "boat": 12,
                      "pump": 30, "lifejacket": 1500})
    S("HG-D-MA-YC", {"wind-extinguisher": 500, "fire-pump": 80, "fire-rake": 3000, "tent": 400, "quilt": 4000})
    S("HG-D-PROV", {"tent": 5000, "cotton-tent": 3000, "quilt": 40000, "coat": 20000, "bed": 8000, "water": 200000,
                    "instant-food": 120000, "generator": 40, "boat": 40, "pump": 80})
    for d, n in [("HG-D-CITY", 12), ("HG-D-FLOOD", 8), ("HG-D-FIRE", 4), ("HG-D-LB", 5), ("HG-D-SB", 5),
                 ("HG-D-AG-MART", 10), ("HG-D-DEL-LOG", 12), ("HG-D-MA-JMS", 10), ("HG-D-MA-YC", 6), ("HG-D-PROV", 30)]:
        b.trucks(d, n)

    T = b.team
    # 鹤岗市消防救援支队: 272 people across its stations.
    for tid, name, area, lat, lon, n, v in [
            ("HG-F-XY", "向阳特勤消防站", "HG-XY", 47.345, 130.296, 60, 14), ("HG-F-GN", "工农消防站", "HG-GN", 47.317, 130.268, 40, 8),
            ("HG-F-NS", "南山消防站", "HG-NS", 47.298, 130.287, 40, 8), ("HG-F-DS", "东山消防站", "HG-DS", 47.337, 130.330, 35, 7),
            ("HG-F-XA", "兴安消防站", "HG-XA", 47.257, 130.238, 25, 5), ("HG-F-LB", "萝北县消防救援大队", "HG-LB", 47.579, 130.823, 36, 8),
            ("HG-F-SB", "绥滨县消防救援大队", "HG-SB", 47.291, 131.845, 36, 8)]:
        T(tid, name, "fireRescue", area, lat, lon, ["urbanFire", "chemical", "flood", "traffic", "earthquake"], n, v, 5)
    T("HG-FF-HB", "鹤北森林消防大队", "forestFire", "HG-LB-HB", 47.810, 130.752, ["forestFire", "flood"], 200, 30, 20)
    T("HG-MR", "鹤岗矿山救护大队", "professional", "HG-NS", 47.286, 130.276, ["mine", "chemical"], 120, 15, 10)
    T("HG-XB", "雪豹应急救援队", "social", "HG-XY", 47.350, 130.283, ["flood", "blizzard", "traffic", "landslide"], 86, 10, 45)
    T("HG-LM", "利民同盟救援队", "social", "HG-GN", 47.321, 130.279, ["flood", "blizzard", "urbanFire"], 68, 8, 45)
    T("HG-FL-LB", "萝北县防汛抢险队", "militia", "HG-LB", 47.575, 130.838, ["flood"], 150, 12, 60)
    T("HG-FL-SB", "绥滨县防汛抢险队", "militia", "HG-SB", 47.286, 131.860, ["flood"], 150, 12, 60)
    # 59 semi-professional forest teams, 760 people: 52 of 13 and 7 of 12.
    forest_towns = ["HG-LB-HB", "HG-LB-TPG", "HG-LB-TJ", "HG-LB-MS", "HG-LB-ZX", "HG-LB-DM", "HG-LB-FX", "HG-DS-XH",
                    "HG-DS-SY", "HG-DS-DFH", "HG-XS-LB", "HG-XA-JD", "HG-SB-LS", "HG-SB-FX"]
    names = {a[0]: a[1] for a in b.areas}
    for k in range(59):
        town = forest_towns[k % len(forest_towns)]
        lat, lon = b.p(town)
        n = 13 if k < 52 else 12
        T("HG-SP-%02d" % (k + 1), "%s半专业森林消防队%d" % (names[town], k // len(forest_towns) + 1), "semiProfessional", town,
          round(lat + 0.006 * ((k // len(forest_towns)) - 2), 5), round(lon - 0.005, 5), ["forestFire"], n, 2, 30)

    # Scenarios.
    sc = []
    sc.append({
        "id": "hg-songhua-flood", "name": "松花江流域洪水（绥滨段）", "hazard": "flood", "response_level": "II",
        "start": "2025-08-12T05:00:00+08:00", "season": "summer", "weight": 0.3, "policy": "hegang-2025",
        "description": "Songhua flood along Suibin's south bank: ~20,000 people relocated for three days. The Suibin–Jiamusi road "
                       "is cut at the Songhua crossing and Suibin's county depot loses 30 % of its stock, so relief comes from "
                       "the city (about 2 h 40 min away), Luobei, Jiamusi and the province; the far towns run short of tents "
                       "and beds within 10 h and the flood teams cannot all arrive within 2 h.",
        "incidents": [{
            "id": "songhua", "name": "松花江洪水", "hazard": "flood",
            "affected_areas": [
                b.affected("HG-SB-SB", 30000, 9000, 3, {"sandbag": 60000, "lifejacket": 500, "pump": 12, "boat": 6}),
                b.affected("HG-SB-BG", 8000, 4000, 3, {"sandbag": 30000, "boat": 4}),
                b.affected("HG-SB-FQ", 6000, 3500, 3, {"sandbag": 25000, "pump": 6}),
                b.affected("HG-SB-SD", 7000, 2500, 3),
                b.affected("HG-SB-ZR", 6000, 1000, 2)],
            "team_needs": [b.need("HG-SB-SB", "flood", 300), b.need("HG-SB-BG", "flood", 120), b.need("HG-SB-FQ", "flood", 120)],
            "road_disruptions": {
                "closed_edges": b.roads.edges_near((47.14, 131.55), 2),
                "slowed_edges": b.slowed_near("HG-SB-BG", 0.5, 3),
                "area_factors": [{"polygon": [[131.5, 47.15], [132.3, 47.15], [132.3, 47.32], [131.5, 47.32], [131.5, 47.15]],
                                  "road_classes": ["township", "village", "county"], "factor": 0.6, "reason": "积水路段"}]},
            "depot_damage": [{"depot": "HG-D-SB", "fraction_lost": 0.3}]}]})
    sc.append({
        "id": "hg-heilongjiang-flood", "name": "黑龙江干流洪水（名山—肇兴段）", "hazard": "flood", "response_level": "III",
        "start": "2025-07-28T14:00:00+08:00", "season": "summer", "weight": 0.25,
        "description": "Heilongjiang main-stem flood at the Luobei border towns; local points and Luobei's depot cover most of it.",
        "incidents": [{
            "id": "hlj", "name": "黑龙江洪水", "hazard": "flood",
            "affected_areas": [b.affected("HG-LB-MS", 6000, 2500, 2, {"sandbag": 20000, "boat": 3}),
                               b.affected("HG-LB-ZX", 5000, 2000, 2, {"sandbag": 15000, "pump": 4}),
                               b.affected("HG-LB-TPG", 2500, 1200, 2, {"boat": 2})],
            "team_needs": [b.need("HG-LB-MS", "flood", 100), b.need("HG-LB-ZX", "flood", 80), b.need("HG-LB-TPG", "flood", 60)],
            "road_disruptions": {"closed_edges": b.closed_near("HG-LB-ZX", 1)}}]})
    sc.append({
        "id": "hg-spring-fire", "name": "春季森林火灾（鹤北—太平沟林区）", "hazard": "forestFire", "response_level": "II",
        "start": "2025-04-18T13:00:00+08:00", "season": "spring", "weight": 0.25,
        "description": "A spring crown fire in the 鹤北 forest spreading towards 太平沟: forest teams must arrive within 2 h; "
                       "太平沟 is the far end of the border road and only the 鹤北 team and local semi-professional teams make it.",
        "incidents": [{
            "id": "fire", "name": "鹤北林区森林火灾", "hazard": "forestFire",
            "affected_areas": [b.affected("HG-LB-TPG", 2000, 800, 2, {"wind-extinguisher": 120, "fire-rake": 600, "fire-pump": 20}),
                               b.affected("HG-LB-HB", 4000, 500, 1, {"wind-extinguisher": 80, "fire-suit": 200})],
            "team_needs": [b.need("HG-LB-HB", "forestFire", 250), b.need("HG-LB-TPG", "forestFire", 150),
                           b.need("HG-DS-XH", "forestFire", 40)],
            "road_disruptions": {"slowed_edges": b.slowed_near("HG-LB-TPG", 0.4, 3),
                                 "area_factors": [{"polygon": [[130.55, 47.75], [130.95, 47.75], [130.95, 48.10], [130.55, 48.10], [130.55, 47.75]],
                                                   "factor": 0.7, "reason": "烟雾能见度低"}]}}]})
    sc.append({
        "id": "hg-blizzard-mine", "name": "暴雪寒潮叠加煤矿透水事故", "hazard": "blizzard", "response_level": "II",
        "start": "2025-12-09T22:00:00+08:00", "season": "winter", "weight": 0.2, "policy": "hegang-8h",
        "description": "A blizzard slows every road (minor roads to a third) while a flooding accident traps miners in 峻德; "
                       "mine rescue and fire teams are needed in 2 h in town while cold relief (winter tents, quilts, coats, "
                       "stoves) must reach 绥滨 and 萝北 villages within the 8 h policy.",
        "incidents": [
            {"id": "blizzard", "name": "暴雪寒潮", "hazard": "blizzard",
             "affected_areas": [b.affected("HG-SB-FX", 3000, 900, 2, {"cotton-tent": 120, "tent": 0, "coat": 900, "stove": 120}),
                                b.affected("HG-SB-LS", 3500, 1100, 2, {"cotton-tent": 150, "tent": 0, "coat": 1100, "stove": 150}),
                                b.affected("HG-LB-DM", 3000, 800, 2, {"cotton-tent": 100, "tent": 0, "coat": 800, "stove": 100}),
                                b.affected("HG-DS-DFH", 2500, 600, 2, {"cotton-tent": 80, "tent": 0, "coat": 600, "stove": 80})],
             "team_needs": [b.need("HG-SB-LS", "blizzard", 60), b.need("HG-LB-DM", "blizzard", 40)],
             "road_disruptions": {"area_factors": [{"factor": 0.6, "reason": "积雪结冰"},
                                                   {"road_classes": ["county", "township", "village"], "factor": 0.55, "reason": "乡村道路积雪"}],
                                  "closed_edges": b.roads.edges_near((47.40, 131.35), 1)}},
            {"id": "mine", "name": "峻德煤矿透水事故", "hazard": "mine", "start_offset_hours": 3,
             "affected_areas": [b.affected("HG-XA-JD", 600, 0, 1, {"breathing-apparatus": 40, "gas-detector": 30, "pump": 8,
                                                                   "first-aid-kit": 100, "generator": 2})],
             "team_needs": [b.need("HG-XA-JD", "mine", 100), b.need("HG-XA-JD", "urbanFire", 40)]}]})
    b.scenarios = sc

    b.manifest = manifest(
        "鹤岗市应急物资储备（示例数据）", "Hegang emergency reserves (sample)",
        "Realistic, not official: structure and targets from 鹤岗市“十四五”应急体系建设规划; coordinates, populations, "
        "stock and roads approximated. See README.md.",
        [{"id": "hegang-2025", "name": "鹤岗“十四五”目标：2 小时到达、10 小时救助", "source": "鹤岗市“十四五”应急体系建设规划 主要目标",
          "arrival_hours": 2, "relief_hours": 10},
         {"id": "hegang-8h", "name": "鹤岗灾害救助：8 小时内基本生活得到有效救助", "source": "鹤岗市“十四五”应急体系建设规划 灾害救助",
          "arrival_hours": 2, "relief_hours": 8}],
        "hegang-2025", "hg-songhua-flood", ["scenarios/%s.json" % s["id"] for s in sc])
    b.readme = README
    return b


README = """
# 鹤岗 (Hegang) — sample bundle

Realistic, **not official** data for trying EmergencyReserve. Validate with
`reserve validate Data/hegang`.

## From the seed plan (鹤岗市“十四五”应急体系建设规划)
* Targets: forces reach major risk areas within **2 h**; basic needs within **10 h**
  (主要目标) and **8 h** (灾害救助分级管理). Both are policies (`hegang-2025`, `hegang-8h`).
* A city relief warehouse built to provincial standard holding the four categories
  (应急救灾、防汛抗旱、森林草原防灭火、安全生产); physical, agreement and production-capacity
  reserves (实物储备、协议储备和产能储备).
* Teams: the fire detachment of **272** (split here over 7 stations), the 鹤北 forest
  team of **200**, **59** semi-professional forest teams with **760** people, and the
  social teams 雪豹 (**86**) and 利民同盟 (**68**).
* Hazards: floods on the Heilongjiang and Songhua rivers, forest fire, blizzard, coal
  mines, chemicals; mutual aid from the nearest neighbouring cities.

## Approximated
* Administrative structure: the 6 districts and 2 counties are real; the streets and
  towns listed are a selection, with approximate seats and populations of the right
  order (city total ≈ 0.9 M).
* Depot sites, capacities and stock quantities; agreement suppliers and production
  plants are generic (no real company). Jiamusi, Yichun and the Heilongjiang provincial
  warehouse in Harbin stand for mutual aid and the higher level.
* The mine-rescue team, the county flood teams and their sizes.
* The road network is generated by `scripts/make_samples.py` from corridors between
  the places (expressway to Jiamusi and Harbin, 鹤名公路, the border road along the
  Heilongjiang, the Songhua crossing south of Suibin) plus an urban grid; lengths are
  great-circle distances × 1.08.
* Scenarios: `hg-songhua-flood` (headline, `make demo`), `hg-heilongjiang-flood`,
  `hg-spring-fire`, `hg-blizzard-mine` (a blizzard and a coal-mine accident at once).
"""

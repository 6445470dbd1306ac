"""满洲里市 (Manzhouli, Inner Mongolia): a border port city on the grassland; grassland
fire, blizzard and severe cold, the 扎赉诺尔 coal mines, the border crossing."""
from .bundle import SampleBundle, manifest


def build():
    b = SampleBundle("manzhouli", 20250605)
    A = b.area
    A("MZL", "满洲里市", "county", None, 0, 49.597, 117.379, "Manzhouli", "grasslandFire:major;blizzard:major;mine:high;chemical:medium")
    for aid, name, pop, lat, lon, hz, major in [
            ("MZL-DS", "东山街道", 26000, 49.600, 117.440, "blizzard:high", False),
            ("MZL-DN", "道南街道", 30000, 49.585, 117.382, "blizzard:high", False),
            ("MZL-DB", "道北街道", 28000, 49.607, 117.372, "blizzard:high", False),
            ("MZL-XH", "兴华街道", 22000, 49.591, 117.410, "blizzard:high", False),
            ("MZL-AEJ", "敖尔金街道", 12000, 49.574, 117.350, "grasslandFire:high;blizzard:high", False),
            ("MZL-XKH", "新开河镇", 6000, 49.650, 117.560, "grasslandFire:major;blizzard:major", True),
            ("MZL-KA", "口岸区（国门）", 3000, 49.627, 117.330, "chemical:high;traffic:high", True)]:
        A(aid, name, "township", "MZL", pop, lat, lon, hazards=hz, major=major)
    A("MZL-ZL", "扎赉诺尔区", "county", "MZL", 0, 49.485, 117.715, "Zhalainuoer District", "mine:major;grasslandFire:high;blizzard:high")
    for aid, name, pop, lat, lon, hz, major in [
            ("MZL-ZL-1", "扎赉诺尔第一街道", 22000, 49.490, 117.705, "mine:high", False),
            ("MZL-ZL-2", "扎赉诺尔第二街道", 20000, 49.478, 117.728, "mine:major", True),
            ("MZL-ZL-LQ", "灵泉镇", 8000, 49.520, 117.620, "mine:high;grasslandFire:high", False),
            ("MZL-ZL-CG", "嵯岗镇", 5000, 49.250, 117.800, "grasslandFire:major;blizzard:major", True)]:
        A(aid, name, "township", "MZL-ZL", pop, lat, lon, hazards=hz, major=major)
    b.sum_populations()
    for key, lat, lon in [("XYQ", 48.672, 116.818), ("XZQ", 48.215, 118.268), ("CBQ", 49.328, 119.428), ("HLR", 49.211, 119.765)]:
        b.place(key, lat, lon)

    R, P = b.roads, b.p
    R.grid((49.594, 117.395), 3.5, 0.5)
    # G301 and the G10 expressway east to 海拉尔 via 扎赉诺尔 and 嵯岗 / 赫尔洪得.
    R.corridor("national", [P("MZL-XH"), (49.56, 117.52), P("MZL-ZL-LQ"), P("MZL-ZL-1")], 1.5)
    R.corridor("national", [P("MZL-ZL-2"), (49.38, 117.80), P("MZL-ZL-CG"), (49.28, 118.40), (49.25, 119.00), P("HLR")], 4.0)
    R.corridor("expressway", [P("MZL-DS"), (49.54, 117.90), (49.42, 118.60), (49.30, 119.20), P("HLR")], 5.0)
    R.corridor("provincial", [P("HLR"), (49.28, 119.60), P("CBQ")], 3.0)
    # South to the two Barag banners (S203 west of Hulun lake; the road to 新左旗 via 嵯岗).
    R.corridor("provincial", [P("MZL-AEJ"), (49.35, 117.20), (49.05, 117.00), P("XYQ")], 4.0)
    R.corridor("provincial", [P("MZL-ZL-CG"), (48.90, 118.00), P("XZQ")], 4.0)
    R.corridor("provincial", [P("XYQ"), (48.40, 117.55), P("XZQ")], 5.0)
    # Grassland tracks: 新开河 and the border patrol road.
    R.corridor("county", [P("MZL-DS"), (49.63, 117.50), P("MZL-XKH"), (49.60, 117.65), P("MZL-ZL-LQ")], 1.5)
    R.corridor("village", [P("MZL-KA"), (49.66, 117.40), (49.70, 117.50), P("MZL-XKH")], 2.0, speed=30)
    R.corridor("village", [P("MZL-AEJ"), (49.50, 117.25), (49.42, 117.32), (49.35, 117.50), P("MZL-ZL-CG")], 2.5, speed=30)

    D = b.depot
    # The two existing city relief depots (现有救灾物资储备库2个) and township/street points.
    D("MZL-D-CITY", "满洲里市救灾物资储备库", "city", "MZL-XH", 49.588, 117.420, "满洲里市应急管理局", 10000, 1800, 1.0, 40)
    D("MZL-D-ZL", "扎赉诺尔区救灾物资储备库", "city", "MZL-ZL", 49.482, 117.700, "扎赉诺尔区应急管理局", 6000, 1000, 1.0, 30)
    for aid, name in [("MZL-XKH", "新开河镇"), ("MZL-ZL-LQ", "灵泉镇"), ("MZL-ZL-CG", "嵯岗镇"), ("MZL-AEJ", "敖尔金街道"),
                      ("MZL-DS", "东山街道")]:
        lat, lon = b.p(aid)
        D("MZL-D-" + aid[4:], name + "应急物资储备点", "township", aid, round(lat + 0.003, 5), round(lon + 0.003, 5),
          name, 200, 30, 0.5, 5)
    D("MZL-D-DEL-PORT", "企业代储：口岸物流园仓库", "enterprise", "MZL-KA", 49.620, 117.345, "口岸物流企业（代储）", 15000, 2500, 1.0, 60,
      mode="delegated", lead=1)
    D("MZL-D-AG-MART", "协议储备：商贸企业", "enterprise", "MZL-DN", 49.582, 117.392, "商贸企业（协议）", 4000, 500, 1.0, 20,
      mode="agreement", lead=2, cap=150)
    D("MZL-D-HLBE", "呼伦贝尔市救灾物资储备库（海拉尔）", "city", None, 49.220, 119.750, "呼伦贝尔市应急管理局", 30000, 5000, 1.5, 80, lead=1)
    for key, name, lat, lon in [("XYQ", "新巴尔虎右旗", 48.680, 116.830), ("XZQ", "新巴尔虎左旗", 48.222, 118.280),
                                ("CBQ", "陈巴尔虎旗", 49.335, 119.440)]:
        D("MZL-D-MA-" + key, name + "应急物资储备库（就近增援）", "county", None, lat, lon, name + "应急管理局", 5000, 800, 1.0, 25,
          mutual=True, mutual_lead=2)

    S = b.put
    S("MZL-D-CITY", {"cotton-tent": 200, "tent": 100, "quilt": 5000, "coat": 1500, "bed": 1200, "stove": 150, "water": 20000,
                     "instant-food": 15000, "hygiene-kit": 800, "first-aid-kit": 300, "generator": 8, "lighting-tower": 3,
                     "satphone": 6, "snow-shovel": 2000, "deicer": 200, "wind-extinguisher": 100, "fire-rake": 600,
                     "mask": 20000, "disinfectant": 1000})
    S("MZL-D-ZL", {"cotton-tent": 100, "quilt": 2500, "coat": 800, "stove": 80, "water": 10000, "instant-food": 8000,
                   "breathing-apparatus": 40, "gas-detector": 30, "first-aid-kit": 200, "generator": 4, "snow-shovel": 800})
    for d in ["MZL-D-XKH", "MZL-D-ZL-LQ", "MZL-D-ZL-CG", "MZL-D-AEJ", "MZL-D-DS"]:
        S(d, {"quilt": 150, "coat": 150, "water": 1000, "instant-food": 600, "wind-extinguisher": 15, "fire-rake": 100})
    S("MZL-D-DEL-PORT", {"water": 30000, "instant-food": 20000, "quilt": 3000, "coat": 2000, "deicer": 300, "chem-suit": 20,
                         "absorbent": 1000})
    S("MZL-D-AG-MART", {"water": 15000, "instant-food": 10000, "rice": 8000})
    S("MZL-D-HLBE", {"cotton-tent": 1500, "quilt": 15000, "coat": 10000, "stove": 1000, "bed": 4000, "hygiene-kit": 3000, "water": 60000, "instant-food": 40000,
                     "wind-extinguisher": 600, "fire-pump": 60, "generator": 20})
    for key in ["XYQ", "XZQ", "CBQ"]:
        S("MZL-D-MA-" + key, {"cotton-tent": 100, "quilt": 1500, "coat": 1000, "wind-extinguisher": 150, "fire-rake": 800})
    for d, n in [("MZL-D-CITY", 8), ("MZL-D-ZL", 5), ("MZL-D-DEL-PORT", 12), ("MZL-D-HLBE", 15)]:
        b.trucks(d, n, t=10, m3=45, speed=0.8)

    T = b.team
    # 76 national fire-and-rescue staff and 244 professional rescue staff; 76 fire vehicles in all.
    T("MZL-F-1", "满洲里消防救援特勤站", "fireRescue", "MZL-XH", 49.593, 117.405, ["urbanFire", "chemical", "traffic", "blizzard"], 30, 12, 5)
    T("MZL-F-2", "满洲里口岸消防救援站", "fireRescue", "MZL-KA", 49.624, 117.338, ["urbanFire", "chemical", "traffic"], 26, 10, 5)
    T("MZL-F-3", "扎赉诺尔消防救援站", "fireRescue", "MZL-ZL", 49.487, 117.712, ["urbanFire", "mine", "grasslandFire"], 20, 8, 5)
    T("MZL-P-GF", "森林草原专业扑火队", "forestFire", "MZL-XKH", 49.648, 117.552, ["grasslandFire", "forestFire"], 80, 20, 15)
    T("MZL-P-MR", "扎赉诺尔矿山救护队", "professional", "MZL-ZL-2", 49.476, 117.735, ["mine"], 60, 10, 10)
    T("MZL-P-PORT", "口岸专职消防及危化品救援队", "professional", "MZL-KA", 49.629, 117.325, ["chemical", "urbanFire", "traffic"], 40, 8, 10)
    T("MZL-P-MED", "紧急医学救援队", "professional", "MZL-DN", 49.586, 117.376, ["traffic", "mine", "blizzard", "epidemic"], 24, 4, 20)
    T("MZL-P-SNOW", "除雪保通专业队", "professional", "MZL-DS", 49.602, 117.445, ["blizzard"], 40, 4, 30)
    for aid in ["MZL-ZL-CG", "MZL-ZL-LQ", "MZL-AEJ"]:
        lat, lon = b.p(aid)
        T("MZL-M-" + aid[4:], {"MZL-ZL-CG": "嵯岗", "MZL-ZL-LQ": "灵泉", "MZL-AEJ": "敖尔金"}[aid] + "民兵扑火队", "militia", aid,
          round(lat - 0.003, 5), round(lon, 5), ["grasslandFire", "blizzard"], 30, 2, 40)

    sc = []
    sc.append({
        "id": "mzl-blizzard-port-accident", "name": "暴雪寒潮（白灾）叠加口岸危化品运输事故", "hazard": "blizzard", "response_level": "II",
        "start": "2025-12-14T20:00:00+08:00", "season": "winter", "weight": 0.35, "policy": "manzhouli-2025",
        "description": "A blizzard at −35 °C cuts 嵯岗 and 新开河 off (roads at 30–50 %), herders need winter tents, coats and stoves, "
                       "and a tanker overturns at the port at the same time. The two city depots hold too few winter tents "
                       "and stoves: winter tents come from 新巴尔虎左旗 and stoves, beds and hygiene kits from Hulunbuir, reaching "
                       "嵯岗 after 6–7.5 h in the snow — inside the 2025 target of 10 h, with little margin. The port "
                       "accident takes the city's fire crews, so 嵯岗 gets only 30 of the 40 snow-clearing people in 2 h.",
        "incidents": [
            {"id": "blizzard", "name": "暴雪寒潮", "hazard": "blizzard",
             "affected_areas": [b.affected("MZL-ZL-CG", 4000, 1500, 3, {"cotton-tent": 200, "tent": 0, "coat": 1500, "stove": 200, "deicer": 20}),
                                b.affected("MZL-XKH", 4500, 1200, 3, {"cotton-tent": 150, "tent": 0, "coat": 1200, "stove": 150}),
                                b.affected("MZL-AEJ", 5000, 600, 2, {"cotton-tent": 60, "tent": 0, "coat": 600, "stove": 80})],
             "team_needs": [b.need("MZL-ZL-CG", "blizzard", 40), b.need("MZL-XKH", "blizzard", 30)],
             "road_disruptions": {"area_factors": [{"factor": 0.5, "reason": "暴雪"},
                                                   {"road_classes": ["county", "village", "township"], "factor": 0.6, "reason": "草原道路积雪"}],
                                  "closed_edges": b.roads.edges_near((49.35, 117.50), 1)}},
            {"id": "tanker", "name": "口岸危化品槽车侧翻", "hazard": "chemical", "start_offset_hours": 2,
             "affected_areas": [b.affected("MZL-KA", 3000, 800, 1, {"chem-suit": 10, "absorbent": 500, "breathing-apparatus": 10, "cotton-tent": 80, "tent": 0})],
             "team_needs": [b.need("MZL-KA", "chemical", 50)]}]})
    sc.append({
        "id": "mzl-grassland-fire", "name": "春季草原火灾（新开河—边境）", "hazard": "grasslandFire", "response_level": "III",
        "start": "2025-04-20T15:00:00+08:00", "season": "spring", "weight": 0.35,
        "description": "A wind-driven grassland fire on the border grassland north-east of the city; the professional crew and "
                       "militia must arrive within 2 h, the neighbouring banners send beaters.",
        "incidents": [{"id": "fire", "name": "草原火灾", "hazard": "grasslandFire",
                       "affected_areas": [b.affected("MZL-XKH", 2000, 500, 1, {"wind-extinguisher": 80, "fire-rake": 400})],
                       "team_needs": [b.need("MZL-XKH", "grasslandFire", 120), b.need("MZL-ZL-LQ", "grasslandFire", 30)],
                       "road_disruptions": {"area_factors": [{"polygon": [[117.45, 49.60], [117.70, 49.60], [117.70, 49.72], [117.45, 49.72], [117.45, 49.60]],
                                                              "factor": 0.6, "reason": "烟雾"}]}}]})
    sc.append({
        "id": "mzl-mine-accident", "name": "扎赉诺尔煤矿事故", "hazard": "mine", "response_level": "III",
        "start": "2025-10-08T10:00:00+08:00", "season": "autumn", "weight": 0.3,
        "description": "A collapse at a 扎赉诺尔 mine: mine rescue within minutes, medical and breathing apparatus from the city.",
        "incidents": [{"id": "mine", "name": "煤矿坍塌", "hazard": "mine",
                       "affected_areas": [b.affected("MZL-ZL-2", 500, 0, 1, {"breathing-apparatus": 30, "gas-detector": 10, "first-aid-kit": 60})],
                       "team_needs": [b.need("MZL-ZL-2", "mine", 60)]}]})
    b.scenarios = sc
    b.manifest = manifest(
        "满洲里市应急物资储备（示例数据）", "Manzhouli emergency reserves (sample)",
        "Realistic, not official: from 满洲里“十四五”应急体系规划 with approximated places, stock and roads.",
        [{"id": "manzhouli-2020", "name": "满洲里 2020 年现状：12 小时初步救助", "source": "满洲里“十四五”应急体系规划 现状",
          "arrival_hours": 2, "relief_hours": 12},
         {"id": "manzhouli-2025", "name": "满洲里 2025 年目标：10 小时救助", "source": "满洲里“十四五”应急体系规划 目标",
          "arrival_hours": 2, "relief_hours": 10,
          "overrides": [{"response_level": "I", "relief_hours": 12}]}],
        "manzhouli-2025", "mzl-blizzard-port-accident", ["scenarios/%s.json" % s["id"] for s in sc])
    b.readme = README
    return b


README = """
# 满洲里 (Manzhouli) — sample bundle

Realistic, **not official** data. Validate with `reserve validate Data/manzhouli`.

## From the seed plan (满洲里“十四五”应急体系规划)
* Two existing relief depots (现有救灾物资储备库2个) that gave first relief within **12 h**;
  the plan's target is **10 h** and a city + township (street) two-level reserve system
  (市、乡镇（街道）两级应急物资储备体系), sized to the response level activated. Policies
  `manzhouli-2020` (12 h) and `manzhouli-2025` (10 h; 12 h kept for a level-I response).
* **76** national fire-and-rescue and **244** professional rescue staff, **76** fire
  vehicles (split here over three fire stations and five professional teams).
* Hazards: grassland fire, blizzard and severe cold, the border, a natural disaster
  and an accident at the same time. Mutual aid with the neighbouring banners.

## Approximated
* Streets and towns (approximate seats, populations of the right order, total
  ≈ 0.2 M; the port area is modelled as its own area). Depot sites and stock; the
  port logistics park (delegated) and the trading company (agreement) are generic.
* The militia fire crews. 新巴尔虎右旗, 新巴尔虎左旗, 陈巴尔虎旗 for mutual aid; the
  Hulunbuir depot in Hailar above.
* Roads generated by `scripts/make_samples.py`: G301 and the G10 expressway to Hailar,
  the roads south to the Barag banners, grassland tracks and an urban grid.
* Scenarios: `mzl-blizzard-port-accident` (headline, concurrent), `mzl-grassland-fire`,
  `mzl-mine-accident`.
"""

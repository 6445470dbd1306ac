"""黄石港区 (Huangshigang district, Huangshi, Hubei): a dense riverside district on
the Yangtze; urban waterlogging, geological hazards, chemical tank farms."""
from .bundle import SampleBundle, manifest


def build():
    b = SampleBundle("huangshigang", 20250603)
    A = b.area
    A("HSG", "黄石港区", "county", None, 0, 30.222, 115.066, "Huangshigang District", "waterlogging:major;flood:high;landslide:medium;chemical:high")
    streets = [("HSG-SYG", "胜阳港街道", 30.229, 115.091, "waterlogging:major;chemical:high;flood:high", True),
               ("HSG-HQQ", "红旗桥街道", 30.214, 115.068, "waterlogging:high;landslide:medium", False),
               ("HSG-YHL", "沿湖路街道", 30.204, 115.082, "waterlogging:major", True),
               ("HSG-HH", "花湖街道", 30.238, 115.036, "waterlogging:major;chemical:high", True),
               ("HSG-JB", "江北管理区", 30.276, 115.004, "flood:major;waterlogging:high", True)]
    pops = {"HSG-SYG": [14000, 13000, 12000, 11000], "HSG-HQQ": [16000, 15000, 15000, 14000],
            "HSG-YHL": [12000, 12000, 11000, 10000], "HSG-HH": [14000, 13000, 12000, 11000], "HSG-JB": [5000, 4000, 3000]}
    for sid, name, lat, lon, hz, major in streets:
        A(sid, name, "township", "HSG", 0, lat, lon, hazards=hz, major=major)
        for k, pop in enumerate(pops[sid]):
            # Communities on a small ring around the street office (approximate).
            dlat = [0.004, -0.004, 0.003, -0.003][k]
            dlon = [0.004, 0.004, -0.005, -0.005][k]
            A("%s-C%d" % (sid, k + 1), "%s第%d社区" % (name.replace("街道", "").replace("管理区", ""), k + 1), "village", sid, pop,
              round(lat + dlat, 5), round(lon + dlon, 5), hazards=hz.split(";")[0])
    b.sum_populations()
    b.place("XSS", 30.205, 115.125)   # 西塞山区
    b.place("XL", 30.175, 114.985)    # 下陆区
    b.place("EZ", 30.391, 114.895)    # 鄂州
    b.place("XS", 30.300, 115.220)    # 浠水 散花 (over the Yangtze bridge)
    b.place("WH", 30.560, 114.300)    # 武汉

    R, P = b.roads, b.p
    R.grid((30.222, 115.062), 3.6, 0.3, arterial_every=5)
    R.corridor("national", [P("HSG-HH"), (30.255, 115.02), P("HSG-JB"), (30.33, 114.95), P("EZ")], 1.0)
    R.corridor("provincial", [P("HSG-SYG"), (30.217, 115.108), P("XSS")], 0.8)
    R.corridor("provincial", [P("HSG-HQQ"), (30.195, 115.03), P("XL")], 0.8)
    R.corridor("national", [P("HSG-SYG"), (30.26, 115.16), P("XS")], 1.5)   # 黄石长江大桥
    R.corridor("expressway", [P("XL"), (30.30, 114.75), (30.45, 114.50), P("WH")], 4.0)
    R.corridor("township", [P("HSG-JB"), (30.29, 115.04), (30.27, 115.06), P("HSG-HH")], 0.8)

    D = b.depot
    D("HSG-D-DIST", "黄石港区救援物资储备库", "county", "HSG-HQQ", 30.216, 115.058, "黄石港区应急管理局", 5000, 700, 1.0, 25)
    for sid, name, lat, lon, _, _ in streets:
        D("HSG-D-" + sid[4:], name + "应急物资储备点", "township", sid, round(lat - 0.002, 5), round(lon + 0.002, 5),
          name + "办事处", 200, 30, 0.3, 5)
    D("HSG-D-HUB", "区域性应急物流中心（依托大型物流企业）", "hub", "HSG-HH", 30.246, 115.025, "物流企业（代储）", 30000, 5000, 1.0, 120,
      mode="delegated", lead=1)
    D("HSG-D-CITY", "黄石市救灾物资储备库", "city", None, 30.190, 115.010, "黄石市应急管理局", 15000, 2500, 1.5, 50, lead=0.5)
    D("HSG-D-AG-PUMP", "协议储备：排涝设备租赁企业", "enterprise", "HSG-HQQ", 30.208, 115.047, "设备租赁企业（协议）", 2000, 300, 1.0, 20,
      mode="agreement", lead=2, cap=60)
    D("HSG-D-AG-MART", "协议储备：大型商超", "enterprise", "HSG-SYG", 30.226, 115.080, "商超企业（协议）", 4000, 500, 1.0, 20,
      mode="agreement", lead=1.5, cap=150)
    D("HSG-D-MA-XSS", "西塞山区救援物资储备库（就近增援）", "county", None, 30.203, 115.130, "西塞山区应急管理局", 4000, 600, 1.0, 20,
      mutual=True, mutual_lead=1)
    D("HSG-D-MA-XL", "下陆区救援物资储备库（就近增援）", "county", None, 30.172, 114.990, "下陆区应急管理局", 4000, 600, 1.0, 20,
      mutual=True, mutual_lead=1)
    D("HSG-D-PROV", "湖北省救灾物资储备库（武汉）", "province", None, 30.570, 114.290, "湖北省应急管理厅", 50000, 10000, 2.0, 150, lead=2)

    S = b.put
    S("HSG-D-DIST", {"pump": 20, "sandbag": 40000, "lifejacket": 600, "boat": 6, "tent": 150, "quilt": 1500, "bed": 600,
                     "water": 12000, "instant-food": 8000, "first-aid-kit": 200, "disinfectant": 2000, "generator": 6,
                     "lighting-tower": 4, "satphone": 4, "breathing-apparatus": 20, "gas-detector": 20, "chem-suit": 10,
                     "absorbent": 800, "hygiene-kit": 400, "mask": 30000})
    S("HSG-D-DIST", {"satphone": 6, "first-aid-kit": 300}, received=(2025, 3, 10))
    for sid, *_ in streets:
        S("HSG-D-" + sid[4:], {"sandbag": 3000, "lifejacket": 50, "pump": 2, "water": 800, "instant-food": 500, "first-aid-kit": 40,
                                "mask": 2000, "disinfectant": 100})
    S("HSG-D-HUB", {"water": 40000, "instant-food": 30000, "quilt": 4000, "bed": 2000, "tent": 300, "hygiene-kit": 1500,
                    "tarpaulin": 3000})
    S("HSG-D-CITY", {"tent": 800, "quilt": 8000, "bed": 3000, "water": 40000, "instant-food": 25000, "pump": 30, "boat": 12,
                     "sandbag": 120000, "generator": 10})
    S("HSG-D-AG-PUMP", {"pump": 40, "generator": 10, "lighting-tower": 6})
    S("HSG-D-AG-MART", {"water": 20000, "instant-food": 15000, "rice": 8000})
    S("HSG-D-MA-XSS", {"pump": 10, "sandbag": 20000, "water": 5000})
    S("HSG-D-MA-XL", {"pump": 10, "sandbag": 20000, "water": 5000, "chem-suit": 10, "absorbent": 500})
    S("HSG-D-PROV", {"tent": 4000, "quilt": 30000, "bed": 8000, "water": 150000, "instant-food": 100000, "pump": 80, "boat": 40})
    for d, n in [("HSG-D-DIST", 5), ("HSG-D-HUB", 20), ("HSG-D-CITY", 10), ("HSG-D-AG-PUMP", 6), ("HSG-D-PROV", 25)]:
        b.trucks(d, n, t=8, m3=40, speed=0.75)

    T = b.team
    # Each street (and the management zone) keeps a 300-person standing rescue team (应急抢险常备队).
    for sid, name, lat, lon, _, _ in streets:
        T("HSG-ST-" + sid[4:], name + "应急抢险常备队", "semiProfessional", sid, round(lat + 0.001, 5), round(lon - 0.002, 5),
          ["waterlogging", "flood", "landslide"], 300, 6, 30)
    T("HSG-F-1", "黄石港消防救援站", "fireRescue", "HSG-HQQ", 30.219, 115.072, ["urbanFire", "chemical", "waterlogging", "traffic"], 45, 9, 5)
    T("HSG-F-2", "花湖消防救援站", "fireRescue", "HSG-HH", 30.240, 115.041, ["urbanFire", "chemical", "waterlogging"], 35, 7, 5)
    T("HSG-HZ-1", "港区危化品储罐企业专职救援队", "enterprise", "HSG-SYG", 30.236, 115.098, ["chemical", "urbanFire"], 30, 4, 10)
    T("HSG-SOC-1", "黄石蓝天救援队（港区分队）", "social", "HSG-YHL", 30.206, 115.076, ["waterlogging", "flood", "landslide"], 50, 5, 45)

    low = [[115.04, 30.195], [115.105, 30.195], [115.105, 30.245], [115.04, 30.245], [115.04, 30.195]]
    sc = []
    sc.append({
        "id": "hsg-urban-waterlogging", "name": "特大暴雨城市内涝", "hazard": "waterlogging", "response_level": "II",
        "start": "2025-06-28T04:00:00+08:00", "season": "summer", "weight": 0.4,
        "description": "180 mm of rain in six hours: low-lying streets flood, every road in the old town runs at 35 % and the "
                       "underpasses close. The district warehouse's ground floor floods (20 % lost). 60 pumps are needed and the "
                       "district has 30: the rest must come from the agreement supplier, the neighbours and the city in time.",
        "incidents": [{"id": "rain", "name": "城区内涝", "hazard": "waterlogging",
                       "affected_areas": [b.affected("HSG-SYG-C1", 9000, 1200, 1, {"pump": 15, "sandbag": 8000}),
                                          b.affected("HSG-SYG-C2", 8000, 900, 1, {"pump": 10}),
                                          b.affected("HSG-YHL-C1", 9000, 1500, 1, {"pump": 15, "sandbag": 6000}),
                                          b.affected("HSG-YHL-C3", 7000, 800, 1, {"pump": 8}),
                                          b.affected("HSG-HH-C2", 8000, 1000, 1, {"pump": 12, "boat": 4})],
                       "team_needs": [b.need("HSG-SYG", "waterlogging", 400), b.need("HSG-YHL", "waterlogging", 400),
                                      b.need("HSG-HH", "waterlogging", 300)],
                       "road_disruptions": {"closed_edges": b.closed_near("HSG-YHL-C1", 3) + b.closed_near("HSG-SYG-C1", 2),
                                            "area_factors": [{"polygon": low, "factor": 0.35, "reason": "道路积水"}]},
                       "depot_damage": [{"depot": "HSG-D-DIST", "fraction_lost": 0.2}]}]})
    sc.append({
        "id": "hsg-rain-chemical", "name": "暴雨叠加港区储罐泄漏", "hazard": "waterlogging", "response_level": "II",
        "start": "2025-07-05T20:00:00+08:00", "season": "summer", "weight": 0.2,
        "description": "Waterlogging in 花湖 while a tank at the riverside tank farm leaks: chemical teams and waterlogging "
                       "teams are needed at once, and the evacuation around the tank farm needs shelter supplies.",
        "incidents": [
            {"id": "rain", "name": "花湖片区内涝", "hazard": "waterlogging",
             "affected_areas": [b.affected("HSG-HH-C1", 7000, 600, 1, {"pump": 8})],
             "team_needs": [b.need("HSG-HH", "waterlogging", 300)],
             "road_disruptions": {"area_factors": [{"polygon": low, "factor": 0.5, "reason": "道路积水"}]}},
            {"id": "leak", "name": "港区储罐泄漏", "hazard": "chemical", "start_offset_hours": 2,
             "affected_areas": [b.affected("HSG-SYG-C3", 6000, 3000, 1, {"chem-suit": 20, "breathing-apparatus": 20,
                                                                        "absorbent": 1500, "gas-detector": 10})],
             "team_needs": [b.need("HSG-SYG", "chemical", 60)],
             "road_disruptions": {"closed_edges": b.closed_near("HSG-SYG-C3", 2)}}]})
    sc.append({
        "id": "hsg-yangtze-flood", "name": "长江高水位（江北管理区转移）", "hazard": "flood", "response_level": "III",
        "start": "2025-07-15T09:00:00+08:00", "season": "summer", "weight": 0.25,
        "description": "Yangtze high water: 江北管理区 relocates most residents for three days.",
        "incidents": [{"id": "yangtze", "name": "长江洪水", "hazard": "flood",
                       "affected_areas": [b.affected("HSG-JB-C1", 5000, 3500, 3, {"sandbag": 20000, "boat": 4}),
                                          b.affected("HSG-JB-C2", 4000, 2800, 3), b.affected("HSG-JB-C3", 3000, 2000, 3)],
                       "team_needs": [b.need("HSG-JB", "flood", 300)]}]})
    b.scenarios = sc
    b.manifest = manifest(
        "黄石港区应急物资储备（示例数据）", "Huangshigang district emergency reserves (sample)",
        "Realistic, not official: from 黄石港区“十四五”时期应急管理体系建设发展规划 with approximated places, stock and roads.",
        [{"id": "huangshigang-2025", "name": "黄石港区目标：2 小时到达、10 小时救助", "source": "黄石港区“十四五”应急管理规划",
          "arrival_hours": 2, "relief_hours": 10}],
        "huangshigang-2025", "hsg-urban-waterlogging", ["scenarios/%s.json" % s["id"] for s in sc])
    b.readme = README
    return b


README = """
# 黄石港区 (Huangshigang district) — sample bundle

Realistic, **not official** data. Validate with `reserve validate Data/huangshigang`.

## From the seed plan (黄石港区“十四五”时期应急管理体系建设发展规划)
* A district rescue-materials warehouse (建设区级救援物资储备库) and storage points in every
  street / management zone (各街道（管理区）…完成应急物资储备点建设).
* A regional emergency logistics centre built on large logistics companies
  (依托区内大型物流企业建设区域性应急物流中心): depot `HSG-D-HUB`, level `hub`, delegated.
* A **300-person** standing rescue team in every street / management zone
  (各街道（管理区）组建300人的应急抢险常备队).
* Hazards: urban waterlogging, geological hazards, riverside chemical tank farms.
  Targets 2 h / 10 h.

## Approximated
* The four streets and the 江北 management zone are given with approximate centres;
  communities are numbered (第1社区…), not real names; populations are of the right
  order (district ≈ 0.25 M).
* Depot sites and stock; the pump-rental and supermarket agreements; fire stations,
  the tank-farm brigade and the social team; 西塞山 and 下陆 for mutual aid; the Huangshi
  city and Hubei provincial warehouses above.
* Roads generated by `scripts/make_samples.py`: a dense urban grid plus roads to 鄂州,
  西塞山, 下陆, the Yangtze bridge and the expressway to Wuhan.
* Scenarios: `hsg-urban-waterlogging` (headline), `hsg-rain-chemical` (concurrent),
  `hsg-yangtze-flood`.
"""

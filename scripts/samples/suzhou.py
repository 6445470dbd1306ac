"""宿州市 (Suzhou, Anhui): one district and four counties on the Huaibei plain; floods
on the Xinbian, Kuisui and Huaihong New rivers, forest fire in the hills of Xiao
county, coal mines, chemicals."""
from .bundle import SampleBundle, manifest

# county id, name, english, seat (lat, lon), hazards, [(id, name, pop, lat, lon, hazards, major)]
COUNTIES = [
    ("SZ-YQ", "埇桥区", "Yongqiao District", (33.640, 116.975), "flood:high;mine:major;chemical:high", [
        ("DD", "道东街道", 120000, 33.645, 116.995, "waterlogging:high", False),
        ("TH", "沱河街道", 110000, 33.656, 117.012, "flood:high;chemical:high", True),
        ("SL", "三里街道", 100000, 33.630, 116.958, "waterlogging:medium", False),
        ("NG", "南关街道", 90000, 33.620, 116.985, "waterlogging:medium", False),
        ("FL", "符离镇", 80000, 33.780, 116.980, "flood:medium", False),
        ("JG", "夹沟镇", 50000, 33.920, 117.010, "forestFire:high", False),
        ("CL", "褚兰镇", 45000, 33.820, 117.220, "forestFire:high", False),
        ("ZXZ", "朱仙庄镇", 50000, 33.700, 117.050, "mine:major", True),
        ("LL", "芦岭镇", 40000, 33.620, 117.180, "mine:major", True),
        ("TY", "桃园镇", 45000, 33.400, 117.350, "mine:major;flood:high", True),
        ("DDI", "大店镇", 55000, 33.540, 117.130, "flood:high", False),
        ("LG", "栏杆镇", 60000, 33.560, 117.260, "flood:high", False),
        ("SC", "时村镇", 45000, 33.470, 117.220, "flood:high", False),
        ("DY", "大营镇", 55000, 33.430, 116.880, "flood:major", True),
        ("HG", "灰古镇", 45000, 33.600, 116.800, "flood:medium", False)]),
    ("SZ-DS", "砀山县", "Dangshan County", (34.420, 116.365), "flood:medium;drought:high", [
        ("DC", "砀城镇", 160000, 34.420, 116.365, "flood:medium", False),
        ("ZZ", "周寨镇", 60000, 34.520, 116.220, "drought:high", False),
        ("LZ", "李庄镇", 55000, 34.360, 116.200, "drought:high", False),
        ("TZ", "唐寨镇", 55000, 34.380, 116.520, "flood:medium", False),
        ("GZB", "官庄坝镇", 50000, 34.520, 116.420, "flood:medium", False),
        ("CZ", "程庄镇", 50000, 34.330, 116.420, "flood:medium", False),
        ("LLI", "良梨镇", 45000, 34.460, 116.300, "drought:medium", False),
        ("GJ", "葛集镇", 45000, 34.320, 116.580, "flood:medium", False)]),
    ("SZ-XX", "萧县", "Xiao County", (34.188, 116.947), "forestFire:major;flood:high;mine:high", [
        ("LC", "龙城镇", 200000, 34.188, 116.947, "waterlogging:medium", False),
        ("HK", "黄口镇", 60000, 34.390, 116.700, "flood:medium", False),
        ("YL", "杨楼镇", 50000, 34.310, 116.800, "flood:medium", False),
        ("ZL", "祖楼镇", 40000, 34.270, 116.720, "flood:medium", False),
        ("YG", "永堌镇", 55000, 34.100, 116.740, "flood:high", False),
        ("SQ", "圣泉镇", 45000, 34.190, 117.040, "forestFire:major", True),
        ("BT", "白土镇", 40000, 34.110, 117.110, "forestFire:major;mine:high", True),
        ("DL", "丁里镇", 45000, 34.050, 116.870, "flood:high", False),
        ("ZZH", "赵庄镇", 50000, 34.010, 116.950, "flood:high", False)]),
    ("SZ-LB", "灵璧县", "Lingbi County", (33.543, 117.552), "flood:major;forestFire:high", [
        ("LCZ", "灵城镇", 180000, 33.543, 117.552, "flood:high", True),
        ("LZZ", "娄庄镇", 60000, 33.650, 117.700, "flood:major", True),
        ("YGZ", "渔沟镇", 50000, 33.680, 117.430, "flood:high;forestFire:high", False),
        ("CY", "朝阳镇", 45000, 33.470, 117.420, "flood:major", True),
        ("FM", "冯庙镇", 45000, 33.720, 117.560, "flood:medium", False),
        ("WJ", "韦集镇", 50000, 33.640, 117.280, "flood:medium", False),
        ("YJ", "虞姬乡", 45000, 33.380, 117.570, "flood:high", False),
        ("YJZ", "尹集镇", 50000, 33.380, 117.830, "flood:high", False),
        ("HGZ", "浍沟镇", 40000, 33.280, 117.620, "flood:major", True)]),
    ("SZ-SX", "泗县", "Si County", (33.478, 117.910), "flood:major", [
        ("SCZ", "泗城镇", 150000, 33.478, 117.910, "flood:high", True),
        ("DZ", "大庄镇", 50000, 33.560, 117.990, "flood:major", True),
        ("DJ", "墩集镇", 45000, 33.600, 117.820, "flood:major", True),
        ("HT", "黑塔镇", 40000, 33.620, 118.060, "flood:high", False),
        ("PS", "屏山镇", 45000, 33.480, 118.130, "flood:high", False),
        ("CG", "长沟镇", 45000, 33.410, 118.050, "flood:medium", False),
        ("CGZ", "草沟镇", 50000, 33.360, 117.800, "flood:medium", False),
        ("DLK", "大路口乡", 40000, 33.330, 117.950, "flood:medium", False)]),
]


def build():
    b = SampleBundle("suzhou", 20250604)
    A = b.area
    A("SZ", "宿州市", "city", None, 0, 33.646, 116.984, "Suzhou (Anhui)", "flood:major;forestFire:high;mine:major;chemical:high")
    for cid, name, en, seat, hz, towns in COUNTIES:
        A(cid, name, "county", "SZ", 0, seat[0], seat[1], en, hz)
        for tid, tname, pop, lat, lon, thz, major in towns:
            A(cid + "-" + tid, tname, "township", cid, pop, lat, lon, hazards=thz, major=major)
    b.sum_populations()
    for key, lat, lon in [("XZ", 34.261, 117.184), ("SQN", 33.963, 118.275), ("SQ", 34.414, 115.656), ("HZ", 35.233, 115.481),
                          ("BB", 32.916, 117.389), ("HF", 31.820, 117.227), ("SH", 34.790, 116.090)]:
        b.place(key, lat, lon)

    R, P = b.roads, b.p
    R.grid((33.642, 116.985), 4.0, 0.7)
    R.grid((33.543, 117.552), 2.0, 0.6)
    R.grid((33.478, 117.910), 2.0, 0.6)
    R.grid((34.188, 116.947), 2.0, 0.6)
    R.grid((34.420, 116.365), 2.0, 0.6)
    # Expressways: G3 徐州—宿州—蚌埠—合肥, G30 徐州—萧县—砀山—商丘, 泗许 泗县—灵璧—宿州, 宿迁 link, 砀山—单县—菏泽.
    R.corridor("expressway", [P("XZ"), (34.05, 117.05), P("SZ-YQ-FL"), (33.70, 116.93), (33.40, 117.10), P("BB"), (32.35, 117.30), P("HF")], 4.0)
    R.corridor("expressway", [P("XZ"), (34.22, 117.05), (34.25, 116.85), P("SZ-XX-HK"), P("SZ-DS-LLI"), (34.42, 116.00), P("SQ")], 4.0)
    R.corridor("expressway", [P("SQN"), (33.60, 118.20), (33.50, 117.95), (33.56, 117.60), (33.60, 117.20), (33.62, 117.02)], 4.0)
    R.corridor("national", [P("SZ-DS-DC"), P("SH"), P("HZ")], 4.0)
    # National and provincial roads between seats.
    R.corridor("national", [P("SZ-YQ"), (33.90, 116.95), P("SZ-XX")], 2.5)
    R.corridor("national", [P("SZ-XX"), P("SZ-XX-YL"), P("SZ-DS-DC")], 2.5)
    R.corridor("national", [P("SZ-YQ"), (33.59, 117.25), P("SZ-LB"), P("SZ-SX"), (33.70, 118.20), P("SQN")], 2.5)
    R.corridor("provincial", [P("SZ-LB"), P("SZ-LB-YGZ"), (33.85, 117.40), P("XZ")], 2.5)
    R.corridor("provincial", [P("SZ-DS-DC"), (34.40, 116.00), P("SQ")], 3.0)
    # County roads from each seat to its towns (and a few cross links).
    for cid, _, _, seat, _, towns in COUNTIES:
        for tid, _, _, lat, lon, _, _ in towns:
            if (lat, lon) != seat:
                R.corridor("county", [seat, (lat, lon)], 2.0)
    for a, c in [("SZ-YQ-JG", "SZ-YQ-CL"), ("SZ-YQ-TY", "SZ-LB-YJ"), ("SZ-LB-LZZ", "SZ-SX-DJ"), ("SZ-LB-HGZ", "SZ-SX-CGZ"),
                 ("SZ-XX-BT", "SZ-XX-SQ"), ("SZ-XX-ZZH", "SZ-YQ-JG"), ("SZ-YQ-DY", "SZ-YQ-TY"), ("SZ-DS-TZ", "SZ-XX-HK")]:
        R.corridor("township", [P(a), P(c)], 2.0)

    D = b.depot
    D("SZ-D-CITY", "宿州市应急物资储备保障分中心", "city", "SZ-YQ-TH", 33.668, 117.005, "宿州市应急管理局", 25000, 4500, 1.5, 80)
    for cid, name, _, seat, _, _ in COUNTIES:
        D("SZ-D-" + cid[3:], name + "应急物资储备保障库", "county", cid, round(seat[0] + 0.006, 5), round(seat[1] + 0.006, 5),
          name + "应急管理局", 8000, 1400, 1.0, 35)
    points = ["SZ-YQ-TY", "SZ-YQ-DY", "SZ-YQ-ZXZ", "SZ-YQ-JG", "SZ-DS-ZZ", "SZ-DS-GZB", "SZ-XX-SQ", "SZ-XX-BT", "SZ-XX-YG",
              "SZ-LB-LZZ", "SZ-LB-CY", "SZ-LB-HGZ", "SZ-LB-YGZ", "SZ-SX-DZ", "SZ-SX-DJ", "SZ-SX-HT", "SZ-SX-CG"]
    names = {a[0]: a[1] for a in b.areas}
    for aid in points:
        lat, lon = b.p(aid)
        D("SZ-D-" + aid[3:], names[aid] + "应急物资储备点", "township", aid, round(lat + 0.003, 5), round(lon + 0.003, 5),
          names[aid] + "人民政府", 400, 70, 0.5, 8)
    for aid in ["SZ-YQ-DD", "SZ-YQ-SL"]:
        lat, lon = b.p(aid)
        D("SZ-D-" + aid[3:] + "-C", names[aid] + "社区应急服务站", "community", aid, round(lat - 0.002, 5), round(lon - 0.002, 5),
          "社区居委会", 60, 10, 0.3, 3)
    D("SZ-D-LOG", "宿州应急物流基地（依托物流企业）", "hub", "SZ-YQ-SL", 33.610, 116.930, "物流企业（代储）", 30000, 5000, 1.0, 120,
      mode="delegated", lead=1)
    D("SZ-D-AG-MART", "协议储备：商贸企业配送中心", "enterprise", "SZ-YQ-NG", 33.615, 116.990, "商贸企业（协议）", 8000, 1000, 1.0, 40,
      mode="agreement", lead=2, cap=400)
    D("SZ-D-AG-FLOOD", "协议储备：防汛物资生产商", "enterprise", "SZ-LB", 33.535, 117.540, "防汛物资企业（协议）", 6000, 800, 1.0, 30,
      mode="agreement", lead=3, cap=200)
    D("SZ-D-PC-TENT", "产能储备：帐篷被服生产企业", "enterprise", "SZ-XX", 34.180, 116.930, "被服企业", 5000, 600, 0.5, 15,
      mode="productionCapacity", rate=1.5, ramp=10)
    D("SZ-D-PC-FOOD", "产能储备：食品生产企业", "enterprise", "SZ-YQ-FL", 33.775, 116.990, "食品企业", 5000, 800, 0.5, 20,
      mode="productionCapacity", rate=4, ramp=6)
    for key, name, lat, lon in [("XZ", "徐州市", 34.250, 117.170), ("SQN", "宿迁市", 33.950, 118.260), ("SQ", "商丘市", 34.405, 115.670),
                                ("HZ", "菏泽市", 35.225, 115.495)]:
        D("SZ-D-MA-" + key, name + "应急物资储备库（协作支援）", "city", None, lat, lon, name + "应急管理局", 20000, 3500, 1.5, 60,
          mutual=True, mutual_lead=3)
    D("SZ-D-PROV", "安徽省救灾物资储备库（合肥）", "province", None, 31.830, 117.240, "安徽省应急管理厅", 60000, 12000, 2.0, 150, lead=2)

    S = b.put
    S("SZ-D-CITY", {"tent": 2000, "quilt": 20000, "coat": 6000, "bed": 6000, "water": 120000, "instant-food": 80000,
                    "hygiene-kit": 5000, "first-aid-kit": 1500, "disinfectant": 8000, "mask": 100000, "generator": 20,
                    "lighting-tower": 8, "satphone": 12, "tarpaulin": 5000, "sandbag": 300000, "wire": 20000,
                    "lifejacket": 3000, "pump": 50, "boat": 20, "breathing-apparatus": 60, "gas-detector": 50,
                    "chem-suit": 40, "absorbent": 3000})
    for cid, *_ in COUNTIES:
        S("SZ-D-" + cid[3:], {"tent": 500, "quilt": 5000, "bed": 1500, "water": 30000, "instant-food": 20000, "sandbag": 100000,
                              "wire": 6000, "lifejacket": 800, "pump": 15, "boat": 6, "first-aid-kit": 300, "generator": 5,
                              "hygiene-kit": 1000})
    for aid in points:
        S("SZ-D-" + aid[3:], {"sandbag": 10000, "lifejacket": 100, "tent": 30, "quilt": 300, "water": 3000, "instant-food": 2000})
    for aid in ["SZ-XX-SQ", "SZ-XX-BT", "SZ-YQ-JG"]:
        S("SZ-D-" + aid[3:], {"wind-extinguisher": 40, "fire-rake": 300, "fire-suit": 60, "fire-pump": 6})
    for aid in ["SZ-YQ-DD", "SZ-YQ-SL"]:
        S("SZ-D-" + aid[3:] + "-C", {"water": 500, "instant-food": 300, "first-aid-kit": 20, "quilt": 50})
    S("SZ-D-LOG", {"water": 60000, "instant-food": 50000, "quilt": 10000, "bed": 4000, "tarpaulin": 4000})
    S("SZ-D-AG-MART", {"water": 100000, "instant-food": 60000, "rice": 50000, "hygiene-kit": 3000})
    S("SZ-D-AG-FLOOD", {"sandbag": 400000, "geotextile": 100000, "wire": 20000, "lifejacket": 2000})
    S("SZ-D-PC-TENT", {"tent": 300, "quilt": 3000})
    S("SZ-D-PC-FOOD", {"instant-food": 30000})
    for key in ["XZ", "SQN", "SQ", "HZ"]:
        S("SZ-D-MA-" + key, {"tent": 1000, "quilt": 10000, "water": 50000, "instant-food": 30000, "sandbag": 100000, "boat": 10, "pump": 20})
    S("SZ-D-PROV", {"tent": 8000, "quilt": 60000, "bed": 15000, "water": 300000, "instant-food": 200000, "boat": 60, "pump": 120,
                    "generator": 60})
    b.trucks("SZ-D-CITY", 20)
    for cid, *_ in COUNTIES:
        b.trucks("SZ-D-" + cid[3:], 6)
    for d in ["SZ-D-LOG", "SZ-D-AG-MART", "SZ-D-PROV", "SZ-D-MA-XZ", "SZ-D-MA-SQN", "SZ-D-MA-SQ", "SZ-D-MA-HZ"]:
        b.trucks(d, 15)

    T = b.team
    # 18 fire stations of the national comprehensive fire and rescue service.
    stations = [("SZ-YQ-DD", 45), ("SZ-YQ-TH", 40), ("SZ-YQ-SL", 35), ("SZ-YQ-NG", 35), ("SZ-YQ-FL", 25), ("SZ-YQ-DY", 25),
                ("SZ-DS-DC", 40), ("SZ-DS-ZZ", 20), ("SZ-DS-TZ", 20), ("SZ-XX-LC", 40), ("SZ-XX-HK", 20), ("SZ-XX-YG", 20),
                ("SZ-LB-LCZ", 40), ("SZ-LB-LZZ", 20), ("SZ-LB-CY", 20), ("SZ-SX-SCZ", 40), ("SZ-SX-DZ", 20), ("SZ-SX-CGZ", 20)]
    for k, (aid, n) in enumerate(stations):
        lat, lon = b.p(aid)
        T("SZ-F-%02d" % (k + 1), names[aid] + "消防救援站", "fireRescue", aid, round(lat + 0.002, 5), round(lon - 0.002, 5),
          ["urbanFire", "chemical", "flood", "traffic", "earthquake"], n, max(4, n // 5), 5)
    # 95 township fire teams (乡镇专职消防队): two per town, one more in 符离.
    towns = [a[0] for a in b.areas if a[3] == "township"]
    k = 0
    for rnd in range(3):
        for aid in towns:
            if k == 95 or (rnd == 2 and aid != "SZ-YQ-FL"):
                continue
            lat, lon = b.p(aid)
            k += 1
            T("SZ-TF-%02d" % k, "%s专职消防队%d" % (names[aid], rnd + 1), "semiProfessional", aid,
              round(lat - 0.003 * (rnd + 1), 5), round(lon + 0.002, 5), ["urbanFire", "flood", "forestFire"], 12, 2, 15)
    for j, aid in enumerate(["SZ-XX-SQ", "SZ-XX-BT", "SZ-XX-SQ", "SZ-YQ-JG", "SZ-YQ-CL", "SZ-LB-YGZ"]):
        lat, lon = b.p(aid)
        T("SZ-SP-%d" % (j + 1), "%s半专业森林消防队%s" % (names[aid], "二" if j == 2 else ""), "semiProfessional", aid,
          round(lat + 0.004, 5), round(lon + 0.004 * (j % 2), 5), ["forestFire"], 30, 3, 30)
    T("SZ-MR", "宿州矿山应急救援技术保障中心（救护队）", "professional", "SZ-YQ-ZXZ", 33.705, 117.058, ["mine", "chemical"], 80, 12, 10)
    T("SZ-FT", "宿州市防汛抗旱应急救援技术保障中心", "professional", "SZ-YQ-TH", 33.662, 117.020, ["flood", "drought"], 50, 8, 30)
    T("SZ-ENG", "工程应急抢险一支队", "professional", "SZ-YQ-SL", 33.625, 116.950, ["flood", "earthquake", "landslide"], 120, 20, 60)
    T("SZ-HZ", "化工园区危化品专职救援队", "enterprise", "SZ-YQ-TH", 33.672, 117.040, ["chemical", "urbanFire"], 35, 5, 10)

    sc = []
    sc.append({
        "id": "sz-xinbian-flood-chemical", "name": "新汴河流域洪水叠加化工企业泄漏", "hazard": "flood", "response_level": "II",
        "start": "2025-07-10T03:00:00+08:00", "season": "summer", "weight": 0.3,
        "description": "The Xinbian river floods Lingbi and Sixian (about 37,000 people relocated for three days; the bridge at "
                       "娄庄 is closed) while a chemical plant by the 沱河 leaks: the city's chemical kit and fire stations are "
                       "needed at home as flood relief competes for trucks. Sixian's far towns depend on Suqian's help.",
        "incidents": [
            {"id": "xinbian", "name": "新汴河洪水", "hazard": "flood",
             "affected_areas": [b.affected("SZ-LB-CY", 20000, 7000, 3, {"sandbag": 60000, "boat": 4}),
                                b.affected("SZ-LB-LZZ", 25000, 9000, 3, {"sandbag": 80000, "pump": 10, "boat": 6}),
                                b.affected("SZ-SX-DJ", 20000, 8000, 3, {"sandbag": 60000, "boat": 6}),
                                b.affected("SZ-SX-DZ", 18000, 7000, 3, {"sandbag": 50000, "pump": 8}),
                                b.affected("SZ-SX-HT", 12000, 6000, 3, {"boat": 4})],
             "team_needs": [b.need("SZ-LB-LZZ", "flood", 200), b.need("SZ-SX-DJ", "flood", 200), b.need("SZ-SX-DZ", "flood", 150)],
             "road_disruptions": {"closed_edges": b.roads.edges_near((33.625, 117.76), 2),
                                  "slowed_edges": b.slowed_near("SZ-SX-DZ", 0.5, 3),
                                  "area_factors": [{"polygon": [[117.35, 33.40], [118.15, 33.40], [118.15, 33.72], [117.35, 33.72], [117.35, 33.40]],
                                                    "road_classes": ["county", "township"], "factor": 0.6, "reason": "涝区道路"}]},
             "depot_damage": [{"depot": "SZ-D-SX-DJ", "unusable": True}]},
            {"id": "leak", "name": "沱河化工企业泄漏", "hazard": "chemical", "start_offset_hours": 4,
             "affected_areas": [b.affected("SZ-YQ-TH", 8000, 2500, 1, {"chem-suit": 30, "breathing-apparatus": 40, "absorbent": 2000,
                                                                     "gas-detector": 20})],
             "team_needs": [b.need("SZ-YQ-TH", "chemical", 80)]}]})
    sc.append({
        "id": "sz-huaihong-flood", "name": "怀洪新河洪水（南部乡镇）", "hazard": "flood", "response_level": "III",
        "start": "2025-07-25T10:00:00+08:00", "season": "summer", "weight": 0.25,
        "description": "Huaihong New River flood in the southern towns of 埇桥 and 灵璧.",
        "incidents": [{"id": "huaihong", "name": "怀洪新河洪水", "hazard": "flood",
                       "affected_areas": [b.affected("SZ-YQ-DY", 15000, 5000, 2, {"sandbag": 30000}),
                                          b.affected("SZ-YQ-TY", 12000, 4000, 2, {"sandbag": 20000, "pump": 6}),
                                          b.affected("SZ-LB-HGZ", 14000, 5000, 2, {"sandbag": 30000, "boat": 4})],
                       "team_needs": [b.need("SZ-YQ-DY", "flood", 120), b.need("SZ-LB-HGZ", "flood", 120)]}]})
    sc.append({
        "id": "sz-huangcangyu-fire", "name": "皇藏峪林区森林火灾", "hazard": "forestFire", "response_level": "III",
        "start": "2025-04-05T14:00:00+08:00", "season": "spring", "weight": 0.2,
        "description": "Forest fire in the 皇藏峪 hills of Xiao county; forest teams from 圣泉, 白土 and 夹沟 within 2 h.",
        "incidents": [{"id": "fire", "name": "皇藏峪森林火灾", "hazard": "forestFire",
                       "affected_areas": [b.affected("SZ-XX-BT", 3000, 400, 1, {"wind-extinguisher": 60, "fire-rake": 300, "fire-pump": 8})],
                       "team_needs": [b.need("SZ-XX-BT", "forestFire", 120), b.need("SZ-XX-SQ", "forestFire", 60)]}]})
    sc.append({
        "id": "sz-coal-mine", "name": "煤矿瓦斯爆炸事故", "hazard": "mine", "response_level": "II",
        "start": "2025-11-05T09:00:00+08:00", "season": "autumn", "weight": 0.15,
        "description": "Gas explosion at a coal mine near 桃园: mine rescue within 2 h, medical kits and breathing apparatus.",
        "incidents": [{"id": "mine", "name": "桃园煤矿瓦斯爆炸", "hazard": "mine",
                       "affected_areas": [b.affected("SZ-YQ-TY", 1500, 0, 1, {"breathing-apparatus": 30, "gas-detector": 20,
                                                                             "first-aid-kit": 150, "generator": 2})],
                       "team_needs": [b.need("SZ-YQ-TY", "mine", 80), b.need("SZ-YQ-TY", "urbanFire", 30)]}]})
    b.scenarios = sc
    b.manifest = manifest(
        "宿州市应急物资储备（示例数据）", "Suzhou (Anhui) emergency reserves (sample)",
        "Realistic, not official: from 宿州市“十四五”应急管理体系及能力建设规划（征求意见稿） with approximated places, stock and roads.",
        [{"id": "suzhou-2025", "name": "宿州“十四五”目标：2 小时到达、10 小时救助", "source": "宿州市“十四五”应急管理体系及能力建设规划",
          "arrival_hours": 2, "relief_hours": 10}],
        "suzhou-2025", "sz-xinbian-flood-chemical", ["scenarios/%s.json" % s["id"] for s in sc])
    b.readme = README
    return b


README = """
# 宿州 (Suzhou, Anhui) — sample bundle

Realistic, **not official** data. Validate with `reserve validate Data/suzhou`.

## From the seed plan (宿州市“十四五”应急管理体系及能力建设规划（征求意见稿）)
* Reserve network: a city sub-centre (市级储备物资保障分中心), county depots (县级储备物资保障库),
  township and community points (乡镇级和社区级储备物资储备点); agreement reserves and an
  emergency logistics base on logistics companies.
* Teams: **18** fire stations, **95** township fire teams, **6** semi-professional forest
  teams, the mine-rescue and flood technical-support centres and the engineering
  emergency detachment (矿山应急救援技术保障中心、防汛抗旱应急救援技术保障中心、工程应急抢险一支队).
* Mutual aid with **宿迁, 徐州, 商丘, 菏泽**. Hazards: floods on the 新汴河, 奎濉河 and
  怀洪新河, forest fire (皇藏峪), coal mines, chemicals. Targets 2 h / 10 h.

## Approximated
* One district and four counties are real; 47 of their towns and streets are listed
  with approximate seats and populations (city ≈ 5.3 M); the rest of each county's
  population is not modelled.
* Depot sites, capacities and stock; supplier and factory names are generic. Team
  sizes; the 95 township teams are two per listed town (three in 符离).
* Roads generated by `scripts/make_samples.py`: G3, G30, the 泗许 expressway, national
  and provincial roads between seats, county roads to every town, small urban grids.
* Scenarios: `sz-xinbian-flood-chemical` (headline, concurrent flood and chemical leak),
  `sz-huaihong-flood`, `sz-huangcangyu-fire`, `sz-coal-mine`.
"""

"""临江市 (Linjiang, Jilin): a county-level city in the Changbai foothills on the
Yalu border; landslides, flash floods, border forest fire, freezing rain."""
from .bundle import SampleBundle, manifest


def build():
    b = SampleBundle("linjiang", 20250602)
    A = b.area
    A("LJ", "临江市", "county", None, 0, 41.807, 126.918, "Linjiang", "landslide:major;flashFlood:major;forestFire:high;blizzard:high;flood:high")
    for aid, name, pop, lat, lon, hz, major in [
            ("LJ-JG", "建国街道", 24000, 41.808, 126.905, "flood:high", False),
            ("LJ-XS", "新市街道", 22000, 41.803, 126.926, "flood:high", False),
            ("LJ-XL", "兴隆街道", 18000, 41.813, 126.937, "landslide:medium", False),
            ("LJ-DH", "大湖街道", 16000, 41.796, 126.951, "flood:major", True),
            ("LJ-SG", "森工街道", 14000, 41.821, 126.913, "landslide:high", False),
            ("LJ-DLZ", "大栗子街道", 9000, 41.838, 126.803, "landslide:major;flood:high", True),
            ("LJ-SDG", "四道沟镇", 7000, 41.752, 127.140, "flashFlood:major;landslide:major", True),
            ("LJ-LDG", "六道沟镇", 6000, 41.680, 127.380, "flashFlood:major;landslide:major;forestFire:high", True),
            ("LJ-WSH", "苇沙河镇", 8000, 41.948, 127.052, "flashFlood:high;forestFire:high", False),
            ("LJ-HS", "花山镇", 9000, 42.005, 126.760, "forestFire:major;landslide:medium", True),
            ("LJ-NZ", "闹枝镇", 6000, 41.705, 126.610, "flood:high;forestFire:high", False),
            ("LJ-HSZ", "桦树镇", 7000, 42.060, 126.960, "forestFire:high;blizzard:high", False),
            ("LJ-MYH", "蚂蚁河乡", 3000, 41.880, 127.270, "flashFlood:high;forestFire:major", True)]:
        A(aid, name, "township", "LJ", pop, lat, lon, hazards=hz, major=major)
    b.sum_populations()
    b.place("BS", 41.940, 126.424)     # 白山市
    b.place("CB", 41.420, 128.200)     # 长白县
    b.place("FS", 42.330, 127.270)     # 抚松县
    b.place("JA", 41.126, 126.190)     # 集安市

    R, P = b.roads, b.p
    R.grid((41.806, 126.925), 2.5, 0.45)
    # G331 border road along the Yalu: 集安 → 闹枝 → 大栗子 → city → 四道沟 → 六道沟 → 长白.
    R.corridor("national", [P("JA"), (41.40, 126.40), P("LJ-NZ"), (41.79, 126.70), P("LJ-DLZ"), P("LJ-JG")], 2.0)
    R.corridor("national", [P("LJ-DH"), (41.785, 127.02), P("LJ-SDG"), (41.72, 127.26), P("LJ-LDG"), (41.55, 127.80), P("CB")], 1.5)
    # City → 花山 → 白山 (provincial), city → 苇沙河 → 桦树 → 抚松.
    R.corridor("provincial", [P("LJ-SG"), (41.90, 126.86), P("LJ-HS"), (42.00, 126.60), P("BS")], 2.0)
    R.corridor("provincial", [P("LJ-XL"), (41.88, 127.00), P("LJ-WSH"), P("LJ-HSZ"), (42.20, 127.10), P("FS")], 2.0)
    # Mountain detour: 苇沙河 → 蚂蚁河 → 六道沟 (the only other way into the upper valley).
    R.corridor("county", [P("LJ-WSH"), P("LJ-MYH"), (41.78, 127.33), P("LJ-LDG")], 1.2, speed=35)
    R.corridor("village", [P("LJ-SDG"), (41.80, 127.17), P("LJ-MYH")], 1.0, speed=25)
    R.corridor("county", [P("LJ-HS"), (42.04, 126.86), P("LJ-HSZ")], 1.5)
    R.corridor("expressway", [P("BS"), (41.80, 126.20), (41.73, 125.94)], 4.0)

    D = b.depot
    D("LJ-D-CITY", "临江市应急物资储备库", "county", "LJ-XS", 41.801, 126.932, "临江市应急管理局", 9000, 1500, 1.0, 30)
    for aid, name in [("LJ-DLZ", "大栗子街道"), ("LJ-SDG", "四道沟镇"), ("LJ-LDG", "六道沟镇"), ("LJ-WSH", "苇沙河镇"),
                      ("LJ-HS", "花山镇"), ("LJ-NZ", "闹枝镇")]:
        lat, lon = b.p(aid)
        D("LJ-D-" + aid[3:], name + "应急物资储备点", "township", aid, round(lat + 0.003, 5), round(lon - 0.003, 5),
          name + "人民政府", 300, 50, 0.5, 6)
    D("LJ-D-BS", "白山市应急物资储备库", "city", None, 41.948, 126.436, "白山市应急管理局", 20000, 3500, 1.5, 60, lead=1)
    D("LJ-D-MA-CB", "长白县应急物资储备库（就近增援）", "county", None, 41.425, 128.190, "长白县应急管理局", 6000, 900, 1.0, 25,
      mutual=True, mutual_lead=2)
    D("LJ-D-MA-FS", "抚松县应急物资储备库（就近增援）", "county", None, 42.335, 127.282, "抚松县应急管理局", 6000, 900, 1.0, 25,
      mutual=True, mutual_lead=2)
    D("LJ-D-AG-MART", "协议储备：连锁超市配送仓", "enterprise", "LJ-JG", 41.811, 126.897, "商超企业（协议）", 3000, 400, 1.0, 15,
      mode="agreement", lead=2, cap=120)
    D("LJ-D-PC-WATER", "产能储备：长白山矿泉水企业", "enterprise", "LJ-HS", 41.985, 126.790, "矿泉水企业", 8000, 1200, 0.5, 25,
      mode="productionCapacity", rate=6, ramp=4)

    S = b.put
    # ¥2.6 M of flood materials at the city depot (the plan's figure):
    # 300,000 + 210,000 + 270,000 + 720,000 + 720,000 + 380,000 = 2,600,000.
    S("LJ-D-CITY", {"sandbag": 250000, "wire": 30000, "lifejacket": 3000, "pump": 40, "boat": 16, "geotextile": 95000})
    S("LJ-D-CITY", {"tent": 300, "cotton-tent": 120, "quilt": 3000, "coat": 2000, "bed": 600, "water": 25000,
                    "instant-food": 15000, "first-aid-kit": 300, "hygiene-kit": 600, "generator": 6, "satphone": 6,
                    "wind-extinguisher": 120, "fire-rake": 800, "snow-shovel": 800, "deicer": 60, "mask": 30000,
                    "disinfectant": 1500, "lighting-tower": 4})
    for d in ["LJ-D-DLZ", "LJ-D-SDG", "LJ-D-LDG", "LJ-D-NZ"]:
        S(d, {"sandbag": 5000, "lifejacket": 60, "tent": 15, "quilt": 150, "water": 1500, "instant-food": 900, "mask": 1500,
              "satphone": 2})
    for d in ["LJ-D-WSH", "LJ-D-HS"]:
        S(d, {"wind-extinguisher": 30, "fire-rake": 200, "fire-suit": 40, "quilt": 120, "water": 1200, "instant-food": 600})
    S("LJ-D-BS", {"tent": 1500, "cotton-tent": 600, "quilt": 12000, "coat": 6000, "water": 60000, "instant-food": 40000,
                  "sandbag": 150000, "pump": 30, "boat": 10, "generator": 12, "wind-extinguisher": 300})
    S("LJ-D-MA-CB", {"tent": 200, "quilt": 2000, "water": 10000, "sandbag": 40000})
    S("LJ-D-MA-FS", {"tent": 200, "quilt": 2000, "water": 10000, "wind-extinguisher": 120, "fire-pump": 20})
    S("LJ-D-AG-MART", {"water": 30000, "instant-food": 20000, "rice": 10000, "hygiene-kit": 800})
    S("LJ-D-PC-WATER", {"water": 60000})
    for d, n in [("LJ-D-CITY", 6), ("LJ-D-BS", 12), ("LJ-D-AG-MART", 4), ("LJ-D-PC-WATER", 8), ("LJ-D-MA-CB", 3), ("LJ-D-MA-FS", 3)]:
        b.trucks(d, n, t=8, m3=36, speed=0.8)

    T = b.team
    T("LJ-F-1", "临江市消防救援大队", "fireRescue", "LJ-XS", 41.805, 126.921, ["urbanFire", "flood", "landslide", "traffic", "chemical"], 48, 10, 5)
    T("LJ-FF-1", "临江林业局专业森林消防队", "forestFire", "LJ-SG", 41.824, 126.909, ["forestFire"], 60, 8, 20)
    T("LJ-FF-2", "边境森林草原防火专业队", "forestFire", "LJ-HS", 42.000, 126.770, ["forestFire"], 40, 5, 20)
    # 109 flood-fighting teams with 2,300 people: 11 of 22 and 98 of 21, spread over the 13 streets and towns.
    towns = [a[0] for a in b.areas if a[3] == "township"]
    names = {a[0]: a[1] for a in b.areas}
    for k in range(109):
        town = towns[k % len(towns)]
        lat, lon = b.p(town)
        j = k // len(towns)
        T("LJ-FL-%03d" % (k + 1), "%s防汛抢险队%d" % (names[town], j + 1), "semiProfessional", town,
          round(lat + 0.002 * (j - 4), 5), round(lon + 0.002 * ((k % 3) - 1), 5),
          ["flood", "flashFlood", "landslide"], 22 if k < 11 else 21, 1, 40)

    sc = []
    sc.append({
        "id": "lj-landslide-flashflood", "name": "强降雨引发山洪并滑坡阻断沿江公路", "hazard": "flashFlood", "response_level": "II",
        "start": "2025-08-03T02:00:00+08:00", "season": "summer", "weight": 0.35,
        "description": "Night-time cloudburst: flash floods in the 四道沟 and 六道沟 valleys, and a landslide cuts G331 between the "
                       "city and 四道沟. Everything for the upper valley must take the slow mountain road via 苇沙河 and 蚂蚁河; "
                       "六道沟 misses the 2 h arrival target and its relief depends on local points and Changbai (mutual aid).",
        "incidents": [
            {"id": "landslide", "name": "G331 四道沟段滑坡", "hazard": "landslide",
             "affected_areas": [b.affected("LJ-DH", 3000, 400, 1)],
             "team_needs": [b.need("LJ-DH", "landslide", 60)],
             "road_disruptions": {"closed_edges": b.roads.edges_near((41.785, 127.02), 3)}},
            {"id": "flashflood", "name": "四道沟、六道沟山洪", "hazard": "flashFlood", "start_offset_hours": 1,
             "affected_areas": [b.affected("LJ-SDG", 5000, 2200, 3, {"sandbag": 15000, "pump": 6, "boat": 2}),
                                b.affected("LJ-LDG", 4500, 2000, 3, {"sandbag": 12000, "pump": 6, "boat": 2}),
                                b.affected("LJ-MYH", 2000, 600, 2)],
             "team_needs": [b.need("LJ-SDG", "flashFlood", 150), b.need("LJ-LDG", "flashFlood", 150), b.need("LJ-MYH", "flashFlood", 40)],
             "road_disruptions": {"slowed_edges": b.slowed_near("LJ-MYH", 0.5, 4)}}]})
    sc.append({
        "id": "lj-yalu-flood", "name": "鸭绿江洪水（城区段）", "hazard": "flood", "response_level": "III",
        "start": "2025-07-22T16:00:00+08:00", "season": "summer", "weight": 0.25,
        "description": "Yalu high water at the city's riverside streets; close to the county depot, everything arrives in time.",
        "incidents": [{"id": "yalu", "name": "鸭绿江城区段洪水", "hazard": "flood",
                       "affected_areas": [b.affected("LJ-DH", 9000, 3000, 2, {"sandbag": 40000, "pump": 8}),
                                          b.affected("LJ-JG", 8000, 1500, 2, {"sandbag": 20000}),
                                          b.affected("LJ-DLZ", 3000, 800, 2, {"sandbag": 8000})],
                       "team_needs": [b.need("LJ-DH", "flood", 200), b.need("LJ-JG", "flood", 100)]}]})
    sc.append({
        "id": "lj-border-forest-fire", "name": "边境森林火灾（花山—桦树）", "hazard": "forestFire", "response_level": "III",
        "start": "2025-04-25T12:00:00+08:00", "season": "spring", "weight": 0.2,
        "description": "Spring forest fire in the 花山 forest; professional forest teams and flood teams re-tasked as fire beaters.",
        "incidents": [{"id": "fire", "name": "花山林区火灾", "hazard": "forestFire",
                       "affected_areas": [b.affected("LJ-HS", 2000, 300, 1, {"wind-extinguisher": 60, "fire-rake": 300, "fire-pump": 10})],
                       "team_needs": [b.need("LJ-HS", "forestFire", 150), b.need("LJ-HSZ", "forestFire", 40)]}]})
    sc.append({
        "id": "lj-freezing-rain", "name": "冻雨暴雪", "hazard": "blizzard", "response_level": "III",
        "start": "2025-11-28T18:00:00+08:00", "season": "winter", "weight": 0.2,
        "description": "Freezing rain then snow; every road at half speed, mountain roads at 40 %; 桦树 and 蚂蚁河 need winter relief.",
        "incidents": [{"id": "ice", "name": "冻雨暴雪", "hazard": "blizzard",
                       "affected_areas": [b.affected("LJ-HSZ", 3000, 500, 2, {"coat": 500, "cotton-tent": 40, "tent": 0}),
                                          b.affected("LJ-MYH", 1500, 300, 2, {"coat": 300, "cotton-tent": 30, "tent": 0})],
                       "road_disruptions": {"area_factors": [{"factor": 0.5, "reason": "冻雨路面结冰"},
                                                             {"road_classes": ["county", "village", "township"], "factor": 0.8, "reason": "山区道路"}]}}]})
    b.scenarios = sc
    b.manifest = manifest(
        "临江市应急物资储备（示例数据）", "Linjiang emergency reserves (sample)",
        "Realistic, not official: from 临江市应急管理“十四五”规划 with approximated places, stock and roads. See README.md.",
        [{"id": "linjiang-2025", "name": "临江“十四五”目标：2 小时到达、10 小时救助", "source": "临江市应急管理“十四五”规划",
          "arrival_hours": 2, "relief_hours": 10}],
        "linjiang-2025", "lj-landslide-flashflood", ["scenarios/%s.json" % s["id"] for s in sc])
    b.readme = README
    return b


README = """
# 临江 (Linjiang) — sample bundle

Realistic, **not official** data. Validate with `reserve validate Data/linjiang`.

## From the seed plan (临江市应急管理“十四五”规划)
* **109** flood-fighting teams with **2,300** people (组织抢险队伍109支，2300人): 109 team rows
  of 21–22 people across the streets and towns.
* **¥2.6 M** of flood materials (储备价值260万元的防汛物资: woven bags, iron wire…): the
  county depot's flood stock adds up to exactly ¥2,600,000 at the catalogue prices.
* Reserve network of county depot + township points (县级储备库为依托、乡镇（街）储备点为补充),
  with the city (白山) above.
* Hazards: landslides and flash floods in the Changbai foothills, border forest fire,
  freezing rain and snow, Yalu floods. Targets 2 h / 10 h.

## Approximated
* Streets and towns (names of the right kind, approximate seats and populations;
  total ≈ 0.15 M). Depot sites, capacities and non-flood stock. The forest teams and
  the fire brigade's size. Changbai and Fusong stand for mutual aid; the mineral-water
  plant for production capacity (Baishan is known for it; no real company is meant).
* Roads generated by `scripts/make_samples.py`: G331 along the Yalu, the roads to
  白山 and 抚松, and a slow mountain detour 苇沙河—蚂蚁河—六道沟.
* Scenarios: `lj-landslide-flashflood` (headline: a landslide cuts G331 while flash
  floods hit the upper valley), `lj-yalu-flood`, `lj-border-forest-fire`, `lj-freezing-rain`.
"""

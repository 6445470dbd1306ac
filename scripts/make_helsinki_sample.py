#!/usr/bin/env python3
"""Builds Data/helsinki: a small fictional district on the real roads of central
Helsinki (the repository's OpenStreetMap fixture), the way a bureau builds its own
bundle from an extract (README, "Your own roads"):

  1. reserve import osm helsinki.osm.pbf --profile truck --out Data/helsinki
  2. the bureau's own tables (areas, depots, items, stock, teams, fleet) and
     scenarios, written here from the lists below;
  3. reserve validate Data/helsinki.

Deterministic: the same reserve binary and fixture give the same files.
Usage: python3 scripts/make_helsinki_sample.py [PATH-TO-reserve]
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Data", "helsinki")
PBF = os.path.join(ROOT, "Tests", "Fixtures", "external", "osm-helsinki", "helsinki.osm.pbf")
RESERVE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "reserve")

# Places picked on real streets (WGS-84, as read off OpenStreetMap). The district,
# its people and its stock are invented.
AREAS = [
    # id, name, name_en, level, parent, population, lat, lon, hazards
    ("HEL", "赫尔辛基中心示范区", "Helsinki centre (fictional district)", "city", "", 42000, 60.1705, 24.9440,
     "flood:high;urbanFire:high;blizzard:medium"),
    ("HEL-KRU", "克鲁努哈卡社区", "Kruununhaka", "township", "HEL", 7200, 60.1718, 24.9530, "flood:high;urbanFire:medium"),
    ("HEL-KLU", "克卢维社区", "Kluuvi", "township", "HEL", 5600, 60.1712, 24.9452, "urbanFire:high"),
    ("HEL-KAA", "卡尔廷考蓬基社区", "Kaartinkaupunki", "township", "HEL", 6100, 60.1660, 24.9480, "flood:medium;urbanFire:medium"),
    ("HEL-KAM", "坎皮东社区", "Kamppi east", "township", "HEL", 8300, 60.1690, 24.9375, "urbanFire:high"),
    ("HEL-KAI", "凯萨涅米社区", "Kaisaniemi", "township", "HEL", 4400, 60.1750, 24.9445, "flood:medium"),
    ("HEL-SIL", "锡尔塔萨里社区", "Siltasaari", "township", "HEL", 5200, 60.1780, 24.9505, "flood:major"),
    ("HEL-HAK", "哈卡涅米西社区", "Hakaniemi west", "township", "HEL", 5200, 60.1784, 24.9470, "flood:high"),
]

DEPOTS = [
    # id, name, level, area, lat, lon, owner, capacity_m3, capacity_t, handling_h, throughput_t_per_h
    ("HEL-D-CITY", "中心区救灾物资储备库", "city", "HEL-KAM", 60.1682, 24.9395, "示范区应急管理局", 3000, 500, 1.0, 30),
    ("HEL-D-FLOOD", "滨水防汛物资仓库", "community", "HEL-KRU", 60.1700, 24.9515, "示范区水务局", 1200, 200, 0.5, 15),
    ("HEL-D-NORTH", "北岸社区应急物资点", "community", "HEL-SIL", 60.1772, 24.9512, "锡尔塔萨里社区", 300, 40, 0.5, 5),
]

ITEMS = ["water", "instant-food", "tent", "quilt", "hygiene-kit", "sandbag", "lifejacket", "pump",
         "first-aid-kit", "breathing-apparatus", "mask", "generator"]

STOCK = [  # depot, item, quantity
    ("HEL-D-CITY", "water", 60000), ("HEL-D-CITY", "instant-food", 30000), ("HEL-D-CITY", "tent", 300),
    ("HEL-D-CITY", "quilt", 3000), ("HEL-D-CITY", "hygiene-kit", 1200), ("HEL-D-CITY", "first-aid-kit", 800),
    ("HEL-D-CITY", "mask", 20000), ("HEL-D-CITY", "breathing-apparatus", 40), ("HEL-D-CITY", "generator", 12),
    ("HEL-D-FLOOD", "sandbag", 40000), ("HEL-D-FLOOD", "lifejacket", 600), ("HEL-D-FLOOD", "pump", 16),
    ("HEL-D-FLOOD", "water", 12000), ("HEL-D-FLOOD", "tent", 80),
    ("HEL-D-NORTH", "water", 4000), ("HEL-D-NORTH", "instant-food", 2000), ("HEL-D-NORTH", "quilt", 300),
    ("HEL-D-NORTH", "sandbag", 3000),
]

TEAMS = [
    # id, name, kind, area, lat, lon, specialties, headcount, vehicles, mobilisation_minutes
    ("HEL-F-CEN", "中心消防救援站", "fireRescue", "HEL-KAM", 60.1676, 24.9420, "urbanFire;chemical;flood;traffic", 45, 9, 3),
    ("HEL-F-KRU", "克鲁努哈卡消防站", "fireRescue", "HEL-KRU", 60.1725, 24.9510, "urbanFire;flood;traffic", 25, 5, 3),
    ("HEL-W-RES", "滨水抢险队", "professional", "HEL-KAA", 60.1655, 24.9500, "flood;waterlogging", 30, 4, 20),
    ("HEL-V-NOR", "北岸志愿救援队", "social", "HEL-SIL", 60.1778, 24.9495, "flood;urbanFire", 15, 2, 30),
]

FLEET = [("HEL-D-CITY", 6, 5, 24, 0.8), ("HEL-D-FLOOD", 3, 5, 24, 0.8), ("HEL-D-NORTH", 1, 2, 10, 0.8)]

# The flood zone: the Siltasaari shore on both sides of Pitkäsilta and the
# low-lying Kaisaniemi bay side; drawn as a GIS layer would be (GeoJSON, lon/lat).
FLOOD_ZONE = [[24.9440, 60.1745], [24.9534, 60.1745], [24.9534, 60.1791],
              [24.9440, 60.1791], [24.9440, 60.1745]]

FLOOD = {
    "id": "hel-storm-surge", "name": "风暴潮淹没北岸", "hazard": "flood", "response_level": "III",
    "start": "2025-10-12T03:00:00+03:00", "season": "autumn", "weight": 0.4,
    "description": "A storm surge floods the Siltasaari shore: every bridge, ford and tunnel inside "
                   "the flood line is closed (Pitkäsilta among them), the streets in it are slowed to half "
                   "speed, and the north shore's small depot is cut off from the city's.",
    "incidents": [{
        "id": "surge", "name": "风暴潮", "hazard": "flood", "start_offset_hours": 0,
        "affected_areas": [
            {"area": "HEL-SIL", "affected_population": 5200, "displaced_population": 1600, "relief_days": 2},
            {"area": "HEL-HAK", "affected_population": 3000, "displaced_population": 700, "relief_days": 2},
            {"area": "HEL-KAI", "affected_population": 1500, "displaced_population": 200, "relief_days": 1},
        ],
        "team_needs": [{"area": "HEL-SIL", "specialty": "flood", "headcount": 40},
                       {"area": "HEL-HAK", "specialty": "flood", "headcount": 20}],
        "road_disruptions": {
            "closed_crossings": [{"crossings": ["bridge", "ford", "tunnel"],
                                  "polygon_file": "scenarios/hel-flood-zone.geojson",
                                  "reason": "风暴潮淹没线（海拔 2 m）"}],
            "area_factors": [{"polygon": FLOOD_ZONE, "factor": 0.5, "reason": "积水路段"}],
        },
        "depot_damage": [{"depot": "HEL-D-NORTH", "fraction_lost": 0.25, "unusable": False}],
    }],
}

FIRE = {
    "id": "hel-kluuvi-fire", "name": "克卢维商业街火灾", "hazard": "urbanFire", "response_level": "IV",
    "start": "2025-01-18T22:30:00+02:00", "season": "winter", "weight": 0.6,
    "description": "A night fire in a Kluuvi shopping block: two streets beside it are closed to "
                   "traffic by the fire cordon, 300 people are evacuated for a night, and fire teams "
                   "must arrive within 2 h.",
    "incidents": [{
        "id": "fire", "name": "商业街火灾", "hazard": "urbanFire", "start_offset_hours": 0,
        "affected_areas": [
            {"area": "HEL-KLU", "affected_population": 1200, "displaced_population": 300, "relief_days": 1,
             "demands": [{"item": "mask", "quantity": 1500}, {"item": "first-aid-kit", "quantity": 60}]},
            {"area": "HEL-KAM", "affected_population": 600, "displaced_population": 100, "relief_days": 1},
        ],
        "team_needs": [{"area": "HEL-KLU", "specialty": "urbanFire", "headcount": 50}],
        "road_disruptions": {
            # The cordon round the block: traffic police let emergency vehicles
            # through at walking pace, a fifth of the normal speed.
            "area_factors": [{"polygon": [[24.9440, 60.1700], [24.9470, 60.1700], [24.9470, 60.1718],
                                          [24.9440, 60.1718], [24.9440, 60.1700]],
                              "factor": 0.2, "reason": "火场警戒区"}],
        },
    }],
}

MANIFEST = {
    "schema_version": 1,
    "name": "赫尔辛基中心示范区应急物资储备（虚构示例，真实道路）",
    "name_en": "Helsinki centre emergency reserves (fictional district on real roads)",
    "description": "Fictional district, depots, stock and teams on the real roads of central Helsinki "
                   "(OpenStreetMap, ODbL; imported with `reserve import osm --profile truck`). "
                   "Built by scripts/make_helsinki_sample.py. See README.md.",
    "reference_date": "2025-06-01",
    "default_policy": "hel-2h-10h",
    "headline_scenario": "hel-storm-surge",
    "max_snap_km": 0.5,
    "persons_per_household": 2.0,
    "policies": [{"id": "hel-2h-10h", "name": "2 小时到达、10 小时救助", "arrival_hours": 2, "relief_hours": 10,
                  "source": "示例政策（与其他示例相同的目标）"}],
    "units": {"currency": "CNY", "distance": "km", "item_weight": "kg", "speed": "km/h", "time": "h",
              "volume": "m3", "weight": "t"},
    "files": {"areas": "areas.csv", "depots": "depots.csv", "fleet": "fleet.csv", "items": "items.csv",
              "nodes": "nodes.csv", "roads": "roads.csv", "stock": "stock.csv", "teams": "teams.csv",
              "scenarios": ["scenarios/hel-storm-surge.json", "scenarios/hel-kluuvi-fire.json"]},
}


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_json(name, value):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")


def main():
    os.makedirs(os.path.join(OUT, "scenarios"), exist_ok=True)
    subprocess.run([RESERVE, "import", "osm", PBF, "--profile", "truck", "--out", OUT], check=True)
    write_json("bundle.json", MANIFEST)
    write_csv("areas.csv", ["id", "name", "name_en", "level", "parent", "population", "lat", "lon", "hazards",
                            "major_risk_area"], [list(a) + ["false"] for a in AREAS])
    write_csv("depots.csv", ["id", "name", "level", "area", "lat", "lon", "owner", "capacity_m3", "capacity_tonnes",
                             "handling_hours", "throughput_tonnes_per_hour", "mode", "lead_hours",
                             "contract_cap_tonnes", "production_rate_tonnes_per_hour", "ramp_up_hours",
                             "mutual_aid", "mutual_aid_lead_hours"],
              [list(d) + ["physical", 0, "", "", 0, "false", ""] for d in DEPOTS])
    # Item definitions (names, weights, norms) are the other samples' catalogue.
    with open(os.path.join(ROOT, "Data", "hegang", "items.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    write_csv("items.csv", rows[0], [r for r in rows[1:] if r[0] in ITEMS])
    units = {r[0]: r[5] for r in rows[1:]}
    write_csv("stock.csv", ["depot", "item", "quantity", "unit", "batch", "received", "expiry"],
              [[d, i, q, units[i], f"HEL-2025-{k + 1:03d}", "2025-03-01", ""] for k, (d, i, q) in enumerate(STOCK)])
    write_csv("teams.csv", ["id", "name", "kind", "area", "lat", "lon", "specialties", "headcount", "vehicles",
                            "mobilisation_minutes"], TEAMS)
    write_csv("fleet.csv", ["depot", "trucks", "capacity_tonnes", "capacity_m3", "speed_factor"], FLEET)
    write_json("scenarios/hel-flood-zone.geojson", {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"name": "风暴潮淹没线（海拔 2 m，虚构）"},
                      "geometry": {"type": "Polygon", "coordinates": [FLOOD_ZONE]}}]})
    write_json("scenarios/hel-storm-surge.json", FLOOD)
    write_json("scenarios/hel-kluuvi-fire.json", FIRE)
    subprocess.run([RESERVE, "validate", OUT], check=True)


if __name__ == "__main__":
    main()

"""A sample bundle under construction: tables as lists of rows, written in the
format docs/formats.md describes."""
import os

from . import catalogue
from .common import REFERENCE_DATE, Roads, date_add, write_csv, write_json
import random


import datetime as _dt

ROTATED_IN_SPRING = {"instant-food": _dt.date(2025, 4, 1), "rice": _dt.date(2025, 4, 1)}


class SampleBundle:
    def __init__(self, key, seed):
        self.key = key
        self.rng = random.Random(seed)
        self.roads = Roads(self.rng)
        self.places = {}
        self.areas, self.depots, self.stock, self.teams, self.fleet = [], [], [], [], []
        self.scenarios = []
        self.manifest = {}
        self.readme = ""

    # --- places and areas ------------------------------------------------------
    def place(self, key, lat, lon):
        self.places[key] = (lat, lon)
        return (lat, lon)

    def p(self, key):
        return self.places[key]

    def area(self, aid, name, level, parent, population, lat=None, lon=None, name_en="", hazards="", major=False):
        if lat is not None:
            self.place(aid, lat, lon)
        self.areas.append([aid, name, name_en, level, parent or "", population, lat, lon, hazards, major])

    def area_pop(self, aid):
        for a in self.areas:
            if a[0] == aid:
                return a[5]
        raise KeyError(aid)

    def sum_populations(self):
        """Parents without a population get the sum of their children's."""
        kids = {}
        for a in self.areas:
            kids.setdefault(a[4], []).append(a)

        def total(a):
            if a[5]:
                return a[5]
            s = sum(total(k) for k in kids.get(a[0], []))
            a[5] = s
            return s

        for a in self.areas:
            total(a)

    # --- depots, stock, teams ----------------------------------------------------
    def depot(self, did, name, level, area, lat, lon, owner, m3, t, handling, throughput, mode="physical",
              lead=0, cap=None, rate=None, ramp=0, mutual=False, mutual_lead=None):
        self.place(did, lat, lon)
        self.depots.append([did, name, level, area or "", lat, lon, owner, m3, t, handling, throughput, mode,
                            lead, cap, rate, ramp, mutual, mutual_lead])

    def put(self, depot, items, received=(2024, 10, 15), batch_prefix=None):
        """Stock lots: {item: quantity}. Expiry = received + shelf life. Short-lived
        food was rotated in spring 2025 (收储轮换), so it is still good for every
        scenario of 2025."""
        import datetime
        for item, qty in items.items():
            r = datetime.date(*received)
            if item in ROTATED_IN_SPRING and received == (2024, 10, 15):
                r = ROTATED_IN_SPRING[item]
            shelf = catalogue.shelf_of(item)
            expiry = date_add(r, shelf).isoformat() if shelf else ""
            n = len(self.stock) + 1
            batch = "%s-%s-%03d" % (batch_prefix or self.key.upper()[:2], r.strftime("%Y%m"), n)
            self.stock.append([depot, item, qty, catalogue.unit_of(item), batch, r.isoformat(), expiry])

    def team(self, tid, name, kind, area, lat, lon, specialties, headcount, vehicles, minutes):
        self.place(tid, lat, lon)
        self.teams.append([tid, name, kind, area or "", lat, lon, ";".join(specialties), headcount, vehicles, minutes])

    def trucks(self, depot, n, t=10, m3=45, speed=0.85):
        self.fleet.append([depot, n, t, m3, speed])

    # --- output ---------------------------------------------------------------
    def finish_roads(self):
        """Every area centroid, depot and team base gets a node on the network."""
        for row in self.areas:
            if row[6] is not None:
                self.roads.attach((row[6], row[7]), "township")
        for row in self.depots:
            self.roads.attach((row[4], row[5]), "township")
        for row in self.teams:
            self.roads.attach((row[4], row[5]), "township")
        self.roads.connect_components()

    def write(self, out_dir):
        os.makedirs(os.path.join(out_dir, "scenarios"), exist_ok=True)
        for name in os.listdir(os.path.join(out_dir, "scenarios")):
            os.remove(os.path.join(out_dir, "scenarios", name))
        write_json(os.path.join(out_dir, "bundle.json"), self.manifest)
        write_csv(os.path.join(out_dir, "areas.csv"),
                  ["id", "name", "name_en", "level", "parent", "population", "lat", "lon", "hazards", "major_risk_area"], self.areas)
        write_csv(os.path.join(out_dir, "depots.csv"),
                  ["id", "name", "level", "area", "lat", "lon", "owner", "capacity_m3", "capacity_tonnes", "handling_hours",
                   "throughput_tonnes_per_hour", "mode", "lead_hours", "contract_cap_tonnes",
                   "production_rate_tonnes_per_hour", "ramp_up_hours", "mutual_aid", "mutual_aid_lead_hours"], self.depots)
        write_csv(os.path.join(out_dir, "items.csv"), catalogue.COLUMNS, [list(r) for r in catalogue.ITEMS])
        write_csv(os.path.join(out_dir, "stock.csv"), ["depot", "item", "quantity", "unit", "batch", "received", "expiry"], self.stock)
        write_csv(os.path.join(out_dir, "teams.csv"),
                  ["id", "name", "kind", "area", "lat", "lon", "specialties", "headcount", "vehicles", "mobilisation_minutes"], self.teams)
        write_csv(os.path.join(out_dir, "fleet.csv"), ["depot", "trucks", "capacity_tonnes", "capacity_m3", "speed_factor"], self.fleet)
        write_csv(os.path.join(out_dir, "nodes.csv"), ["id", "lat", "lon"], self.roads.nodes)
        write_csv(os.path.join(out_dir, "roads.csv"), ["from", "to", "length_km", "class", "speed_kmh", "oneway"],
                  [e + [False] for e in self.roads.edges])
        for s in self.scenarios:
            write_json(os.path.join(out_dir, "scenarios", s["id"] + ".json"), s)
        with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
            f.write(self.readme.strip() + "\n")

    # --- scenarios --------------------------------------------------------------
    def affected(self, area, affected, displaced, days=1, demands=None):
        d = {"area": area, "affected_population": affected, "displaced_population": displaced, "relief_days": days}
        if demands:
            d["demands"] = [{"item": k, "quantity": v} for k, v in demands.items()]
        return d

    def need(self, area, specialty, headcount):
        return {"area": area, "specialty": specialty, "headcount": headcount}

    def closed_near(self, place_key, k=1, classes=None):
        return self.roads.edges_near(self.p(place_key), k, classes)

    def slowed_near(self, place_key, factor, k=2, classes=None):
        return [dict(e, factor=factor) for e in self.roads.edges_near(self.p(place_key), k, classes)]


def manifest(name, name_en, description, policies, default_policy, headline, scenario_files):
    return {
        "schema_version": 1,
        "name": name,
        "name_en": name_en,
        "description": description,
        "reference_date": REFERENCE_DATE.isoformat(),
        "policies": policies,
        "default_policy": default_policy,
        "headline_scenario": headline,
        "max_snap_km": 5,
        "persons_per_household": 2.62,
        "units": {"distance": "km", "weight": "t", "item_weight": "kg", "volume": "m3", "time": "h",
                  "speed": "km/h", "currency": "CNY"},
        "files": {"areas": "areas.csv", "depots": "depots.csv", "items": "items.csv", "stock": "stock.csv",
                  "teams": "teams.csv", "fleet": "fleet.csv", "nodes": "nodes.csv", "roads": "roads.csv",
                  "scenarios": scenario_files},
    }

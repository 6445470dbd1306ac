#!/usr/bin/env python3
"""Independent reference for `reserve coverage Data/helsinki --scenario hel-storm-surge`:
the fastest flood-team arrival at every township, worked out with shapely and
networkx from the sample's tables (not our code).

Rules reproduced (docs/routing.md, docs/formats.md):
  * travel hours of a road row = length_km / speed_kmh, both ways unless oneway;
  * the scenario's `closed_crossings` removes every bridge/ford/tunnel row whose WKT
    geometry intersects the flood polygon;
  * its `area_factors` entry (speed × 0.5 inside a rectangle) doubles the hours of
    every directed edge with an end node strictly inside the rectangle;
  * a place snaps to the nearest road node (haversine, R = 6371.0088 km) and walks
    the straight access leg at 20 km/h;
  * a team's arrival = mobilisation minutes / 60 + its access leg + the road time
    + the area's access leg; an area's arrival is the minimum over teams with the
    `flood` specialty (None when no such team can reach it).
Also the same arrivals with no disruption at all, with the disruption the arrival
of each team on its own (which shore reaches which area), and the road rows the
report map must draw as closed and as slowed.
Writes reference.json beside this script. Run from the repository root:
  python3 Tests/Fixtures/helsinki-coverage/crosscheck_coverage.py
"""
import csv
import json
import math
import os

import networkx as nx
from shapely import wkt
from shapely.geometry import LineString, Point, Polygon

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BUNDLE = os.path.join(ROOT, "Data", "helsinki")
KINDS = ("bridge", "ford", "tunnel")
ACCESS_KMH = 20.0
EARTH_KM = 6371.0088


def haversine_km(a, b):
    (lon1, lat1), (lon2, lat2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def main():
    with open(os.path.join(BUNDLE, "scenarios", "hel-storm-surge.json"), encoding="utf-8") as f:
        scenario = json.load(f)
    disruption = scenario["incidents"][0]["road_disruptions"]
    with open(os.path.join(BUNDLE, disruption["closed_crossings"][0]["polygon_file"]), encoding="utf-8") as f:
        zone = Polygon(json.load(f)["features"][0]["geometry"]["coordinates"][0])
    slow = disruption["area_factors"][0]
    slow_zone, slow_factor = Polygon(slow["polygon"]), slow["factor"]
    with open(os.path.join(BUNDLE, "nodes.csv"), encoding="utf-8") as f:
        nodes = {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}
    with open(os.path.join(BUNDLE, "roads.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    closed = set()
    for i, r in enumerate(rows):
        if any(r.get(k) == "true" for k in KINDS):
            line = wkt.loads(r["geometry"]) if r.get("geometry") else LineString([nodes[r["from"]], nodes[r["to"]]])
            if line.intersects(zone):
                closed.add(i)
    inside = {n for n, p in nodes.items() if slow_zone.contains(Point(p))}

    def graph(disrupted):
        g = nx.DiGraph()
        g.add_nodes_from(nodes)

        def add(a, b, hours):
            if disrupted and (a in inside or b in inside):
                hours /= slow_factor
            if not g.has_edge(a, b) or g[a][b]["weight"] > hours:
                g.add_edge(a, b, weight=hours)
        for i, r in enumerate(rows):
            if disrupted and i in closed:
                continue
            hours = float(r["length_km"]) / float(r["speed_kmh"])
            add(r["from"], r["to"], hours)
            if r.get("oneway") != "true":
                add(r["to"], r["from"], hours)
        return g

    def snap(lon, lat):
        best = min(nodes, key=lambda n: (haversine_km((lon, lat), nodes[n]), n))
        return best, haversine_km((lon, lat), nodes[best]) / ACCESS_KMH

    with open(os.path.join(BUNDLE, "teams.csv"), encoding="utf-8") as f:
        teams = [t for t in csv.DictReader(f) if "flood" in t["specialties"].split(";")]
    with open(os.path.join(BUNDLE, "areas.csv"), encoding="utf-8") as f:
        areas = [a for a in csv.DictReader(f) if a["level"] == "township"]

    def arrivals(g):
        per_team = {}
        for t in teams:
            node, access = snap(float(t["lon"]), float(t["lat"]))
            dist = nx.single_source_dijkstra_path_length(g, node, weight="weight")
            start = float(t["mobilisation_minutes"]) / 60 + access
            per_team[t["id"]] = {}
            for a in areas:
                anode, aaccess = snap(float(a["lon"]), float(a["lat"]))
                per_team[t["id"]][a["id"]] = start + dist[anode] + aaccess if anode in dist else None
        best = {}
        for a in areas:
            times = [per_team[t][a["id"]] for t in per_team if per_team[t][a["id"]] is not None]
            best[a["id"]] = min(times) if times else None
        return best, per_team

    surge, per_team = arrivals(graph(True))
    calm, _ = arrivals(graph(False))
    # What the report map draws: the closed rows, and the other rows with an end in the slowed zone.
    slowed = [i for i, r in enumerate(rows) if i not in closed and (r["from"] in inside or r["to"] in inside)]
    out = {"closed_rows": sorted(closed), "slowed_rows": slowed, "slowed_nodes": len(inside),
           "flood_arrival_hours": surge, "flood_arrival_hours_undisrupted": calm,
           "flood_arrival_hours_by_team": per_team}
    for a in sorted(surge):
        print(f"{a}: {surge[a]!r} (undisrupted {calm[a]!r}); by team "
              + ", ".join(f"{t} {per_team[t][a] if per_team[t][a] is None else round(per_team[t][a], 4)}" for t in per_team))
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reference for the closed-crossings disruption on Data/helsinki.

Reads the sample's roads.csv/nodes.csv (real OpenStreetMap roads) and its flood
polygon, and with shapely and networkx (not our code) works out:
  * which road rows a `closed_crossings` of bridge+ford+tunnel closes: rows flagged
    with one of them whose WKT geometry *intersects* the polygon;
  * shortest travel times (hours = length_km / speed_kmh) between 150 seeded node
    pairs before and after removing those rows (None = unreachable).
Writes reference.json beside this script. Run from the repository root:
  python3 Tests/BundleIOTests/Fixtures/helsinki-flood/crosscheck_flood.py
"""
import csv
import json
import os
import random

import networkx as nx
from shapely import wkt
from shapely.geometry import LineString, Polygon

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
BUNDLE = os.path.join(ROOT, "Data", "helsinki")
KINDS = ("bridge", "ford", "tunnel")
# RoadEdgeRecord.defaultSpeedKmh, for rows without speed_kmh.
CLASS_SPEED = {"expressway": 90, "national": 70, "provincial": 60, "county": 45, "township": 35, "village": 25, "urban": 30}


def main():
    with open(os.path.join(BUNDLE, "scenarios", "hel-flood-zone.geojson"), encoding="utf-8") as f:
        zone = Polygon(json.load(f)["features"][0]["geometry"]["coordinates"][0])
    with open(os.path.join(BUNDLE, "nodes.csv"), encoding="utf-8") as f:
        nodes = {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}
    closed, rows = [], []
    with open(os.path.join(BUNDLE, "roads.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(r)
            if not any(r.get(k) == "true" for k in KINDS):
                continue
            line = wkt.loads(r["geometry"]) if r.get("geometry") else LineString([nodes[r["from"]], nodes[r["to"]]])
            if line.intersects(zone):
                closed.append(len(rows) - 1)

    def graph(skip):
        g = nx.MultiDiGraph()
        g.add_nodes_from(nodes)
        for i, r in enumerate(rows):
            if i in skip:
                continue
            speed = float(r["speed_kmh"]) if r.get("speed_kmh") else CLASS_SPEED[r["class"]]
            hours = float(r["length_km"]) / speed
            g.add_edge(r["from"], r["to"], weight=hours)
            if r.get("oneway") != "true":
                g.add_edge(r["to"], r["from"], weight=hours)
        return g

    rng = random.Random(17)
    ids = sorted(nodes)
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(150)]
    before, after = graph(set()), graph(set(closed))

    def hours(g, a, b):
        try:
            return nx.dijkstra_path_length(g, a, b, weight="weight")
        except nx.NetworkXNoPath:
            return None

    out = {
        "closed_rows": [{"row": i, "from": rows[i]["from"], "to": rows[i]["to"],
                         "kinds": [k for k in KINDS if rows[i].get(k) == "true"]} for i in closed],
        "pairs": [{"from": a, "to": b, "hours_before": hours(before, a, b), "hours_after": hours(after, a, b)}
                  for a, b in pairs],
    }
    changed = sum(1 for p in out["pairs"] if p["hours_before"] != p["hours_after"])
    print(f"{len(closed)} rows closed; {changed} of {len(pairs)} pair times change")
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

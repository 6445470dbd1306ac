#!/usr/bin/env python3
"""Independent reference for the Helsinki import (RoadImport's HelsinkiCrossCheckTests).

libosmium decodes the file (Debian osmium-tool 1.15: `osmium tags-filter` keeps the
highway and ferry ways and the nodes they use, `osmium cat -f opl` prints them as
text); this script applies the truck profile's tag rules (docs/routing.md) on its own
and writes helsinki_truck.json:

* drivable ways per highway class, their length per class (haversine, R = 6371.0088
  km, over consecutive nodes present in the file), node-to-node pieces of one-way ways;
* shortest-path lengths (km) between 200 seeded pairs of junctions (>= 3 distinct
  neighbours, not barriers) of the largest strongly connected component, computed by
  scipy's Dijkstra on the arc graph.

Run: python3 crosscheck_osmium.py ../../../Fixtures/external/osm-helsinki/helsinki.osm.pbf
"""
import json, math, subprocess, sys, tempfile, os
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

R = 6371.0088
CORE = ["motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
        "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service"]
ACCESS_KEYS = ["hgv", "motor_vehicle", "vehicle", "access"]  # truck, most specific first
PASSABLE = {"cattle_grid", "border_control", "toll_booth", "sally_port", "gate", "lift_gate", "no", "entrance",
            "height_restrictor", "arch"}


def opl_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "%":
            j = s.index("%", i + 1)
            out.append(chr(int(s[i + 1:j], 16)))
            i = j + 1
        else:
            out.append(s[i]); i += 1
    return "".join(out)


def opl_tags(field):
    tags = {}
    if field:
        for kv in field.split(","):
            k, _, v = kv.partition("=")
            tags[opl_unescape(k)] = opl_unescape(v)
    return tags


def admits(tags):
    for key in ACCESS_KEYS:
        if key in tags:
            return tags[key] not in ("no", "private")
    return True


def direction(tags, highway):
    o = tags.get("oneway")
    if o in ("yes", "1", "true"): return 1
    if o in ("-1", "reverse"): return -1
    if o in ("reversible", "alternating"): return None
    if o in ("no", "0", "false"): return 0
    if tags.get("junction") in ("roundabout", "circular") or highway == "motorway": return 1
    return 0


def blocks(tags):
    b = tags.get("barrier")
    if b is None: return False
    has_access = any(k in tags for k in ACCESS_KEYS)
    if b in PASSABLE: return not admits(tags)
    return not (has_access and admits(tags))


def haversine(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    x = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(x)))


def main(pbf):
    with tempfile.TemporaryDirectory() as tmp:
        filtered = os.path.join(tmp, "f.osm.pbf")
        subprocess.run(["osmium", "tags-filter", pbf, "w/highway", "w/route=ferry", "-o", filtered], check=True)
        opl = subprocess.run(["osmium", "cat", filtered, "-f", "opl"], check=True, capture_output=True, text=True).stdout
    nodes, node_tags, ways = {}, {}, []
    for line in opl.splitlines():
        fields = {f[0]: f[1:] for f in line.split(" ")[1:] if f}
        if line[0] == "n":
            nodes[int(line.split(" ")[0][1:])] = (float(fields["y"]), float(fields["x"]))
            node_tags[int(line.split(" ")[0][1:])] = opl_tags(fields.get("T", ""))
        elif line[0] == "w":
            refs = [int(r[1:]) for r in fields.get("N", "").split(",") if r]
            ways.append((int(line.split(" ")[0][1:]), opl_tags(fields.get("T", "")), refs))
    by_class, km_by_class, oneway_pieces = {}, {}, 0
    arcs = []
    for wid, tags, refs in ways:
        if tags.get("route") == "ferry":
            highway = "ferry"
        elif tags.get("highway") in CORE:
            highway = tags["highway"]
        else:
            continue
        if tags.get("area") == "yes" or not admits(tags):
            continue
        d = direction(tags, highway)
        if d is None:
            continue
        by_class[highway] = by_class.get(highway, 0) + 1
        for a, b in zip(refs, refs[1:]):
            if a not in nodes or b not in nodes:
                continue
            km = haversine(nodes[a], nodes[b])
            km_by_class[highway] = km_by_class.get(highway, 0.0) + km
            if d != 0: oneway_pieces += 1
            if blocks(node_tags[a]) or blocks(node_tags[b]) or a == b:
                continue
            if d >= 0: arcs.append((a, b, km))
            if d <= 0: arcs.append((b, a, km))
    ids = sorted({a for a, _, _ in arcs} | {b for _, b, _ in arcs})
    index = {n: i for i, n in enumerate(ids)}
    # Parallel arcs: keep the shortest (csr_matrix would add duplicates up).
    best = {}
    for a, b, km in arcs:
        key = (index[a], index[b])
        best[key] = min(best.get(key, math.inf), km)
    rows = np.array([k[0] for k in best]); cols = np.array([k[1] for k in best])
    graph = csr_matrix((np.array(list(best.values())), (rows, cols)), shape=(len(ids), len(ids)))
    count, labels = connected_components(graph, directed=True, connection="strong")
    largest = np.bincount(labels).argmax()
    # Junctions of the component itself (a road leaving it does not count).
    neighbours = {}
    for a, b, _ in arcs:
        if labels[index[a]] == largest and labels[index[b]] == largest:
            neighbours.setdefault(a, set()).add(b); neighbours.setdefault(b, set()).add(a)
    junctions = [n for n in ids if labels[index[n]] == largest and len(neighbours.get(n, ())) >= 3]
    rng = np.random.default_rng(17)
    pairs = []
    while len(pairs) < 200:
        a, b = rng.choice(len(junctions), 2, replace=False)
        pairs.append((junctions[a], junctions[b]))
    sources = sorted({a for a, _ in pairs})
    dist = dijkstra(graph, directed=True, indices=[index[s] for s in sources])
    row = {s: i for i, s in enumerate(sources)}
    out = {
        "source": "helsinki.osm.pbf via osmium tags-filter w/highway w/route=ferry | osmium cat -f opl; scipy "
                  + __import__("scipy").__version__,
        "profile": "truck",
        "ways_by_highway": dict(sorted(by_class.items())),
        "length_km_by_highway": {k: round(v, 9) for k, v in sorted(km_by_class.items())},
        "oneway_pieces": oneway_pieces,
        "largest_component_nodes": int((labels == largest).sum()),
        "pairs": [{"from": f"n{a}", "to": f"n{b}", "km": round(float(dist[row[a], index[b]]), 12)} for a, b in pairs],
    }
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "helsinki_truck.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: out[k] for k in ("ways_by_highway", "oneway_pieces", "largest_component_nodes")}))


if __name__ == "__main__":
    main(sys.argv[1])

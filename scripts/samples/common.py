"""Shared machinery for the sample bundles: a deterministic road builder, table
writers and small helpers. Every city module describes places, depots, teams and
scenarios; this module turns them into a bundle directory.

Determinism: every random choice comes from random.Random(seed) of the city, every
number is rounded and formatted the same way, and files are written with "\n".
"""
import csv
import datetime
import io
import json
import math
import os
import random

REFERENCE_DATE = datetime.date(2025, 6, 1)


def haversine_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def num(x):
    """Integers without a decimal point, other values in shortest round-trip form
    (the same text the Swift writer produces)."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


class Roads:
    """Builds a road graph from corridors (chains of places), urban grids and spurs."""

    def __init__(self, rng):
        self.rng = rng
        self.nodes = []          # [id, lat, lon]
        self.edges = []          # [from, to, length_km, class, speed_kmh]
        self.edge_set = set()
        self.by_key = {}

    def node(self, lat, lon):
        key = (round(lat, 5), round(lon, 5))
        if key in self.by_key:
            return self.by_key[key]
        nid = "n%d" % (len(self.nodes) + 1)
        self.nodes.append([nid, key[0], key[1]])
        self.by_key[key] = nid
        return nid

    def pos(self, nid):
        n = self.nodes[int(nid[1:]) - 1]
        return (n[1], n[2])

    def edge(self, a, b, cls, speed=None, factor=1.08):
        if a == b or (a, b) in self.edge_set or (b, a) in self.edge_set:
            return
        self.edge_set.add((a, b))
        length = round(haversine_km(self.pos(a), self.pos(b)) * factor, 3)
        self.edges.append([a, b, max(length, 0.01), cls, speed])

    def corridor(self, cls, points, step_km=2.0, speed=None, wiggle=0.2):
        """A road through `points` (lat, lon) with a node every ~step_km, each
        pushed sideways a little so roads do not look ruled."""
        ids = []
        prev = None
        for i in range(len(points) - 1):
            a, b = points[i], points[i + 1]
            d = haversine_km(a, b)
            n = max(1, int(round(d / step_km)))
            for k in range(n + (1 if i == len(points) - 2 else 0)):
                t = k / n
                lat = a[0] + (b[0] - a[0]) * t
                lon = a[1] + (b[1] - a[1]) * t
                if 0 < k < n:
                    off = self.rng.uniform(-wiggle, wiggle) * step_km / 111.0
                    lat += off * (b[1] - a[1]) / max(1e-9, abs(b[1] - a[1]) + abs(b[0] - a[0]))
                    lon -= off * (b[0] - a[0]) / max(1e-9, abs(b[1] - a[1]) + abs(b[0] - a[0]))
                anchor = k == 0 or (k == n and i == len(points) - 2)
                nid = self.anchor(lat, lon, cls, speed) if anchor else self.node(lat, lon)
                if prev is not None:
                    self.edge(prev, nid, cls, speed)
                ids.append(nid)
                prev = nid
        return ids

    def anchor(self, lat, lon, cls, speed):
        """A corridor's end or waypoint: reuse a node within 250 m, else a new node
        joined to the nearest existing node within 3 km, so corridors meet grids and
        each other instead of running past them."""
        near, d = self.nearest((lat, lon))
        if near is not None and d <= 0.25:
            return near
        nid = self.node(lat, lon)
        if near is not None and near != nid and d <= 3.0:
            self.edge(nid, near, "urban" if cls in ("urban",) else "county", None, factor=1.15)
        return nid

    def grid(self, centre, half_km, spacing_km, cls="urban", speed=None, arterial_every=4):
        n = int(half_km / spacing_km)
        dlat = spacing_km / 111.0
        dlon = spacing_km / (111.0 * math.cos(math.radians(centre[0])))
        ids = {}
        for i in range(-n, n + 1):
            for j in range(-n, n + 1):
                lat = centre[0] + i * dlat + self.rng.uniform(-0.15, 0.15) * dlat
                lon = centre[1] + j * dlon + self.rng.uniform(-0.15, 0.15) * dlon
                ids[(i, j)] = self.node(lat, lon)
        for (i, j), nid in sorted(ids.items()):
            if (i, j + 1) in ids:
                self.edge(nid, ids[(i, j + 1)], "provincial" if i % arterial_every == 0 else cls, speed)
            if (i + 1, j) in ids:
                self.edge(nid, ids[(i + 1, j)], "provincial" if j % arterial_every == 0 else cls, speed)
        return ids

    def nearest(self, p, exclude=None):
        best, bd = None, 1e18
        for nid, lat, lon in self.nodes:
            if nid == exclude:
                continue
            d = haversine_km(p, (lat, lon))
            if d < bd:
                best, bd = nid, d
        return best, bd

    def attach(self, p, cls="township", speed=None):
        """A node at p joined to the network by a spur (or the existing node if one
        is within 200 m)."""
        near, d = self.nearest(p)
        if near is not None and d <= 0.2:
            return near
        nid = self.node(p[0], p[1])
        if near is not None:
            self.edge(nid, near, cls, speed, factor=1.15)
        return nid

    def connect_components(self):
        parent = {n[0]: n[0] for n in self.nodes}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for e in self.edges:
            parent[find(e[0])] = find(e[1])
        groups = {}
        for n in self.nodes:
            groups.setdefault(find(n[0]), []).append(n)
        if len(groups) <= 1:
            return
        main = max(groups.values(), key=len)
        main_set = {n[0] for n in main}
        for root, members in sorted(groups.items(), key=lambda kv: kv[1][0][0]):
            if members[0][0] in main_set:
                continue
            best = None
            for a in members:
                for b in main:
                    d = haversine_km((a[1], a[2]), (b[1], b[2]))
                    if best is None or d < best[0]:
                        best = (d, a[0], b[0])
            self.edge(best[1], best[2], "county")
            main.extend(members)
            main_set.update(n[0] for n in members)

    def edges_near(self, p, k=1, classes=None):
        """The k road segments whose midpoints are nearest p (for closures)."""
        scored = []
        for e in self.edges:
            if classes and e[3] not in classes:
                continue
            a, b = self.pos(e[0]), self.pos(e[1])
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            scored.append((haversine_km(p, mid), e[0], e[1]))
        scored.sort()
        return [{"from": s[1], "to": s[2]} for s in scored[:k]]


def date_add(d, days):
    return d + datetime.timedelta(days=int(days))


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([num(v) if not isinstance(v, str) else v for v in r])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))
        f.write("\n")

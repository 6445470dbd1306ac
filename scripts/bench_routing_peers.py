#!/usr/bin/env python3
"""Time the routing core against scipy, igraph and networkx on the same graphs.

Runs the release `reserve bench-routing` (hidden command) for our timings, exports
the generated 1M-node grid so the peers read the very same graph, checks that every
tool agrees with ours (reachable counts, sums of distances, sample distances) and
only then times the peers. Prints a Markdown table with ratios (peer time / ours).

    make release
    python3 scripts/bench_routing_peers.py [--grid 1000] [--sources 5] [--matrix-repeat 3] [--quick]
                                           [--imported-streets 500]

Besides the California network and the generated grid, one-to-all runs on networks
made by `reserve import osm` (issue 17): the real Helsinki extract of the fixtures and
the synthetic streets file of scripts/bench_import.py (STREETS² junctions with shape
points; needs `osmium`, Debian osmium-tool, to write its PBF; `--imported-streets 0`
leaves it out). Each is imported, read back from its roads.csv by `bench-routing`
and exported, so the peers search the very graph ours does.

The tools run in interleaved rounds (ours, then each peer, 3 rounds; the matrix
--matrix-repeat rounds), so that load on a shared machine hits them alike; the table
reports the median and [min–max] over sources × rounds and ratios of the medians.

Needs numpy, scipy, networkx and python-igraph (`pip install python-igraph`).
networkx is slow: on the 1M graph it is timed on fewer sources, and its many-to-many
time is extrapolated from a few rows (marked as such).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
REPEAT = 3  # runs per query and tool; the table shows the median and [min–max] over sources × runs
CEDGE = os.path.join(ROOT, "Tests", "Fixtures", "external", "roads-california", "cal.cedge")


def ours(reserve, *args):
    out = subprocess.run([reserve, "bench-routing", *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def dedupe_min(u, v, w, n):
    """Keep the shortest of parallel arcs (scipy would sum them)."""
    order = np.lexsort((w, v, u))
    u, v, w = u[order], v[order], w[order]
    keep = np.ones(len(u), dtype=bool)
    keep[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
    return u[keep], v[keep], w[keep]


def load_cedge():
    data = np.loadtxt(CEDGE)
    a, b, w = data[:, 1].astype(np.int64), data[:, 2].astype(np.int64), data[:, 3]
    n = int(max(a.max(), b.max())) + 1
    u, v, w = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([w, w])
    return n, dedupe_min(u, v, w, n)


def load_export(path):
    with open(path) as f:
        n, _ = map(int, f.readline().split())
    data = np.loadtxt(path, skiprows=1)
    u, v, w = data[:, 0].astype(np.int64), data[:, 1].astype(np.int64), data[:, 2]
    return n, dedupe_min(u, v, w, n)


def timed(fn, repeat=1):
    """All `repeat` run times (seconds) and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def ms_spread(values_ms):
    v = sorted(values_ms)
    f = (lambda x: f"{x:,.0f}") if v[-1] >= 100 else (lambda x: f"{x:,.1f}") if v[-1] >= 1 else (lambda x: f"{x:.3f}")
    return statistics.median(v), f"{f(statistics.median(v))} [{f(v[0])}–{f(v[-1])}]"


def check_one_to_all(name, dist, query):
    finite = np.isfinite(dist)
    reach, total = int(finite.sum()), float(dist[finite].sum())
    assert reach == query["reachable"], f"{name}: reachable {reach} vs ours {query['reachable']}"
    assert abs(total - query["sumHours"]) <= 1e-9 * max(1.0, total), f"{name}: sum {total} vs ours {query['sumHours']}"


def bench_graph(label, n, arcs, run_ours, args, matrix=False):
    """Rounds interleave the tools, so that a burst of load hits all of them alike:
    each round runs ours once (`run_ours(k)`: one `reserve bench-routing --repeat 1`
    process, with the matrix when `matrix`), then every peer on the same queries."""
    u, v, w = arcs
    csr = csr_matrix((w, (u, v)), shape=(n, n))
    import igraph as ig
    g = ig.Graph(n=n, edges=list(zip(u.tolist(), v.tolist())), directed=True)
    g.es["weight"] = w.tolist()
    import networkx as nx
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))

    first = run_ours(0)
    sources = [q["source"] for q in first["oneToAll"]]
    nx_sources = sources[: (1 if args.quick or n > 100_000 else len(sources))]
    # Agree first, then time.
    for q in first["oneToAll"]:
        check_one_to_all("scipy", dijkstra(csr, directed=True, indices=q["source"]), q)
        check_one_to_all("igraph", np.array(g.distances(source=q["source"], weights="weight")[0]), q)
    for q in first["oneToAll"][: len(nx_sources)]:
        d = nx.single_source_dijkstra_path_length(G, q["source"])
        assert len(d) == q["reachable"] and abs(sum(d.values()) - q["sumHours"]) <= 1e-9 * max(1.0, q["sumHours"]), "networkx disagrees"
    if matrix:
        m = first["matrix"]
        srcs, tgts = m["sources"], m["targets"]
        full = dijkstra(csr, directed=True, indices=srcs)
        sub = full[:, tgts]
        finite = np.isfinite(sub)
        assert int((~finite).sum()) == m["unreachable"], "scipy matrix: unreachable count differs"
        assert abs(float(sub[finite].sum()) - m["sumHours"]) <= 1e-9 * max(1.0, m["sumHours"]), "scipy matrix: sum differs"
        for a, b in zip(sub[0][:20], m["firstRow"]):
            assert (b is None and np.isinf(a)) or abs(a - b) <= 1e-9 * max(1.0, a), "scipy matrix: first row differs"
        dd = g.distances(source=srcs, target=tgts, weights="weight")
        assert abs(float(np.array(dd)[finite].sum()) - m["sumHours"]) <= 1e-9 * max(1.0, m["sumHours"]), "igraph matrix differs"

    ours_ms, scipy_ms, igraph_ms, nx_ms = [], [], [], []
    ours_mm, scipy_mm, igraph_mm = [], [], []
    for k in range(max(REPEAT, args.matrix_repeat if matrix else 0)):
        report = first if k == 0 else run_ours(k)
        if k < REPEAT:
            ours_ms += [q["milliseconds"] for q in report["oneToAll"]]
            scipy_ms += [1000 * timed(lambda s=s: dijkstra(csr, directed=True, indices=s))[0][0] for s in sources]
            igraph_ms += [1000 * timed(lambda s=s: g.distances(source=s, weights="weight"))[0][0] for s in sources]
            nx_ms += [1000 * timed(lambda s=s: nx.single_source_dijkstra_path_length(G, s))[0][0] for s in nx_sources]
        if matrix and k < args.matrix_repeat:
            ours_mm.append(1000 * report["matrix"]["seconds"])
            scipy_mm.append(1000 * timed(lambda: dijkstra(csr, directed=True, indices=srcs))[0][0])
            igraph_mm.append(1000 * timed(lambda: g.distances(source=srcs, target=tgts, weights="weight"))[0][0])
    rows = [(f"{label}: one-to-all ({len(sources)} sources × {REPEAT} rounds; networkx {len(nx_sources)} source(s))",
             ours_ms, scipy_ms, igraph_ms, nx_ms, "")]
    if matrix:
        few = srcs[:2]
        t, _ = timed(lambda: [nx.single_source_dijkstra_path_length(G, s) for s in few])
        nx_mm = [1000 * x * len(srcs) / len(few) for x in t]
        single = first.get("singleThreadSeconds")
        note = f"1 thread (ours): {single:.2f} s; " if single else ""
        rows.append((f"{label}: many-to-many {len(srcs)} × {len(tgts)} ({m['threads']} threads, {args.matrix_repeat} rounds)",
                     ours_mm, scipy_mm, igraph_mm, nx_mm, note + "networkx extrapolated from 2 rows, 1 run"))
    return rows


def bench_imported(args, tmp):
    """One-to-all on networks `reserve import osm` made: Helsinki (real OSM) and, when
    asked, the synthetic streets file of scripts/bench_import.py."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import bench_import
    files = [("Helsinki imported (real OSM)", bench_import.HELSINKI)]
    if args.imported_streets > 0 and shutil.which("osmium") is None:
        print("bench_routing_peers: no `osmium` (Debian osmium-tool): the imported streets network is left out", file=sys.stderr)
    elif args.imported_streets > 0:
        xml, pbf = os.path.join(tmp, "streets.osm"), os.path.join(tmp, "streets.osm.pbf")
        bench_import.write_streets(xml, args.imported_streets)
        subprocess.run(["osmium", "cat", "-O", xml, "-o", pbf], check=True, capture_output=True)
        os.remove(xml)
        files.append((f"streets {args.imported_streets}² imported", pbf))
    rows = []
    for label, pbf in files:
        out = os.path.join(tmp, os.path.basename(pbf) + ".tables")
        subprocess.run([args.reserve, "import", "osm", pbf, "--out", out], check=True, capture_output=True)
        export = os.path.join(tmp, os.path.basename(pbf) + ".txt")
        graph_args = ["--graph", os.path.join(out, "roads.csv"), "--sources", str(max(args.sources, 10)), "--repeat", "1"]
        first = ours(args.reserve, *graph_args, "--export", export)
        n, arcs = load_export(export)
        rows += bench_graph(f"{label} ({n:,} nodes, {len(arcs[0]):,} arcs)", n, arcs,
                            lambda k, first=first, graph_args=graph_args: first if k == 0 else ours(args.reserve, *graph_args), args)
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reserve", default=os.path.join(ROOT, ".build", "release", "reserve"))
    p.add_argument("--grid", type=int, default=1000)
    p.add_argument("--sources", type=int, default=5)
    p.add_argument("--matrix-sources", type=int, default=100)
    p.add_argument("--matrix-targets", type=int, default=10_000)
    p.add_argument("--matrix-repeat", type=int, default=3, help="runs of the many-to-many matrix per tool")
    p.add_argument("--quick", action="store_true", help="fewer networkx runs")
    p.add_argument("--imported-streets", type=int, default=500,
                   help="junctions per side of the imported streets network (0: leave it out)")
    p.add_argument("--only-imported", action="store_true", help="only the imported networks (no California, no grid)")
    args = p.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += bench_imported(args, tmp)
    if args.only_imported:
        print_table(rows)
        return
    n, arcs = load_cedge()
    cal_args = ["--graph", CEDGE, "--sources", str(max(args.sources, 20)), "--repeat", "1"]
    rows += bench_graph(f"California ({n:,} nodes, {len(arcs[0]):,} arcs)", n, arcs,
                        lambda k: ours(args.reserve, *cal_args), args)

    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "grid.txt")
        grid_args = ["--grid", str(args.grid), "--sources", str(args.sources), "--repeat", "1"]
        matrix_args = ["--matrix-sources", str(args.matrix_sources), "--matrix-targets", str(args.matrix_targets)]
        first = ours(args.reserve, *grid_args, *matrix_args, "--export", export)
        single = ours(args.reserve, "--grid", str(args.grid), "--sources", "1", "--threads", "1", *matrix_args)
        assert single["matrix"]["sumHours"] == first["matrix"]["sumHours"], "threaded and single-threaded matrices differ"
        first["singleThreadSeconds"] = single["matrix"]["seconds"]
        n, arcs = load_export(export)
        rows += bench_graph(f"SyntheticGrid {args.grid}² ({n:,} nodes, {len(arcs[0]):,} arcs)", n, arcs,
                            lambda k: first if k == 0 else ours(args.reserve, *grid_args, *matrix_args), args, matrix=True)

    print_table(rows)


def print_table(rows):
    print("Median [min–max] in ms; ratios are peer median / our median, measured in this run.\n")
    print("| query | ours | scipy | igraph | networkx | scipy/ours | igraph/ours | networkx/ours | note |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, o, s_, i, x, note in rows:
        (om, os_), (sm, ss), (im, is_), (xm, xs) = ms_spread(o), ms_spread(s_), ms_spread(i), ms_spread(x)
        print(f"| {name} | {os_} | {ss} | {is_} | {xs} | {sm / om:.1f}× | {im / om:.1f}× | {xm / om:.0f}× | {note} |")
    print("\nAll peers agreed with ours (reachable counts, distance sums, sample rows) before timing.", file=sys.stderr)


if __name__ == "__main__":
    main()

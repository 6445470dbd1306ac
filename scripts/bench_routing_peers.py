#!/usr/bin/env python3
"""Time the routing core against scipy, igraph and networkx on the same graphs.

Runs the release `reserve bench-routing` (hidden command) for our timings, exports
the generated 1M-node grid so the peers read the very same graph, checks that every
tool agrees with ours (reachable counts, sums of distances, sample distances) and
only then times the peers. Prints a Markdown table with ratios (peer time / ours).

    swift build -c release --product reserve
    python3 scripts/bench_routing_peers.py [--grid 1000] [--sources 5] [--quick]

Needs numpy, scipy, networkx and python-igraph (`pip install python-igraph`).
networkx is slow: on the 1M graph it is timed on fewer sources, and its many-to-many
time is extrapolated from a few rows (marked as such).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
REPEAT = 3  # one-to-all: fastest of 3 per source, for every tool (ours: bench-routing --repeat 3)
CEDGE = os.path.join(ROOT, "..", "shared", "external", "roads-california", "cal.cedge")


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
    """Fastest of `repeat` runs: the machine is shared, and noise only ever adds time."""
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def check_one_to_all(name, dist, query):
    finite = np.isfinite(dist)
    reach, total = int(finite.sum()), float(dist[finite].sum())
    assert reach == query["reachable"], f"{name}: reachable {reach} vs ours {query['reachable']}"
    assert abs(total - query["sumHours"]) <= 1e-9 * max(1.0, total), f"{name}: sum {total} vs ours {query['sumHours']}"


def bench_graph(label, n, arcs, report, args, matrix=None):
    u, v, w = arcs
    csr = csr_matrix((w, (u, v)), shape=(n, n))
    sources = [q["source"] for q in report["oneToAll"]]
    rows = []
    # Per source the fastest of REPEAT runs, then the median over sources.
    our_ms = statistics.median(q["milliseconds"] for q in report["oneToAll"])
    our_tree_ms = statistics.median(q["treeMilliseconds"] for q in report["oneToAll"])

    # scipy: agree first, then time.
    for q in report["oneToAll"]:
        check_one_to_all("scipy", dijkstra(csr, directed=True, indices=q["source"]), q)
    scipy_ms = 1000 * statistics.median(timed(lambda s=s: dijkstra(csr, directed=True, indices=s), REPEAT)[0] for s in sources)

    import igraph as ig
    g = ig.Graph(n=n, edges=list(zip(u.tolist(), v.tolist())), directed=True)
    g.es["weight"] = w.tolist()
    for q in report["oneToAll"]:
        check_one_to_all("igraph", np.array(g.distances(source=q["source"], weights="weight")[0]), q)
    igraph_ms = 1000 * statistics.median(timed(lambda s=s: g.distances(source=s, weights="weight"), REPEAT)[0] for s in sources)

    import networkx as nx
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist()))
    nx_sources = sources[: (1 if args.quick or n > 100_000 else len(sources))]
    for q in report["oneToAll"][: len(nx_sources)]:
        d = nx.single_source_dijkstra_path_length(G, q["source"])
        assert len(d) == q["reachable"] and abs(sum(d.values()) - q["sumHours"]) <= 1e-9 * max(1.0, q["sumHours"]), "networkx disagrees"
    nx_ms = 1000 * statistics.median(timed(lambda s=s: nx.single_source_dijkstra_path_length(G, s), 1 if n > 100_000 else REPEAT)[0] for s in nx_sources)

    rows.append((f"{label}: one-to-all (median over {len(sources)} sources of the best of 3)", our_ms, our_tree_ms,
                 scipy_ms, igraph_ms, nx_ms, f"alt = with copy-out of all distances; networkx on {len(nx_sources)} source(s)"))

    if matrix:
        m = matrix["matrix"]
        srcs, tgts = m["sources"], m["targets"]
        t, full = timed(lambda: dijkstra(csr, directed=True, indices=srcs))
        sub = full[:, tgts]
        finite = np.isfinite(sub)
        assert int((~finite).sum()) == m["unreachable"], "scipy matrix: unreachable count differs"
        assert abs(float(sub[finite].sum()) - m["sumHours"]) <= 1e-9 * max(1.0, m["sumHours"]), "scipy matrix: sum differs"
        for a, b in zip(sub[0][:20], m["firstRow"]):
            assert (b is None and np.isinf(a)) or abs(a - b) <= 1e-9 * max(1.0, a), "scipy matrix: first row differs"
        scipy_s = t
        t, dd = timed(lambda: g.distances(source=srcs, target=tgts, weights="weight"))
        assert abs(float(np.array(dd)[finite].sum()) - m["sumHours"]) <= 1e-9 * max(1.0, m["sumHours"]), "igraph matrix differs"
        igraph_s = t
        few = srcs[:2]
        t, _ = timed(lambda: [nx.single_source_dijkstra_path_length(G, s) for s in few])
        nx_s = t * len(srcs) / len(few)
        single = matrix.get("singleThreadSeconds")
        rows.append((f"{label}: many-to-many {len(srcs)} × {len(tgts)} ({m['threads']} threads; 1 thread: {single:.2f} s)",
                     1000 * m["seconds"], 1000 * single, 1000 * scipy_s, 1000 * igraph_s, 1000 * nx_s,
                     "alt = 1 thread; networkx extrapolated from 2 rows"))
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reserve", default=os.path.join(ROOT, ".build", "release", "reserve"))
    p.add_argument("--grid", type=int, default=1000)
    p.add_argument("--sources", type=int, default=5)
    p.add_argument("--matrix-sources", type=int, default=100)
    p.add_argument("--matrix-targets", type=int, default=10_000)
    p.add_argument("--quick", action="store_true", help="fewer networkx runs")
    args = p.parse_args()

    rows = []
    cal = ours(args.reserve, "--graph", CEDGE, "--sources", str(max(args.sources, 20)))
    n, arcs = load_cedge()
    rows += bench_graph(f"California ({n:,} nodes, {len(arcs[0]):,} arcs)", n, arcs, cal, args)

    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "grid.txt")
        grid = ours(args.reserve, "--grid", str(args.grid), "--sources", str(args.sources), "--export", export,
                    "--matrix-sources", str(args.matrix_sources), "--matrix-targets", str(args.matrix_targets))
        single = ours(args.reserve, "--grid", str(args.grid), "--sources", "1", "--threads", "1",
                      "--matrix-sources", str(args.matrix_sources), "--matrix-targets", str(args.matrix_targets))
        assert single["matrix"]["sumHours"] == grid["matrix"]["sumHours"], "threaded and single-threaded matrices differ"
        grid["singleThreadSeconds"] = single["matrix"]["seconds"]
        n, arcs = load_export(export)
        grid_matrix = dict(grid)
        rows += bench_graph(f"SyntheticGrid {args.grid}² ({n:,} nodes, {len(arcs[0]):,} arcs)", n, arcs, grid, args,
                            matrix={**grid_matrix, "singleThreadSeconds": single["matrix"]["seconds"]})

    print("| query | ours (ms) | ours alt (ms) | scipy (ms) | igraph (ms) | networkx (ms) | scipy/ours | igraph/ours | networkx/ours | note |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, o, o2, s, i, x, note in rows:
        print(f"| {name} | {o:.1f} | {o2:.1f} | {s:.1f} | {i:.1f} | {x:.1f} | {s / o:.1f}× | {i / o:.1f}× | {x / o:.0f}× | {note} |")
    print("\nAll peers agreed with ours (reachable counts, distance sums, sample rows) before timing.", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Our one-to-all Dijkstra against a plain C binary-heap Dijkstra (issue 7's goal:
within 1.1x of it). Compiles scripts/reference/dijkstra.c with gcc -O2, exports each
graph from `reserve bench-routing --export`, runs both on the same sources in
interleaved rounds (ours, then C; each query best of 3 inside a round), checks that
reachable counts and sums of distances agree, and prints median [min-max] of the
per-round medians and the ratio C / ours (> 1: ours is faster).

    make release
    python3 scripts/bench_routing_c.py [--rounds 3] [--full]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")
CALIFORNIA = os.path.join(ROOT, "Tests", "Fixtures", "external", "roads-california", "cal.cedge")


def ours(graph_args, sources, export=None):
    args = [RESERVE, "bench-routing", *graph_args, "--sources", str(sources), "--repeat", "3"]
    if export:
        args += ["--export", export]
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"reserve bench-routing failed: {p.stderr[-400:]}")
    return json.loads(p.stdout)["oneToAll"]


def plain_c(binary, export, sources):
    p = subprocess.run([binary, export, "3", *map(str, sources)], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"dijkstra failed: {p.stderr}")
    rows = [line.split() for line in p.stdout.splitlines()]
    return [{"source": int(r[0]), "reachable": int(r[1]), "sumHours": float(r[2]), "milliseconds": float(r[3])} for r in rows]


def spread(xs):
    return f"{statistics.median(xs):.2f} [{min(xs):.2f}–{max(xs):.2f}]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--full", action="store_true", help="add the 1,000 x 1,000 grid (1 M nodes)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="er-dijkstra-")
    binary = os.path.join(tmp, "dijkstra")
    subprocess.run(["gcc", "-O2", "-o", binary, os.path.join(ROOT, "scripts", "reference", "dijkstra.c"), "-lm"], check=True)
    graphs = [("California (21,048 nodes)", ["--graph", CALIFORNIA, "--graph-format", "cedge"], 20),
              ("grid 316 x 316 (99,856 nodes)", ["--grid", "316"], 10)]
    if a.full:
        graphs.append(("grid 1,000 x 1,000 (1 M nodes)", ["--grid", "1000"], 5))
    print("| graph | ours one-to-all, ms | plain C binary heap, ms | C / ours |")
    print("|---|---:|---:|---:|")
    for label, args, count in graphs:
        export = os.path.join(tmp, "graph.txt")
        first = ours(args, count, export)
        sources = [q["source"] for q in first]
        mine, theirs = [], []
        for _ in range(a.rounds):
            o = ours(args, count)
            c = plain_c(binary, export, sources)
            for x, y in zip(o, c):
                if x["reachable"] != y["reachable"] or abs(x["sumHours"] - y["sumHours"]) > 1e-6 * max(1, x["sumHours"]):
                    sys.exit(f"{label}: source {x['source']} disagrees: ours {x['reachable']}/{x['sumHours']}, C {y['reachable']}/{y['sumHours']}")
            mine.append(statistics.median(q["milliseconds"] for q in o))
            theirs.append(statistics.median(q["milliseconds"] for q in c))
        print(f"| {label} | {spread(mine)} | {spread(theirs)} | {statistics.median(theirs) / statistics.median(mine):.2f}× |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

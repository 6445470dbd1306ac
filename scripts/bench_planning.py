#!/usr/bin/env python3
"""Plan and site solve times on the five sample bundles (BENCHMARKS.md, issue 6).

Runs the release `reserve` binary: `plan` (default objective, both solution methods)
and `site --objective p-median` (existing depots + 2 new), each several times, and
prints a Markdown table with the median wall time [min–max], peak RSS, the model size
and the objective. Usage: python3 scripts/bench_planning.py [--runs 3]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")
SAMPLES = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]


def run(args):
    """Runs reserve once under /usr/bin/time; returns (seconds, peak RSS in MB, parsed JSON)."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", RESERVE] + args, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"reserve {' '.join(args)} failed ({p.returncode}): {p.stderr.strip()[:400]}")
    peak_kb = int(p.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, json.loads(p.stdout)


def measure(args, runs):
    times, rss, doc = [], 0.0, None
    for _ in range(runs):
        t, r, d = run(args)
        times.append(t)
        rss = max(rss, r)
        if doc is not None and d != doc:
            sys.exit(f"reserve {' '.join(args)}: output differs between runs")
        doc = d
    return statistics.median(times), min(times), max(times), rss, doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(RESERVE):
        sys.exit("build first: make release")
    print("| bundle | run | model (rows × columns, nnz) | objective | status | wall, median [min–max] | peak RSS |")
    print("|---|---|---|---:|---|---:|---:|")
    for b in SAMPLES:
        for method in ["off", "scenarios"]:
            med, lo, hi, rss, d = measure(["plan", f"Data/{b}", "--json", "--decomposition", method], a.runs)
            m = d["model"]
            extra = ""
            if d.get("decomposition"):
                x = d["decomposition"]
                extra = f" ({x['iterations']} masters, {x['cuts']} cuts)"
            print(f"| {b} | plan, {'deterministic equivalent' if method == 'off' else 'by scenario' + extra} | "
                  f"{m['rows']:,} × {m['columns']:,} ({m['nonZeros']:,}) | {d['objective']:.6g} / ¥{d['cost']['total']:,.0f} | "
                  f"{d['status']} | {med*1000:,.0f} ms [{lo*1000:,.0f}–{hi*1000:,.0f}] | {rss:,.0f} MB |")
        med, lo, hi, rss, d = measure(["site", f"Data/{b}", "--objective", "p-median", "--count",
                                       str(existing_depots(b) + 2), "--json"], a.runs)
        print(f"| {b} | site, p-median (+2 new) | {d['candidates']:,} candidates × {d['demand_points']:,} points, "
              f"{d['columns']:,} of {d['full_columns']:,} columns | {d['objective']:.6g} | {d['status']} | "
              f"{med*1000:,.0f} ms [{lo*1000:,.0f}–{hi*1000:,.0f}] | {rss:,.0f} MB |")


def existing_depots(bundle):
    """Depots the siting keeps open (existing), read off a probe run that opens every depot row."""
    import csv
    with open(os.path.join(ROOT, "Data", bundle, "depots.csv"), encoding="utf-8") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    _, _, d = run(["site", f"Data/{bundle}", "--objective", "p-median", "--count", str(rows), "--json"])
    return sum(1 for s in d["sites"] if s["existing"])


if __name__ == "__main__":
    main()

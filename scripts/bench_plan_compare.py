#!/usr/bin/env python3
"""`reserve plan` wall time on the five samples, two binaries side by side (BENCHMARKS.md, issue 13).

Runs `reserve plan Data/<sample> --budget 1000000 --json` (and the frontier
`--budgets 0,500000,1000000,2000000,5000000 --json` where the binary has it) several
times per binary, alternating the binaries so machine load hits both alike, and prints
a Markdown table: median wall time [min–max], the plan's expected shortfall before and
after as each binary reports it, and its model size.

Usage: python3 scripts/bench_plan_compare.py BEFORE_BINARY AFTER_BINARY [--runs 5]
"""
import argparse
import json
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = ["hegang", "huangshigang", "linjiang", "manzhouli", "suzhou"]


def run(binary, args):
    start = time.perf_counter()
    p = subprocess.run([binary] + args, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        return seconds, None
    return seconds, json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    print("| sample | command | binary | wall, median [min–max] | expected shortfall before → after | model rows × columns |")
    print("|---|---|---|---:|---|---|")
    commands = [("plan --budget 1000000", ["--budget", "1000000", "--json"]),
                ("plan --budgets 0,…,5000000", ["--budgets", "0,500000,1000000,2000000,5000000", "--json"])]
    for sample in SAMPLES:
        for label, extra in commands:
            times = {"before": [], "after": []}
            docs = {}
            for _ in range(a.runs):
                for name, binary in (("before", a.before), ("after", a.after)):
                    t, d = run(binary, ["plan", f"Data/{sample}"] + extra)
                    if d is None:
                        continue
                    times[name].append(t * 1000)
                    docs[name] = d
            for name in ("before", "after"):
                if not times[name]:
                    print(f"| {sample} | {label} | {name} | (not available) | | |")
                    continue
                d = docs[name]
                if "points" in d:
                    shortfall = " / ".join(f"{p['after']['expectedShortfall']:.3f}" for p in d["points"])
                    size = ""
                else:
                    e = d["expectedShortfall"]
                    shortfall = f"{e['before']:.3f} → {e['after']:.3f}"
                    size = f"{d['model']['rows']:,} × {d['model']['columns']:,}"
                ts = times[name]
                print(f"| {sample} | {label} | {name} | {statistics.median(ts):,.0f} ms [{min(ts):,.0f}–{max(ts):,.0f}] | {shortfall} | {size} |")


if __name__ == "__main__":
    main()

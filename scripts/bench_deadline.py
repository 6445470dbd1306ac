#!/usr/bin/env python3
"""Deadline overrun of `reserve plan --time-limit T` (issue 19, item 2).

The time limit bounds the whole library call, wall clock. This measures it end to end
through the release CLI on a generated city bundle (`reserve generate --preset city
--seed 1`) and the Hegang sample: each run's wall time minus the time the same process
spends without planning (`reserve validate` on the same bundle: start-up, reading,
validating, building the network), against the limit. Goal: overrun within 10 % of the
limit or 0.2 s, whichever is larger. Several runs per limit; median [min–max].

Usage: python3 scripts/bench_deadline.py [RESERVE] (default .build/release/reserve).
"""
import statistics
import subprocess
import sys
import tempfile
import time
import os

reserve = sys.argv[1] if len(sys.argv) > 1 else ".build/release/reserve"
runs = int(os.environ.get("RUNS", "3"))


def wall(args):
    start = time.perf_counter()
    p = subprocess.run([reserve] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, p.returncode, p.stdout


def summary(xs):
    return f"{statistics.median(xs):.2f} [{min(xs):.2f}–{max(xs):.2f}]"


city = os.path.join(tempfile.mkdtemp(prefix="er-deadline-"), "city")
subprocess.run([reserve, "generate", "--preset", "city", "--seed", "1", "--out", city], check=True,
               stdout=subprocess.DEVNULL)
print(f"machine: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {runs} runs each")
print("| bundle | limit s | outcome | plan call s (wall − load) | overrun s | within goal |")
print("|---|---|---|---|---|---|")
for bundle, limits in [(city, [1, 3, 8]), ("Data/hegang", [0.5, 1, 3])]:
    load = statistics.median([wall(["validate", bundle])[0] for _ in range(runs)])
    name = "generated city" if bundle == city else bundle
    for limit in limits:
        calls, codes = [], set()
        for _ in range(runs):
            t, code, _ = wall(["plan", bundle, "--time-limit", str(limit), "--json"])
            calls.append(t - load)
            codes.add(code)
        overruns = [c - limit for c in calls]
        goal = max(0.1 * limit, 0.2)
        outcome = "/".join("plan" if c == 0 else ("no plan (75)" if c == 75 else f"exit {c}") for c in sorted(codes))
        print(f"| {name} | {limit} | {outcome} | {summary(calls)} | {summary(overruns)} | "
              f"{'yes' if max(overruns) <= goal else 'no'} (goal ≤ {goal:.2f}) |")

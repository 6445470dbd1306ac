#!/usr/bin/env python3
"""Deadline overrun of the library's plan and dispatch calls (issue 19, item 2).

A time limit bounds the whole library call, wall clock: routing, model building and
every solve. This runs the release `reserve bench-deadline` (hidden command): it
generates the bundle in process (`--preset city` or `province`, seed 1), builds its
network once, as a service does, then times `ReservePlanner.plan` or
`ResponsePlanner.respond` alone under each limit. Overrun = wall time of the call −
limit. Goal: ≤ max(10 % of the limit, 0.2 s).

Give one binary, or two to compare (e.g. a build of an older commit first):

    python3 scripts/bench_deadline.py [--runs 2] [--presets city,province] \
        [--calls plan,dispatch] [--limits 1,3,8] BINARY [BINARY ...]

Runs are interleaved (binary A, binary B, A, B, …; each run one process that times
every limit) so that load on a shared machine hits both alike. Prints one Markdown table: median [min–max] of the overrun per binary,
and how the calls ended (the status of the returned plan or dispatch, or the failure:
noSolutionInTime = no plan or dispatch in time).
"""
import argparse
import json
import os
import statistics
import subprocess
import time


def run(binary, preset, call, limits):
    """One process: the bundle generated and its network built once, then one call per limit."""
    out = subprocess.run([binary, "bench-deadline", "--preset", preset, "--call", call,
                          "--limits", ",".join(f"{x:g}" for x in limits)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def summary(xs):
    return f"{statistics.median(xs):+.2f} [{min(xs):+.2f} … {max(xs):+.2f}]"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--presets", default="city,province")
    parser.add_argument("--calls", default="plan,dispatch")
    parser.add_argument("--limits", default="1,3,8")
    parser.add_argument("--names", default=None, help="column names for the binaries, comma-separated")
    a = parser.parse_args()
    names = a.names.split(",") if a.names else [os.path.basename(os.path.dirname(os.path.dirname(b))) or b for b in a.binaries]
    limits = [float(x) for x in a.limits.split(",")]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores; {a.runs} runs per cell, "
          "overrun s = wall − limit, median [min … max]")
    head = "| bundle | call | limit s | goal s | " + " | ".join(f"{n}: overrun s | {n}: outcome" for n in names) + " |"
    print(head)
    print("|" + "---|" * (4 + 2 * len(names)))
    for preset in a.presets.split(","):
        for call in a.calls.split(","):
            cells = {(n, x): [] for n in names for x in limits}
            for _ in range(a.runs):
                for n, b in zip(names, a.binaries):
                    for line in run(b, preset, call, limits):
                        cells[(n, line["limitSeconds"])].append(line)
            for limit in limits:
                goal = max(0.1 * limit, 0.2)
                row = f"| {preset} | {call} | {limit:g} | {goal:.2f} | "
                for n in names:
                    over = [r["overrunSeconds"] for r in cells[(n, limit)]]
                    outcomes = "/".join(sorted({r["outcome"] for r in cells[(n, limit)]}))
                    row += f"{summary(over)} | {outcomes} | "
                print(row.rstrip(), flush=True)


if __name__ == "__main__":
    main()

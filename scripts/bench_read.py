#!/usr/bin/env python3
"""Reading bundles (issue 12, item 7): `reserve validate` against Python's csv module
merely reading the same tables, in the same run.

    python3 scripts/bench_read.py --bundle /tmp/prov --repeat 7
    python3 scripts/bench_read.py --bundle /tmp/nat --repeat 3

Each round runs, back to back (so that bursts of load on a shared machine hit both):
* Python: every CSV table the bundle has, `list(csv.reader(f))` with the file opened
  as UTF-8 (BOM dropped) and `newline=""`, plus `json.load` of every scenario: the
  rows in memory and nothing else (no types, no validation);
* `reserve validate BUNDLE` as a whole process (start-up, read, decode, validate,
  build the road graph, connectivity checks, print), wall clock.
The files are read once before timing (warm page cache). Prints median [min–max] of
each and the ratio Python / reserve (> 1: reserve is faster).
"""
import argparse
import csv
import glob
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def python_read(bundle):
    rows = 0
    for path in sorted(glob.glob(os.path.join(bundle, "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows += len(list(csv.reader(f)))
    for path in sorted(glob.glob(os.path.join(bundle, "scenarios", "*.json"))):
        with open(path, encoding="utf-8") as f:
            json.load(f)
    return rows


def python_csv_only(bundle):
    rows = 0
    for path in sorted(glob.glob(os.path.join(bundle, "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows += len(list(csv.reader(f)))
    return rows


def timed(f, cpu=None):
    """Wall clock of f(); with `cpu`, also appends its CPU time (user + sys): of the
    child processes it ran, or of this process when it ran none."""
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p0 = time.process_time()
    t = time.perf_counter()
    f()
    wall = time.perf_counter() - t
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
    if cpu is not None:
        cpu.append(children if children > 0 else time.process_time() - p0)
    return wall


def summary(xs):
    return "%.3f s [%.3f–%.3f]" % (statistics.median(xs), min(xs), max(xs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle", required=True)
    ap.add_argument("--reserve", default=os.path.join(ROOT, ".build", "release", "reserve"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--baseline", help="another reserve binary (e.g. a build before a change), timed in the same rounds")
    a = ap.parse_args()
    size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(a.bundle, "**"), recursive=True) if os.path.isfile(p))
    # Warm the page cache and check the bundle is valid.
    python_read(a.bundle)
    check = subprocess.run([a.reserve, "validate", a.bundle], capture_output=True)
    if check.returncode != 0:
        sys.exit("reserve validate failed (%d): %s" % (check.returncode, check.stderr.decode()[-500:]))
    ours, py, pycsv, base = [], [], [], []
    ours_cpu, pycsv_cpu, base_cpu = [], [], []
    load = [os.getloadavg()[0]]
    for _ in range(a.repeat):
        ours.append(timed(lambda: subprocess.run([a.reserve, "validate", a.bundle], capture_output=True, check=True), ours_cpu))
        if a.baseline:
            base.append(timed(lambda: subprocess.run([a.baseline, "validate", a.bundle], capture_output=True, check=True), base_cpu))
        py.append(timed(lambda: python_read(a.bundle)))
        pycsv.append(timed(lambda: python_csv_only(a.bundle), pycsv_cpu))
    print("bundle %s: %.1f MB, %d CSV rows (Python %s, %s)" % (a.bundle, size / 1e6, python_csv_only(a.bundle),
                                                               platform.python_version(), platform.machine()))
    load.append(os.getloadavg()[0])
    print("%s, %d rounds, load average %.1f before and %.1f after" % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), a.repeat, load[0], load[1]))
    print("reserve validate (whole process)   %s   CPU %s" % (summary(ours), summary(ours_cpu)))
    if base:
        print("baseline validate (whole process) %s   CPU %s  (%s)" % (summary(base), summary(base_cpu), a.baseline))
    print("Python csv, CSV tables only        %s   CPU %s" % (summary(pycsv), summary(pycsv_cpu)))
    print("Python csv + json, all tables      %s" % summary(py))
    print("ratio Python csv / reserve validate: %.2fx (medians; > 1 means reserve is faster)"
          % (statistics.median(pycsv) / statistics.median(ours)))
    print("ratio Python csv+json / reserve validate: %.2fx" % (statistics.median(py) / statistics.median(ours)))
    print("CPU-time ratio Python csv / reserve validate: %.2fx" % (statistics.median(pycsv_cpu) / statistics.median(ours_cpu)))
    if base:
        print("speed-up over the baseline: %.2fx" % (statistics.median(base) / statistics.median(ours)))
    print("reserve throughput: %.0f MB/s" % (size / 1e6 / statistics.median(ours)))


if __name__ == "__main__":
    main()

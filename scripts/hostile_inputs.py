#!/usr/bin/env python3
"""The resource-bound campaign of RELIABILITY.md: builds each hostile input in a
temporary folder, runs the release `reserve` on it under an 8 GB address-space
limit and a 300 s timeout, and prints one Markdown row per case: exit code, peak
resident memory (from wait4), wall time and the first line of the message.

    python3 scripts/hostile_inputs.py [--reserve .build/release/reserve] [--only NAME]

Expected: every case exits 65 (invalid data) or 0 (handled), within the memory the
table shows; never 137 (killed), a signal, or the timeout. The script fails if
one does not.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = os.path.join(ROOT, "Tests", "BundleIOTests", "Fixtures", "tiny")
LIMIT_BYTES = 8 << 30
TIMEOUT_S = 300


def tiny_copy(tmp, name):
    path = os.path.join(tmp, name)
    shutil.copytree(TINY, path)
    return path


def csv_100mb_line(tmp):
    """areas.csv whose third record is one 100 MB line (a 100 MB area name)."""
    b = tiny_copy(tmp, "csv-line")
    with open(os.path.join(b, "areas.csv"), "a", encoding="utf-8") as f:
        f.write("A9," + "长" * (100 * 1024 * 1024 // 3) + ",Long,township,A1,10,47.31,130.34,flood:high,false\n")
    return ["validate", b]


def csv_100mb_unterminated_quote(tmp):
    """roads.csv with a quote opened and never closed: 100 MB of one quoted field."""
    b = tiny_copy(tmp, "csv-quote")
    with open(os.path.join(b, "roads.csv"), "a", encoding="utf-8") as f:
        f.write('n1,n2,1.8,"national' + "x" * (100 * 1024 * 1024) + "\n")
    return ["validate", b]


def road_csv_100mb_line(tmp):
    """A CSV edge list (reserve route --graph) with a 100 MB node name."""
    p = os.path.join(tmp, "edges.csv")
    with open(p, "w") as f:
        f.write("from,to,length_km\na,b,1\n" + "c" * (100 * 1024 * 1024) + ",a,2\n")
    return ["route", "--graph", p, "--from", "a", "--to", "b"]


def dimacs_claims_1e9(tmp):
    """A DIMACS graph whose problem line claims 10^9 nodes and 10^9 arcs, with two arcs."""
    p = os.path.join(tmp, "claims.gr")
    with open(p, "w") as f:
        f.write("p sp 1000000000 1000000000\na 1 2 5\na 2 1 5\n")
    return ["route", "--graph", p, "--from", "1", "--to", "2"]


def pmed_claims_huge(tmp):
    """An OR-Library p-median header claiming 10^6 nodes and 5·10^7 edges, with one edge."""
    p = os.path.join(tmp, "pmed-claims.txt")
    with open(p, "w") as f:
        f.write("1000000 50000000 5\n1 2 10\n")
    return ["import", "orlib-pmed", p, "--out", os.path.join(tmp, "pmed-out")]


def cap_claims_huge(tmp):
    """An OR-Library capacitated header claiming 10^5 warehouses × 500 customers, then nothing."""
    p = os.path.join(tmp, "cap-claims.txt")
    with open(p, "w") as f:
        f.write("100000 500\n")
    return ["import", "orlib-cap", p, "--out", os.path.join(tmp, "cap-out")]


def bundle_json_claims_1e9(tmp):
    """A single-JSON bundle whose areas array starts 10^9 records but holds one."""
    p = os.path.join(tmp, "claims.json")
    with open(p, "w") as f:
        f.write('{"manifest": {"schema_version": 1, "name": "x", "reserved_rows": 1000000000}, "areas": [{}' + "\n")
    return ["validate", p]


def manifest_names_dev_zero(tmp):
    """bundle.json naming /dev/zero (endless) as the areas table."""
    b = tiny_copy(tmp, "dev-zero")
    p = os.path.join(b, "bundle.json")
    with open(p, encoding="utf-8") as f:
        m = json.load(f)
    m["files"] = {"areas": "/dev/zero"}
    with open(p, "w", encoding="utf-8") as f:
        json.dump(m, f)
    return ["validate", b]


def scenario_demand_overflow(tmp):
    """A scenario with 10^300 displaced people: norm × people × days is +∞."""
    b = tiny_copy(tmp, "overflow")
    p = os.path.join(b, "scenarios", "s-flood.json")
    with open(p, encoding="utf-8") as f:
        s = json.load(f)
    a = s["incidents"][0]["affected_areas"][0]
    a["affected_population"] = 1e300
    a["displaced_population"] = 1e300
    a.pop("demands", None)
    with open(p, "w", encoding="utf-8") as f:
        json.dump(s, f)
    return ["dispatch", b]


def mps_1e7_columns_undeclared(tmp):
    """Free MPS: BOUNDS for 10^7 columns that the (empty) COLUMNS section never gives."""
    p = os.path.join(tmp, "undeclared.mps")
    with open(p, "w") as f:
        f.write("NAME hostile\nROWS\n N obj\nCOLUMNS\nRHS\nBOUNDS\n")
        for k in range(10_000_000):
            f.write(f" UP BND x{k} 1\n")
        f.write("ENDATA\n")
    return ["solve", p]


def mps_1e7_empty_columns(tmp):
    """Free MPS: 10^7 columns, each with nothing but a zero objective entry."""
    p = os.path.join(tmp, "empty-columns.mps")
    with open(p, "w") as f:
        f.write("NAME hostile\nROWS\n N obj\n L c1\nCOLUMNS\n")
        for k in range(10_000_000):
            f.write(f" x{k} obj 0\n")
        f.write("RHS\n RHS c1 1\nENDATA\n")
    return ["solve", p]


def geojson_1e6_vertices(tmp):
    """One GeoJSON LineString of 10^6 vertices, all on one line."""
    p = os.path.join(tmp, "long.geojson")
    coords = ",".join(f"[{130 + k * 1e-6:.6f},47.000000]" for k in range(1_000_000))
    with open(p, "w") as f:
        f.write('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"from":"A","to":"B"},'
                '"geometry":{"type":"LineString","coordinates":[' + coords + "]}}]}")
    return ["route", "--graph", p, "--from", "A", "--to", "B"]


def geojson_deep_nesting(tmp):
    """JSON nested 10^6 arrays deep (a stack-overflow attempt on the recursive parser)."""
    p = os.path.join(tmp, "deep.geojson")
    with open(p, "w") as f:
        f.write("[" * 1_000_000 + "]" * 1_000_000)
    return ["route", "--graph", p, "--from", "A", "--to", "B"]


CASES = [csv_100mb_line, csv_100mb_unterminated_quote, road_csv_100mb_line, dimacs_claims_1e9,
         pmed_claims_huge, cap_claims_huge, bundle_json_claims_1e9, manifest_names_dev_zero, scenario_demand_overflow,
         mps_1e7_columns_undeclared, mps_1e7_empty_columns, geojson_1e6_vertices, geojson_deep_nesting]


def run(reserve, args):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([reserve] + args, stdout=out, stderr=err, preexec_fn=limit, cwd=ROOT)
        deadline = start + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return "timeout", usage.ru_maxrss / 1024, time.monotonic() - start, ""
            time.sleep(0.05)
        elapsed = time.monotonic() - start
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
        first = message[0] if message else ""
    code = os.waitstatus_to_exitcode(status)
    return code, usage.ru_maxrss / 1024, elapsed, first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reserve", default=os.path.join(ROOT, ".build", "release", "reserve"))
    ap.add_argument("--only")
    a = ap.parse_args()
    failed = False
    print("| case | input | exit | peak RSS (MB) | time (s) | message (first line, cut) |")
    print("|---|---:|---:|---:|---:|---|")
    for case in CASES:
        if a.only and a.only not in case.__name__:
            continue
        tmp = tempfile.mkdtemp(prefix="er-hostile-")
        try:
            args = case(tmp)
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(tmp) for f in fs)
            code, rss, seconds, first = run(a.reserve, args)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        ok = code in (0, 65)
        failed |= not ok
        first = first.replace("|", "\\|")
        first = (first[:110] + "…") if len(first) > 110 else first
        print(f"| {case.__name__} | {size / 1e6:.1f} MB | {code}{'' if ok else ' ✗'} | {rss:.0f} | {seconds:.1f} | {first} |", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

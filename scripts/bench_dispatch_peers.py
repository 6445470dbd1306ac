#!/usr/bin/env python3
"""Time the dispatch LP against the tools an engineer would otherwise pick.

For each bundle (the five samples and generated province bundles), runs the release
`reserve dispatch --export-model` to get (a) our end-to-end timings by phase on stderr
and (b) the level-1 dispatch LP (weighted shortfall by the deadline) as free MPS. The
same MPS is then solved by our own LinearSolver (`reserve solve`, GLPK dual simplex
on the full model), GLPK's glpsol (dual simplex), HiGHS (highspy) and OR-Tools GLOP,
and read into PuLP (model-building time). Every peer must agree with our level-1
objective (from our JSON) before its time is printed.

    make release
    python3 scripts/bench_dispatch_peers.py [--quick] [--repeat 3]

Every tool runs --repeat times; the table shows the median and [min–max] (the machine
may be shared, so the spread matters).

Needs highspy, ortools and pulp (`pip install highspy ortools pulp`).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")


def run_ours(bundle, mps):
    t = time.perf_counter()
    p = subprocess.run([RESERVE, "dispatch", bundle, "--json", "--export-model", mps, "--timings"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"reserve failed on {bundle}: {p.stderr[-400:]}")
    doc = json.loads(p.stdout)
    phases = {}
    m = re.search(r"dispatch: .*?network (\d+) ms, routing (\d+) ms, goods (\d+) ms \(build (\d+) ms\), teams (\d+) ms, total (\d+) ms", p.stderr)
    if m:
        phases = dict(zip(["network", "routing", "goods", "build", "teams", "total"], map(int, m.groups())))
    m = re.search(r"dispatch levels: goods L1 ([\d.]+) ms", p.stderr)
    if m:
        phases["level1"] = float(m.group(1))
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


def spread(values_ms):
    """Median [min–max] of a list of milliseconds."""
    v = sorted(values_ms)
    return f"{fmt(statistics.median(v))} [{fmt(v[0])}–{fmt(v[-1])}]"


def peer_reserve_solve(mps):
    """Our LinearSolver (GLPK dual simplex through the Swift API) on the same MPS, whole process."""
    t = time.perf_counter()
    p = subprocess.run([RESERVE, "solve", mps, "--json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-200:])
    return float(json.loads(p.stdout)["objective"]), elapsed


PEERS = [("reserve solve", peer_reserve_solve), ("glpsol", peer_glpsol), ("highs", peer_highs), ("glop", peer_glop)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="samples only, no generated province bundle")
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool (median and min–max reported)")
    args = ap.parse_args()
    bundles = [os.path.join(ROOT, "Data", b) for b in ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]]
    tmp = tempfile.mkdtemp(prefix="er-bench-")
    if not args.quick:
        prov = os.path.join(tmp, "province")
        subprocess.run([RESERVE, "generate", "--preset", "province", "--seed", "1", "--out", prov], check=True, capture_output=True)
        bundles.append(prov)
    try:
        import highspy
        highspy.Highs()  # its banner goes out before the table
    except ImportError:
        pass
    print(f"Median [min–max] of {args.repeat} runs, ms. Ours: the whole response (routing, goods LP with 3 levels, team MIP), "
          "and level 1 of the goods LP alone (`--timings`); "
          "peers solve level 1 of the goods LP from our exported MPS, after agreeing with our level-1 objective. "
          "'reserve solve' and glpsol are whole processes (read the MPS + solve); HiGHS and GLOP time the solve only.\n")
    print("| bundle | rows × cols (nnz) | ours total | ours goods (3 levels) | ours goods level 1 | level-1 objective | reserve solve (MPS) | glpsol --dual | HiGHS | GLOP | PuLP read+build | HiGHS / ours goods | HiGHS / ours level 1 | glpsol / reserve solve |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for b in bundles:
        mps = os.path.join(tmp, os.path.basename(b) + ".mps")
        runs = [run_ours(b, mps) for _ in range(args.repeat)]
        doc = runs[0][0]
        ours_obj = doc["model"]["levelObjectives"][0]
        if any(abs(r[0]["model"]["levelObjectives"][0] - ours_obj) > 1e-9 * max(1.0, abs(ours_obj)) for r in runs):
            sys.exit(f"{b}: our level-1 objective differs between runs (not deterministic)")
        size = f'{doc["model"]["rows"]:,} × {doc["model"]["columns"]:,} ({doc["model"]["nonZeros"]:,})'
        totals = [r[1].get("total", 0) for r in runs]
        goods = [r[1].get("goods", 0) for r in runs]
        level1 = [r[1].get("level1", 0.0) for r in runs]
        cells, medians = [], {}
        for name, peer in PEERS:
            times = []
            try:
                for _ in range(args.repeat):
                    obj, secs = peer(mps)
                    if abs(obj - ours_obj) > 1e-5 * max(1.0, abs(ours_obj)):
                        raise ValueError(f"DISAGREES ({obj:.6g} vs {ours_obj:.6g})")
                    times.append(secs * 1000)
            except ValueError as e:
                cells.append(str(e))
                continue
            except Exception as e:  # a missing peer is reported, not fatal
                cells.append(f"n/a ({type(e).__name__})")
                continue
            medians[name] = statistics.median(times)
            cells.append(spread(times))
        try:
            cells.append(spread([peer_pulp_build(mps)[1] * 1000 for _ in range(args.repeat)]))
        except Exception as e:
            cells.append(f"n/a ({type(e).__name__})")
        g = statistics.median(goods)
        ratio = f"{medians['highs'] / g:.2f}×" if "highs" in medians and g > 0 else "-"
        l1 = statistics.median(level1)
        ratio1 = f"{medians['highs'] / l1:.2f}×" if "highs" in medians and l1 > 0 else "-"
        same = f"{medians['glpsol'] / medians['reserve solve']:.2f}×" if "glpsol" in medians and "reserve solve" in medians else "-"
        print(f"| {os.path.basename(b)} | {size} | {spread(totals)} | {spread(goods)} | {spread(level1)} | {ours_obj:.6f} | "
              + " | ".join(cells) + f" | {ratio} | {ratio1} | {same} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Import throughput: `reserve import osm` against `osmium cat` (libosmium decoding and
re-encoding the same file) and, when installed, pyrosm, in the same run, on the
Helsinki fixture and on a synthetic grid PBF (written as OSM XML here and converted
by `osmium cat`, so the file is a normal libosmium PBF).

The grid: SIDE × SIDE nodes 100 m apart, ways of 10 segments along every row and
column (every fifth one secondary, the rest residential, every seventh row one-way),
so every interior node is a junction and nothing contracts away. Coordinates get
±10 m of seeded jitter.

The streets (a second, more realistic synthetic file, measured beside the grid):
STREETS × STREETS junctions 300 m apart, and between two junctions four shape points
on a gentle seeded curve, as real OSM ways carry them; ways run four blocks along every
row and column with a name per street (every sixth one secondary, every ninth row
one-way), so each road the import writes is a block with a six-point WKT polyline and
a name, and most nodes it reads are shape points, not junctions. Written the same way (OSM XML, converted by `osmium cat`).

Usage: python3 scripts/bench_import.py [--side 1300] [--streets 500] [--runs 3] [--reserve .build/release/reserve]
                                      [--before OTHER_BINARY] [--extra LABEL=BINARY ...] [--no-pyrosm]
--streets 0 leaves the streets file out.
--before runs a second build (e.g. of the previous commit) in the same run, on the same
files, as "reserve import (before)"; --extra adds more, each under its label: any binary
taking `import osm FILE --out DIR`.
Prints one line per tool and file: best and median wall time, best CPU time (user +
sys), MB/s of PBF and nodes/s (from the best wall time), peak RSS (GNU time's maximum
resident set size; Debian package `time`). The tools take turns, one run each per
round (pyrosm in rounds of its own, after the others), and each run writes into an
empty place (its previous output removed and the file system synced first, untimed);
"reserve, replacing" is the
same import writing over its own tables of the run before, which costs the file system
the freeing of the old files as well.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELSINKI = os.path.join(ROOT, "Tests", "Fixtures", "external", "osm-helsinki", "helsinki.osm.pbf")


def write_grid(path, side):
    """OSM XML of the grid; node ids row-major from 1, way ids from 1."""
    step = 0.0009  # ≈ 100 m in latitude
    rng = random.Random(17)  # ±10 m of seeded jitter: surveyed points are not a lattice
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="bench_import.py">\n')
        for r in range(side):
            for c in range(side):
                f.write(f'<node id="{r * side + c + 1}" version="1" lat="{30 + r * step + rng.uniform(-9e-5, 9e-5):.7f}" lon="{110 + c * step * 1.15 + rng.uniform(-1e-4, 1e-4):.7f}"/>\n')
        way = 1
        for line in range(side):
            for start in range(0, side - 1, 10):
                end = min(start + 10, side - 1)
                for vertical in (False, True):
                    refs = [(k * side + line + 1) if vertical else (line * side + k + 1) for k in range(start, end + 1)]
                    tags = {"highway": "secondary" if line % 5 == 0 else "residential"}
                    if not vertical and line % 7 == 3:
                        tags["oneway"] = "yes"
                    write_way(f, way, refs, tags)
                    way += 1
        f.write("</osm>\n")


def write_way(f, way, refs, tags):
    """One OSM XML way: its node references, then its tags in the order given."""
    f.write(f'<way id="{way}" version="1">')
    f.write("".join(f'<nd ref="{n}"/>' for n in refs))
    f.write("".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items()))
    f.write("</way>\n")


def write_streets(path, side, shape=4):
    """OSM XML of the streets: junction ids row-major from 1, then the shape points of
    every block (rows first, then columns), way ids from 1."""
    step = 0.0027  # ≈ 300 m in latitude
    rng = random.Random(29)
    lat = lambda r: 30 + r * step
    lon = lambda c: 110 + c * step * 1.15
    next_id = side * side + 1
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="bench_import.py">\n')
        for r in range(side):
            for c in range(side):
                f.write(f'<node id="{r * side + c + 1}" version="1" lat="{lat(r):.7f}" lon="{lon(c):.7f}"/>\n')
        # Shape points of the block from junction (r, c) to its east (vertical False) or
        # north (True) neighbour: evenly spaced, bowed sideways by a seeded amount.
        blocks = {}
        for vertical in (False, True):
            for r in range(side if not vertical else side - 1):
                for c in range(side - 1 if not vertical else side):
                    bow = rng.uniform(-4e-4, 4e-4)
                    ids = []
                    for k in range(1, shape + 1):
                        t = k / (shape + 1)
                        side_off = bow * 4 * t * (1 - t)
                        y = lat(r + (t if vertical else 0)) + (0 if vertical else side_off)
                        x = lon(c + (0 if vertical else t)) + (side_off if vertical else 0)
                        f.write(f'<node id="{next_id}" version="1" lat="{y:.7f}" lon="{x:.7f}"/>\n')
                        ids.append(next_id)
                        next_id += 1
                    blocks[(vertical, r, c)] = ids
        way = 1
        for vertical in (False, True):
            for line in range(side):
                for start in range(0, side - 1, 4):
                    end = min(start + 4, side - 1)
                    refs = []
                    for k in range(start, end):
                        a = (k * side + line + 1) if vertical else (line * side + k + 1)
                        refs.append(a)
                        refs += blocks[(vertical, k, line) if vertical else (vertical, line, k)]
                    refs.append((end * side + line + 1) if vertical else (line * side + end + 1))
                    tags = {"highway": "secondary" if line % 6 == 0 else "residential",
                            "name": f"{'North' if vertical else 'East'} Street {line + 1}"}
                    if not vertical and line % 9 == 4:
                        tags["oneway"] = "yes"
                    write_way(f, way, refs, tags)
                    way += 1
        f.write("</osm>\n")


def run_once(cmd):
    """Wall time, user and sys CPU seconds, and peak RSS in KB of one run under GNU time."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss, user, system = p.stderr.strip().splitlines()[-1].split()
    return wall, float(user), float(system), int(rss)


def timed_round_robin(tools, runs):
    """Runs every tool once per round, `runs` rounds, so that all of them meet the same
    moments of a shared machine. Before each timed run a tool's previous output is
    removed (untimed): every run writes into an empty place, as a first import does;
    a tool marked `replaces` instead gets one untimed run first and then replaces its
    own output each time. Returns per tool: best and median wall time, best CPU time
    (user + sys: on a shared machine the fairer figure) with its user and sys parts,
    and peak RSS in MB."""
    samples = {label: [] for label, _, _, _ in tools}
    for label, cmd, output, replaces in tools:
        if replaces:
            run_once(cmd)
    for _ in range(runs):
        for label, cmd, output, replaces in tools:
            if output and not replaces:
                if os.path.isdir(output):
                    shutil.rmtree(output)
                elif os.path.exists(output):
                    os.remove(output)
            # The file system settles first (the removal's journal commit would otherwise
            # land inside the next timed run).
            os.sync()
            samples[label].append(run_once(cmd))
    result = {}
    for label, runs_of_tool in samples.items():
        walls = [w for w, _, _, _ in runs_of_tool]
        cpus = [u + s for _, u, s, _ in runs_of_tool]
        best_cpu = runs_of_tool[cpus.index(min(cpus))]
        result[label] = (min(walls), statistics.median(walls), min(cpus), (best_cpu[1], best_cpu[2]),
                         max(r for _, _, _, r in runs_of_tool) / 1024)
    return result


def node_count(pbf):
    out = subprocess.run(["osmium", "fileinfo", "-e", "-g", "data.count.nodes", pbf], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--side", type=int, default=1300)
    ap.add_argument("--streets", type=int, default=500, help="junctions per side of the streets file (0: leave it out)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reserve", default=os.path.join(ROOT, ".build", "release", "reserve"))
    ap.add_argument("--before", help="another build to time in the same run (before a change)")
    ap.add_argument("--extra", action="append", default=[], metavar="LABEL=BINARY", help="more builds to time in the same run")
    ap.add_argument("--no-pyrosm", action="store_true", help="leave pyrosm out even when installed")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        grid_xml, grid = os.path.join(tmp, "grid.osm"), os.path.join(tmp, "grid.osm.pbf")
        write_grid(grid_xml, args.side)
        subprocess.run(["osmium", "cat", grid_xml, "-o", grid, "-O"], check=True)
        os.remove(grid_xml)
        files = [("helsinki.osm.pbf", HELSINKI), (f"grid {args.side}²", grid)]
        if args.streets > 0:
            streets_xml, streets = os.path.join(tmp, "streets.osm"), os.path.join(tmp, "streets.osm.pbf")
            write_streets(streets_xml, args.streets)
            subprocess.run(["osmium", "cat", streets_xml, "-o", streets, "-O"], check=True)
            os.remove(streets_xml)
            files.append((f"streets {args.streets}²", streets))
        print(f"{'file':<18} {'tool':<24} {'best s':>8} {'median s':>9} {'CPU s':>7} {'user s':>7} {'sys s':>7} {'MB/s':>7} {'nodes/s':>11} {'peak MB':>8}")
        for name, pbf in files:
            mb, nodes = os.path.getsize(pbf) / 1e6, node_count(pbf)
            # (label, command, output removed before each run, replaces its output instead)
            def ours(label, binary, out, replaces=False):
                return (label, [binary, "import", "osm", pbf, "--out", os.path.join(tmp, out)], os.path.join(tmp, out), replaces)
            tools = [ours("reserve import (before)", args.before, "out-before")] if args.before else []
            for k, extra in enumerate(args.extra):
                label, binary = extra.split("=", 1)
                tools.append(ours(label, binary, f"out-extra{k}"))
            tools += [
                ours("reserve import", args.reserve, "out"),
                ours("reserve, replacing", args.reserve, "out-replace", replaces=True),
                ("osmium cat", ["osmium", "cat", pbf, "-o", os.path.join(tmp, "cat.osm.pbf"), "-O"], os.path.join(tmp, "cat.osm.pbf"), False),
            ]
            try:
                if args.no_pyrosm:
                    raise ImportError
                import pyrosm  # noqa: F401
                tools.append(("pyrosm driving", [sys.executable, "-c",
                              f"import pyrosm; pyrosm.OSM({pbf!r}).get_network(network_type='driving', nodes=True)"], None, False))
            except ImportError:
                pass
            # pyrosm takes its turns apart, after the others: it frees 2 GB on exit, and on
            # the project's VMs memory freed in large blocks goes back to the host, so the
            # next tool's first touches would pay for pyrosm's (osmium's run touches 50 MB,
            # an import 600 MB).
            results = timed_round_robin([t for t in tools if t[0] != "pyrosm driving"], args.runs)
            results.update(timed_round_robin([t for t in tools if t[0] == "pyrosm driving"], args.runs))
            for tool, _, _, _ in tools:
                best, median, cpu, (user, system), peak = results[tool]
                print(f"{name:<18} {tool:<24} {best:>8.2f} {median:>9.2f} {cpu:>7.2f} {user:>7.2f} {system:>7.2f} {mb / best:>7.1f} {nodes / best:>11,.0f} {peak:>8.0f}", flush=True)
            print(f"{'':<18} ({mb:.1f} MB, {nodes:,} nodes)")


if __name__ == "__main__":
    main()

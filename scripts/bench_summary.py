#!/usr/bin/env python3
"""One readable table per benchmark target from package-benchmark's markdown output.

`make bench` runs `swift package benchmark --grouping metric --format markdown`,
which prints one table per metric (p0 … p100 per benchmark). This script folds them
into one line per benchmark: wall clock median [min–max], samples, peak RSS, and for
dispatch the median of every phase and the goods LP's size.

    python3 scripts/bench_summary.py /tmp/er-bench/bench.md
"""
import re
import sys
from collections import OrderedDict

PHASES = ["1 load+validate", "2 road network", "3 prepare+snap", "4 routing", "5 goods build", "6 goods solve",
          "7 teams", "8 report"]


def number(text):
    return float(text.replace(",", ""))


def parse(path):
    """{benchmark: {metric: (unit, p0, p50, p100, samples)}} in order of appearance."""
    results = OrderedDict()
    metric = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("### "):
            metric = line[4:].strip()
            continue
        if metric is None or not line.startswith("|") or line.startswith("| Test") or set(line) <= set("|-: "):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 9:
            continue
        label = re.sub(r"\s*\*$", "", cells[0])
        # The unit is a short trailing parenthesis ("(ms)", "(μs)", "(M)", "(#)"), not "(budget 2M CNY)".
        m = re.match(r"(.*?)\s+(\([^()]{1,3}\))$", label)
        name, unit = (m.group(1), m.group(2)) if m else (label, "")
        try:
            p0, p50, p100, samples = number(cells[1]), number(cells[3]), number(cells[7]), int(number(cells[8]))
        except ValueError:
            continue
        results.setdefault(name, OrderedDict())[metric] = (unit, p0, p50, p100, samples)
    return results


def natural(text):
    """Sort key: numbers by value ("100 townships" after "10 townships")."""
    return [int(t.replace(",", "")) if t.replace(",", "").isdigit() else t for t in re.split(r"(\d[\d,]*)", text)]


def fmt(x):
    if x == int(x) and abs(x) >= 1:
        return f"{x:,.0f}"
    if x == 0:
        return "0"
    return f"{x:,.0f}" if abs(x) >= 100 else (f"{x:,.1f}" if abs(x) >= 1 else f"{x:,.2f}")


def wall_cell(m):
    unit, p0, p50, p100, _ = m
    return f"**{fmt(p50)}** [{fmt(p0)}–{fmt(p100)}] {unit.strip('()')}"


def main():
    results = parse(sys.argv[1])
    targets = OrderedDict()
    for name, metrics in results.items():
        target, _, bench = name.partition(":")
        targets.setdefault(target, []).append((bench, metrics))
    for target, rows in targets.items():
        rows.sort(key=lambda r: ("ladder" in r[0], natural(r[0])))
        print(f"\n{target} (median [min–max] of the samples)\n")
        dispatch = any(f"{PHASES[0]} (µs)" in m for _, m in rows)
        if dispatch:
            print("| benchmark | wall clock | n | peak RSS | goods rows × cols (nnz) | "
                  "load / network / prepare / routing / build / solve / teams / report, ms (medians) |")
            print("|---|---:|---:|---:|---|---|")
        else:
            print("| benchmark | wall clock | n | peak RSS | other metrics (median) |")
            print("|---|---:|---:|---:|---|")
        for bench, m in rows:
            wall = next((v for k, v in m.items() if k.startswith("Time (wall clock)")), None)
            rss = next((v for k, v in m.items() if k.startswith("Memory (resident peak)")), None)
            cells = [bench, wall_cell(wall) if wall else "-", str(wall[4]) if wall else "-",
                     f"{fmt(rss[2])} {rss[0].strip('()')}" if rss else "-"]
            if dispatch:
                size = [m.get(k, (None, 0, 0, 0, 0))[2] for k in ["goods rows", "goods columns", "goods non-zeros"]]
                cells.append(f"{size[0]:,.0f} × {size[1]:,.0f} ({size[2]:,.0f})")
                cells.append(" / ".join(fmt(m[f"{p} (µs)"][2] / 1000) if f"{p} (µs)" in m else "-" for p in PHASES))
            else:
                other = [f"{k} {fmt(v[2])}" for k, v in m.items()
                         if not k.startswith("Time (wall clock)") and not k.startswith("Memory (resident peak)")]
                cells.append(", ".join(other) or "")
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

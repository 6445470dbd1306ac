#!/usr/bin/env python3
"""Wall time of the same `reserve` commands with two binaries, runs interleaved
(before, after, before, after, ...) so that load on a shared machine hits both alike.

    scripts/bench_before_after.py --before OLD/reserve --after .build/release/reserve \
        --repeat 5 -- dispatch Data/hegang --format json
    scripts/bench_before_after.py --before OLD --after NEW --samples --repeat 5

With --samples it times `dispatch BUNDLE --format json` for each sample in Data/.
Prints the median, minimum and CPU time (user + sys) of each binary, and the
ratio after / before of the medians. Output is Markdown table rows.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def run(binary, args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)} exited {done.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(before, after, args, repeat):
    times = {"before": [], "after": []}
    cpus = {"before": [], "after": []}
    for _ in range(repeat):
        for name, binary in (("before", before), ("after", after)):
            wall, cpu = run(binary, args)
            times[name].append(wall)
            cpus[name].append(cpu)
    b, a = statistics.median(times["before"]), statistics.median(times["after"])
    print(f"| `{' '.join(args)}` | {b * 1000:.0f} ms (min {min(times['before']) * 1000:.0f}, cpu {statistics.median(cpus['before']) * 1000:.0f}) "
          f"| {a * 1000:.0f} ms (min {min(times['after']) * 1000:.0f}, cpu {statistics.median(cpus['after']) * 1000:.0f}) | {a / b:.2f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--samples", action="store_true")
    parser.add_argument("command", nargs="*")
    options = parser.parse_args()
    print("| command | before: median | after: median | after ÷ before |")
    print("|---|---|---|---|")
    if options.samples:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data")
        for name in sorted(os.listdir(root)):
            if os.path.isfile(os.path.join(root, name, "bundle.json")):
                measure(options.before, options.after, ["dispatch", f"Data/{name}", "--format", "json"], options.repeat)
    if options.command:
        measure(options.before, options.after, options.command, options.repeat)


if __name__ == "__main__":
    main()

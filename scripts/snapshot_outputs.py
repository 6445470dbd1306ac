#!/usr/bin/env python3
"""Snapshot what users see from a `reserve` binary, to compare two builds byte for byte.

    python3 scripts/snapshot_outputs.py --reserve /tmp/reserve-before --out /tmp/snap-before
    python3 scripts/snapshot_outputs.py --reserve .build/release/reserve --out /tmp/snap-after
    diff -r /tmp/snap-before /tmp/snap-after && echo identical

It writes, each with its exit code:
* `reserve dispatch Data/<city> --scenario S --format json` and `--format table` for
  every scenario of the five sample bundles;
* `reserve validate` (table and JSON) on the five samples, on a generated city bundle
  in both forms (directory and single JSON; the round trip generate -> read), and on
  seeded damaged copies of every CSV table of Data/hegang (byte changes from the same
  alphabet as Tests/BundleIOTests/RobustnessTests: quotes, commas, CR, LF, ...);
* with `--province DIR`, `reserve validate` of that bundle (e.g. the generated province).
Used for issue 12 item 7 (the byte-level CSV reader) to show nothing a user sees changed.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CITIES = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli"]
TABLES = ["areas.csv", "depots.csv", "items.csv", "stock.csv", "teams.csv", "fleet.csv", "nodes.csv", "roads.csv"]
ALPHABET = list(b",\"\r\n;:-.e9x \x00") + [0xE4, 0xB8, 0xAD, 0xFF]


def run(reserve, args, out_path):
    p = subprocess.run([reserve] + args, capture_output=True, cwd=ROOT)
    # Timing lines and the bundle path differ between runs; everything else must not.
    with open(out_path, "wb") as f:
        f.write(b"exit %d\n--- stdout\n" % p.returncode)
        f.write(p.stdout)
        f.write(b"--- stderr\n")
        f.write(p.stderr)


def damaged_copies(work, count):
    """Seeded damage to one CSV table of Data/hegang per copy."""
    src = os.path.join(ROOT, "Data", "hegang")
    for seed in range(count):
        rng = random.Random(seed)
        dst = os.path.join(work, "damaged-%03d" % seed)
        shutil.copytree(src, dst)
        table = TABLES[seed % len(TABLES)]
        path = os.path.join(dst, table)
        data = bytearray(open(path, "rb").read())
        for _ in range(1 + rng.randrange(6)):
            if not data:
                break
            i = rng.randrange(len(data))
            op = rng.randrange(3)
            if op == 0:
                data[i] = rng.choice(ALPHABET)
            elif op == 1:
                del data[i]
            else:
                data.insert(i, rng.choice(ALPHABET))
        open(path, "wb").write(bytes(data))
        yield "damaged-%03d-%s" % (seed, table.replace(".csv", "")), dst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reserve", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--damaged", type=int, default=120, help="number of damaged copies of Data/hegang")
    ap.add_argument("--province", help="also validate this bundle directory")
    a = ap.parse_args()
    reserve = os.path.abspath(a.reserve)
    os.makedirs(a.out, exist_ok=True)
    for city in CITIES:
        bundle = os.path.join("Data", city)
        for name in sorted(os.listdir(os.path.join(ROOT, bundle, "scenarios"))):
            s = name[:-5]
            for fmt in ["json", "table"]:
                run(reserve, ["dispatch", bundle, "--scenario", s, "--format", fmt], os.path.join(a.out, "dispatch-%s-%s.%s" % (city, s, fmt)))
        for fmt in ["json", "table"]:
            run(reserve, ["validate", bundle, "--format", fmt], os.path.join(a.out, "validate-%s.%s" % (city, fmt)))
    with tempfile.TemporaryDirectory() as work:
        # Relative paths inside `work` keep messages free of the temporary name.
        for form in ["city", "city.json"]:
            subprocess.run([reserve, "generate", "--preset", "city", "--seed", "3", "--out", os.path.join(work, form)],
                           check=True, capture_output=True)
        for form in ["city", "city.json"]:
            p = subprocess.run([reserve, "validate", form, "--format", "json"], capture_output=True, cwd=work)
            open(os.path.join(a.out, "roundtrip-%s.json" % form.replace(".", "-")), "wb").write(b"exit %d\n" % p.returncode + p.stdout)
        for name, path in damaged_copies(work, a.damaged):
            rel = os.path.basename(path)
            for fmt in ["json", "table"]:
                p = subprocess.run([reserve, "validate", rel, "--format", fmt], capture_output=True, cwd=work)
                open(os.path.join(a.out, "%s.%s" % (name, fmt)), "wb").write(b"exit %d\n" % p.returncode + p.stdout + b"--- stderr\n" + p.stderr)
    if a.province:
        run(reserve, ["validate", a.province, "--format", "json"], os.path.join(a.out, "validate-province.json"))
    print("wrote %d files to %s" % (len(os.listdir(a.out)), a.out))


if __name__ == "__main__":
    sys.exit(main())

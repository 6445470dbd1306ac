#!/usr/bin/env python3
"""The stock book's benchmarks (issue 18), with Python's sqlite3 as the peer in the same run.

  1. `reserve ledger import` of the generated province bundle (its stock rows → lots + receives).
  2. 1,000,000 synthetic movements posted by `reserve ledger bench-movements` in batches of
     10,000 (one transaction each; lots looked up, balances kept, idempotency key per posting).
  3. The peer: Python's sqlite3 `executemany` inserting the same 1,000,000 movement rows, in
     batches of 10,000 with a commit each, into a ledger file made by `reserve ledger init`
     (the same schema: UNIQUE (idempotency_key, leg), indexes, triggers, WAL). It only
     inserts rows; it keeps no balances and checks nothing.
  4. `reserve ledger balance --json` over the book after step 2 (10,000 synthetic lots plus the
     province's), and `reserve ledger export` of the freshly imported province bundle (the
     synthetic items are not in its catalogue, so export refuses that book), each run 5 times
     (median [min–max] wall clock, process start included).

Needs the release binary (`make release`). Run: python3 scripts/bench_ledger.py [--count N]
"""
import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESERVE = os.path.join(ROOT, ".build", "release", "reserve")


def run(args, **kw):
    return subprocess.run([RESERVE] + args, check=True, capture_output=True, text=True, **kw)


def timed(args, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run(args)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def python_peer(path, count, batch, lots=10_000, depots=100):
    """The same rows bench-movements writes, inserted with executemany."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.executemany("INSERT INTO lots (item, lot_number, expiry, depot) VALUES (?, ?, '', ?)",
                    [(f"item-{k % 500}", f"Py-{k}", f"depot-{k % depots}") for k in range(lots)])
    con.commit()
    at = "2025-01-01T00:00:00Z"
    started = time.perf_counter()
    for first in range(0, count, batch):
        rows = []
        key = f"python:{first // batch}"
        for i in range(first, min(first + batch, count)):
            k = i % lots
            q = 10 ** 12 if i < lots else (-1_000_000 if (i // lots) % 2 == 1 else 1_000_000)
            rows.append(("issue" if q < 0 else "receive", k + 1, f"depot-{k % depots}", q, at, "bench", "synthetic", "",
                         key, i - first, at))
        con.executemany("INSERT INTO movements (kind, lot_id, depot, quantity, at, user, document, reason, "
                        "idempotency_key, leg, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.commit()
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    opts = parser.parse_args()
    if not os.access(RESERVE, os.X_OK):
        sys.exit("build the release binary first: make release")
    work = tempfile.mkdtemp(prefix="er-bench-ledger-")
    province = os.path.join(work, "province")
    run(["generate", "--preset", "province", "--seed", "1", "--out", province])
    db = os.path.join(work, "book.sqlite")
    run(["ledger", "init", "--db", db])
    t = time.perf_counter()
    imported = json.loads(run(["ledger", "import", province, "--db", db, "--json"]).stdout)
    import_seconds = time.perf_counter() - t
    rows = len(imported["movements"])
    print(f"import: {rows} rows in {import_seconds:.2f} s", file=sys.stderr)
    synthetic = json.loads(run(["ledger", "bench-movements", "--db", db, "--count", str(opts.count),
                                "--batch", str(opts.batch)]).stdout)
    print(f"synthetic: {synthetic}", file=sys.stderr)
    run(["ledger", "verify", "--db", db])
    peer_db = os.path.join(work, "peer.sqlite")
    run(["ledger", "init", "--db", peer_db])
    peer_seconds = python_peer(peer_db, opts.count, opts.batch)
    print(f"python: {opts.count / peer_seconds:.0f} movements/s", file=sys.stderr)
    lots = sqlite3.connect(db).execute("SELECT COUNT(*) FROM balances WHERE quantity <> 0").fetchone()[0]
    balance = timed(["ledger", "balance", "--db", db, "--json"])
    # What reading and validating the bundle alone costs (both import and export do it).
    validate = timed(["validate", province])
    fresh = os.path.join(work, "fresh.sqlite")
    run(["ledger", "init", "--db", fresh])
    run(["ledger", "import", province, "--db", fresh])
    export_province = timed(["ledger", "export", "--db", fresh, "--bundle", province, "--out", os.path.join(work, "export2")])
    version = subprocess.run([RESERVE, "--version"], capture_output=True, text=True).stdout.strip()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; SQLite {sqlite3.sqlite_version}; {version}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (other jobs share the machine)")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print()
    print("| what | result |")
    print("|---|---|")
    print(f"| `ledger import` province bundle ({rows:,} stock rows → receives; load + validate + post) | {import_seconds:.2f} s, {rows / import_seconds:,.0f} rows/s end to end |")
    print(f"| `ledger bench-movements` {synthetic['movements']:,} movements, batches of {opts.batch:,} (balances kept) | {synthetic['seconds']:.2f} s, **{synthetic['movementsPerSecond']:,.0f} movements/s** |")
    print(f"| Python sqlite3 `executemany`, same rows, same schema, same batches (insert only) | {peer_seconds:.2f} s, **{opts.count / peer_seconds:,.0f} movements/s** |")
    print(f"| `ledger balance --json`, {lots:,} non-zero depot × lot rows | {balance[0]:.3f} s [{balance[1]:.3f}–{balance[2]:.3f}] |")
    print(f"| `ledger export` province bundle, freshly imported | {export_province[0]:.3f} s [{export_province[1]:.3f}–{export_province[2]:.3f}] |")
    print(f"| `reserve validate` province bundle (the load + validate part of import and export) | {validate[0]:.3f} s [{validate[1]:.3f}–{validate[2]:.3f}] |")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()

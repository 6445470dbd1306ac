#!/usr/bin/env python3
"""The stock book's benchmarks (issue 18) on SQLite and PostgreSQL, with Python peers in the same run.

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

  5. The same on PostgreSQL: a private throw-away server (scripts/pg_test_server.sh, fsync off
     as in the tests), `reserve ledger import/bench-movements/balance/export --db postgres://…`,
     and the Python peers inserting the same 1,000,000 rows in batches of 10,000 with a commit
     each into a ledger made by `reserve ledger init`: psycopg2 `execute_values` (multi-row
     VALUES, 1,000 rows a statement), psycopg 3 `executemany` (pipelined) and psycopg 3 `COPY`.

Needs the release binary (`make release`) and `pip install psycopg2-binary "psycopg[binary]"`
for the PostgreSQL peers. Run: python3 scripts/bench_ledger.py [--count N] [--no-postgres]
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
# RESERVE_BINARY overrides (e.g. a release build in another scratch folder).
RESERVE = os.environ.get("RESERVE_BINARY") or os.path.join(ROOT, ".build", "release", "reserve")


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


def synthetic_rows(first, last, batch, lots, depots, lot_base, prefix):
    at = "2025-01-01T00:00:00Z"
    key = f"{prefix}:{first // batch}"
    for i in range(first, last):
        k = i % lots
        q = 10 ** 12 if i < lots else (-1_000_000 if (i // lots) % 2 == 1 else 1_000_000)
        yield ("issue" if q < 0 else "receive", lot_base + k, f"depot-{k % depots}", q, at, "bench", "synthetic", "",
               key, i - first, at)


PG_INSERT = ('INSERT INTO movements (kind, lot_id, depot, quantity, at, "user", document, reason, '
             'idempotency_key, leg, recorded_at) VALUES ')
PG_COLUMNS = 'movements (kind, lot_id, depot, quantity, at, "user", document, reason, idempotency_key, leg, recorded_at)'


def pg_lots(cur, lots, depots, prefix):
    cur.execute("SELECT COALESCE(MAX(id), 0) FROM lots")
    base = cur.fetchone()[0] + 1
    cur.executemany("INSERT INTO lots (id, item, lot_number, expiry, depot) VALUES (%s, %s, %s, '', %s)",
                    [(base + k, f"item-{k % 500}", f"{prefix}-{k}", f"depot-{k % depots}") for k in range(lots)])
    return base


def pg_peer(url, method, count, batch, lots=10_000, depots=100):
    """The rows bench-movements writes, into PostgreSQL by `method`; seconds for the movements."""
    if method == "psycopg2 execute_values":
        import psycopg2
        import psycopg2.extras
        con = psycopg2.connect(url)
        cur = con.cursor()
        base = pg_lots(cur, lots, depots, "P2")
        con.commit()
        started = time.perf_counter()
        for first in range(0, count, batch):
            psycopg2.extras.execute_values(cur, PG_INSERT + "%s",
                                           synthetic_rows(first, min(first + batch, count), batch, lots, depots, base, "p2"),
                                           page_size=1000)
            con.commit()
    else:
        import psycopg
        con = psycopg.connect(url)
        cur = con.cursor()
        base = pg_lots(cur, lots, depots, "P3" + method[-4:])
        con.commit()
        started = time.perf_counter()
        for first in range(0, count, batch):
            rows = synthetic_rows(first, min(first + batch, count), batch, lots, depots, base, "p3" + method[-4:])
            if method == "psycopg 3 executemany":
                cur.executemany(PG_INSERT + "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", list(rows))
            else:
                with cur.copy(f"COPY {PG_COLUMNS} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            con.commit()
    seconds = time.perf_counter() - started
    con.close()
    return seconds


class PostgresServer:
    """scripts/pg_test_server.sh: a private cluster for this run, removed afterwards."""

    def __enter__(self):
        out = subprocess.run(["bash", os.path.join(ROOT, "scripts/pg_test_server.sh"), "start"], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            name, _, value = line.removeprefix("export ").partition("=")
            os.environ[name] = value
        return self

    def database(self, name):
        return subprocess.run(["bash", os.path.join(ROOT, "scripts/pg_test_server.sh"), "createdb", name], check=True,
                              capture_output=True, text=True).stdout.strip()

    def version(self, url):
        import psycopg
        with psycopg.connect(url) as con:
            return con.execute("SHOW server_version").fetchone()[0]

    def __exit__(self, *exc):
        subprocess.run(["bash", os.path.join(ROOT, "scripts/pg_test_server.sh"), "stop", os.environ["ER_TEST_POSTGRES_DIR"]])


def bench_postgres(opts, work, province):
    """Rows of the results table for PostgreSQL."""
    rows = []
    with PostgresServer() as server:
        book = server.database("er_bench_book")
        run(["ledger", "init", "--db", book])
        t = time.perf_counter()
        imported = json.loads(run(["ledger", "import", province, "--db", book, "--json"]).stdout)
        import_seconds = time.perf_counter() - t
        n = len(imported["movements"])
        print(f"postgres import: {n} rows in {import_seconds:.2f} s", file=sys.stderr)
        synthetic = json.loads(run(["ledger", "bench-movements", "--db", book, "--count", str(opts.count),
                                    "--batch", str(opts.batch)]).stdout)
        print(f"postgres synthetic: {synthetic}", file=sys.stderr)
        run(["ledger", "verify", "--db", book])
        balance = timed(["ledger", "balance", "--db", book, "--json"])
        fresh = server.database("er_bench_fresh")
        run(["ledger", "init", "--db", fresh])
        run(["ledger", "import", province, "--db", fresh])
        export = timed(["ledger", "export", "--db", fresh, "--bundle", province, "--out", os.path.join(work, "export-pg")])
        peers = []
        for method in ["psycopg2 execute_values", "psycopg 3 executemany", "psycopg 3 COPY"]:
            db = server.database("er_bench_" + method.replace(" ", "_").replace("3", "three").lower())
            run(["ledger", "init", "--db", db])
            seconds = pg_peer(db, method, opts.count, opts.batch)
            print(f"{method}: {opts.count / seconds:.0f} movements/s", file=sys.stderr)
            peers.append((method, seconds))
        version = server.version(book)
    rows.append(f"| PostgreSQL {version}: `ledger import` province bundle ({n:,} stock rows) | {import_seconds:.2f} s, {n / import_seconds:,.0f} rows/s end to end |")
    rows.append(f"| PostgreSQL: `ledger bench-movements` {synthetic['movements']:,} movements, batches of {opts.batch:,} (balances kept) | {synthetic['seconds']:.2f} s, **{synthetic['movementsPerSecond']:,.0f} movements/s** |")
    for method, seconds in peers:
        rows.append(f"| PostgreSQL: Python {method}, same rows, same schema, same batches (insert only) | {seconds:.2f} s, **{opts.count / seconds:,.0f} movements/s** |")
    rows.append(f"| PostgreSQL: `ledger balance --json` after the 1M movements | {balance[0]:.3f} s [{balance[1]:.3f}–{balance[2]:.3f}] |")
    rows.append(f"| PostgreSQL: `ledger export` province bundle, freshly imported | {export[0]:.3f} s [{export[1]:.3f}–{export[2]:.3f}] |")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--no-postgres", action="store_true")
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
    pg_rows = [] if opts.no_postgres else bench_postgres(opts, work, province)

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
    for row in pg_rows:
        print(row)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()

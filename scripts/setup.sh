#!/usr/bin/env bash
# Installs what EmergencyReserve needs and is missing: GLPK (libglpk-dev, and
# glpk-utils for the glpsol peer), zlib (zlib1g-dev), SQLite (libsqlite3-dev) and PostgreSQL
# (the ledger), chromium and fonts-noto-cjk (the HTML report's browser test) via apt-get. Safe to run again; does nothing
# when everything is present.
set -euo pipefail

need=()
[ -f /usr/include/glpk.h ] || need+=(libglpk-dev)
command -v glpsol >/dev/null 2>&1 || need+=(glpk-utils)
# The ledger's SQLite (GRDB links the system libsqlite3).
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
# zlib headers: RoadImport inflates OpenStreetMap PBF blobs with the system zlib.
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
# The HTML report's browser test (HTMLReportBrowserTests) and screenshots: headless
# Chromium, and a CJK font so that Chinese renders as text, not boxes.
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# The ledger's PostgreSQL tests: `make test` starts a private throw-away cluster
# (scripts/pg_test_server.sh) from Debian's server packages.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "setup: installing ${need[*]} with sudo apt-get" >&2
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "setup: missing ${need[*]}." >&2
  echo "       Install GLPK 5 first, e.g. 'sudo apt-get install libglpk-dev glpk-utils'" >&2
  echo "       (Debian/Ubuntu) or 'brew install glpk' (macOS)." >&2
  exit 1
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: no 'swift' on PATH; install the Swift 6.1+ toolchain (swift.org)." >&2
  exit 1
fi

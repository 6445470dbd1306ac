#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the ledger's PostgreSQL tests (issue 18).
#
#   eval "$(bash scripts/pg_test_server.sh start)"   # prints export ER_TEST_POSTGRES_URL=... ER_TEST_POSTGRES_DIR=...
#   bash scripts/pg_test_server.sh stop DIR
#   bash scripts/pg_test_server.sh createdb NAME   # an empty database on that server; prints its URL
#   bash scripts/pg_test_server.sh dropdb NAME     # drops it, closing its connections
#
# `start` runs initdb into a fresh mktemp directory, as the `postgres` OS user when
# run as root (PostgreSQL refuses to run as root), listens on 127.0.0.1 on a free port
# and on a unix socket in that directory only, with trust authentication for local
# connections only, and creates the database `ledger_test`. `stop` stops the server
# and removes the directory. Nothing outside the directory is touched.
set -euo pipefail

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  echo "pg_test_server: no initdb found; run scripts/setup.sh (installs Debian's postgresql)" >&2
  return 1
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port
  bin=$(bindir)
  dir=$(mktemp -d /tmp/er-pgtest.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Only loopback TCP and the private socket; trust applies to these alone.
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=100" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ledger_test
  echo "export ER_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/ledger_test"
  echo "export ER_TEST_POSTGRES_DIR=$dir"
}

stop() {
  local dir=${1:-${ER_TEST_POSTGRES_DIR:-}} bin
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "pg_test_server: nothing to stop" >&2; return 0; }
  case "$dir" in /tmp/er-pgtest.*) ;; *) echo "pg_test_server: refusing to remove $dir" >&2; exit 1 ;; esac
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# The server of $ER_TEST_POSTGRES_URL (postgres://postgres@127.0.0.1:PORT/ledger_test).
server_port() {
  local url=${ER_TEST_POSTGRES_URL:-}
  [[ $url =~ ^postgres://postgres@127\.0\.0\.1:([0-9]+)/ ]] || { echo "pg_test_server: ER_TEST_POSTGRES_URL is not set by 'start'" >&2; exit 64; }
  echo "${BASH_REMATCH[1]}"
}

# Test databases are named er_ + letters, digits and underscores only.
check_name() {
  [[ ${1:-} =~ ^er_[a-z0-9_]+$ ]] || { echo "pg_test_server: database name must match er_[a-z0-9_]+, not '${1:-}'" >&2; exit 64; }
}

createdb_cmd() {
  local port
  check_name "${1:-}"
  port=$(server_port)
  "$(bindir)/createdb" -h 127.0.0.1 -p "$port" -U postgres "$1"
  echo "postgres://postgres@127.0.0.1:$port/$1"
}

dropdb_cmd() {
  local port
  check_name "${1:-}"
  port=$(server_port)
  "$(bindir)/dropdb" -h 127.0.0.1 -p "$port" -U postgres --force --if-exists "$1"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  createdb) createdb_cmd "${2:-}" ;;
  dropdb) dropdb_cmd "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR] | createdb NAME | dropdb NAME" >&2; exit 64 ;;
esac

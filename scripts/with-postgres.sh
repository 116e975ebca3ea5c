#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs COMMAND with a throwaway PostgreSQL cluster for the tests: made with initdb in a new
# temporary folder, run by an unprivileged user (the postgres user when started as root),
# listening on a Unix socket in that folder only (no TCP port), and removed with its folder
# when COMMAND ends, however it ends. COMMAND finds the server in CFP_TEST_POSTGRES, a libpq
# connection string of the cluster's superuser; CFP_REQUIRE_POSTGRES=1 tells the tests that
# skipping them would be an error.
#   scripts/with-postgres.sh ctest --preset ci
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/with-postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "cfp: error: PostgreSQL's server is not installed; run scripts/install-deps.sh postgresql" >&2
  exit 1
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/cfp-postgres.XXXXXX")
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root; the server runs as the user Debian's package made for it.
  chown postgres: "$folder"
  as_server=(runuser -u postgres --)
fi
chmod 700 "$folder"

# The server's user may not enter the caller's folder: its commands run from the cluster's.
server() { (cd "$folder" && "${as_server[@]}" "$@"); }

stop() {
  server "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
trap 'exit 130' INT TERM

server "$bin/initdb" -D "$folder/data" --auth=trust --username=cfp_test --encoding=UTF8 \
  --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; echo "cfp: error: initdb failed" >&2; exit 1; }
# No TCP at all, and a socket only its owner (and root) may reach. No durability either, as the
# cluster lives for one test run, unless CFP_POSTGRES_DURABLE=1 (a benchmark beside a database
# file, whose every commit is synced).
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${CFP_POSTGRES_DURABLE:-}" = 1 ] && durability=""
server "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$folder' -c unix_socket_permissions=0700 $durability -c max_connections=200" \
  start >/dev/null ||
  { cat "$folder/server.log" >&2; echo "cfp: error: the PostgreSQL server did not start" >&2; exit 1; }

export CFP_TEST_POSTGRES="host=$folder user=cfp_test dbname=postgres"
export CFP_REQUIRE_POSTGRES=1
"$@"

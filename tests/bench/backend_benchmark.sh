#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Backend benchmark: the same commands on a database file and on a PostgreSQL server database,
# side by side, with the ratio server/file of each. What a server database keeps today is
# measured: calls with their criteria and cut-offs, and the audit log.
#
#   writes        `call add` (a call, its three criteria, four audit entries) and `deadline add`,
#                 one process a command, one after another: the latency an official sees
#   concurrent    the same from 8 processes at once: what a team gets through
#   call list, deadline list, log (every entry), log verify (the whole chain): reads, medians
#
# Usage: tests/bench/backend_benchmark.sh [--calls N] [--runs N]
#   --calls N   calls written one after another (default 200), and as many again concurrently
#   --runs N    timed runs of each read (default 5); the median counts
#
# Builds the release configuration into build/bench, as the other benchmarks do, and runs under
# a throwaway PostgreSQL cluster (scripts/with-postgres.sh) on a Unix socket, durable
# (CFP_POSTGRES_DURABLE=1: fsync on, as a file's commits are synced). The file is in
# build/bench/data. Wall times come from date +%s%N; the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/../.."

calls=200
runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --calls) calls=$2; shift ;;
    --runs) runs=$2; shift ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "backend_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "${CFP_TEST_POSTGRES:-}" ]; then
  scripts/install-deps.sh postgresql time
  build=build/bench
  cmake --preset release -B "$build" -DCFP_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" --target cfp
  CFP_POSTGRES_DURABLE=1 exec scripts/with-postgres.sh "$0" --calls "$calls" --runs "$runs"
fi

bench=backend_benchmark
data="$PWD/build/bench/data/backend"
# shellcheck source=tests/bench/common.sh
source tests/bench/common.sh
cfp="$PWD/build/bench/app/cfp"
rm -rf "$data"
mkdir -p "$data"
file_db="$data/cfp.db"
psql_db() { psql "$CFP_TEST_POSTGRES" -qAt -c "$1"; }
psql_db "DROP DATABASE IF EXISTS cfp_bench WITH (FORCE)"
psql_db "CREATE DATABASE cfp_bench ENCODING 'UTF8' TEMPLATE template0"
server_db="pg:$CFP_TEST_POSTGRES dbname=cfp_bench"
export CFP_USER=bench

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }

declare -A result
# measure BACKEND DB: every figure of one backend into result[NAME,BACKEND].
measure() {
  local backend=$1 db=$2 start end i name
  "$cfp" --db "$db" db init >/dev/null
  start=$(date +%s%N)
  for i in $(seq 1 "$calls"); do
    "$cfp" --db "$db" call add "SEQ-$i" --title "Call $i" >/dev/null 2>&1
    "$cfp" --db "$db" deadline add "SEQ-$i" "2030-0$((i % 9 + 1))-0$((i % 7 + 1))" --label first >/dev/null 2>&1
  done
  end=$(date +%s%N)
  result[writes,$backend]=$(awk -v s="$(seconds "$start" "$end")" -v n="$calls" 'BEGIN { printf "%.1f", s * 1000 / n / 2 }')
  start=$(date +%s%N)
  for p in 1 2 3 4 5 6 7 8; do
    (for i in $(seq "$p" 8 "$calls"); do "$cfp" --db "$db" --wait 60 call add "PAR-$i" --title "Call $i" >/dev/null 2>&1 ||
      exit 1; done) &
  done
  wait
  end=$(date +%s%N)
  result[concurrent,$backend]=$(awk -v s="$(seconds "$start" "$end")" -v n="$calls" 'BEGIN { printf "%.1f", n / s }')
  for name in "call list" "deadline list" "log" "log verify"; do
    local walls=()
    local args=()
    case $name in
      "call list") args=(call list --format csv) ;;
      "deadline list") args=(deadline list --format csv) ;;
      "log") args=(log --limit 1000000 --format csv) ;;
      "log verify") args=(log verify) ;;
    esac
    for _ in $(seq 1 "$runs"); do
      timed "$data/out.txt" "$cfp" --db "$db" "${args[@]}"
      walls+=("$wall")
    done
    result[$name,$backend]=$(awk -v s="$(median "${walls[@]}")" 'BEGIN { printf "%.1f", s * 1000 }')
    cp "$data/out.txt" "$data/$backend-${name// /-}.txt"
  done
}

measure file "$file_db"
measure server "$server_db"
entries=$("$cfp" --db "$server_db" db status --format json | awk -F': ' '/audit_entries/ { gsub(/[ ,]/, "", $2); print $2 }')
cmp -s "$data/file-call-list.txt" "$data/server-call-list.txt" || fail "call list differs between the backends"

echo "backend benchmark: $((calls * 2)) calls, $entries audit entries; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %12s %12s %8s\n' "" "file" "server" "server/file"
row() {
  printf '%-34s %12s %12s %8s\n' "$1" "${result[$2,file]} $3" "${result[$2,server]} $3" \
    "$(awk -v a="${result[$2,file]}" -v b="${result[$2,server]}" 'BEGIN { printf "%.2f", b / a }')"
}
row "call add, deadline add, in turn" writes ms
row "call add, 8 processes at once" concurrent /s
row "call list (median)" "call list" ms
row "deadline list (median)" "deadline list" ms
row "log, every entry (median)" log ms
row "log verify (median)" "log verify" ms

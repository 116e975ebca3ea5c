#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Backend benchmark: the same commands on a database file and on a PostgreSQL server database,
# side by side, with the ratio server/file of each. What a server database keeps today is
# measured: calls with their criteria and cut-offs, the audit log, and proposals.
#
#   writes        `call add` (a call, its three criteria, four audit entries) and `deadline add`,
#                 one process a command, one after another: the latency an official sees
#   concurrent    the same from 8 processes at once: what a team gets through
#   call list, deadline list, log (every entry), log verify (the whole chain): reads, medians
#   import      `import proposals` of a generated CSV (cfp_generate) into a fresh database
#               holding its call, then `proposal list`, `export proposals`, `report states` and
#               `report deadlines` over them: medians, with the peak memory of the list; each
#               output is checked to be the same bytes on both backends
#
# Usage: tests/bench/backend_benchmark.sh [--calls N] [--proposals N] [--runs N]
#   --calls N       calls written one after another (default 200), and as many again concurrently
#   --proposals N   proposals imported (default 100000)
#   --runs N        timed runs of each read (default 5); the median counts
#
# Builds the release configuration into build/bench, as the other benchmarks do, and runs under
# a throwaway PostgreSQL cluster (scripts/with-postgres.sh) on a Unix socket, durable
# (CFP_POSTGRES_DURABLE=1: fsync on, as a file's commits are synced). The file is in
# build/bench/data. Wall times come from date +%s%N; the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/../.."

calls=200
proposals=100000
runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --calls) calls=$2; shift ;;
    --proposals) proposals=$2; shift ;;
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
  cmake --build "$build" --target cfp cfp_generate
  CFP_POSTGRES_DURABLE=1 exec scripts/with-postgres.sh "$0" --calls "$calls" --proposals "$proposals" --runs "$runs"
fi

bench=backend_benchmark
data="$PWD/build/bench/data/backend"
# shellcheck source=tests/bench/common.sh
source tests/bench/common.sh
cfp="$PWD/build/bench/app/cfp"
generate="$PWD/build/bench/tests/bench/cfp_generate"
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

# import BACKEND DB: the proposals imported into DB (which holds their call), then read back.
# The generated records are valid with CFP_NOW at 2024-10-20; the server database is a sandbox
# for that, whose guards and triggers are the same as another's.
import_proposals() {
  local backend=$1 db=$2 name
  env CFP_NOW=2024-10-20T00:00:00Z "$cfp" --db "$db" import calls "$data/calls.json" >/dev/null 2>&1
  timed "$data/out.txt" env CFP_NOW=2024-10-20T00:00:00Z "$cfp" --db "$db" import proposals "$data/proposals.csv" --quiet
  result[import,$backend]=$wall
  result[import-rss,$backend]=$(mib "$rss")
  for name in "proposal list" "export proposals" "report states" "report deadlines"; do
    local walls=() args=()
    case $name in
      "proposal list") args=(proposal list --format csv) ;;
      "export proposals") args=(export proposals --format ndjson) ;;
      "report states") args=(report states --all --format csv) ;;
      "report deadlines") args=(report deadlines --all --format csv) ;;
    esac
    for _ in $(seq 1 "$runs"); do
      timed "$data/out.txt" env CFP_NOW=2024-10-20T00:00:00Z "$cfp" --db "$db" "${args[@]}"
      walls+=("$wall")
    done
    result[$name,$backend]=$(awk -v s="$(median "${walls[@]}")" 'BEGIN { printf "%.1f", s * 1000 }')
    result[$name-rss,$backend]=$(mib "$rss")
    cp "$data/out.txt" "$data/$backend-${name// /-}.txt"
  done
}

measure file "$file_db"
measure server "$server_db"

"$generate" --rows "$proposals" --seed 42 --out "$data/proposals.csv" --calls "$data/calls.json"
psql_db "DROP DATABASE IF EXISTS cfp_bench_proposals WITH (FORCE)"
psql_db "CREATE DATABASE cfp_bench_proposals ENCODING 'UTF8' TEMPLATE template0"
server_proposals="pg:$CFP_TEST_POSTGRES dbname=cfp_bench_proposals"
"$cfp" --db "$server_proposals" db init --sandbox >/dev/null
import_proposals file "$data/proposals.db"
import_proposals server "$server_proposals"
for name in proposal-list export-proposals report-states report-deadlines; do
  cmp -s "$data/file-$name.txt" "$data/server-$name.txt" || fail "$name differs between the backends"
done
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
echo
echo "$proposals proposals ($(du -h "$data/proposals.csv" | cut -f1) of CSV), one call of $(grep -o '"label"' "$data/calls.json" | wc -l) cut-offs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %12s %12s %8s\n' "" "file" "server" "server/file"
row "import proposals" import s
row "import proposals, peak memory" import-rss MiB
row "proposal list (median)" "proposal list" ms
row "proposal list, peak memory" "proposal list-rss" MiB
row "export proposals (median)" "export proposals" ms
row "report states (median)" "report states" ms
row "report deadlines (median)" "report deadlines" ms

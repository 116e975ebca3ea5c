#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Import benchmark: how long `cfp import proposals` takes on a generated CSV, against the sqlite3
# shell's `.import` of the same file into a one-table database, and how much memory cfp needs.
#
# Goals: cfp/sqlite3 <= 2.0 (median of the runs, 100,000 rows); peak RSS < 64 MiB at 1,000,000 rows.
#
# Usage: tests/bench/import_benchmark.sh [--runs N] [--rows N] [--seed S] [--million | --no-million]
#   --runs N       timed runs of each importer (default 5); the median counts
#   --rows N       rows of the main CSV (default 100000)
#   --seed S       generator seed (default 20241104)
#   --million      also import 1,000,000 rows once and print cfp's time and peak RSS (default)
#   --no-million   skip it (about 7 minutes when this script was written)
#
# Builds the release configuration (the `release` preset) into build/bench with the generator
# (cfp_generate) turned on, so that a concurrent build in build/release is not disturbed.
# Data and databases go to build/bench/data; the databases are deleted after each run.
# Wall times are taken with date +%s%N around /usr/bin/time; CPU times (user+sys) and peak RSS
# come from /usr/bin/time. On a loaded machine wall times are noisy: the load average is printed
# with the figures, and CPU times are printed too because they suffer less from it.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
rows=100000
seed=20241104
million=1

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --rows) rows=$2; shift ;;
    --seed) seed=$2; shift ;;
    --million) million=1 ;;
    --no-million) million=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "import_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# ---- (a) packages: the build's own, plus the sqlite3 shell and GNU time ----------------------
scripts/install-deps.sh sqlite3 time

# ---- (b) build: release cfp and the generator -------------------------------------------------
build=build/bench
cmake --preset release -B "$build" -DCFP_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target cfp cfp_generate
cfp="$PWD/$build/app/cfp"
generate="$PWD/$build/tests/bench/cfp_generate"

data="$PWD/$build/data"
mkdir -p "$data"
export CFP_NOW=2024-10-20T00:00:00Z
export CFP_USER=bench
unset CFP_DB

# The sqlite3 side: the 13 transfer columns and the key cfp enforces.
sqlite_schema='CREATE TABLE proposal (
  call TEXT, acronym TEXT, title TEXT, host TEXT, partners TEXT, entity TEXT, plan TEXT,
  experimental_platform TEXT, eu_contribution_eur TEXT, national_contribution_eur TEXT,
  sectors TEXT, status TEXT, submitted_at TEXT, UNIQUE (call, acronym));'

bench=import_benchmark
# shellcheck source=tests/bench/common.sh
. tests/bench/common.sh

# A fresh cfp database holding the call (not timed).
fresh_cfp_db() {
  remove_db "$1"
  "$cfp" --db "$1" import calls "$data/calls.json" 2>/dev/null
}

fresh_sqlite_db() {
  remove_db "$1"
  sqlite3 "$1" "$sqlite_schema"
}

# count DB: the rows in table proposal.
check_count() {
  local count
  count=$(sqlite3 "$1" 'SELECT count(*) FROM proposal')
  if [ "$count" != "$2" ]; then
    echo "import_benchmark: error: $1 holds $count proposals, expected $2" >&2
    exit 1
  fi
}

# ---- (c) the CSV, generated once --------------------------------------------------------------
csv="$data/proposals-$rows.csv"
"$generate" --rows "$rows" --seed "$seed" --out "$csv" --calls "$data/calls.json"
echo
echo "machine: $(nproc) cores, load average at start: $(load)"
echo "data: $csv ($rows rows, seed $seed, $(du -h "$csv" | cut -f1))"

# ---- (d) interleaved runs, each into a fresh database ------------------------------------------
cfp_walls=() cfp_cpus=() cfp_users=() cfp_syss=() cfp_rss=() sqlite_walls=() sqlite_cpus=() loads=()
for run in $(seq 1 "$runs"); do
  db="$data/cfp.db"
  fresh_cfp_db "$db"
  timed "$data/out.txt" "$cfp" --db "$db" import proposals "$csv" --quiet
  check_count "$db" "$rows"
  remove_db "$db"
  cfp_walls+=("$wall") cfp_cpus+=("$cpu") cfp_rss+=("$rss")
  cfp_users+=("$user") cfp_syss+=("$sys")
  echo "run $run: cfp import $wall s (cpu $cpu s = user $user + sys $sys; peak RSS $(mib "$rss") MiB)"

  db="$data/sqlite.db"
  fresh_sqlite_db "$db"
  timed "$data/out.txt" sqlite3 "$db" -cmd '.mode csv' ".import --skip 1 $csv proposal"
  check_count "$db" "$rows"
  remove_db "$db"
  sqlite_walls+=("$wall") sqlite_cpus+=("$cpu")
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "run $run: sqlite3 .import $wall s (cpu $cpu s); load $(load)"
done

# ---- (e) the figures ---------------------------------------------------------------------------
cfp_wall=$(median "${cfp_walls[@]}")
cfp_cpu=$(median "${cfp_cpus[@]}")
cfp_peak=$(printf '%s\n' "${cfp_rss[@]}" | sort -n | tail -1)
sqlite_wall=$(median "${sqlite_walls[@]}")
sqlite_cpu=$(median "${sqlite_cpus[@]}")
ratio=$(awk -v a="$cfp_wall" -v b="$sqlite_wall" 'BEGIN { printf "%.1f", a / b }')
cpu_ratio=$(awk -v a="$cfp_cpu" -v b="$sqlite_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')

echo
echo "== Import benchmark: $rows rows, $runs runs, $(nproc) cores =="
echo "cfp import $rows rows: median $cfp_wall s (runs: ${cfp_walls[*]}); cpu median $cfp_cpu s" \
  "(user $(median "${cfp_users[@]}") s, sys $(median "${cfp_syss[@]}") s)"
echo "sqlite3 .import $rows rows: median $sqlite_wall s (runs: ${sqlite_walls[*]}); cpu median $sqlite_cpu s"
echo "ratio cfp/sqlite3: $ratio (goal <= 2.0: $(verdict "$ratio <= 2.0")); on cpu time: $cpu_ratio"
echo "cfp peak RSS at $rows rows: $(mib "$cfp_peak") MiB"
echo "load average (1 min) after each run: ${loads[*]}; now: $(load)"

# ---- (f) one million rows ----------------------------------------------------------------------
if [ "$million" -eq 1 ]; then
  big="$data/proposals-1000000.csv"
  "$generate" --rows 1000000 --seed "$seed" --out "$big"
  db="$data/cfp-million.db"
  fresh_cfp_db "$db"
  load_before=$(load)
  timed "$data/out.txt" "$cfp" --db "$db" import proposals "$big" --quiet
  check_count "$db" 1000000
  remove_db "$db"
  rm -f "$big"
  echo "cfp import 1000000 rows: $wall s (cpu $cpu s = user $user + sys $sys); load before $load_before, after $(load)"
  echo "peak RSS at 1000000 rows: $(mib "$rss") MiB (goal < 64 MiB: $(verdict "$rss < 64 * 1024"))"
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Import benchmark: how long `cfp import proposals` takes on a generated CSV, against the sqlite3
# shell's `.import` of the same file into a one-table database, and how much memory cfp needs.
#
# Goals: cfp/sqlite3 <= 2.0 (median of the runs, 100,000 rows); peak RSS < 64 MiB at 1,000,000 rows.
#
# A third side shows what the schema itself costs, the floor no per-row importer gets under: the
# sqlite3 shell loads the same file into a TEMP table and copies it with three set-based INSERT
# ... SELECT statements into cfp's own schema (a copy of cfp's database holding the call, foreign
# keys on, every CHECK, index and trigger in place): the proposals (each the id of its line, the
# database holding none before), their partners and their sectors, the rows cfp's import writes but the import's one audit entry and the index of the
# proposals it names. It parses nothing the way cfp does (money is taken as it stands with two
# decimals, every proposal goes to the first cut-off, as the generator makes them), so it is a
# lower bound. cfp/floor is what cfp's reading, checking and row-by-row statements add to it;
# floor/sqlite3 what the normalised schema (three tables, five indexes, the foreign keys and the
# trigger that keeps the host out of the partners) costs against one table with one key.
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

# The floor: the file into a TEMP table, then set-based into cfp's schema in one transaction.
floor_sql='PRAGMA foreign_keys = ON;
CREATE TEMP TABLE input (
  call TEXT, acronym TEXT, title TEXT, host TEXT, partners TEXT, entity TEXT, plan TEXT,
  experimental_platform TEXT, eu_contribution_eur TEXT, national_contribution_eur TEXT,
  sectors TEXT, status TEXT, submitted_at TEXT);
.import --csv --skip 1 --schema temp INPUT input
BEGIN;
INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, version,
  created_at, updated_at, updated_by, updated_real_at, updated_simulated)
SELECT i.rowid, c.id, i.acronym, i.title, i.host, i.entity, i.plan, i.experimental_platform = '\''true'\'',
  CAST(replace(i.eu_contribution_eur, '\''.'\'', '\'''\'') AS INTEGER),
  CAST(replace(i.national_contribution_eur, '\''.'\'', '\'''\'') AS INTEGER), i.status,
  (SELECT k.id FROM cutoff k WHERE k.call_id = c.id ORDER BY k.closes_at LIMIT 1), i.submitted_at, 1,
  '\''2024-10-20T00:00:00Z'\'', '\''2024-10-20T00:00:00Z'\'', '\''bench'\'', NULL, 1
FROM temp.input i JOIN call c ON c.code = i.call ORDER BY i.rowid;
INSERT INTO proposal_partner (proposal_id, state_code)
SELECT i.rowid, j.value FROM temp.input i,
  json_each('\''["'\'' || replace(i.partners, '\'';'\'', '\''","'\'') || '\''"]'\'') j WHERE i.partners <> '\'''\'';
INSERT INTO proposal_sector (proposal_id, sector)
SELECT i.rowid, j.value FROM temp.input i,
  json_each('\''["'\'' || replace(i.sectors, '\'';'\'', '\''","'\'') || '\''"]'\'') j WHERE i.sectors <> '\'''\'';
COMMIT;'

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
floor_walls=() floor_cpus=()
for run in $(seq 1 "$runs"); do
  db="$data/cfp.db"
  fresh_cfp_db "$db"
  timed "$data/out.txt" "$cfp" --db "$db" import proposals "$csv" --quiet
  check_count "$db" "$rows"
  partner_rows=$(sqlite3 "$db" 'SELECT count(*) FROM proposal_partner')
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
  echo "run $run: sqlite3 .import $wall s (cpu $cpu s)"

  db="$data/floor.db"
  fresh_cfp_db "$db"
  printf '%s\n' "${floor_sql/INPUT/$csv}" >"$data/floor.sql"
  timed "$data/out.txt" sqlite3 -bail "$db" ".read $data/floor.sql"
  check_count "$db" "$rows"
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM proposal_partner')" = "$partner_rows" ] ||
    fail "the floor wrote $(sqlite3 "$db" 'SELECT count(*) FROM proposal_partner') partners, cfp $partner_rows"
  remove_db "$db"
  floor_walls+=("$wall") floor_cpus+=("$cpu")
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "run $run: floor (set-based into cfp's schema) $wall s (cpu $cpu s); load $(load)"
done

# ---- (e) the figures ---------------------------------------------------------------------------
cfp_wall=$(median "${cfp_walls[@]}")
cfp_cpu=$(median "${cfp_cpus[@]}")
cfp_peak=$(printf '%s\n' "${cfp_rss[@]}" | sort -n | tail -1)
sqlite_wall=$(median "${sqlite_walls[@]}")
sqlite_cpu=$(median "${sqlite_cpus[@]}")
floor_wall=$(median "${floor_walls[@]}")
floor_cpu=$(median "${floor_cpus[@]}")
ratio=$(awk -v a="$cfp_wall" -v b="$sqlite_wall" 'BEGIN { printf "%.1f", a / b }')
floor_ratio=$(awk -v a="$floor_wall" -v b="$sqlite_wall" 'BEGIN { printf "%.1f", a / b }')
over_floor=$(awk -v a="$cfp_wall" -v b="$floor_wall" 'BEGIN { printf "%.1f", a / b }')
cpu_ratio=$(awk -v a="$cfp_cpu" -v b="$sqlite_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')

echo
echo "== Import benchmark: $rows rows, $runs runs, $(nproc) cores =="
echo "cfp import $rows rows: median $cfp_wall s (runs: ${cfp_walls[*]}); cpu median $cfp_cpu s" \
  "(user $(median "${cfp_users[@]}") s, sys $(median "${cfp_syss[@]}") s)"
echo "sqlite3 .import $rows rows: median $sqlite_wall s (runs: ${sqlite_walls[*]}); cpu median $sqlite_cpu s"
echo "floor (set-based into cfp's schema) $rows rows: median $floor_wall s (runs: ${floor_walls[*]}); cpu median $floor_cpu s"
echo "ratio cfp/sqlite3: $ratio (goal <= 2.0: $(verdict "$ratio <= 2.0")); on cpu time: $cpu_ratio"
echo "ratio floor/sqlite3: $floor_ratio (what the schema costs); cfp/floor: $over_floor (what cfp adds to it)"
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

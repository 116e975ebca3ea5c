#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Evaluation benchmark: how long `cfp rank CALL --format csv` takes over generated proposals
# scored by three experts each, against the same ranking written as one SQL query
# (tests/bench/evaluation_rank.sql) that the sqlite3 shell runs on the same cfp database file;
# and how long `cfp import scores` takes on the generated scores (three experts a proposal, three
# criteria each), against the sqlite3 shell's `.import` of the same CSV into a one-table database,
# with cfp's peak memory.
#
# Goals: ranking cfp/sqlite3 <= 2.0; score import cfp/sqlite3 <= 3.0 (medians of the runs,
# 10,000 proposals, so 90,000 score rows).
#
# Usage: tests/bench/evaluation_benchmark.sh [--runs N] [--proposals N] [--seed S] [--table | --no-table]
#   --runs N        timed runs of each side (default 5); the median counts
#   --proposals N   submitted proposals (default 10000); the scores are 9 rows a proposal
#   --seed S        generator seed (default 20241104)
#   --table         also time `cfp rank` printing its default table, for the record (default)
#   --no-table      skip it
#
# Builds the release configuration (the `release` preset) into build/bench with the generator
# (cfp_generate) turned on, as tests/bench/import_benchmark.sh does. Data and databases go to
# build/bench/data. Every database is set up through cfp's own commands (not timed): the call,
# the proposals (imported before the first cut-off), the 40 experts of the generated pool, and
# for the ranking the scores (imported after the cut-off) and a consensus on one criterion of
# every 500th proposal, so that the ranking meets recorded consensus too. Each timed score
# import goes into a copy of a database that holds the call, the proposals and the experts.
# The ranking of cfp and that of the SQL query must agree on every field the query gives (all
# of cfp's but `reason`), in the same order; the script fails loudly when they do not.
# Wall times are taken with date +%s%N around /usr/bin/time; CPU times (user+sys) and peak RSS
# come from /usr/bin/time. On a loaded machine wall times are noisy: the load average is printed
# with the figures, and CPU times are printed too because they suffer less from it.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
proposals=10000
seed=20241104
table=1

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --proposals) proposals=$2; shift ;;
    --seed) seed=$2; shift ;;
    --table) table=1 ;;
    --no-table) table=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "evaluation_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
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
rank_sql="$PWD/tests/bench/evaluation_rank.sql"

data="$PWD/$build/data"
mkdir -p "$data"
call=EUROHPC-2024-CEI-AI-01
# Proposals are imported before the first cut-off (2024-11-04 17:00 Brussels); scores, the
# consensus and the ranking come after it.
before_cutoff=2024-10-20T00:00:00Z
export CFP_NOW=2024-11-10T00:00:00Z
export CFP_USER=bench
unset CFP_DB

bench=evaluation_benchmark
# shellcheck source=tests/bench/common.sh
. tests/bench/common.sh

# The sqlite3 side of the score import: the CSV's columns and the key cfp enforces.
sqlite_schema='CREATE TABLE score (
  call TEXT, acronym TEXT, expert TEXT, criterion TEXT, score TEXT, comment TEXT,
  UNIQUE (call, acronym, expert, criterion));'

# quietly COMMAND...: runs a set-up command, showing its output only when it fails.
quietly() {
  if ! "$@" >"$data/setup.txt" 2>&1; then
    echo "evaluation_benchmark: error: $* failed:" >&2
    cat "$data/setup.txt" >&2
    exit 1
  fi
}

# check_count DB TABLE N: the table holds N rows.
check_count() {
  local count
  count=$(sqlite3 "$1" "SELECT count(*) FROM $2")
  [ "$count" = "$3" ] || fail "$1 holds $count rows in table $2, expected $3"
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# ---- (c) the data, generated once -------------------------------------------------------------
proposals_csv="$data/evaluation-proposals-$proposals.csv"
scores_csv="$data/evaluation-scores-$proposals.csv"
experts_tsv="$data/evaluation-experts.tsv"
"$generate" --rows "$proposals" --seed "$seed" --out "$proposals_csv" --calls "$data/calls.json" \
  --experts "$experts_tsv" --scores "$scores_csv"
score_rows=$((proposals * 9))
echo
echo "machine: $(nproc) cores, load average at start: $(load)"
echo "data: $proposals proposals, $score_rows score rows ($scores_csv, $(du -h "$scores_csv" | cut -f1)), seed $seed"

# ---- (d) set-up through cfp's commands (not timed) ---------------------------------------------
if ! "$cfp" import scores --help >/dev/null 2>&1; then
  fail "this cfp has no 'import scores' command, which the benchmark loads the scores with"
fi

# A database holding the call, the proposals and the experts: each run's starting point.
base="$data/evaluation-base.db"
remove_db "$base"
quietly "$cfp" --db "$base" import calls "$data/calls.json"
quietly env CFP_NOW="$before_cutoff" "$cfp" --db "$base" import proposals "$proposals_csv" --quiet
while IFS=$'\t' read -r name state organisation; do
  quietly "$cfp" --db "$base" expert add "$name" --state "$state" --organisation "$organisation" </dev/null
done < <(tail -n +2 "$experts_tsv")
check_count "$base" proposal "$proposals"

# fresh_cfp_db DB: a copy of the base database, made by cfp.
fresh_cfp_db() {
  remove_db "$1"
  quietly "$cfp" --db "$base" db backup "$1"
}

fresh_sqlite_db() {
  remove_db "$1"
  sqlite3 "$1" "$sqlite_schema"
}

# The ranking's database: the base with the scores and a few consensus scores.
ranked_db="$data/evaluation-ranked.db"
fresh_cfp_db "$ranked_db"
quietly "$cfp" --db "$ranked_db" import scores "$scores_csv" --quiet
check_count "$ranked_db" score "$score_rows"
consensus=0
for ((number = 500; number <= proposals; number += 500)); do
  points=$(((number / 500) % 11)) # half points, 0 to 10
  quietly "$cfp" --db "$ranked_db" consensus set "$(printf '%s/P%07d' "$call" "$number")" \
    "excellence=$((points / 2)).$((points % 2 * 5))"
  consensus=$((consensus + 1))
done
echo "set-up: $consensus consensus scores recorded on excellence"

rank_sqlite=(sqlite3 -readonly -bail -csv -header "$ranked_db" ".parameter set @call '$call'"
  ".parameter set @now '$CFP_NOW'" ".read $rank_sql")

# compare_rankings CFP-CSV SQLITE-CSV: the same rows in the same order, on every field the query
# gives (cfp's last field, reason, is its own; no field before it holds a comma).
compare_rankings() {
  local ours="$data/rank-cfp-fields.csv" theirs="$data/rank-sqlite-fields.csv"
  cut -d, -f1-11 "$1" | tr -d '\r' >"$ours"
  tr -d '\r' <"$2" >"$theirs"
  local rows_cfp rows_sqlite
  rows_cfp=$(($(wc -l <"$ours") - 1))
  rows_sqlite=$(($(wc -l <"$theirs") - 1))
  [ "$rows_cfp" = "$proposals" ] || fail "cfp rank gave $rows_cfp proposals, expected $proposals"
  [ "$rows_sqlite" = "$rows_cfp" ] || fail "cfp rank gave $rows_cfp proposals, the SQL query $rows_sqlite"
  if ! cmp -s <(cut -d, -f2 "$ours") <(cut -d, -f2 "$theirs"); then
    echo "evaluation_benchmark: error: cfp and the SQL query rank the proposals in different orders" \
      "(first differences of the acronyms, cfp < > sqlite3):" >&2
    diff <(cut -d, -f2 "$ours") <(cut -d, -f2 "$theirs") | head -20 >&2
    exit 1
  fi
  if ! cmp -s "$ours" "$theirs"; then
    echo "evaluation_benchmark: error: cfp and the SQL query rank in the same order but disagree on" \
      "fields (first differences, cfp < > sqlite3):" >&2
    diff "$ours" "$theirs" | head -20 >&2
    exit 1
  fi
}

# ---- (e) ranking: interleaved runs on the same database ----------------------------------------
rank_cfp_walls=() rank_cfp_cpus=() rank_cfp_rss=() rank_sqlite_walls=() rank_sqlite_cpus=()
rank_table_walls=() rank_loads=()
for run in $(seq 1 "$runs"); do
  timed "$data/rank-cfp.csv" "$cfp" --db "$ranked_db" rank "$call" --format csv
  rank_cfp_walls+=("$wall") rank_cfp_cpus+=("$cpu") rank_cfp_rss+=("$rss")
  rank_summary=$(cat "$data/err.txt")
  echo "run $run: cfp rank --format csv $wall s (cpu $cpu s = user $user + sys $sys; peak RSS $(mib "$rss") MiB)"

  timed "$data/rank-sqlite.csv" "${rank_sqlite[@]}"
  rank_sqlite_walls+=("$wall") rank_sqlite_cpus+=("$cpu")
  echo "run $run: sqlite3 ranking query $wall s (cpu $cpu s)"
  compare_rankings "$data/rank-cfp.csv" "$data/rank-sqlite.csv"

  if [ "$table" -eq 1 ]; then
    timed "$data/rank-cfp.txt" "$cfp" --db "$ranked_db" rank "$call"
    rank_table_walls+=("$wall")
    echo "run $run: cfp rank (table) $wall s (cpu $cpu s)"
  fi
  rank_loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done

# ---- (f) score import: interleaved runs, each into a fresh database ---------------------------
import_cfp_walls=() import_cfp_cpus=() import_cfp_users=() import_cfp_syss=() import_cfp_rss=()
import_sqlite_walls=() import_sqlite_cpus=() import_loads=()
for run in $(seq 1 "$runs"); do
  db="$data/evaluation-import.db"
  fresh_cfp_db "$db"
  timed "$data/out.txt" "$cfp" --db "$db" import scores "$scores_csv" --quiet
  check_count "$db" score "$score_rows"
  check_count "$db" evaluation "$((proposals * 3))"
  remove_db "$db"
  import_cfp_walls+=("$wall") import_cfp_cpus+=("$cpu") import_cfp_rss+=("$rss")
  import_cfp_users+=("$user") import_cfp_syss+=("$sys")
  echo "run $run: cfp import scores $wall s (cpu $cpu s = user $user + sys $sys; peak RSS $(mib "$rss") MiB)"

  db="$data/evaluation-sqlite.db"
  fresh_sqlite_db "$db"
  timed "$data/out.txt" sqlite3 "$db" -cmd '.mode csv' ".import --skip 1 $scores_csv score"
  check_count "$db" score "$score_rows"
  remove_db "$db"
  import_sqlite_walls+=("$wall") import_sqlite_cpus+=("$cpu")
  import_loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "run $run: sqlite3 .import $wall s (cpu $cpu s); load $(load)"
done

# ---- (g) the figures ---------------------------------------------------------------------------
rank_cfp_wall=$(median "${rank_cfp_walls[@]}")
rank_cfp_cpu=$(median "${rank_cfp_cpus[@]}")
rank_cfp_peak=$(printf '%s\n' "${rank_cfp_rss[@]}" | sort -n | tail -1)
rank_sqlite_wall=$(median "${rank_sqlite_walls[@]}")
rank_sqlite_cpu=$(median "${rank_sqlite_cpus[@]}")
rank_ratio=$(ratio "$rank_cfp_wall" "$rank_sqlite_wall")
rank_cpu_ratio=$(ratio "$rank_cfp_cpu" "$rank_sqlite_cpu")

import_cfp_wall=$(median "${import_cfp_walls[@]}")
import_cfp_cpu=$(median "${import_cfp_cpus[@]}")
import_cfp_peak=$(printf '%s\n' "${import_cfp_rss[@]}" | sort -n | tail -1)
import_sqlite_wall=$(median "${import_sqlite_walls[@]}")
import_sqlite_cpu=$(median "${import_sqlite_cpus[@]}")
import_ratio=$(ratio "$import_cfp_wall" "$import_sqlite_wall")
import_cpu_ratio=$(ratio "$import_cfp_cpu" "$import_sqlite_cpu")

echo
echo "== Evaluation benchmark: $proposals proposals, $score_rows score rows, $runs runs, $(nproc) cores =="
echo "ranking: $rank_summary"
echo "ranking: cfp and the SQL query agree on all $proposals rows (order and every field but reason)"
echo "cfp rank --format csv: median $rank_cfp_wall s (runs: ${rank_cfp_walls[*]}); cpu median $rank_cfp_cpu s;" \
  "peak RSS $(mib "$rank_cfp_peak") MiB"
if [ "$table" -eq 1 ]; then
  echo "cfp rank (table): median $(median "${rank_table_walls[@]}") s (runs: ${rank_table_walls[*]})"
fi
echo "sqlite3 ranking query: median $rank_sqlite_wall s (runs: ${rank_sqlite_walls[*]}); cpu median $rank_sqlite_cpu s"
echo "ranking ratio cfp/sqlite3: $rank_ratio (goal <= 2.0: $(verdict "$rank_ratio <= 2.0")); on cpu time: $rank_cpu_ratio"
echo "cfp import scores $score_rows rows: median $import_cfp_wall s (runs: ${import_cfp_walls[*]});" \
  "cpu median $import_cfp_cpu s (user $(median "${import_cfp_users[@]}") s, sys $(median "${import_cfp_syss[@]}") s)"
echo "sqlite3 .import $score_rows rows: median $import_sqlite_wall s (runs: ${import_sqlite_walls[*]}); cpu median $import_sqlite_cpu s"
echo "score import ratio cfp/sqlite3: $import_ratio (goal <= 3.0: $(verdict "$import_ratio <= 3.0")); on cpu time: $import_cpu_ratio"
echo "cfp import scores peak RSS: $(mib "$import_cfp_peak") MiB"
echo "load average (1 min) after each ranking run: ${rank_loads[*]}; after each import run: ${import_loads[*]}; now: $(load)"

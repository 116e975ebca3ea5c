#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Report benchmark: how long `cfp report deadlines --all --at WHEN --format csv` and
# `cfp report states --all --format csv` take over generated proposals spread over two calls of
# five cut-offs each, against the same aggregates written as SQL (tests/bench/report_deadlines.sql
# and tests/bench/report_states.sql) that the sqlite3 shell runs on the same cfp database file,
# with cfp's peak memory.
#
# Goal: each report cfp/sqlite3 <= 1.5 (medians of the runs, 100,000 proposals, 10 cut-offs).
#
# Usage: tests/bench/report_benchmark.sh [--runs N] [--proposals N] [--seed S]
#   --runs N        timed runs of each side of each report (default 5); the median counts
#   --proposals N   proposals, drafts included (default 100000)
#   --seed S        generator seed (default 20241104)
#
# Builds the release configuration (the `release` preset) into build/bench with the generator
# (cfp_generate) turned on, as tests/bench/import_benchmark.sh does. Data and the database go to
# build/bench/data. The database is set up through cfp's own commands (not timed), in the order
# of time: the two calls (cfp_generate --two-calls), then for each of the 10 cut-offs, half an
# hour before it closes, the import of the proposals submitted since the cut-off before (the
# drafts, one in 50, come with the first), and the withdrawal of every 200th proposal of those;
# last, after every cut-off, the 40 experts, three experts' scores of each submitted proposal of
# the first cut-off, and `cfp rank --apply` of that cut-off with a budget that selects some
# of them. The reports are taken at 2025-05-20T12:00:00Z, when 5 cut-offs are closed and 5 open.
# cfp's rows and those of the SQL must agree on every field the SQL gives (all of cfp's but
# closes_local, a wall time in the display zone), in the same order; the script fails loudly
# when they do not, or when the data lacks drafts, withdrawals, selected proposals or a cut-off
# without submissions.
# Wall times are taken with date +%s%N around /usr/bin/time; CPU times (user+sys) and peak RSS
# come from /usr/bin/time. On a loaded machine wall times are noisy: the load average is printed
# with the figures, and CPU times are printed too because they suffer less from it.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
proposals=100000
seed=20241104

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --proposals) proposals=$2; shift ;;
    --seed) seed=$2; shift ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "report_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
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
deadlines_sql="$PWD/tests/bench/report_deadlines.sql"
states_sql="$PWD/tests/bench/report_states.sql"

data="$PWD/$build/data"
mkdir -p "$data"
call=EUROHPC-2024-CEI-AI-01
ranked_cutoff=2024-11-04
# The budget of that ranking (EUR): about a tenth of what its proposals request (a tenth of the
# proposals, 150M EUR each on average).
ranked_budget=$((proposals * 1500000))
withdraw_every=200
at=2025-05-20T12:00:00Z
# After the last cut-off (2026-01-15 17:00 Brussels): scores, ranking and the reports.
export CFP_NOW=2026-02-01T00:00:00Z
export CFP_USER=bench
unset CFP_DB CFP_TZ

bench=report_benchmark
# shellcheck source=tests/bench/common.sh
. tests/bench/common.sh

# quietly COMMAND...: runs a set-up command, showing its output only when it fails.
quietly() {
  if ! "$@" >"$data/setup.txt" 2>&1; then
    echo "report_benchmark: error: $* failed:" >&2
    cat "$data/setup.txt" >&2
    exit 1
  fi
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# ms SECONDS: in milliseconds, one decimal.
ms() {
  awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'
}

# ---- (c) the data, generated once -------------------------------------------------------------
proposals_csv="$data/report-proposals-$proposals.csv"
scores_csv="$data/report-scores-$proposals.csv"
experts_tsv="$data/report-experts.tsv"
"$generate" --rows "$proposals" --seed "$seed" --out "$proposals_csv" --calls "$data/report-calls.json" \
  --two-calls --experts "$experts_tsv" --scores "$scores_csv"
echo
echo "machine: $(nproc) cores, load average at start: $(load)"
echo "data: $proposals proposals over 2 calls and 10 cut-offs ($proposals_csv, $(du -h "$proposals_csv" | cut -f1)), seed $seed"

# ---- (d) set-up through cfp's commands, in the order of time (not timed) -----------------------
db="$data/report.db"
remove_db "$db"
quietly env CFP_NOW=2024-09-01T00:00:00Z "$cfp" --db "$db" import calls "$data/report-calls.json"
phase_csv="$data/report-phase.csv"
since=""
withdrawn=0
setup_start=$(date +%s)
while read -r closes_at; do
  now=$(date -u -d "$closes_at - 30 minutes" +%Y-%m-%dT%H:%M:%SZ)
  # The proposals submitted in (since, now]; the drafts (no submission time) with the first.
  awk -F, -v since="$since" -v now="$now" \
    'NR == 1 || ($NF > since && $NF <= now) || (since == "" && $NF == "")' "$proposals_csv" >"$phase_csv"
  quietly env CFP_NOW="$now" "$cfp" --db "$db" import proposals "$phase_csv" --quiet
  while read -r ref; do
    quietly env CFP_NOW="$now" "$cfp" --db "$db" proposal withdraw "$ref" --reason "Merged with another proposal"
    withdrawn=$((withdrawn + 1))
  done < <(awk -F, -v every="$withdraw_every" \
    'NR > 1 && $(NF - 1) == "submitted" && substr($2, 2) % every == 0 { print $1 "/" $2 }' "$phase_csv")
  since=$now
done < <(sqlite3 -readonly "$db" 'SELECT DISTINCT closes_at FROM cutoff ORDER BY closes_at')
count=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM proposal')
[ "$count" = "$proposals" ] || fail "the database holds $count proposals, expected $proposals"

# The first cut-off's submitted proposals, scored by three experts each, and ranked.
while IFS=$'\t' read -r name state organisation; do
  quietly "$cfp" --db "$db" expert add "$name" --state "$state" --organisation "$organisation" </dev/null
done < <(tail -n +2 "$experts_tsv")
ranked_scores="$data/report-scores-ranked.csv"
awk -F, 'NR == FNR { keep[$1]; next } FNR == 1 || ($1 == "'"$call"'" && $2 in keep)' \
  <(sqlite3 -readonly "$db" "SELECT p.acronym FROM proposal p JOIN call c ON c.id = p.call_id
      JOIN cutoff k ON k.id = p.cutoff_id
      WHERE c.code = '$call' AND k.label = '$ranked_cutoff' AND p.status = 'submitted'") \
  "$scores_csv" >"$ranked_scores"
quietly "$cfp" --db "$db" import scores "$ranked_scores" --quiet
quietly "$cfp" --db "$db" rank "$call" --cutoff "$ranked_cutoff" --budget "$ranked_budget" --apply --format csv
echo "set-up: $(($(date +%s) - setup_start)) s; $withdrawn withdrawn; $(($(wc -l <"$ranked_scores") - 1)) score rows" \
  "for cut-off $ranked_cutoff of $call; rank --apply with a budget of $ranked_budget EUR:" \
  "$(grep -m1 'outcomes' "$data/setup.txt" || true)"

# ---- (e) the two sides of each report ----------------------------------------------------------
deadlines_cfp=("$cfp" --db "$db" report deadlines --all --at "$at" --format csv)
deadlines_sqlite=(sqlite3 -readonly -bail -csv -header "$db" ".parameter set @at '$at'" ".read $deadlines_sql")
states_cfp=("$cfp" --db "$db" report states --all --format csv)
states_sqlite=(sqlite3 -readonly -bail -csv -header "$db" ".read $states_sql")

# compare REPORT CFP-CSV SQLITE-CSV ROWS [CFP-FIELDS]: the same rows in the same order with the
# same fields (those of cfp's CSV that CFP-FIELDS, a cut -f list, keeps), ROWS of them.
compare() {
  local report=$1 ours="$data/$1-cfp-fields.csv" theirs="$data/$1-sqlite-fields.csv" rows_cfp rows_sqlite
  if [ -n "${5:-}" ]; then
    cut -d, -f"$5" "$2" | tr -d '\r' >"$ours"
  else
    tr -d '\r' <"$2" >"$ours"
  fi
  # The sqlite3 shell quotes a field with a space, cfp only one with a comma, quote or line
  # break; no field here holds those.
  tr -d '\r"' <"$3" >"$theirs"
  rows_cfp=$(($(wc -l <"$ours") - 1))
  rows_sqlite=$(($(wc -l <"$theirs") - 1))
  [ "$rows_cfp" = "$4" ] || fail "cfp report $report gave $rows_cfp rows, expected $4"
  [ "$rows_sqlite" = "$rows_cfp" ] || fail "cfp report $report gave $rows_cfp rows, the SQL $rows_sqlite"
  if ! cmp -s "$ours" "$theirs"; then
    echo "report_benchmark: error: cfp report $report and the SQL disagree (differences, cfp < > sqlite3):" >&2
    diff "$ours" "$theirs" | head -40 >&2
    exit 1
  fi
}

# column CSV NAME: the values of a column (found by its header) of a CSV without quoted commas.
column() {
  tr -d '\r' <"$1" | awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $c }'
}

# sum CSV NAME: the sum of a column.
sum() {
  column "$1" "$2" | awk '{ s += $1 } END { print s + 0 }'
}

# check_data DEADLINES-CSV STATES-CSV: what the data must hold for the comparison to mean something.
check_data() {
  local submitted drafts gone selected
  submitted=$(sum "$1" submitted) drafts=$(sum "$1" drafts) gone=$(sum "$1" withdrawn)
  [ $((submitted + drafts + gone)) = "$proposals" ] ||
    fail "report deadlines counts $submitted submitted, $drafts drafts and $gone withdrawn, not $proposals proposals"
  [ "$gone" = "$withdrawn" ] || fail "report deadlines counts $gone withdrawn, the set-up withdrew $withdrawn"
  [ "$drafts" -gt 0 ] || fail "the data holds no drafts"
  [ "$gone" -gt 0 ] || fail "the data holds no withdrawn proposals"
  if column "$1" submitted | grep -qx 0; then
    fail "a cut-off has no submitted proposals"
  fi
  column "$1" status | grep -qx open || fail "no cut-off is open at $at"
  column "$1" status | grep -qx closed || fail "no cut-off is closed at $at"
  selected=$(sum "$2" selected)
  [ "$selected" -gt 0 ] || fail "report states counts no selected proposals"
  [ "$(sum "$2" hosted)" = "$submitted" ] || fail "report states counts $(sum "$2" hosted) hosted, not $submitted"
  [ "$(sum "$2" drafts)" = "$drafts" ] || fail "report states counts $(sum "$2" drafts) drafts, not $drafts"
  summary="$submitted submitted, $drafts drafts, $gone withdrawn; $selected selected"
}

states=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM state')
cutoffs=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM cutoff')

# ---- (f) interleaved runs on the same database -------------------------------------------------
d_cfp_walls=() d_cfp_cpus=() d_cfp_rss=() d_sqlite_walls=() d_sqlite_cpus=()
s_cfp_walls=() s_cfp_cpus=() s_cfp_rss=() s_sqlite_walls=() s_sqlite_cpus=() loads=()
for run in $(seq 1 "$runs"); do
  timed "$data/deadlines-cfp.csv" "${deadlines_cfp[@]}"
  d_cfp_walls+=("$wall") d_cfp_cpus+=("$cpu") d_cfp_rss+=("$rss")
  echo "run $run: cfp report deadlines $(ms "$wall") ms (cpu $(ms "$cpu") ms = user $user + sys $sys s;" \
    "peak RSS $(mib "$rss") MiB)"
  timed "$data/deadlines-sqlite.csv" "${deadlines_sqlite[@]}"
  d_sqlite_walls+=("$wall") d_sqlite_cpus+=("$cpu")
  echo "run $run: sqlite3 report_deadlines.sql $(ms "$wall") ms (cpu $(ms "$cpu") ms)"
  compare deadlines "$data/deadlines-cfp.csv" "$data/deadlines-sqlite.csv" "$cutoffs" 1,2,4-

  timed "$data/states-cfp.csv" "${states_cfp[@]}"
  s_cfp_walls+=("$wall") s_cfp_cpus+=("$cpu") s_cfp_rss+=("$rss")
  echo "run $run: cfp report states $(ms "$wall") ms (cpu $(ms "$cpu") ms = user $user + sys $sys s;" \
    "peak RSS $(mib "$rss") MiB)"
  timed "$data/states-sqlite.csv" "${states_sqlite[@]}"
  s_sqlite_walls+=("$wall") s_sqlite_cpus+=("$cpu")
  echo "run $run: sqlite3 report_states.sql $(ms "$wall") ms (cpu $(ms "$cpu") ms); load $(load)"
  compare states "$data/states-cfp.csv" "$data/states-sqlite.csv" "$states"
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done
check_data "$data/deadlines-cfp.csv" "$data/states-cfp.csv"

# ---- (g) the figures ---------------------------------------------------------------------------
# figures REPORT PREFIX: the medians and the ratio of a report, from the arrays PREFIX_cfp_walls,
# PREFIX_sqlite_walls, PREFIX_cfp_cpus, PREFIX_sqlite_cpus and PREFIX_cfp_rss.
figures() {
  local -n cfp_walls="$2_cfp_walls" sqlite_walls="$2_sqlite_walls" cfp_cpus="$2_cfp_cpus"
  local -n sqlite_cpus="$2_sqlite_cpus" cfp_rss="$2_cfp_rss"
  local cfp_wall sqlite_wall cfp_cpu sqlite_cpu peak wall_ratio cpu_ratio
  cfp_wall=$(median "${cfp_walls[@]}") sqlite_wall=$(median "${sqlite_walls[@]}")
  cfp_cpu=$(median "${cfp_cpus[@]}") sqlite_cpu=$(median "${sqlite_cpus[@]}")
  peak=$(printf '%s\n' "${cfp_rss[@]}" | sort -n | tail -1)
  wall_ratio=$(ratio "$cfp_wall" "$sqlite_wall")
  cpu_ratio=$(ratio "$cfp_cpu" "$sqlite_cpu")
  echo "cfp report $1: median $(ms "$cfp_wall") ms (runs, s: ${cfp_walls[*]}); cpu median $(ms "$cfp_cpu") ms;" \
    "peak RSS $(mib "$peak") MiB"
  echo "sqlite3 report_$1.sql: median $(ms "$sqlite_wall") ms (runs, s: ${sqlite_walls[*]});" \
    "cpu median $(ms "$sqlite_cpu") ms"
  echo "$1 ratio cfp/sqlite3: $wall_ratio (goal <= 1.5: goal $(verdict "$wall_ratio <= 1.5")); on cpu time: $cpu_ratio"
}

echo
echo "== Report benchmark: $proposals proposals, 2 calls, $cutoffs cut-offs, $runs runs, $(nproc) cores =="
echo "data: $summary; reports at $at"
echo "deadlines: cfp and the SQL agree on all $cutoffs rows (order and every field but closes_local)"
echo "states: cfp and the SQL agree on all $states rows (order and every field)"
figures deadlines d
figures states s
echo "load average (1 min) after each run: ${loads[*]}; now: $(load)"

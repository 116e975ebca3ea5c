#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Speed benchmark (issue 11): cfp's import, listings, exports, reports, ranking and point commands
# against the sqlite3 shell doing the same work on the same database file, at 10,000, 100,000
# and 1,000,000 proposals, with cfp's peak memory and how each command grows with the rows.
#
# Goals: listing and export cfp/sqlite3 <= 1.5 and every listing < 32 MiB peak RSS (judged at
# every size: a listing over 32 MiB at 100,000 rows will not be under it at 1,000,000); import
# <= 2.0 (at the very least 3.0); point commands (start-up included) <= 1.5; each command's time
# per row about constant from size to size (a per-row cost that grows more than 1.5 times from
# one size to the next is flagged as not linear; a point command's time per call likewise).
#
# Usage: tests/bench/speed_benchmark.sh [--sizes N,N...] [--runs N] [--seed S] [--batch N]
#                                       [--data DIR] [--jobs N] [--quick]
#   --sizes N,N...  proposals of each data set (default 10000,100000,1000000)
#   --runs N        timed runs of each side of each comparison (default 5 up to 100,000
#                   proposals, 3 above); the median counts
#   --seed S        generator seed (default 20241104)
#   --batch N       calls of a point command timed together as one sample (default 50)
#   --data DIR      where data and databases go (default build/bench/data/speed); the large
#                   files are deleted after each size
#   --jobs N        parallel jobs of the build (default 2)
#   --quick         a smoke run: --sizes 10000 --runs 3
#
# Builds the release configuration (the `release` preset) into build/bench with the generator
# (cfp_generate) turned on, as tests/bench/import_benchmark.sh does (through ccache when it is
# installed). For each size it generates the proposals (cfp_generate: one call of two cut-offs,
# every proposal submitted before the first), 40 experts and their scores, then:
#   1. import: `cfp import proposals FILE --quiet` into a fresh database holding the call
#      (CFP_NOW=2024-10-20T00:00:00Z, before the first cut-off) against `sqlite3 .import --skip 1`
#      of the same file into one table with UNIQUE (call, acronym), each into a fresh file.
#   2. the database every other comparison reads, set up through cfp's own commands (not timed)
#      at CFP_NOW=2024-11-10T00:00:00Z, after the first cut-off: the call, the proposals imported
#      with --historical (an audit entry each, so that the log holds as many entries as there are
#      proposals), the experts, the scores of one proposal in 10 (three experts, three criteria),
#      and one proposal of the open cut-off updated once per 1,000 proposals (its history).
#   3. listings, each against the same rows as CSV from the sqlite3 shell on that file (a query
#      in this script; the reports' and the ranking's from tests/bench/report_*.sql and
#      evaluation_rank.sql): `proposal list` (table), `proposal list --format csv`,
#      `export proposals`, `log --limit 999999999` (table and CSV), `proposal history REF
#      --format csv`, `report deadlines --all`, `report states --all`, `rank CALL` (CSV), and
#      `report calls` (CSV) alone. Every output goes to a file; its lines are counted and the
#      script fails when a side gives the wrong number of rows. On the first run the CSV of
#      each side is also compared (quotes aside, and the fields the SQL gives); a difference is
#      reported as a warning, since it makes that comparison unfair, not the run wrong.
#   4. point commands, start-up included, a batch of --batch calls a sample (a bash script of
#      one call a line), reported per call: `proposal show CALL/ACRONYM` (refs spread over the
#      file) against a point query of the same columns; `deadline list` against a query of the
#      cut-offs; `proposal add` against an INSERT of the same row with its partner and sector
#      rows in one transaction (foreign keys on). The adds go into the size's database after
#      every other measurement, just before it is deleted. Peak RSS is that of the largest call.
# Every comparison runs interleaved, pair by pair: cfp, sqlite3, cfp, sqlite3 ...
# Wall times are taken with date +%s%N around /usr/bin/time; CPU times (user+sys) and peak RSS
# come from /usr/bin/time. On a loaded machine wall times are noisy: the load average is printed
# with the figures, and the ratio of CPU times is printed too because it suffers less from it.
# The tables are Markdown. The script fails only when a command fails or gives the wrong number
# of rows, never on a MISSED goal.
#
# Duration, measured when this script was written on a 2-core machine shared with three builds
# (load average 5 to 8: each benchmark process had about half a core, its wall time twice its CPU
# time): the default run 38 minutes (user+sys 19 minutes, so about 20 on a quiet machine), of
# which 1,000,000 proposals 32 (set-up 6, the three imports 8, the listings about 17); --sizes
# 10000,100000 5 minutes; --quick half a minute. The 1,000,000-proposal database takes 1.6 GB,
# and `rank` and the tables of `proposal list` and `log` then use up to 4 GiB of memory.
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=10000,100000,1000000
runs=""
seed=20241104
batch=50
data=""
jobs=2

while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift ;;
    --runs) runs=$2; shift ;;
    --seed) seed=$2; shift ;;
    --batch) batch=$2; shift ;;
    --data) data=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --quick) sizes=10000 runs=3 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "speed_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

bench=speed_benchmark
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}" "${runs:-1}" "$batch" "$seed" "$jobs"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "$bench: '$n' is not a whole number (try --help)" >&2; exit 2; }
done
for n in "${size_list[@]}"; do
  ((n >= 10 && n <= 9999999)) || { echo "$bench: a size is 10 to 9999999 proposals, not $n" >&2; exit 2; }
done
((${runs:-1} >= 1 && batch >= 1)) || { echo "$bench: --runs and --batch are 1 or more" >&2; exit 2; }

# ---- (a) packages: the build's own, plus the sqlite3 shell and GNU time ----------------------
scripts/install-deps.sh sqlite3 time

# ---- (b) build: release cfp and the generator -------------------------------------------------
build=build/bench
launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=)
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset release -B "$build" -DCFP_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
cmake --build "$build" --target cfp cfp_generate -j "$jobs"
cfp="$PWD/$build/app/cfp"
generate="$PWD/$build/tests/bench/cfp_generate"
deadlines_sql="$PWD/tests/bench/report_deadlines.sql"
states_sql="$PWD/tests/bench/report_states.sql"
rank_sql="$PWD/tests/bench/evaluation_rank.sql"

data=${data:-$PWD/$build/data/speed}
mkdir -p "$data"
data=$(cd "$data" && pwd)
# shellcheck source=tests/bench/common.sh
. tests/bench/common.sh

call=EUROHPC-2024-CEI-AI-01
import_now=2024-10-20T00:00:00Z  # before the first cut-off: an ordinary import
listing_now=2024-11-10T00:00:00Z # after it: the historical import, the scores, the ranking
open_cutoff=2025-02-01           # where a proposal added at listing_now goes
scored_every=10                  # one proposal in 10 is scored
history_every=1000               # the history proposal: one version a 1,000 proposals
export CFP_USER=bench
unset CFP_DB CFP_TZ

# Every file the script makes in $data (and only those: --data may name a folder with others),
# removed when it stops, however it stops.
cleanup() {
  local db
  for db in import-cfp import-sqlite speed; do
    remove_db "$data/$db.db"
  done
  rm -f "$data"/proposals-*.csv "$data"/scores-*.csv "$data"/rows-cfp.csv "$data"/rows-sqlite.csv \
    "$data"/out-cfp.txt "$data"/out-sqlite.txt "$data"/batch-cfp.sh "$data"/batch-sqlite.sh \
    "$data"/calls.json "$data"/experts.tsv "$data"/setup.txt "$data"/time.txt "$data"/err.txt
}
trap cleanup EXIT

# ---- (c) what the two sides run ---------------------------------------------------------------
# The sqlite3 side of the import: the 13 transfer columns and the key cfp enforces.
import_schema='CREATE TABLE proposal (
  call TEXT, acronym TEXT, title TEXT, host TEXT, partners TEXT, entity TEXT, plan TEXT,
  experimental_platform TEXT, eu_contribution_eur TEXT, national_contribution_eur TEXT,
  sectors TEXT, status TEXT, submitted_at TEXT, UNIQUE (call, acronym));'

# The parts of a proposal's row as cfp's CSV writes them: lists joined with ';', money as euros
# with two decimals, flags true or false. The joins are those of the store's list: calls by
# code, each call's proposals by acronym (the index). cfp writes the sectors in their positions'
# order, which it restores in C++ from the key order the store reads them in; the timed SQL
# reads them as the store does (by name), since sorting them in SQL (a join and a sort a row)
# costs the sqlite3 shell a third more and is not the limit that counts. The rows are checked
# against the query that orders them (sectors_ordered), untimed.
partners_csv="(SELECT group_concat(state_code, ';') FROM proposal_partner WHERE proposal_id = p.id)"
sectors_csv="(SELECT group_concat(sector, ';') FROM proposal_sector WHERE proposal_id = p.id)"
sectors_ordered="(SELECT group_concat(sector, ';') FROM (SELECT ps.sector FROM proposal_sector ps
  JOIN sector s ON s.name = ps.sector WHERE ps.proposal_id = p.id ORDER BY s.position))"
euros() {
  echo "iif($1 IS NULL, NULL, printf('%d.%02d', $1 / 100, $1 % 100))"
}
proposal_from="FROM call c CROSS JOIN proposal p ON p.call_id = c.id LEFT JOIN cutoff k ON k.id = p.cutoff_id"
# proposal_columns SECTORS: the columns of `proposal list --format csv` (and `proposal show`).
proposal_columns() {
  echo "p.id, c.code AS call, p.acronym, p.title, p.host, $partners_csv AS partners, p.entity,
  p.plan, iif(p.experimental_platform, 'true', 'false') AS experimental_platform,
  $(euros p.eu_contribution_cents) AS eu_contribution_eur,
  $(euros p.national_contribution_cents) AS national_contribution_eur, $1 AS sectors,
  p.status, k.label AS cutoff, k.closes_at AS cutoff_closes_at, p.submitted_at, p.version,
  p.withdrawal_reason, p.outcome"
}
list_csv_sql="SELECT $(proposal_columns "$sectors_csv") $proposal_from ORDER BY c.code, p.acronym;"
list_csv_check="SELECT $(proposal_columns "$sectors_ordered") $proposal_from ORDER BY c.code, p.acronym;"
# The columns of the `proposal list` table, as CSV.
list_table_sql="SELECT p.id, c.code, p.acronym, p.host,
  (SELECT group_concat(state_code, ',') FROM proposal_partner WHERE proposal_id = p.id) AS partners,
  p.entity, p.plan, p.status, k.label AS cutoff, $(euros p.eu_contribution_cents) AS eu_eur
  $proposal_from ORDER BY c.code, p.acronym;"
# export_columns SECTORS: the columns of `export proposals`.
export_columns() {
  echo "c.code AS call, p.acronym, p.title, p.host, $partners_csv AS partners, p.entity, p.plan,
  iif(p.experimental_platform, 'true', 'false') AS experimental_platform,
  $(euros p.eu_contribution_cents) AS eu_contribution_eur,
  $(euros p.national_contribution_cents) AS national_contribution_eur, $1 AS sectors,
  p.status, p.submitted_at, p.withdrawal_reason"
}
export_sql="SELECT $(export_columns "$sectors_csv") $proposal_from ORDER BY c.code, p.acronym;"
export_check="SELECT $(export_columns "$sectors_ordered") $proposal_from ORDER BY c.code, p.acronym;"
# The audit log newest first: the table's columns, and the CSV's.
log_table_sql="SELECT at, actor, action, entity, command FROM audit ORDER BY id DESC;"
log_csv_sql="SELECT at, actor, command, entity, action, before, after, real_at,
  iif(simulated, 'true', 'false') AS simulated FROM audit ORDER BY id DESC;"
# history_sql ACRONYM: every version of a proposal, oldest first, with the columns of
# `proposal history --format csv` but its last (sha256): the earlier versions from their
# snapshots, the current one from the proposal's row.
history_sql() {
  local key="c.code = '$call' AND p.acronym = '$1'" j="json_extract(v.snapshot"
  echo "SELECT v.recorded_at, v.recorded_by, v.recorded_real_at,
    iif(v.recorded_simulated, 'true', 'false') AS simulated, $j, '\$.id') AS id, $j, '\$.call') AS call,
    $j, '\$.acronym') AS acronym, $j, '\$.title') AS title, $j, '\$.host') AS host,
    (SELECT group_concat(value, ';') FROM json_each(v.snapshot, '\$.partners')) AS partners,
    $j, '\$.entity') AS entity, $j, '\$.plan') AS plan,
    iif($j, '\$.experimental_platform'), 'true', 'false') AS experimental_platform,
    $j, '\$.eu_contribution_eur') AS eu_contribution_eur,
    $j, '\$.national_contribution_eur') AS national_contribution_eur,
    (SELECT group_concat(value, ';') FROM json_each(v.snapshot, '\$.sectors')) AS sectors,
    $j, '\$.status') AS status, $j, '\$.cutoff') AS cutoff, $j, '\$.cutoff_closes_at') AS cutoff_closes_at,
    $j, '\$.submitted_at') AS submitted_at, v.version AS version, $j, '\$.withdrawal_reason') AS withdrawal_reason
  FROM proposal_version v
  WHERE v.proposal_id = (SELECT p.id FROM call c JOIN proposal p ON p.call_id = c.id WHERE $key)
  UNION ALL
  SELECT p.updated_at, p.updated_by, p.updated_real_at, iif(p.updated_simulated, 'true', 'false'),
    p.id, c.code, p.acronym, p.title, p.host, $partners_csv, p.entity, p.plan,
    iif(p.experimental_platform, 'true', 'false'), $(euros p.eu_contribution_cents),
    $(euros p.national_contribution_cents), $sectors_ordered, p.status, k.label, k.closes_at,
    p.submitted_at, p.version, p.withdrawal_reason
  $proposal_from WHERE $key
  ORDER BY version;"
}
# The cut-offs as `deadline list --format csv` shows them, but the display zone's wall time and
# the time left.
deadlines_sql_point="SELECT c.code AS call, k.label, k.closes_at, k.closes_at > '$listing_now' AS open,
  k.wall_time AS legal_wall_time, k.zone AS legal_zone
  FROM cutoff k JOIN call c ON c.id = k.call_id ORDER BY k.closes_at, c.code, k.label;"
# show_sql ACRONYM: one proposal, the columns of `proposal show`.
show_sql() {
  echo "SELECT $(proposal_columns "$sectors_ordered") $proposal_from WHERE c.code = '$call' AND p.acronym = '$1';"
}
# add_sql ACRONYM: what `proposal add` of the batch records, as one transaction.
add_sql() {
  echo "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE;
  INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform,
    eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, version,
    created_at, updated_at, updated_by, updated_real_at, updated_simulated)
  SELECT c.id, '$1', 'Benchmark proposal $1', 'ES', 'Barcelona Supercomputing Center', 'upgrade', 1,
    48500000000, 12000000000, 'submitted', k.id, '$listing_now', 1, '$listing_now', '$listing_now',
    'bench', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1
  FROM call c JOIN cutoff k ON k.call_id = c.id WHERE c.code = '$call' AND k.label = '$open_cutoff';
  INSERT INTO proposal_partner (proposal_id, state_code)
    SELECT last_insert_rowid(), column1 FROM (VALUES ('DE'), ('FR'), ('IT'));
  INSERT INTO proposal_sector (proposal_id, sector)
    SELECT p.id, column1 FROM proposal p, (VALUES ('health'), ('space'))
    WHERE p.call_id = (SELECT id FROM call WHERE code = '$call') AND p.acronym = '$1';
  COMMIT;"
}

# The comparisons, by name, in the order they run.
import_keys=("import proposals")
listing_keys=("proposal list" "proposal list --format csv" "export proposals" "log (every entry)"
  "log --format csv (every entry)" "proposal history --format csv" "report deadlines --all --format csv"
  "report states --all --format csv" "report calls --format csv" "rank CALL --format csv")
point_keys=("proposal show" "deadline list" "proposal add")
all_keys=("${import_keys[@]}" "${listing_keys[@]}" "${point_keys[@]}")
declare -A kind
for key in "${import_keys[@]}"; do kind[$key]=import; done
for key in "${listing_keys[@]}"; do kind[$key]=listing; done
for key in "${point_keys[@]}"; do kind[$key]=point; done

# listing KEY: sets cfp_cmd and sqlite_cmd (empty: no SQL to compare with), the lines each
# must print (rows and header), fields: the cut -f list of cfp's CSV that the SQL gives ("" for
# all, "-" when the outputs cannot be compared, as a table against CSV), and check_cmd: the
# query cfp's rows are checked against when it is not the timed one.
listing() {
  local ro=(sqlite3 -readonly -bail -csv -header "$db")
  sqlite_cmd=() check_cmd=() fields=""
  case $1 in
    "proposal list")
      cfp_cmd=("$cfp" --db "$db" proposal list) sqlite_cmd=("${ro[@]}" "$list_table_sql")
      lines=$((proposals_in_db + 1)) fields=- ;;
    "proposal list --format csv")
      cfp_cmd=("$cfp" --db "$db" proposal list --format csv) sqlite_cmd=("${ro[@]}" "$list_csv_sql")
      check_cmd=("${ro[@]}" "$list_csv_check") lines=$((proposals_in_db + 1)) ;;
    "export proposals")
      cfp_cmd=("$cfp" --db "$db" export proposals) sqlite_cmd=("${ro[@]}" "$export_sql")
      check_cmd=("${ro[@]}" "$export_check") lines=$((proposals_in_db + 1)) ;;
    "log (every entry)")
      cfp_cmd=("$cfp" --db "$db" log --limit 999999999) sqlite_cmd=("${ro[@]}" "$log_table_sql")
      lines=$((audit_entries + 1)) fields=- ;;
    "log --format csv (every entry)")
      cfp_cmd=("$cfp" --db "$db" log --limit 999999999 --format csv) sqlite_cmd=("${ro[@]}" "$log_csv_sql")
      lines=$((audit_entries + 1)) ;;
    "proposal history --format csv")
      cfp_cmd=("$cfp" --db "$db" proposal history "$call/HISTORY" --format csv)
      sqlite_cmd=("${ro[@]}" "$(history_sql HISTORY)")
      lines=$((versions + 1)) fields=1-22 ;;
    "report deadlines --all --format csv")
      cfp_cmd=("$cfp" --db "$db" report deadlines --all --at "$listing_now" --format csv)
      sqlite_cmd=("${ro[@]}" ".parameter set @at '$listing_now'" ".read $deadlines_sql")
      lines=$((cutoffs + 1)) fields=1,2,4- ;;
    "report states --all --format csv")
      cfp_cmd=("$cfp" --db "$db" report states --all --format csv) sqlite_cmd=("${ro[@]}" ".read $states_sql")
      lines=$((states + 1)) ;;
    "report calls --format csv")
      cfp_cmd=("$cfp" --db "$db" report calls --at "$listing_now" --format csv)
      lines=2 ;;
    "rank CALL --format csv")
      cfp_cmd=("$cfp" --db "$db" rank "$call" --format csv)
      sqlite_cmd=("${ro[@]}" ".parameter set @call '$call'" ".parameter set @now '$listing_now'" ".read $rank_sql")
      lines=$((size + 1)) fields=1-11 ;;
    *) fail "no listing named $1" ;;
  esac
}

# script FILE COMMAND...: appends the command, quoted, as a line of FILE.
script() {
  local file=$1
  shift
  printf '%q ' "$@" >>"$file"
  echo >>"$file"
}

# point KEY RUN: writes the batch of each side of a point command, $data/batch-cfp.sh and
# $data/batch-sqlite.sh, one call a line (the adds of each run have acronyms of their own).
point() {
  local i number acronym
  printf 'set -e\n' >"$data/batch-cfp.sh"
  printf 'set -e\n' >"$data/batch-sqlite.sh"
  for ((i = 1; i <= batch; i++)); do
    case $1 in
      "proposal show")
        number=$(((i * size - 1) / batch + 1))
        acronym=$(printf 'P%07d' "$number")
        script "$data/batch-cfp.sh" "$cfp" --db "$db" proposal show "$call/$acronym"
        script "$data/batch-sqlite.sh" sqlite3 -readonly -bail -csv -header "$db" "$(show_sql "$acronym")" ;;
      "deadline list")
        script "$data/batch-cfp.sh" "$cfp" --db "$db" deadline list
        script "$data/batch-sqlite.sh" sqlite3 -readonly -bail -csv -header "$db" "$deadlines_sql_point" ;;
      "proposal add")
        script "$data/batch-cfp.sh" "$cfp" --db "$db" proposal add --call "$call" --acronym "C-$2-$i" \
          --title "Benchmark proposal C-$2-$i" --host ES --partner DE,FR,IT --entity "Barcelona Supercomputing Center" \
          --plan upgrade --experimental-platform --eu-contribution 485M --national-contribution 120M --sector health,space
        script "$data/batch-sqlite.sh" sqlite3 -bail "$db" "$(add_sql "S-$2-$i")" ;;
      *) fail "no point command named $1" ;;
    esac
  done
}

# lines_of FILE: its lines.
lines_of() {
  wc -l <"$1" | tr -d ' '
}

# check_lines WHAT FILE N: the output has N lines (its rows and a header).
check_lines() {
  local got
  got=$(lines_of "$2")
  [ "$got" = "$3" ] || fail "$1 printed $got lines, expected $3 (rows and header)"
}

# same_rows KEY CFP-OUT SQLITE-OUT FIELDS: whether the two sides wrote the same rows (quotes and
# carriage returns aside: the sqlite3 shell quotes a field with a space, cfp only one with a
# comma, a quote or a line break); a warning when not.
differing=()
same_rows() {
  local ours="$data/rows-cfp.csv" theirs="$data/rows-sqlite.csv"
  [ "$4" = - ] && return 0
  if [ -n "$4" ]; then
    cut -d, -f"$4" "$2" | tr -d '\r"' >"$ours"
  else
    tr -d '\r"' <"$2" >"$ours"
  fi
  tr -d '\r"' <"$3" >"$theirs"
  if ! cmp -s "$ours" "$theirs"; then
    echo "$bench: warning: cfp $1 and the SQL write different rows at $size proposals; the comparison" \
      "is not of the same work (first differences, cfp < > sqlite3):" >&2
    diff "$ours" "$theirs" | head -6 | cut -c1-300 >&2
    differing+=("$1 at $size")
  fi
  rm -f "$ours" "$theirs"
}

# Each sample of the current size, by side and command: walls, cpus (lists), and peak RSS (KiB).
declare -A walls cpus peaks
# record SIDE KEY DIVISOR: adds the last timed run (wall and cpu divided by DIVISOR: the calls
# of a batch).
record() {
  local w c
  w=$(awk -v x="$wall" -v d="$3" 'BEGIN { printf "%.6f", x / d }')
  c=$(awk -v x="$cpu" -v d="$3" 'BEGIN { printf "%.6f", x / d }')
  walls[$1|$2]="${walls[$1|$2]:-} $w"
  cpus[$1|$2]="${cpus[$1|$2]:-} $c"
  if [ "${peaks[$1|$2]:-0}" -lt "$rss" ]; then
    peaks[$1|$2]=$rss
  fi
}

# say SIDE KEY: the last sample, for the progress lines.
say() {
  echo "  run $run: $1 $2: $(span "$wall") (cpu $(span "$cpu"); peak RSS $(mib "$rss") MiB)"
}

# span SECONDS: "1.53 s", or "12.3 ms" under a second.
span() {
  awk -v s="$1" 'BEGIN { if (s >= 1) printf "%.2f s", s; else printf "%.1f ms", s * 1000 }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# label N: 10000 -> 10k, 1000000 -> 1M.
label() {
  awk -v n="$1" 'BEGIN { if (n % 1000000 == 0) printf "%dM", n / 1000000;
    else if (n % 1000 == 0) printf "%dk", n / 1000; else printf "%d", n }'
}

# The figures of every size, by "KEY|SIZE": medians (s; per call for point commands), cpu
# ratio, peak RSS (KiB), verdict.
declare -A r_cfp r_sqlite r_cpu_ratio r_rss r_verdict r_goal

# summarise: the medians and verdicts of the current size.
summarise() {
  local key cfp_wall sqlite_wall cfp_cpu sqlite_cpu rss_kib ratio_wall slow heavy goal verdict
  for key in "${all_keys[@]}"; do
    [ -n "${walls[cfp|$key]:-}" ] || continue
    # shellcheck disable=SC2086 # the lists are numbers separated by spaces
    cfp_wall=$(median ${walls[cfp|$key]}) cfp_cpu=$(median ${cpus[cfp|$key]})
    rss_kib=${peaks[cfp|$key]}
    sqlite_wall="" ratio_wall="" r_cpu_ratio[$key|$size]=""
    if [ -n "${walls[sqlite|$key]:-}" ]; then
      # shellcheck disable=SC2086
      sqlite_wall=$(median ${walls[sqlite|$key]}) sqlite_cpu=$(median ${cpus[sqlite|$key]})
      ratio_wall=$(ratio "$cfp_wall" "$sqlite_wall")
      # /usr/bin/time counts CPU in hundredths of a second: none is too little to divide by.
      if awk "BEGIN { exit !($sqlite_cpu > 0) }"; then
        r_cpu_ratio[$key|$size]=$(ratio "$cfp_cpu" "$sqlite_cpu")
      fi
    fi
    case ${kind[$key]} in
      import)
        goal="<= 2.0x (floor 3.0x)"
        if awk "BEGIN { exit !($ratio_wall <= 2.0) }"; then
          verdict=met
        elif awk "BEGIN { exit !($ratio_wall <= 3.0) }"; then
          verdict="MISSED (floor met)"
        else
          verdict=MISSED
        fi ;;
      listing)
        heavy=$(verdict "$rss_kib < 32 * 1024")
        if [ -n "$ratio_wall" ]; then
          goal="<= 1.5x, < 32 MiB"
          slow=$(verdict "$ratio_wall <= 1.5")
          case $slow/$heavy in
            met/met) verdict=met ;;
            MISSED/met) verdict="MISSED (time)" ;;
            met/MISSED) verdict="MISSED (memory)" ;;
            *) verdict="MISSED (time, memory)" ;;
          esac
        else
          goal="< 32 MiB" verdict=$heavy
          [ "$heavy" = met ] || verdict="MISSED (memory)"
        fi ;;
      point)
        goal="<= 1.5x"
        verdict=$(verdict "$ratio_wall <= 1.5") ;;
    esac
    r_cfp[$key|$size]=$cfp_wall r_sqlite[$key|$size]=$sqlite_wall r_rss[$key|$size]=$rss_kib
    r_goal[$key]=$goal r_verdict[$key|$size]=$verdict
  done
}

# cell WIDTH TEXT: a Markdown cell.
cell() {
  printf '| %-*s ' "$1" "$2"
}

# size_table: the table of the current size.
size_table() {
  local key name cfp_text sqlite_text ratio_text
  echo
  echo "== $(label "$size") proposals ($size), $size_runs runs, batches of $batch point calls; load average now $(load) =="
  echo
  cell 38 command; cell 10 "cfp median"; cell 14 "sqlite3 median"; cell 6 ratio; cell 9 "cpu ratio"
  cell 18 "cfp peak RSS (MiB)"
  cell 21 goal; cell 22 "met/MISSED"; echo "|"
  cell 38 ---; cell 10 ---; cell 14 ---; cell 6 ---; cell 9 ---; cell 18 ---; cell 21 ---; cell 22 ---; echo "|"
  for key in "${all_keys[@]}"; do
    [ -n "${r_cfp[$key|$size]:-}" ] || continue
    name=$key
    [ "${kind[$key]}" = point ] && name="$key (per call)"
    cfp_text=$(span "${r_cfp[$key|$size]}")
    sqlite_text=- ratio_text=-
    if [ -n "${r_sqlite[$key|$size]}" ]; then
      sqlite_text=$(span "${r_sqlite[$key|$size]}")
      ratio_text=$(ratio "${r_cfp[$key|$size]}" "${r_sqlite[$key|$size]}")
    fi
    cell 38 "$name"; cell 10 "$cfp_text"; cell 14 "$sqlite_text"; cell 6 "$ratio_text"
    cell 9 "${r_cpu_ratio[$key|$size]:--}"; cell 18 "$(mib "${r_rss[$key|$size]}")"; cell 21 "${r_goal[$key]}"
    cell 22 "${r_verdict[$key|$size]}"; echo "|"
  done
}

# per KEY SIZE SIDE: the side's median in ms per 1,000 proposals (point commands: per call).
per() {
  local seconds
  if [ "$3" = cfp ]; then seconds=${r_cfp[$1|$2]}; else seconds=${r_sqlite[$1|$2]}; fi
  if [ "${kind[$1]}" = point ]; then
    awk -v t="$seconds" 'BEGIN { printf "%.2f", t * 1000 }'
  else
    awk -v t="$seconds" -v n="$2" 'BEGIN { printf "%.2f", t * 1000 / (n / 1000) }'
  fi
}

# growth_table: each command's time per 1,000 proposals (point commands: per call) at each size,
# how it grows from one size to the next (and how the sqlite3 side's grows, which shows what the
# machine's load did meanwhile), and its peak RSS at each size.
growth_table() {
  local key name i s prev values baseline grow cell_text flags rss_cells memory first last
  echo
  echo "== Growth: ms per 1,000 proposals (point commands: ms per call) and cfp's peak RSS, by size =="
  echo "(cfp's per-row cost from one size to the next, in brackets the sqlite3 side's: about 1.0 is"
  echo "linear; cfp's over 1.5 is flagged)"
  echo
  cell 38 command
  for s in "${done_sizes[@]}"; do cell 9 "$(label "$s")"; done
  for ((i = 1; i < ${#done_sizes[@]}; i++)); do
    cell 13 "$(label "${done_sizes[i]}")/$(label "${done_sizes[i - 1]}")"
  done
  cell 10 growth
  for s in "${done_sizes[@]}"; do cell 9 "MiB $(label "$s")"; done
  cell 14 memory; echo "|"
  cell 38 ---
  for s in "${done_sizes[@]}"; do cell 9 ---; done
  for ((i = 1; i < ${#done_sizes[@]}; i++)); do cell 13 ---; done
  cell 10 ---
  for s in "${done_sizes[@]}"; do cell 9 ---; done
  cell 14 ---; echo "|"
  for key in "${all_keys[@]}"; do
    name=$key
    [ "${kind[$key]}" = point ] && name="$key (per call)"
    values=() baseline=() flags=linear rss_cells=() memory=flat
    [ "${kind[$key]}" = point ] && flags=flat
    for s in "${done_sizes[@]}"; do
      values+=("$(per "$key" "$s" cfp)")
      [ -z "${r_sqlite[$key|$s]}" ] || baseline+=("$(per "$key" "$s" sqlite)")
      rss_cells+=("$(mib "${r_rss[$key|$s]}")")
    done
    cell 38 "$name"
    for prev in "${values[@]}"; do cell 9 "$prev"; done
    for ((i = 1; i < ${#values[@]}; i++)); do
      grow=$(ratio "${values[i]}" "${values[i - 1]}")
      cell_text=$grow
      [ ${#baseline[@]} -eq 0 ] || cell_text="$grow ($(ratio "${baseline[i]}" "${baseline[i - 1]}"))"
      cell 13 "$cell_text"
      if awk "BEGIN { exit !($grow > 1.5) }"; then
        flags="NOT linear"
        [ "${kind[$key]}" = point ] && flags="grows"
      fi
    done
    [ ${#values[@]} -gt 1 ] || flags=-
    cell 10 "$flags"
    for prev in "${rss_cells[@]}"; do cell 9 "$prev"; done
    first=${r_rss[$key|${done_sizes[0]}]} last=${r_rss[$key|${done_sizes[-1]}]}
    if [ ${#done_sizes[@]} -lt 2 ]; then
      memory=-
    elif awk "BEGIN { exit !($last > 1.5 * $first && $last > 16 * 1024) }"; then
      memory="grows"
    fi
    cell 14 "$memory"; echo "|"
  done
}

# quietly COMMAND...: runs a set-up command, showing its output only when it fails.
quietly() {
  if ! "$@" >"$data/setup.txt" 2>&1; then
    echo "$bench: error: $* failed:" >&2
    cat "$data/setup.txt" >&2
    exit 1
  fi
}

# sql DB QUERY: one value from the database.
sql() {
  sqlite3 -readonly "$1" "$2"
}

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory," \
  "load average at start: $(load)"
echo "cfp: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($("$cfp" --version 2>/dev/null | head -1));" \
  "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "sizes: ${size_list[*]}; seed $seed; data in $data"
start_all=$(date +%s)
done_sizes=()

for size in "${size_list[@]}"; do
  start_size=$(date +%s)
  size_runs=${runs:-$((size <= 100000 ? 5 : 3))}
  walls=() cpus=() peaks=()
  echo
  echo "---- $size proposals, $size_runs runs ----"

  # ---- (d) the data ---------------------------------------------------------------------------
  csv="$data/proposals-$size.csv"
  all_scores="$data/scores-all-$size.csv"
  scores="$data/scores-$size.csv"
  "$generate" --rows "$size" --seed "$seed" --out "$csv" --calls "$data/calls.json" \
    --experts "$data/experts.tsv" --scores "$all_scores"
  awk -F, -v every="$scored_every" 'NR == 1 || substr($2, 2) % every == 0' "$all_scores" >"$scores"
  rm -f "$all_scores"
  score_rows=$(($(lines_of "$scores") - 1))
  versions=$((size / history_every > 0 ? size / history_every + 1 : 2))
  echo "data: $csv ($(du -h "$csv" | cut -f1)); $score_rows score rows (one proposal in $scored_every)"

  # ---- (e) import: each side into a fresh database --------------------------------------------
  export CFP_NOW=$import_now
  for ((run = 1; run <= size_runs; run++)); do
    db="$data/import-cfp.db"
    remove_db "$db"
    quietly "$cfp" --db "$db" import calls "$data/calls.json"
    timed "$data/out-cfp.txt" "$cfp" --db "$db" import proposals "$csv" --quiet
    [ "$(sql "$db" 'SELECT count(*) FROM proposal')" = "$size" ] || fail "cfp imported $(sql "$db" 'SELECT count(*) FROM proposal') proposals, expected $size"
    remove_db "$db"
    record cfp "import proposals" 1
    say cfp "import proposals"

    db="$data/import-sqlite.db"
    remove_db "$db"
    sqlite3 "$db" "$import_schema"
    timed "$data/out-sqlite.txt" sqlite3 "$db" -cmd '.mode csv' ".import --skip 1 $csv proposal"
    [ "$(sql "$db" 'SELECT count(*) FROM proposal')" = "$size" ] || fail "sqlite3 imported $(sql "$db" 'SELECT count(*) FROM proposal') rows, expected $size"
    remove_db "$db"
    record sqlite "import proposals" 1
    say sqlite3 ".import"
  done

  # ---- (f) the database of the listings, through cfp's commands (not timed) --------------------
  export CFP_NOW=$listing_now
  setup_start=$(date +%s)
  db="$data/speed.db"
  remove_db "$db"
  quietly "$cfp" --db "$db" import calls "$data/calls.json"
  quietly "$cfp" --db "$db" import proposals "$csv" --quiet --historical
  while IFS=$'\t' read -r name state organisation; do
    quietly "$cfp" --db "$db" expert add "$name" --state "$state" --organisation "$organisation" </dev/null
  done < <(tail -n +2 "$data/experts.tsv")
  quietly "$cfp" --db "$db" import scores "$scores" --quiet
  quietly "$cfp" --db "$db" proposal add --call "$call" --acronym HISTORY --title "History 1" --host ES \
    --partner DE,FR --entity "Barcelona Supercomputing Center" --eu-contribution 10M --sector health,space
  for ((version = 2; version <= versions; version++)); do
    quietly "$cfp" --db "$db" proposal update "$call/HISTORY" --title "History $version"
  done
  rm -f "$scores"
  proposals_in_db=$(sql "$db" 'SELECT count(*) FROM proposal')
  audit_entries=$(sql "$db" 'SELECT count(*) FROM audit')
  cutoffs=$(sql "$db" 'SELECT count(*) FROM cutoff')
  states=$(sql "$db" 'SELECT count(*) FROM state')
  [ "$proposals_in_db" = $((size + 1)) ] || fail "the database holds $proposals_in_db proposals, expected $((size + 1))"
  [ "$(sql "$db" 'SELECT count(*) FROM score')" = "$score_rows" ] || fail "the database holds the wrong number of scores"
  [ "$audit_entries" -gt "$size" ] || fail "the log holds $audit_entries entries, expected more than $size"
  echo "set-up: $(($(date +%s) - setup_start)) s; $proposals_in_db proposals, $audit_entries audit entries," \
    "$score_rows scores, $versions versions of $call/HISTORY; $(du -h "$db" | cut -f1) database"

  # ---- (g) listings: each pair on the same database ---------------------------------------------
  for ((run = 1; run <= size_runs; run++)); do
    for key in "${listing_keys[@]}"; do
      listing "$key"
      timed "$data/out-cfp.txt" "${cfp_cmd[@]}"
      check_lines "cfp $key" "$data/out-cfp.txt" "$lines"
      record cfp "$key" 1
      say cfp "$key"
      if [ ${#sqlite_cmd[@]} -gt 0 ]; then
        timed "$data/out-sqlite.txt" "${sqlite_cmd[@]}"
        check_lines "the SQL of $key" "$data/out-sqlite.txt" "$lines"
        record sqlite "$key" 1
        say sqlite3 "$key"
        if [ "$run" -eq 1 ] && [ ${#check_cmd[@]} -gt 0 ]; then
          "${check_cmd[@]}" >"$data/out-sqlite.txt"
        fi
        [ "$run" -gt 1 ] || same_rows "$key" "$data/out-cfp.txt" "$data/out-sqlite.txt" "$fields"
      fi
      rm -f "$data/out-cfp.txt" "$data/out-sqlite.txt"
    done
    echo "  load average: $(load)"
  done

  # ---- (h) point commands: batches, each pair on the same database ------------------------------
  for ((run = 1; run <= size_runs; run++)); do
    for key in "${point_keys[@]}"; do
      point "$key" "$run"
      before=$proposals_in_db
      timed /dev/null bash "$data/batch-cfp.sh"
      record cfp "$key" "$batch"
      say cfp "$key (batch of $batch)"
      timed /dev/null bash "$data/batch-sqlite.sh"
      record sqlite "$key" "$batch"
      say sqlite3 "$key (batch of $batch)"
      if [ "$key" = "proposal add" ]; then
        proposals_in_db=$(sql "$db" 'SELECT count(*) FROM proposal')
        [ "$proposals_in_db" = $((before + 2 * batch)) ] ||
          fail "the adds left $proposals_in_db proposals, expected $((before + 2 * batch))"
        [ "$(sql "$db" "SELECT count(*) FROM proposal_partner pp JOIN proposal p ON p.id = pp.proposal_id
            WHERE p.acronym GLOB '[CS]-$run-*'")" = $((6 * batch)) ] || fail "the adds of run $run lack partners"
        [ "$(sql "$db" "SELECT count(*) FROM proposal_sector ps JOIN proposal p ON p.id = ps.proposal_id
            WHERE p.acronym GLOB '[CS]-$run-*'")" = $((4 * batch)) ] || fail "the adds of run $run lack sectors"
      fi
    done
  done
  remove_db "$db"
  rm -f "$csv" "$data/batch-cfp.sh" "$data/batch-sqlite.sh"

  summarise
  done_sizes+=("$size")
  size_table
  echo
  echo "$size proposals took $(($(date +%s) - start_size)) s"
done

growth_table
echo
if [ ${#differing[@]} -gt 0 ]; then
  echo "warning: cfp and the SQL wrote different rows for: ${differing[*]} (see the warnings above)"
fi
echo "whole run: $(($(date +%s) - start_all)) s; load average now: $(load)"

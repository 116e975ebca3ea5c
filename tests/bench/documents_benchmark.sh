#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Documents benchmark: how long `cfp proposal attach` takes to store 1 GiB of documents (8
# proposals with a part-b of 128 MiB each) and `cfp proposal document --out FILE` to read them
# back, against `cp` of the same files into a folder and out of it again, pair by pair; then a
# document of 100 MiB attached from a file and from a pipe, and read back with --out FILE and
# with --out - into sha256sum, every digest compared with sha256sum of the original; and the
# peak RSS of every cfp process.
#
# Goals: peak RSS < 32 MiB for every cfp process. The ratios cfp/cp are printed for the lead to
# judge: cfp's writes are durable (write-ahead log, synchronous=FULL, the file it writes synced
# before it is renamed) and cp's are not, so `cp + sync` (cp, then `sync FILE`) is timed too.
#
# Usage: tests/bench/documents_benchmark.sh [--runs N] [--documents N] [--size MIB] [--single MIB]
#   --runs N        rounds of the 1 GiB (default 3); the median counts
#   --documents N   proposals with one part-b each (default 8)
#   --size MIB      size of each of those documents in MiB (default 128; at most 200)
#   --single MIB    size of the single document (default 100; at most 200)
#
# Builds the release configuration (the `release` preset) into build/bench, as the other
# benchmarks do. The documents (%PDF-1.4, random bytes, %%EOF) and the databases go to a
# temporary folder under build/bench, removed at the end; about four times the 1 GiB is needed
# there at once. Each call's limit of a document is raised to 200 MiB (with `cfp call update
# --document-limit` when this cfp has it, otherwise in the database with the sqlite3 shell).
# In each round, each document is attached by cfp and copied by cp and by cp + sync, in turns
# (which goes first changes from round to round), into a fresh database and fresh folders; then
# each is read back the same way, and every copy read back is checked against the original's
# SHA-256 (not timed). A round's time is the sum over its documents; MiB/s is that of the median.
# Wall times are taken with date +%s%N around /usr/bin/time; CPU times (user+sys) and peak RSS
# come from /usr/bin/time. On a loaded machine wall times are noisy: the load average is printed
# with the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3
documents=8
size=128
single=100

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --documents) documents=$2; shift ;;
    --size) size=$2; shift ;;
    --single) single=$2; shift ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "documents_benchmark: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
for value in "$runs" "$documents" "$size" "$single"; do
  case $value in
    '' | *[!0-9]* | 0*) echo "documents_benchmark: error: options take a positive whole number, not '$value'" >&2; exit 2 ;;
  esac
done
if [ "$size" -gt 200 ] || [ "$single" -gt 200 ]; then
  echo "documents_benchmark: error: a document has at most 200 MiB" >&2
  exit 2
fi

# ---- (a) packages: the build's own, plus the sqlite3 shell and GNU time ----------------------
scripts/install-deps.sh sqlite3 time

# ---- (b) build: release cfp ---------------------------------------------------------------------
build=build/bench
cmake --preset release -B "$build" -DCFP_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target cfp -j 2
cfp="$PWD/$build/app/cfp"

data=$(mktemp -d "$PWD/$build/documents.XXXXXX")
trap 'rm -rf "$data"' EXIT
export CFP_NOW=2024-10-01T10:00:00Z
export CFP_USER=bench
unset CFP_DB

# shellcheck disable=SC2034 # common.sh uses it
bench=documents_benchmark
# shellcheck source=tests/bench/common.sh
. tests/bench/common.sh

# make_pdf FILE MIB: a file of exactly MIB MiB that cfp takes for a PDF.
make_pdf() {
  { printf '%%PDF-1.4\n'; head -c $(($2 * 1048576 - 16)) /dev/urandom; printf '\n%%%%EOF\n'; } >"$1"
}

# digest FILE: its SHA-256.
digest() {
  sha256sum "$1" | cut -d' ' -f1
}

# fresh_db DB N: a new database with a call whose limit of a document is 200 MiB, and proposals
# P1 to PN (not timed).
fresh_db() {
  local db=$1 n=$2 i
  remove_db "$db"
  "$cfp" --db "$db" call add C --title Documents >/dev/null 2>&1
  "$cfp" --db "$db" deadline add C 2024-11-04 >/dev/null 2>&1
  for i in $(seq 1 "$n"); do
    "$cfp" --db "$db" proposal add --call C --acronym "P$i" --title "Proposal $i" --host FI --entity Centre \
      --eu-contribution 1M >/dev/null 2>&1
  done
  if "$cfp" call update --help 2>/dev/null | grep -q -- --document-limit; then
    "$cfp" --db "$db" call update C --document-limit 200MiB >/dev/null 2>&1
  else
    sqlite3 "$db" 'UPDATE call SET document_limit_bytes = 209715200'
  fi
}

# check_digest FILE EXPECTED WHAT: stops the benchmark when FILE is not the original.
check_digest() {
  local found
  found=$(digest "$1")
  [ "$found" = "$2" ] || fail "$3 has SHA-256 $found, not the original's $2"
}

# sum N...: the sum, three decimals.
sum() {
  printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.3f", s }'
}

# ratio A B: A/B, two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# ---- (c) the documents, generated once ----------------------------------------------------------
echo
echo "machine: $(nproc) cores, load average at start: $(load)"
mkdir -p "$data/in" "$data/cp-in" "$data/sync-in" "$data/cfp-out" "$data/cp-out" "$data/sync-out"
originals=()
for i in $(seq 1 "$documents"); do
  make_pdf "$data/in/P$i.pdf" "$size"
  originals+=("$(digest "$data/in/P$i.pdf")")
done
total_mib=$((documents * size))
echo "data: $documents documents of $size MiB ($total_mib MiB in all) in $data"

# ---- (d) interleaved rounds ---------------------------------------------------------------------
# Per round: the sum of the walls and CPU times of each side; per process: cfp's peak RSS.
attach_cfp=() attach_cp=() attach_sync=() attach_cfp_cpu=() attach_cp_cpu=() attach_sync_cpu=() attach_rss=()
read_cfp=() read_cp=() read_sync=() read_cfp_cpu=() read_cp_cpu=() read_sync_cpu=() read_rss=()
loads=()
db="$data/cfp.db"
for round in $(seq 1 "$runs"); do
  fresh_db "$db" "$documents"
  rm -f "$data"/cp-in/* "$data"/sync-in/* "$data"/cfp-out/* "$data"/cp-out/* "$data"/sync-out/*
  sync
  walls_cfp=() walls_cp=() walls_sync=() cpus_cfp=() cpus_cp=() cpus_sync=()
  for i in $(seq 1 "$documents"); do
    # Odd rounds start with cfp, even ones with cp.
    for side in $([ $((round % 2)) -eq 1 ] && echo "cfp cp sync" || echo "sync cp cfp"); do
      case $side in
        cfp)
          timed "$data/out.txt" "$cfp" --db "$db" proposal attach "P$i" "$data/in/P$i.pdf" --part part-b
          walls_cfp+=("$wall") cpus_cfp+=("$cpu") attach_rss+=("$rss") ;;
        cp)
          timed "$data/out.txt" cp "$data/in/P$i.pdf" "$data/cp-in/P$i.pdf"
          walls_cp+=("$wall") cpus_cp+=("$cpu") ;;
        sync) # shellcheck disable=SC2016 # sh expands them
          timed "$data/out.txt" sh -c 'cp "$1" "$2" && sync "$2"' sh "$data/in/P$i.pdf" "$data/sync-in/P$i.pdf"
          walls_sync+=("$wall") cpus_sync+=("$cpu") ;;
      esac
    done
  done
  attach_cfp+=("$(sum "${walls_cfp[@]}")") attach_cp+=("$(sum "${walls_cp[@]}")")
  attach_sync+=("$(sum "${walls_sync[@]}")") attach_cfp_cpu+=("$(sum "${cpus_cfp[@]}")")
  attach_cp_cpu+=("$(sum "${cpus_cp[@]}")") attach_sync_cpu+=("$(sum "${cpus_sync[@]}")")
  echo "round $round attach: cfp ${attach_cfp[-1]} s (cpu ${attach_cfp_cpu[-1]} s; each: ${walls_cfp[*]})," \
    "cp ${attach_cp[-1]} s, cp + sync ${attach_sync[-1]} s; database $(du -m "$db" | cut -f1) MiB; load $(load)"

  walls_cfp=() walls_cp=() walls_sync=() cpus_cfp=() cpus_cp=() cpus_sync=()
  for i in $(seq 1 "$documents"); do
    for side in $([ $((round % 2)) -eq 1 ] && echo "cfp cp sync" || echo "sync cp cfp"); do
      case $side in
        cfp)
          timed "$data/out.txt" "$cfp" --db "$db" proposal document "P$i" part-b --out "$data/cfp-out/P$i.pdf"
          walls_cfp+=("$wall") cpus_cfp+=("$cpu") read_rss+=("$rss") ;;
        cp)
          timed "$data/out.txt" cp "$data/cp-in/P$i.pdf" "$data/cp-out/P$i.pdf"
          walls_cp+=("$wall") cpus_cp+=("$cpu") ;;
        sync) # shellcheck disable=SC2016 # sh expands them
          timed "$data/out.txt" sh -c 'cp "$1" "$2" && sync "$2"' sh "$data/sync-in/P$i.pdf" "$data/sync-out/P$i.pdf"
          walls_sync+=("$wall") cpus_sync+=("$cpu") ;;
      esac
    done
  done
  read_cfp+=("$(sum "${walls_cfp[@]}")") read_cp+=("$(sum "${walls_cp[@]}")")
  read_sync+=("$(sum "${walls_sync[@]}")") read_cfp_cpu+=("$(sum "${cpus_cfp[@]}")")
  read_cp_cpu+=("$(sum "${cpus_cp[@]}")") read_sync_cpu+=("$(sum "${cpus_sync[@]}")")
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "round $round read back: cfp ${read_cfp[-1]} s (cpu ${read_cfp_cpu[-1]} s; each: ${walls_cfp[*]})," \
    "cp ${read_cp[-1]} s, cp + sync ${read_sync[-1]} s; load $(load)"

  for i in $(seq 1 "$documents"); do
    for copy in cfp-out cp-out sync-out; do
      check_digest "$data/$copy/P$i.pdf" "${originals[$((i - 1))]}" "round $round: $copy/P$i.pdf"
    done
  done
done
remove_db "$db"
rm -rf "$data"/cp-in "$data"/sync-in "$data"/cfp-out "$data"/cp-out "$data"/sync-out

# ---- (e) one document of $single MiB, by file and by pipe, read back both ways ------------------
# Two databases: a content is stored once, so the same bytes from the pipe would not be stored
# again in the first. What came from the file is read back to a file, what came from the pipe to
# standard output.
make_pdf "$data/single.pdf" "$single"
expected=$(digest "$data/single.pdf")
piped_db="$data/piped.db"
fresh_db "$db" 1
fresh_db "$piped_db" 1
single_lines=()
single_rss=()

# single_line WHAT: a line of the single document's table from the last timed run.
single_line() {
  single_lines+=("$(printf '%-36s %8s %8s %8s %10s' "$1" "$wall" "$cpu" \
    "$(awk -v w="$wall" -v m="$single" 'BEGIN { printf "%.0f", (w > 0 ? m / w : 0) }')" "$(mib "$rss")")")
  single_rss+=("$rss")
}

# piped_times START: sets wall, cpu and rss as timed does, for a command timed inside a pipeline.
piped_times() {
  wall=$(awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r user sys rss <"$data/time.txt"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

timed "$data/out.txt" "$cfp" --db "$db" proposal attach P1 "$data/single.pdf" --part part-b
single_line "attach FILE"

# From a pipe (cat, not a redirection, which would be a regular file): cat's time is in the
# wall, its memory is not in cfp's RSS.
start=$(date +%s%N)
# shellcheck disable=SC2002
cat "$data/single.pdf" | /usr/bin/time -f '%U %S %M' -o "$data/time.txt" \
  "$cfp" --db "$piped_db" proposal attach P1 - --part part-b --name single.pdf >/dev/null 2>"$data/err.txt" ||
  fail "cfp proposal attach P1 - failed: $(cat "$data/err.txt")"
piped_times "$start"
single_line "attach - (cat FILE |)"

timed "$data/out.txt" "$cfp" --db "$db" proposal document P1 part-b --out "$data/single-out.pdf"
single_line "document --out FILE"
file_digest=$(digest "$data/single-out.pdf")
rm -f "$data/single-out.pdf"

# sha256sum's time is in the wall, its memory is not in cfp's RSS.
start=$(date +%s%N)
stdout_digest=$(/usr/bin/time -f '%U %S %M' -o "$data/time.txt" \
  "$cfp" --db "$piped_db" proposal document P1 part-b --out - 2>"$data/err.txt" | sha256sum | cut -d' ' -f1) ||
  fail "cfp proposal document P1 part-b --out - failed: $(cat "$data/err.txt")"
piped_times "$start"
single_line "document --out - | sha256sum"

timed "$data/out.txt" sha256sum "$data/single.pdf"
sha_wall=$wall
timed "$data/out.txt" cp "$data/single.pdf" "$data/single-cp.pdf"
cp_wall=$wall
rm -f "$data/single-cp.pdf"
remove_db "$db"
remove_db "$piped_db"

# ---- (f) the figures ----------------------------------------------------------------------------
# row SIDE WALLS CPUS RSS BASE: one line of the table from the arrays named WALLS, CPUS and RSS
# (RSS may be "none"); the ratio is BASE (cfp's median) over this side's median.
row() {
  local side=$1 base=$5 median_wall median_cpu rss_text="-"
  local -n row_walls=$2 row_cpus=$3
  median_wall=$(median "${row_walls[@]}")
  median_cpu=$(median "${row_cpus[@]}")
  if [ "$4" != none ]; then
    local -n row_rss=$4
    rss_text="$(mib "$(median "${row_rss[@]}")") / $(mib "$(printf '%s\n' "${row_rss[@]}" | sort -n | tail -1)")"
  fi
  printf '  %-12s %9s %9s %8s %10s   %s\n' "$side" "$median_wall" "$median_cpu" \
    "$(awk -v w="$median_wall" -v m="$total_mib" 'BEGIN { printf "%.0f", (w > 0 ? m / w : 0) }')" \
    "$(ratio "$base" "$median_wall")" "$rss_text"
}

peak_attach=$(printf '%s\n' "${attach_rss[@]}" | sort -n | tail -1)
peak_read=$(printf '%s\n' "${read_rss[@]}" | sort -n | tail -1)
peak_single=$(printf '%s\n' "${single_rss[@]}" | sort -n | tail -1)
attach_median=$(median "${attach_cfp[@]}")
read_median=$(median "${read_cfp[@]}")

echo
echo "== Documents benchmark: $documents documents of $size MiB ($total_mib MiB in all), $runs rounds, $(nproc) cores =="
printf '  %-12s %9s %9s %8s %10s   %s\n' "" "median s" "cpu s" "MiB/s" "cfp/this" "cfp peak RSS MiB (median / max)"
echo "attach ($documents x $size MiB):"
row "cfp attach" attach_cfp attach_cfp_cpu attach_rss "$attach_median"
row "cp" attach_cp attach_cp_cpu none "$attach_median"
row "cp + sync" attach_sync attach_sync_cpu none "$attach_median"
echo "read back ($documents x $size MiB):"
row "cfp --out" read_cfp read_cfp_cpu read_rss "$read_median"
row "cp" read_cp read_cp_cpu none "$read_median"
row "cp + sync" read_sync read_sync_cpu none "$read_median"
echo "rounds, s: attach cfp ${attach_cfp[*]}; cp ${attach_cp[*]}; cp + sync ${attach_sync[*]}"
echo "           read cfp ${read_cfp[*]}; cp ${read_cp[*]}; cp + sync ${read_sync[*]}"
echo "every copy read back has the original's SHA-256"
echo
echo "== One document of $single MiB (sha256sum of the file: $sha_wall s; cp: $cp_wall s) =="
printf '%-36s %8s %8s %8s %10s\n' "" "wall s" "cpu s" "MiB/s" "RSS MiB"
printf '%s\n' "${single_lines[@]}"
echo "SHA-256: original $expected"
echo "         --out FILE $file_digest ($([ "$file_digest" = "$expected" ] && echo same || echo DIFFERENT))"
echo "         --out -    $stdout_digest ($([ "$stdout_digest" = "$expected" ] && echo same || echo DIFFERENT))"
echo
echo "peak RSS: attach $(mib "$peak_attach") MiB, read back $(mib "$peak_read") MiB, $single MiB document" \
  "$(mib "$peak_single") MiB (goal < 32 MiB: $(verdict "$peak_attach < 32 * 1024 && $peak_read < 32 * 1024 && $peak_single < 32 * 1024"))"
echo "load average (1 min) after each round: ${loads[*]}; now: $(load)"
if [ "$file_digest" != "$expected" ] || [ "$stdout_digest" != "$expected" ]; then
  fail "a copy read back differs from the original"
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Readers never wait for an import: while one `cfp import proposals` of ROWS rows runs, three
# readers run back to back in a loop, and each one's latency is recorded; the same loop on the
# idle database before the import is the baseline.
#
# Usage: tests/soak/readers.sh [ROWS]   (default 400000)
#
# The readers: `cfp proposal list --call SOAK-READ --format csv | tail -1` (a call of its own with
# one proposal, so that what is read does not grow with the import), `cfp call list` and
# `cfp db status`. Each runs first with --wait 0, so that a reader that would wait for a lock
# fails at once (exit status 75) and the lock shows, not only a slower read; such a read is
# counted and run again with the default wait, as a user's would be, and its latency covers both
# runs. A latency is the whole process (start, open, query, print), taken from bash's
# EPOCHREALTIME (no process of its own) around it; on a loaded machine it includes waiting for a
# CPU, which the idle baseline shares.
#
# Builds the release cfp and the generator into build/bench as tests/bench/import_benchmark.sh
# does. Prints the count, median, p99 and max latency of the reads, idle and during the import,
# and the reads that met a lock; exits 1 when a read met a lock, failed or printed the wrong
# thing, the import failed, or the slowest read during the import took more than 100 ms longer
# than the slowest idle one.
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=${1:-400000}
seed=20241104
idle_rounds=100
if ! [[ $rows =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: tests/soak/readers.sh [ROWS]" >&2
  exit 2
fi

scripts/install-deps.sh

# shellcheck source=tests/soak/setup.sh
source tests/soak/setup.sh
soak_setup readers

csv="$work/proposals-$rows.csv"
"$generate" --rows "$rows" --seed "$seed" --out "$csv" --calls "$work/calls.json"

db="$work/cfp.db"
setup() {
  "$cfp" --db "$db" "$@" >/dev/null 2>"$work/setup.err" || {
    cat "$work/setup.err" >&2
    exit 1
  }
}
setup import calls "$work/calls.json"
setup call add SOAK-READ --title "Read while importing" --opens 2024-09-10
setup deadline add SOAK-READ 2025-02-01
setup proposal add --call SOAK-READ --acronym READER --title Reader --host FI --entity Centre --eu-contribution 1M

times="$work/latencies" # lines: PHASE READER MICROSECONDS STARTED_AT_MICROSECONDS
errors="$work/errors"
locked="$work/locked" # lines: PHASE READER STARTED_AT_MICROSECONDS, for each read that met a lock
: >"$times"
: >"$errors"
: >"$locked"
failed=0

micros() {
  now=${EPOCHREALTIME//[!0-9]/}
}

# run_reader READER [--wait SECONDS]: runs one reader; sets `status` and, for the list, `last`.
run_reader() {
  local reader=$1
  shift
  status=0
  case $reader in
    list)
      last=$("$cfp" --db "$db" "$@" --format csv proposal list --call SOAK-READ 2>>"$errors" | tail -1) || status=$?
      ;;
    calls) "$cfp" --db "$db" "$@" call list >/dev/null 2>>"$errors" || status=$? ;;
    status) "$cfp" --db "$db" "$@" db status >/dev/null 2>>"$errors" || status=$? ;;
  esac
}

# read_once PHASE READER: runs one reader with --wait 0, and when it meets a lock (exit status
# 75) once more as a user would, with the default wait; records the latency of both together.
read_once() {
  local before status last=""
  micros
  before=$now
  run_reader "$2" --wait 0
  if [ "$status" -eq 75 ]; then
    echo "$1 $2 $before" >>"$locked"
    run_reader "$2"
  fi
  micros
  echo "$1 $2 $((now - before)) $before" >>"$times"
  if [ "$status" -ne 0 ]; then
    echo "$1: $2 exited with $status" >>"$errors"
    failed=$((failed + 1))
  elif [ "$2" = list ] && [[ $last != *,SOAK-READ,READER,* ]]; then
    echo "$1: proposal list printed '$last'" >>"$errors"
    failed=$((failed + 1))
  fi
}

round() {
  read_once "$1" list
  read_once "$1" calls
  read_once "$1" status
}

# running PID: the child PID has not exited (a zombie has).
running() {
  local id name state
  [ -r "/proc/$1/stat" ] && read -r id name state _ <"/proc/$1/stat" && [ "$state" != Z ]
}

round warm-up
for _ in $(seq 1 "$idle_rounds"); do
  round idle
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
micros
import_started=$now
"$cfp" --db "$db" import proposals "$csv" --quiet >"$work/import.out" 2>"$work/import.err" &
pid=$!
while running "$pid"; do
  round during
done
import_status=0
wait "$pid" || import_status=$?
micros
import_time=$((now - import_started))
proposals=$("$cfp" --db "$db" --format csv db status | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "proposals") c = i } NR == 2 { print $c }')

# stats PHASE [READER]: count, median, p99 and max in ms.
stats() {
  awk -v phase="$1" -v reader="${2:-}" '$1 == phase && (reader == "" || $2 == reader) { print $3 }' "$times" |
    sort -n | awk '{ v[NR] = $1 } END {
      if (NR == 0) { print "0 reads"; exit }
      p99 = int(NR * 0.99); if (p99 < NR * 0.99) p99++
      printf "%d reads, median %.1f ms, p99 %.1f ms, max %.1f ms\n", NR, v[int((NR + 1) / 2)] / 1000, v[p99] / 1000, v[NR] / 1000 }'
}

max_of() {
  awk -v phase="$1" '$1 == phase && $3 > m { m = $3 } END { print m + 0 }' "$times"
}

echo "machine: $(nproc) cores, load average before the import $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo "import of $rows rows: $(awk -v t="$import_time" 'BEGIN { printf "%.2f", t / 1e6 }') s, exit status $import_status," \
  "$proposals proposals after it (expected $((rows + 1)))"
echo "idle:           $(stats idle)"
echo "during import:  $(stats during)"
for reader in list calls status; do
  echo "  $reader: idle max $(stats idle "$reader" | sed 's/.*max //'), during $(stats during "$reader")"
done
max_idle=$(max_of idle)
max_during=$(max_of during)
excess=$((max_during - max_idle))
slowest=$(awk -v start="$import_started" '$1 == "during" && $3 > m { m = $3; r = $2; at = $4 - start }
  END { printf "%s, started %.2f s into the import", r, at / 1e6 }' "$times")
echo "max during import $(awk -v m="$max_during" 'BEGIN { printf "%.1f", m / 1000 }') ms ($slowest)," \
  "max idle $(awk -v m="$max_idle" 'BEGIN { printf "%.1f", m / 1000 }') ms," \
  "during - idle $(awk -v m="$excess" 'BEGIN { printf "%.1f", m / 1000 }') ms (limit 100 ms)"
# The end of an import (commit, checkpoint, close) apart from the rest.
echo "of these, started in the import's last second: $(awk -v end="$((import_started + import_time))" '
  $1 == "during" && $4 >= end - 1e6 { n++; if ($3 > late) late = $3 }
  $1 == "during" && $4 < end - 1e6 && $3 > early { early = $3 }
  END { printf "%d reads, max %.1f ms; before it: max %.1f ms", n, late / 1000, early / 1000 }' "$times")"
met=$(wc -l <"$locked")
echo "reads that met a lock: $met$(awk -v start="$import_started" -v end="$((import_started + import_time))" '
  $1 == "during" { printf "%s %s at %.3f s (%.0f ms before the import ended)", (n++ ? ";" : ":"), $2, ($3 - start) / 1e6, (end - $3) / 1e3 }
  $1 != "during" { printf "%s %s while %s", (n++ ? ";" : ":"), $2, $1 }' "$locked" | head -c 600)"
echo "failed reads: $failed"
if [ "$failed" -ne 0 ] || [ "$met" -ne 0 ]; then
  sort "$errors" | uniq -c | sort -rn | head -5 >&2
fi
if [ "$import_status" -ne 0 ] || [ "$proposals" != "$((rows + 1))" ]; then
  cat "$work/import.err" >&2
  exit 1
fi
[ "$failed" -eq 0 ] && [ "$met" -eq 0 ] && [ "$excess" -le 100000 ]

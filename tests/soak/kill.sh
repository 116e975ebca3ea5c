#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# An import killed with SIGKILL at MOMENTS moments spread over its run leaves either all of its
# rows or none, a readable database, an intact audit chain and no temporary file behind.
#
# Usage: tests/soak/kill.sh [ROWS] [MOMENTS]   (default 100000 rows, 20 moments)
#
# Builds the release cfp and the generator into build/bench as tests/bench/import_benchmark.sh
# does, generates ROWS proposals and times a full import (T, the median of three). Then, for
# k = 1..MOMENTS, on a fresh database holding the call: starts `cfp import proposals`, sleeps
# k*T/(MOMENTS+1), stops the process (SIGSTOP), reads which phase it is in, and kills it
# (SIGKILL). The phase comes from what the process holds at that instant: the input file and its
# unnamed temporary copy (staging), a read lock of the -shm file (checking), the write lock
# (writing), the checkpoint lock (checkpoint after the commit), an exclusive lock of the database
# file (closing: the last connection checkpoints and removes the WAL). Stopping first changes
# nothing on disk: a killed process ends between two system calls either way; it only makes the
# phase exact.
#
# After each kill: `cfp db status` opens the database, `cfp log verify` exits 0, the sqlite3
# shell finds `PRAGMA integrity_check` ok and `PRAGMA foreign_key_check` empty (cfp has no
# `db check` command), the proposals number exactly 0 or ROWS with an import audit entry only
# with them, TMPDIR (a fresh folder for these runs) holds nothing, and the import run again
# succeeds with ROWS proposals. Prints one line a moment and "N kills, N survived, N lost";
# exits 1 when a check failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=${1:-100000}
moments=${2:-20}
seed=20241104
if ! [[ $rows =~ ^[1-9][0-9]*$ && $moments =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: tests/soak/kill.sh [ROWS] [MOMENTS]" >&2
  exit 2
fi

scripts/install-deps.sh sqlite3

# shellcheck source=tests/soak/setup.sh
source tests/soak/setup.sh
soak_setup kill
# Every cfp and sqlite3 process of this script keeps its temporary files here, so that anything
# a killed import leaves behind shows.
export TMPDIR="$work/tmp"
mkdir "$TMPDIR"

csv="$work/proposals-$rows.csv"
"$generate" --rows "$rows" --seed "$seed" --out "$csv" --calls "$work/calls.json"
csv_bytes=$(stat -c %s "$csv")

remove_db() {
  rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
}

fresh_db() {
  remove_db "$1"
  "$cfp" --db "$1" import calls "$work/calls.json" >/dev/null 2>&1
}

now_ns() {
  date +%s%N
}

seconds() { # seconds NANOSECONDS
  awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e9 }'
}

# phase PID DB: sets `doing` to what the stopped import PID is doing to DB, from the locks it
# holds on DB-shm (/proc/locks: WAL_WRITE_LOCK is byte 120, the checkpoint lock 121, the read
# marks 123-127) and the files it has open, and adds what it holds open in TMPDIR to `held`.
phase() {
  local pid=$1 db=$2 shm file locks fd target name spool="" input_pos=""
  shm=$(stat -c %i "$db-shm" 2>/dev/null || echo none)
  file=$(stat -c %i "$db")
  locks=$(awk -v pid="$pid" -v shm="$shm" -v file="$file" '
    $2 == "POSIX" && $5 == pid {
      n = split($6, id, ":")
      to = $8 == "EOF" ? 1e18 : $8
      if (id[n] == file && $4 == "WRITE") closing = 1
      if (id[n] != shm) next
      if ($4 == "WRITE" && $7 <= 120 && to >= 120) write = 1
      if ($4 == "WRITE" && $7 <= 121 && to >= 121) checkpoint = 1
      if ($7 <= 127 && to >= 123) read = 1
    }
    END { print (closing ? "closing" : write ? "writing" : checkpoint ? "checkpoint" : read ? "checking" : "") }' /proc/locks)
  for fd in /proc/"$pid"/fd/*; do
    target=$(readlink "$fd" 2>/dev/null) || continue
    if [[ $target == "$TMPDIR"/* ]]; then
      # O_TMPFILE shows as "#<inode> (deleted)"; a file made with a name and unlinked shows its name.
      name=${target#"$TMPDIR"/}
      case $name in
        \#*) held["cfp's copy of the input (O_TMPFILE)"]=1 spool=1 ;;
        cfp-spool-*) held["cfp's copy of the input (named, then unlinked)"]=1 spool=1 ;;
        etilqs_*) held["SQLite's temporary file (named, then unlinked)"]=1 ;;
        *) held[$name]=1 ;;
      esac
    elif [[ $target == "$csv" ]]; then
      input_pos=$(awk '$1 == "pos:" { print $2 }' "/proc/$pid/fdinfo/${fd##*/}" 2>/dev/null || true)
    fi
  done
  if [ -n "$locks" ]; then
    doing=$locks
  elif [ -z "$spool" ]; then
    doing=opening
  elif [ -n "$input_pos" ] && [ "$input_pos" -lt "$csv_bytes" ]; then
    doing="staging ($((input_pos * 100 / csv_bytes))% read)"
  else
    doing="between phases"
  fi
}

# count DB: the proposals cfp reports.
count() {
  "$cfp" --db "$1" --format csv db status | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "proposals") c = i } NR == 2 { print $c }'
}

# ---- T: the median of three full imports (one alone suffers from a loaded machine) ------------
db="$work/cfp.db"
walls=()
for _ in 1 2 3; do
  fresh_db "$db"
  started=$(now_ns)
  "$cfp" --db "$db" import proposals "$csv" --quiet >/dev/null 2>"$work/import.err" || {
    cat "$work/import.err" >&2
    exit 1
  }
  walls+=($(($(now_ns) - started)))
  if [ "$(count "$db")" != "$rows" ]; then
    echo "kill: error: a timing import did not give $rows proposals" >&2
    exit 1
  fi
done
full=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "T (median of 3 imports of $rows rows: $(for w in "${walls[@]}"; do seconds "$w"; echo -n " "; done)s) =" \
  "$(seconds "$full") s; TMPDIR on $(df --output=fstype "$TMPDIR" | tail -1)"

# ---- the kills -------------------------------------------------------------------------------
echo "after each kill: db status, log verify, integrity_check, foreign_key_check, 0 or $rows proposals" \
  "(with 0 or 1 import audit entry), TMPDIR empty, import run again gives $rows"
kills=0 survived=0 lost=0 finished=0
declare -A held=()
for k in $(seq 1 "$moments"); do
  fresh_db "$db"
  started=$(now_ns)
  "$cfp" --db "$db" import proposals "$csv" --quiet >"$work/import.out" 2>"$work/import.err" &
  pid=$!
  sleep "$(awk -v t="$full" -v k="$k" -v m="$moments" 'BEGIN { printf "%.3f", t * k / (m + 1) / 1e9 }')"
  if kill -STOP "$pid" 2>/dev/null && [ -d "/proc/$pid/fd" ] && ! grep -q '^State:.*zombie' "/proc/$pid/status"; then
    at=$(($(now_ns) - started))
    phase "$pid" "$db"
    kill -KILL "$pid"
    killed=1
  else
    at=$(($(now_ns) - started))
    doing="finished before the kill"
    killed=0
  fi
  status=0
  { wait "$pid"; } 2>/dev/null || status=$?
  problems=()
  if [ "$killed" -eq 1 ]; then
    kills=$((kills + 1))
    [ "$status" -eq 137 ] || problems+=("exit status $status, not 137")
  else
    finished=$((finished + 1))
    [ "$status" -eq 0 ] || problems+=("the import failed by itself: $(head -c 300 "$work/import.err")")
  fi

  found=$(count "$db" 2>"$work/check.err") || problems+=("db status failed: $(head -c 300 "$work/check.err")")
  "$cfp" --db "$db" log verify >/dev/null 2>"$work/check.err" ||
    problems+=("log verify failed: $(head -c 300 "$work/check.err")")
  integrity=$(sqlite3 -readonly "$db" 'PRAGMA integrity_check' 2>&1 | head -5)
  [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
  foreign=$(sqlite3 -readonly "$db" 'PRAGMA foreign_key_check' 2>&1 | head -5)
  [ -z "$foreign" ] || problems+=("foreign_key_check: $foreign")
  imports=$(sqlite3 -readonly "$db" \
    "SELECT count(*) FROM audit WHERE subject_kind = 'import' AND entity LIKE 'import proposals %'" 2>&1)
  case "$found/$imports" in
    0/0 | "$rows/1") ;;
    *) problems+=("$found proposals and $imports import audit entries: neither none nor all") ;;
  esac
  left=$(find "$TMPDIR" -mindepth 1 | head -5)
  [ -z "$left" ] || problems+=("left in TMPDIR: $left")

  "$cfp" --db "$db" import proposals "$csv" --quiet >/dev/null 2>"$work/check.err" ||
    problems+=("the import run again failed: $(head -c 300 "$work/check.err")")
  again=$(count "$db" 2>/dev/null || echo "?")
  [ "$again" = "$rows" ] || problems+=("after the import run again: $again proposals")
  "$cfp" --db "$db" log verify >/dev/null 2>&1 || problems+=("log verify failed after the import run again")

  if [ ${#problems[@]} -eq 0 ]; then
    verdict=$([ "$killed" -eq 1 ] && echo "all checks ok" || echo "not killed; all checks ok")
    [ "$killed" -eq 0 ] || survived=$((survived + 1))
  else
    verdict="LOST: $(printf '%s; ' "${problems[@]}" | tr '\n' ' ' | sed 's/; $//')"
    lost=$((lost + 1))
  fi
  printf 'moment %2d/%d: %s s, %s; found %s; run again %s; %s\n' \
    "$k" "$moments" "$(seconds "$at")" "$doing" "${found:-?}" "$again" "$verdict"
  remove_db "$db"
done

echo "open in TMPDIR at the kills: $(printf '%s; ' "${!held[@]}" | sed 's/; $//')"
echo "left in TMPDIR after all runs: $(find "$TMPDIR" -mindepth 1 | wc -l) entries"
echo "$kills kills, $survived survived, $lost lost$([ "$finished" -eq 0 ] || echo ", $finished finished before the kill")"
[ "$lost" -eq 0 ]

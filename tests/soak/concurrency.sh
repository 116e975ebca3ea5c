#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Many processes writing one database file at once: for each PROCESSESxWRITES pair, PROCESSES
# copies of cfp each add WRITES calls (one write transaction each) to a fresh database; then
# counts the failures, the calls and the audit entries, and checks the audit chain.
#
# Usage: tests/soak/concurrency.sh CFP_BINARY [PROCESSESxWRITES ...]   (default 8x250 16x100 64x25)
# Prints one line a pair; exits 1 when a write failed or a row or audit entry is missing.
set -euo pipefail

cfp=$(realpath "$1")
shift
pairs=("$@")
if [ ${#pairs[@]} -eq 0 ]; then
  pairs=(8x250 16x100 64x25)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CFP_USER=soak
status=0
for pair in "${pairs[@]}"; do
  processes=${pair%x*}
  writes=${pair#*x}
  db="$work/$pair.db"
  "$cfp" --db "$db" db init >/dev/null
  started=$(date +%s.%N)
  for p in $(seq 1 "$processes"); do
    (
      failures=0
      for w in $(seq 1 "$writes"); do
        if ! "$cfp" --db "$db" call add "SOAK-$p-$w" --title "Soak $p $w" >/dev/null 2>>"$work/$pair.err"; then
          failures=$((failures + 1))
        fi
      done
      echo "$failures" >"$work/$pair.$p.failures"
    ) &
  done
  wait
  ended=$(date +%s.%N)
  failures=$(awk '{ sum += $1 } END { print sum }' "$work/$pair".*.failures)
  calls=$("$cfp" --db "$db" --format csv call list | tail -n +2 | wc -l)
  entries=$("$cfp" --db "$db" --format csv log --limit 1000000 | tail -n +2 | wc -l)
  expected=$((processes * writes))
  # Each call's entry, and one each of the three standard criteria it gets.
  expected_entries=$((expected * 4))
  if "$cfp" --db "$db" log verify >/dev/null 2>&1; then chain=intact; else chain=BROKEN; fi
  printf '%s: %d writes in %.1f s, %d failed, %d/%d calls, %d/%d audit entries, chain %s\n' \
    "$pair" "$expected" "$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')" "$failures" "$calls" "$expected" "$entries" "$expected_entries" "$chain"
  if [ "$failures" -ne 0 ] || [ "$calls" -ne "$expected" ] || [ "$entries" -ne "$expected_entries" ] || [ "$chain" != intact ]; then
    sort "$work/$pair.err" | uniq -c | sort -rn | head -5 >&2
    status=1
  fi
done
exit $status

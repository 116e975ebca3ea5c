# SPDX-License-Identifier: EUPL-1.2
# What the benchmark scripts share: sourced by tests/bench/*_benchmark.sh once `bench` (the
# script's name, for messages) and `data` (its working folder) are set.

# fail MESSAGE...: stops the benchmark with an error.
fail() {
  echo "$bench: error: $*" >&2
  exit 1
}

# remove_db DB: the database file and its journals.
remove_db() {
  rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
}

# timed OUT COMMAND...: runs it with standard output to OUT and sets wall (s), user and sys (s),
# cpu (user+sys, s) and rss (KiB); stops the benchmark when the command fails.
timed() {
  local out=$1 times="$data/time.txt" start end
  shift
  start=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S %M' -o "$times" "$@" >"$out" 2>"$data/err.txt"; then
    echo "$bench: error: $* failed:" >&2
    cat "$data/err.txt" >&2
    exit 1
  fi
  end=$(date +%s%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r user sys rss <"$times"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# median N...: the median of the numbers.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# mib KIB: in MiB, one decimal.
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# load: the load averages over 1, 5 and 15 minutes.
load() {
  cut -d' ' -f1-3 /proc/loadavg
}

# verdict CONDITION-AS-AWK-EXPRESSION: met or MISSED.
verdict() {
  awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"
}

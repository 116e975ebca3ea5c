#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer) in build/fuzz, replays the regression inputs of
# tests/fuzz/regressions, and runs each target for SECONDS (default 60) on a copy of its seed
# corpus. Prints each target's executions and what it found; exits 1 when a target crashed,
# timed out, ran out of memory or leaked, or a regression input still fails.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (TARGET: csv_reader, import_csv, ..., money, score)
# Inputs that crash are kept in build/fuzz/artifacts/TARGET/; the corpus grows in
# build/fuzz/corpus/TARGET/ from one run to the next.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))

all_targets=(csv_reader import_csv import_json import_ndjson import_calls when money score)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${all_targets[@]}")
fi

# The longest input each target is given: parsers of one value need few bytes, files more.
declare -A max_len=(
  [csv_reader]=4096 [import_csv]=8192 [import_json]=8192 [import_ndjson]=8192
  [import_calls]=4096 [when]=64 [money]=128 [score]=64
)
for target in "${targets[@]}"; do
  if [ -z "${max_len[$target]:-}" ]; then
    echo "fuzz.sh: unknown target '$target'; the targets are ${all_targets[*]}" >&2
    exit 2
  fi
done

# clang, its sanitizer and libFuzzer runtimes (libclang-rt-14-dev, which clang only
# recommends), and llvm-symbolizer (llvm-14) for readable stack traces.
scripts/install-deps.sh clang libclang-rt-14-dev llvm-14

build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCFP_BUILD_FUZZERS=ON -DCFP_BUILD_TESTS=OFF -DCFP_CHECK_LAYERS=OFF >/dev/null
cmake --build "$build" --target cfp_fuzzers -j 2

export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# import_calls makes its database under TMPDIR; a crashed run cannot remove it.
export TMPDIR="$PWD/$build/tmp"
mkdir -p "$TMPDIR" "$build/logs"

failed=0
summary=()
for target in "${targets[@]}"; do
  program="$build/tests/fuzz/cfp_${target}_fuzzer"
  log="$build/logs/$target.log"
  artifacts="$build/artifacts/$target/"
  corpus="$build/corpus/$target"
  mkdir -p "$artifacts" "$corpus"

  # Known findings: each input of tests/fuzz/regressions/TARGET/ is run once, with the
  # targets' exemptions for known findings off (CFP_FUZZ_STRICT), until it passes.
  regressions=0
  still_failing=()
  if [ -d "tests/fuzz/regressions/$target" ]; then
    for input in "tests/fuzz/regressions/$target"/*; do
      [ -f "$input" ] || continue
      case "$input" in *.md | *.sh) continue ;; esac
      regressions=$((regressions + 1))
      if ! CFP_FUZZ_STRICT=1 "$program" -rss_limit_mb=2048 -timeout=10 "$input" >"$build/logs/$target.regression.log" 2>&1; then
        still_failing+=("$(basename "$input")")
      fi
    done
  fi

  cp -r "tests/fuzz/corpus/$target/." "$corpus/"
  dictionary=()
  if [ -f "tests/fuzz/$target.dict" ]; then
    dictionary=("-dict=tests/fuzz/$target.dict")
  fi
  echo "fuzz.sh: $target for ${seconds}s (log: $log)" >&2
  status=0
  "$program" "$corpus" "${dictionary[@]}" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1 || status=$?

  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found="nothing found"
  if [ "$status" -ne 0 ]; then
    failed=1
    kind=crash
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then
      kind=timeout
    elif grep -q 'ERROR: libFuzzer: out-of-memory' "$log"; then
      kind=out-of-memory
    elif grep -q 'ERROR: LeakSanitizer' "$log"; then
      kind=leak
    fi
    input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    found="FOUND: $kind, input ${input:-(none written)}"
  fi
  if [ ${#still_failing[@]} -gt 0 ]; then
    failed=1
    found="$found; regressions still failing: ${still_failing[*]}"
  elif [ "$regressions" -gt 0 ]; then
    found="$found; $regressions regression inputs pass"
  fi
  summary+=("$(printf '%-14s %12s executions  %s' "$target" "${executions:-?}" "$found")")
done

echo
echo "fuzz.sh: ${seconds}s a target"
printf '%s\n' "${summary[@]}"
exit "$failed"

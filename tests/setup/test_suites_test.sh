#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Every GoogleTest suite of the test binary is a ctest test (cmake/TestSuites.cmake), also the
# parameterised ones whose parameters' descriptions hold brackets or semicolons.
#   tests/setup/test_suites_test.sh BINARY BUILD_DIR CTEST
set -euo pipefail
binary=$1 build=$2 ctest=$3
suites=$("$binary" --gtest_list_tests | sed -n 's/^\([^ #][^ ]*\)\.\( .*\)\{0,1\}$/\1/p' | sort)
registered=$("$ctest" --test-dir "$build" -N | sed -n 's/^ *Test *#[0-9]*: //p' | sort)
missing=$(comm -23 <(printf '%s\n' "$suites") <(printf '%s\n' "$registered"))
if [ -n "$missing" ]; then
  echo "suites that ctest does not run:" >&2
  printf '%s\n' "$missing" >&2
  exit 1
fi
[ "$(printf '%s\n' "$suites" | wc -l)" -gt 100 ] || { echo "too few suites listed: $suites" >&2; exit 1; }
echo "$(printf '%s\n' "$suites" | wc -l) suites, each a ctest test"

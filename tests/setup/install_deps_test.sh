#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# scripts/install-deps.sh for a user who is neither root nor has sudo: it installs nothing and
# prints the exact apt-get line to run as root, naming every missing package. The commands it
# calls are stand-ins on a PATH of their own: id says uid 1000, dpkg-query knows no package,
# apt-get records that it ran.
set -euo pipefail
source_dir=${1:?usage: install_deps_test.sh SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/bin"
mkdir -p "$bin"
for tool in bash grep cat; do
  ln -s "$(command -v "$tool")" "$bin/$tool"
done
printf '#!%s\necho 1000\n' "$(command -v bash)" >"$bin/id"
printf '#!%s\nexit 1\n' "$(command -v bash)" >"$bin/dpkg-query"
printf '#!%s\necho ran >>"%s/apt-ran"\n' "$(command -v bash)" "$work" >"$bin/apt-get"
chmod +x "$bin/id" "$bin/dpkg-query" "$bin/apt-get"

status=0
PATH="$bin" "$bin/bash" "$source_dir/scripts/install-deps.sh" sqlite3 >"$work/out" 2>"$work/err" || status=$?
fail() {
  echo "install_deps_test: $*" >&2
  echo "--- stderr:" >&2
  cat "$work/err" >&2
  exit 1
}
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
[ ! -s "$work/out" ] || fail "it printed on stdout"
[ ! -e "$work/apt-ran" ] || fail "it ran apt-get without root"
line="    apt-get update && apt-get install -y --no-install-recommends g++ cmake ninja-build"
grep -qF -- "$line" "$work/err" || fail "no apt-get line to run as root"
grep -qF -- "nettle-dev libpq-dev tzdata sqlite3" "$work/err" || fail "the line does not name every missing package"
grep -qF -- "as root, run:" "$work/err" || fail "it does not say to run it as root"
echo "install_deps_test: ok"

#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# cmake/GenerateBuildCommit.cmake, which every build runs for `cfp --version`: a checkout's
# commit, with -dirty when a tracked file has changes; `unknown` for sources outside git, also
# when they lie inside some other checkout; CFP_COMMIT when it is given; and the header left as
# it was when nothing changed, so that a build at the same commit compiles nothing again.
set -euo pipefail
cmake=${1:?usage: build_commit_test.sh CMAKE SOURCE_DIR}
source_dir=${2:?usage: build_commit_test.sh CMAKE SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "build_commit_test: $*" >&2
  exit 1
}
# generate SOURCES [COMMIT]: the commit the header written for SOURCES names.
header=$work/build_commit.hpp
generate() {
  "$cmake" "-DSOURCE_DIR=$1" "-DOUT=$header" "-DCOMMIT=${2:-}" -P "$source_dir/cmake/GenerateBuildCommit.cmake"
  sed -n 's/^#define CFP_BUILD_COMMIT "\(.*\)"$/\1/p' "$header"
}

mkdir "$work/tarball"
[ "$(generate "$work/tarball")" = unknown ] || fail "sources outside git: not 'unknown'"
[ "$(generate "$work/tarball" 0123abc)" = 0123abc ] || fail "CFP_COMMIT is not taken"

if ! command -v git >/dev/null; then
  echo "build_commit_test: git is not installed; the checkout cases were SKIPPED" >&2
  exit 77
fi
export HOME=$work GIT_CONFIG_NOSYSTEM=1
repo=$work/repo
mkdir "$repo"
git -C "$repo" init -q
echo one >"$repo/file"
git -C "$repo" add file
git -C "$repo" -c user.name=cfp -c user.email=cfp@example.org commit -q -m one
head=$(git -C "$repo" rev-parse --short=7 HEAD)
[ "$(generate "$repo")" = "$head" ] || fail "a clean checkout: not $head"

touch -d 2000-01-01 "$header"
echo new >"$repo/untracked"
[ "$(generate "$repo")" = "$head" ] || fail "an untracked file made the build dirty"
[ "$(stat -c %Y "$header")" = "$(date -d 2000-01-01 +%s)" ] || fail "the header was written again without a change"

echo two >"$repo/file"
[ "$(generate "$repo")" = "$head-dirty" ] || fail "a changed tracked file: not $head-dirty"

mkdir "$repo/unpacked"
[ "$(generate "$repo/unpacked")" = unknown ] || fail "sources inside another checkout named its commit"

git -C "$repo" -c user.name=cfp -c user.email=cfp@example.org commit -q -am two
next=$(git -C "$repo" rev-parse --short=7 HEAD)
[ "$(generate "$repo")" = "$next" ] || fail "a new commit: not $next"
echo "build_commit_test: ok"

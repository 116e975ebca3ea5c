#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Checks the rules of docs/ARCHITECTURE.md that the compiler and linker cannot see:
# which headers each layer includes, where SQL and SQLite live, and how long a file may be.
# The linker checks the rest (CFP_CHECK_LAYERS). Usage: tests/lint/check_sources.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"

failures=0
fail() {
  echo "lint: $*" >&2
  failures=$((failures + 1))
}

# The cfp headers each file of a layer may include, as an extended regular expression over the
# included path; anything else from <cfp/...> or "..." of another layer is an arrow the wrong way.
check_includes() {
  local allowed=$1
  shift
  local file line included
  for file in "$@"; do
    while IFS= read -r line; do
      included=${line#*[<\"]}
      included=${included%[>\"]*}
      if [[ $included == cfp/* ]] && ! [[ $included =~ $allowed ]]; then
        fail "$file includes <$included>, which its layer may not use"
      fi
    done < <(grep -E '^#include [<"]cfp/' "$file" || true)
  done
}

mapfile -t util < <(find lib/include/cfp/util lib/src/util -name '*.[ch]pp')
mapfile -t domain < <(find lib/include/cfp/domain lib/src/domain -name '*.[ch]pp')
mapfile -t store_public < <(find lib/include/cfp/store -name '*.[ch]pp')
mapfile -t store_neutral < <(find lib/src/store -maxdepth 1 -name '*.[ch]pp')
mapfile -t core < <(find lib/include/cfp/core lib/src/core -name '*.[ch]pp')
mapfile -t app < <(find app -name '*.[ch]pp')

check_includes '^cfp/(util/|error\.hpp$)' "${util[@]}"
check_includes '^cfp/(domain/|util/|error\.hpp$)' "${domain[@]}"
check_includes '^cfp/(store/|domain/|util/|error\.hpp$)' "${store_public[@]}" "${store_neutral[@]}"
check_includes '^cfp/(core/|store/|domain/|util/|error\.hpp$)' "${core[@]}"
# The front end opens the database (store/database.hpp) and otherwise goes through core.
check_includes '^cfp/(core/|domain/|util/|error\.hpp$|store/database\.hpp$)' "${app[@]}"

# Only the SQLite backend sees SQLite; only the store's factory names a backend.
while IFS= read -r file; do
  [[ $file == lib/src/store/sqlite/* ]] || fail "$file includes SQLite; only lib/src/store/sqlite/ may"
done < <(grep -rlE '#include [<"](SQLiteCpp/|sqlite3\.h)' lib app || true)
while IFS= read -r file; do
  [[ $file == lib/src/store/* ]] || fail "$file includes a backend's private header; only lib/src/store may"
done < <(grep -rlE '#include [<"](\.\./)*(store/)?sqlite/' lib app || true)

# SQL stays in the store.
while IFS= read -r match; do
  fail "SQL outside lib/src/store: $match"
done < <(grep -rnE '"[^"]*\b(SELECT .* FROM|INSERT INTO|DELETE FROM|CREATE (TEMP )?TABLE|UPDATE [a-z_]+ SET)\b' \
  lib/include lib/src/core lib/src/domain lib/src/util app || true)

# Small files with one purpose: a file this long wants splitting.
while read -r count file; do
  [[ $file == total ]] && continue
  if ((count > 400)); then
    fail "$file has $count lines; split it (one unit a file, at most 400 lines)"
  fi
done < <(find lib app -name '*.[ch]pp' -print0 | xargs -0 wc -l)

if ((failures > 0)); then
  echo "lint: $failures problem(s); see docs/ARCHITECTURE.md (layers) and docs/CONTRIBUTING.md" >&2
  exit 1
fi
echo "lint: the layers, SQL and file sizes follow docs/ARCHITECTURE.md"

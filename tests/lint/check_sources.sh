#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Checks the rules of docs/ARCHITECTURE.md that the compiler and linker cannot see:
# which headers each layer includes, where SQL and SQLite live, that the store never builds SQL
# from strings, and how long a file may be.
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

# SQL in the store is fixed text with bound parameters: never built at run time, where a value
# could become SQL. The statement cache and the PostgreSQL connection take only FixedSql (store/fixed_sql.hpp), whose
# consteval constructor the compiler holds to text fixed at compile time; what does not pass
# through it is held here, in every file of lib/src/store whatever its extension:
# - exec() and execAndGet() take a string literal or a k_ constant, nothing else;
# - no SQLite::Statement is made outside the cache, nor sqlite3_exec/sqlite3_prepare called;
# - no string builder at all (vformat, runtime formats, sqlite3_mprintf, StrCat) is used;
# - a string literal holding an SQL word (upper case, as cfp writes SQL) next to `+`, `+=`,
#   `<<`, append(), insert() or a format function is flagged, as is any `+=` onto a variable
#   named sql or query; each line is read with the two after it, for text that continues there.
#
# The places that must do one of these, each a FILE|LINE entry (LINE: the whole line, without
# its indentation), with why. Nothing else may be added here without the same reason: SQLite
# takes no bound parameter there, and what is pasted in is not a value anyone typed.
sql_built_allowed=(
  # PRAGMA takes no parameters: the schema's own integer constants, after each migration.
  'lib/src/store/sqlite/sqlite_database.cpp|m_db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));'
  'lib/src/store/sqlite/sqlite_database.cpp|m_db.exec(fmt::format("PRAGMA user_version = {}", migration.version));'
  # The migrations: SQL files of migrations/, embedded in the binary when it is built.
  'lib/src/store/sqlite/sqlite_database.cpp|m_db.exec(migration.sql);'
  'lib/src/store/postgresql/pg_database.cpp|m_connection.run_embedded(migration.sql);'
  # The PostgreSQL connection, running the embedded script it was given.
  'lib/src/store/postgresql/connection.hpp|void run_embedded(const char* script);'
  'lib/src/store/postgresql/connection.cpp|void Connection::run_embedded(const char* script)'
  'lib/src/store/postgresql/connection.cpp|check(libpq().exec(m_conn, script));'
  # The connection's calls of libpq, with the FixedSql they were given.
  'lib/src/store/postgresql/connection.cpp|return check(libpq().exec(m_conn, sql.c_str()));'
  # The cache itself, preparing the FixedSql it was given.
  'lib/src/store/sqlite/statement_cache.cpp|auto statement = std::make_unique<SQLite::Statement>(m_db, sql.c_str());'
  # A check's PRAGMA, one of two constants of the same file, run once and not cached.
  'lib/src/store/sqlite/storage_checks.cpp|SQLite::Statement statement(db, sql);'
)
sql_words='(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|REPLACE|FROM|WHERE|VALUES|SET|JOIN|LIMIT|AND|OR|ORDER|GROUP)'
sql_literal='R?"([^"]*[^A-Za-z_"])?'$sql_words'([^A-Za-z_"][^"]*)?"'
sql_built=$sql_literal'[[:space:]]*[)}]?[[:space:]]*([+]|[.](append|insert)[[:space:]]*[(])|[+]=?[[:space:]]*'$sql_literal
sql_built+='|<<[[:space:]]*'$sql_literal'|[.](append|insert)[[:space:]]*[(][^;]*'$sql_literal
sql_built+='|(format|format_to|printf)[[:space:]]*[(][^"]*'$sql_literal
sql_built+='|(vformat|runtime_format|fmt::runtime|sqlite3_[a-z]*printf|StrCat|StrAppend)[[:space:]]*[(]'
sql_built+='|(^|[^A-Za-z_])(sql|query)[A-Za-z_]*[[:space:]]*([+]=|=[^=;]*[+])'
sql_built+='|(^|[^A-Za-z_])(exec|execAndGet)[[:space:]]*[(][[:space:]]*([^")[:space:]k]|k[^_])'
sql_built+='|(make_unique|make_shared|new)[[:space:]]*<?[[:space:]]*SQLite::Statement|SQLite::Statement[[:space:]]*([{(]|[A-Za-z_]+[[:space:]]*[({])'
sql_built+='|sqlite3_(exec|prepare[a-z0-9_]*)[[:space:]]*[(]'
# PostgreSQL's connection runs FixedSql (run); a script, or libpq's own calls, only where the
# list above allows.
sql_built+='|run_embedded[[:space:]]*[(]|PQexec[A-Za-z]*[[:space:]]*[(]'
declare -A sql_built_used=()
while IFS= read -r match; do
  location=${match%%: *}
  file=${location%:*}
  line=${match#*: }
  line=${line#"${line%%[![:space:]]*}"}
  allowed=false
  for entry in "${sql_built_allowed[@]}"; do
    if [[ $file == "${entry%%|*}" && $line == "${entry#*|}" ]]; then
      allowed=true
      sql_built_used[$entry]=1
    fi
  done
  $allowed || fail "SQL built from strings in lib/src/store: $match; bind parameters instead, or, where SQLite takes none, allow the place in tests/lint/check_sources.sh with why"
done < <(find lib/src/store -type f -regextype posix-extended -regex '.*[.](h|hh|hpp|hxx|c|cc|cpp|cxx|inc|ipp|tcc)' |
  sort | while IFS= read -r file; do
  # Each line with the two after it; a match wholly in a later line is reported there.
  SQL_BUILT=$sql_built awk '
    function flagged(text) { return text ~ ENVIRON["SQL_BUILT"] }
    NR > 2 {
      if (flagged(first)) {
        print FILENAME ":" NR - 2 ": " first
      } else if (!flagged(second) && !flagged($0) && (flagged(first " " second) || flagged(first " " second " " $0))) {
        print FILENAME ":" NR - 2 ": " first " " second
      }
    }
    { first = second; second = $0 }
    END {
      if (NR >= 2 && flagged(first)) print FILENAME ":" NR - 1 ": " first
      else if (NR >= 2 && !flagged(second) && flagged(first " " second)) print FILENAME ":" NR - 1 ": " first " " second
      if (NR >= 1 && flagged(second)) print FILENAME ":" NR ": " second
    }
  ' "$file"
done)
# An entry that allows nothing any more goes, so that the list stays the places that must.
for entry in "${sql_built_allowed[@]}"; do
  [[ -n ${sql_built_used[$entry]:-} ]] || fail "the allowed place '$entry' builds no SQL any more; remove it from tests/lint/check_sources.sh"
done

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

#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Proves that tests/lint/check_sources.sh catches what it is for: in a copy of lib/ and app/,
# plants one violation at a time and expects the check to fail naming it, and the clean copy
# to pass. Usage: tests/lint/check_sources_test.sh [SOURCE_DIR]
set -euo pipefail
source_dir=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
reset_copy() {
  rm -rf "$work/tree"
  mkdir -p "$work/tree/tests/lint"
  cp -r "$source_dir/lib" "$source_dir/app" "$work/tree/"
  cp "$source_dir/tests/lint/check_sources.sh" "$work/tree/tests/lint/"
}

# expect_caught NAME EXPECTED_MESSAGE FILE LINE: appends LINE to FILE and expects the message.
expect_caught() {
  local name=$1 expected=$2 file=$3 line=$4
  reset_copy
  printf '%s\n' "$line" >>"$work/tree/$file"
  local output
  if output=$("$work/tree/tests/lint/check_sources.sh" "$work/tree" 2>&1); then
    echo "FAIL: $name: the check passed" >&2
    failures=$((failures + 1))
  elif [[ $output != *"$expected"* ]]; then
    echo "FAIL: $name: expected '$expected' in: $output" >&2
    failures=$((failures + 1))
  else
    echo "ok: $name"
  fi
}

reset_copy
if ! "$work/tree/tests/lint/check_sources.sh" "$work/tree" >/dev/null; then
  echo "FAIL: the clean tree does not pass" >&2
  failures=$((failures + 1))
fi

expect_caught "domain includes the store" "lib/src/domain/call.cpp includes <cfp/store/snapshot.hpp>" \
  lib/src/domain/call.cpp '#include <cfp/store/snapshot.hpp>'
expect_caught "util includes domain" "lib/src/util/text.cpp includes <cfp/domain/time.hpp>" \
  lib/src/util/text.cpp '#include <cfp/domain/time.hpp>'
expect_caught "store includes core" "lib/include/cfp/store/database.hpp includes <cfp/core/session.hpp>" \
  lib/include/cfp/store/database.hpp '#include <cfp/core/session.hpp>'
expect_caught "app includes a repository" "app/commands/log.cpp includes <cfp/store/audit_repository.hpp>" \
  app/commands/log.cpp '#include <cfp/store/audit_repository.hpp>'
expect_caught "core includes SQLiteCpp" "lib/src/core/clock.cpp includes SQLite" \
  lib/src/core/clock.cpp '#include <SQLiteCpp/Database.h>'
expect_caught "a public store header includes sqlite3.h" "lib/include/cfp/store/transaction.hpp includes SQLite" \
  lib/include/cfp/store/transaction.hpp '#include <sqlite3.h>'
expect_caught "core includes a backend's header" "lib/src/core/calls.cpp includes a backend's private header" \
  lib/src/core/calls.cpp '#include "store/sqlite/sqlite_database.hpp"'
expect_caught "SQL in app" "SQL outside lib/src/store: app/commands/log.cpp" \
  app/commands/log.cpp 'const char* k_sql = "SELECT id FROM audit";'
expect_caught "SQL in core" "SQL outside lib/src/store: lib/src/core/proposals.cpp" \
  lib/src/core/proposals.cpp 'const char* k_sql = "DELETE FROM proposal";'
store=lib/src/store/sqlite
expect_caught "SQL joined with +" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'const std::string sql = "SELECT id FROM call WHERE code = '"'"'" + code + "'"'"'";'
expect_caught "SQL text after +" "SQL built from strings in lib/src/store: $store/audit_repository.cpp:" \
  $store/audit_repository.cpp 'const auto text = k_select + " WHERE actor = " + actor;'
expect_caught "SQL in fmt::format" "SQL built from strings in lib/src/store: $store/proposal_repository.cpp:" \
  $store/proposal_repository.cpp 'db.exec(fmt::format("DELETE FROM proposal WHERE id = {}", id));'
expect_caught "SQL in fmt::format on the next line" "SQL built from strings in lib/src/store: $store/state_repository.cpp:" \
  $store/state_repository.cpp $'auto sql = fmt::format(\n    "SELECT code FROM state WHERE name = \'{}\'", name);'
expect_caught "a condition appended to sql" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'sql += where_clause;'
expect_caught "SQL written into a stream" "SQL built from strings in lib/src/store: $store/import_keys.cpp:" \
  $store/import_keys.cpp 'out << "INSERT INTO temp.import_key VALUES (" << key << ")";'
expect_caught "exec of a built PRAGMA" "SQL built from strings in lib/src/store: $store/backup.cpp:" \
  $store/backup.cpp 'copy.exec(std::string("PRAGMA journal_mode = ") + mode);'
expect_caught "a statement of built text" "SQL built from strings in lib/src/store: lib/src/store/snapshot.cpp:" \
  lib/src/store/snapshot.cpp 'SQLite::Statement statement(db, k_select_all + filter);'
expect_caught "an allowed PRAGMA elsewhere" "SQL built from strings in lib/src/store: $store/audit_repository.cpp:" \
  $store/audit_repository.cpp 'm_db.exec(fmt::format("PRAGMA user_version = {}", version));'
expect_caught "an allowed line with more pasted after it" "SQL built from strings in lib/src/store: $store/sqlite_database.cpp:" \
  $store/sqlite_database.cpp 'm_db.exec(fmt::format("PRAGMA user_version = {}", migration.version)); m_db.exec(fmt::format("DELETE FROM call WHERE code = {}", code));'
expect_caught "a format string held in a constant" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'db.exec(fmt::vformat(k_delete, fmt::make_format_args(code)));'
expect_caught "SQLite's own printf" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'char* text = sqlite3_mprintf(k_delete, code.c_str());'
expect_caught "exec of a variable" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'db.exec(text);'
expect_caught "a statement made outside the cache" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'auto statement = std::make_unique<SQLite::Statement>(db, k_select);'
expect_caught "SQL appended" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp 'text.append("DELETE FROM call WHERE code = ").append(code);'
expect_caught "SQL two lines after its format call" "SQL built from strings in lib/src/store: $store/call_repository.cpp:" \
  $store/call_repository.cpp $'auto text = fmt::format(\n    // the code was checked\n    "DELETE FROM call WHERE code = \'{}\'", code);'
expect_caught "a file of another extension" "SQL built from strings in lib/src/store: $store/queries.inc:" \
  $store/queries.inc $'db.exec("DELETE FROM call WHERE code = \'" + code + "\'");'
# A place on the allow-list that no longer builds SQL is named, so that the list stays short.
reset_copy
sed -i 's/PRAGMA user_version = {}", migration.version/PRAGMA user_version = 5"/' "$work/tree/$store/sqlite_database.cpp"
if output=$("$work/tree/tests/lint/check_sources.sh" "$work/tree" 2>&1) ||
  [[ $output != *"the allowed place '$store/sqlite_database.cpp|m_db.exec(fmt::format(\"PRAGMA user_version = {}\", migration.version));' builds no SQL any more"* ]]; then
  echo "FAIL: a stale allow-list entry: $output" >&2
  failures=$((failures + 1))
else
  echo "ok: a stale allow-list entry"
fi
expect_caught "a long file" "lib/src/domain/money.cpp has" \
  lib/src/domain/money.cpp "$(printf '// padding\n%.0s' {1..400})"

if ((failures > 0)); then
  echo "$failures check(s) of the lint failed" >&2
  exit 1
fi
echo "the lint catches every planted violation"

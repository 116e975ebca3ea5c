// SPDX-License-Identifier: EUPL-1.2
#include "storage_checks.hpp"

#include "errors.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <functional>

namespace cfp::store::sqlite {

namespace {

// How many problems a check keeps for its report; it counts them all.
constexpr std::int64_t k_problems_kept = 10;

// At most this many rows of integrity_check; a damaged file can have millions.
constexpr char k_integrity_check[] = "PRAGMA integrity_check(100)";
constexpr char k_foreign_key_check[] = "PRAGMA foreign_key_check";

// Hands each row of the check `sql` (one of the constants above) to `row`.
void each_row(SQLite::Database& db, const char* sql, const std::function<void(SQLite::Statement&)>& row)
{
  SQLite::Statement statement(db, sql);
  while (statement.executeStep()) {
    row(statement);
  }
}

// Runs `check` in one read transaction; SQLite's refusal to read the file is the check's problem.
StorageCheck run_check(SQLite::Database& db, std::string name, const std::string& location,
                       std::chrono::milliseconds busy_timeout, const std::function<void(StorageCheck&)>& check)
{
  StorageCheck result{std::move(name), {}, 0};
  try {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::DEFERRED);
    check(result);
  } catch (const SQLite::Exception& error) {
    if (is_busy(error)) {
      throw translate(error, "check the database", location, busy_timeout);
    }
    result.problems = {fmt::format("SQLite could not finish the check: {}", error.getErrorStr())};
    result.problem_count = 1;
  }
  return result;
}

void add_problem(StorageCheck& check, std::string problem)
{
  if (check.problem_count < k_problems_kept) {
    check.problems.push_back(std::move(problem));
  }
  ++check.problem_count;
}

} // namespace

std::vector<StorageCheck> run_storage_checks(SQLite::Database& db, const std::string& location,
                                             std::chrono::milliseconds busy_timeout)
{
  std::vector<StorageCheck> checks;
  checks.push_back(run_check(db, "integrity", location, busy_timeout, [&db](StorageCheck& check) {
    each_row(db, k_integrity_check, [&](SQLite::Statement& statement) {
      const std::string row = statement.getColumn(0).getString();
      if (row != "ok") {
        add_problem(check, row);
      }
    });
  }));
  checks.push_back(run_check(db, "foreign keys", location, busy_timeout,
                             [&db](StorageCheck& check) { check = foreign_key_check(db); }));
  return checks;
}

StorageCheck foreign_key_check(SQLite::Database& db)
{
  StorageCheck check{"foreign keys", {}, 0};
  // Each row: the table, the rowid, the table it refers to, and which of its keys.
  each_row(db, k_foreign_key_check, [&](SQLite::Statement& statement) {
    const auto table = statement.getColumn(0).getString();
    const auto row = statement.getColumn(1);
    const auto parent = statement.getColumn(2).getString();
    add_problem(check, row.isNull()
                           ? fmt::format("a row of {} refers to a row of {} that does not exist", table, parent)
                           : fmt::format("row {} of {} refers to a row of {} that does not exist", row.getInt64(),
                                         table, parent));
  });
  return check;
}

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fixture of the tests of the corrections (call update|remove, deadline update|remove,
// proposal delete): the CLI fixture, with the audit log and the checks at hand.

#include "cli/cli_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cfp::test {

class CorrectionsTest : public CliTest
{
protected:
  /// The audit log, newest first, as `log --format json` prints it.
  nlohmann::json log_json() { return nlohmann::json::parse(ok({"log", "--format", "json", "--limit", "1000"})); }

  /// The newest audit entry (`before` and `after` are JSON values, null when empty).
  nlohmann::json last_entry() { return log_json().at(0); }

  /// Expects the audit chain and every check of `db check` to hold.
  void expect_checks_pass()
  {
    const auto verify = cfp({"log", "verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.err;
    const auto check = cfp({"db", "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }

  /// Runs `args` with --dry-run: it succeeds, says so, and leaves the database as it was.
  std::string dry_run(std::vector<std::string> args, const std::string& now = "2024-10-01T10:00:00Z")
  {
    const std::string before = dump_database(m_db);
    args.push_back("--dry-run");
    const auto result = cfp(args, now);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("dry run: nothing was changed"), std::string::npos) << result.err;
    EXPECT_EQ(dump_database(m_db), before) << "a dry run changed the database";
    return result.err;
  }

  /// The value of one SQL query on the file, as text.
  std::string query(const std::string& sql)
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getString();
  }

  /// Runs SQL on the file outside cfp, as an import of another period could have left it.
  void exec(const std::string& sql)
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }
};

} // namespace cfp::test

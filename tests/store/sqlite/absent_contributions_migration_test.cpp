// SPDX-License-Identifier: EUPL-1.2
// Migration 0011 (absent contributions) on a file at schema version 7: the proposal table is
// rebuilt with nullable contributions, every row of every table is carried over as it was,
// every version keeps its bytes and its SHA-256, the log still verifies, and a file whose
// foreign keys are broken is refused and left at version 7.

#include "store/sqlite/migrations.hpp"
#include "support/support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <sstream>

namespace cfp::test {
namespace {

constexpr auto k_call = "CALL-A";
constexpr auto k_scored = "2024-11-05T10:00:00Z"; // after the first cut-off

// An empty file as cfp wrote it at schema version 7.
void write_schema_seven_file(const std::filesystem::path& path)
{
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& migration : store::sqlite::embedded_migrations()) {
    if (migration.version <= 7) {
      db.exec(migration.sql);
    }
  }
  db.exec(fmt::format("PRAGMA application_id = {}", store::sqlite::k_application_id));
  db.exec("PRAGMA user_version = 7");
}

// Fills `source` (a file of the current schema) with what cfp 7 could hold: drafts, submitted,
// updated, withdrawn and resubmitted proposals, with partners, sectors, earlier versions, a
// declared conflict, scores, a consensus and recorded outcomes. Every amount is given, as it
// was then (a draft without --eu-contribution had 0).
void fill(const std::filesystem::path& source)
{
  const auto ok = [&](const std::vector<std::string>& args, const std::string& now) {
    const auto result = run_cli(source, args, now);
    ASSERT_EQ(result.exit_code, 0) << ::testing::PrintToString(args) << '\n' << result.err;
  };
  const std::string before = "2024-09-01T09:00:00Z";
  const std::string during = "2024-10-01T10:00:00Z";
  ok({"call", "add", k_call, "--title", "AI Factories", "--opens", "2024-09-10", "--budget", "100M"}, before);
  ok({"deadline", "add", k_call, "2024-11-04"}, before);
  ok({"deadline", "add", k_call, "2025-02-01"}, before);
  ok({"proposal",
      "add",
      "--call",
      k_call,
      "--acronym",
      "SUBMITTED",
      "--title",
      "S",
      "--host",
      "ES",
      "--partner",
      "PT,RO",
      "--entity",
      "E",
      "--eu-contribution",
      "31M",
      "--national-contribution",
      "12.5M",
      "--sector",
      "health,climate"},
     during);
  ok({"proposal", "update", "SUBMITTED", "--title", "Submitted, again", "--partner", "PT"}, "2024-10-02T10:00:00Z");
  ok({"proposal", "add", "--call", k_call, "--acronym", "ZERO", "--title", "Z", "--host", "SE", "--entity", "E",
      "--eu-contribution", "0", "--national-contribution", "0"},
     during);
  ok({"proposal", "add", "--call", k_call, "--acronym", "DRAFT", "--title", "D", "--host", "FI", "--entity", "E",
      "--eu-contribution", "0", "--national-contribution", "0", "--sector", "space", "--draft"},
     during);
  ok({"proposal", "add", "--call", k_call, "--acronym", "WITHDRAWN", "--title", "W", "--host", "DE", "--partner", "AT",
      "--entity", "E", "--eu-contribution", "5M", "--national-contribution", "5M"},
     during);
  ok({"proposal", "withdraw", "WITHDRAWN", "--reason", "Not ready"}, "2024-10-03T10:00:00Z");
  ok({"proposal", "add", "--call", k_call, "--acronym", "BACK", "--title", "B", "--host", "IT", "--entity", "E",
      "--eu-contribution", "7M", "--national-contribution", "1M"},
     during);
  ok({"proposal", "withdraw", "BACK", "--reason", "Pause"}, "2024-10-03T10:00:00Z");
  ok({"proposal", "submit", "BACK"}, "2024-10-04T10:00:00Z");
  ok({"expert", "add", "Ella", "--state", "FI"}, during);
  ok({"expert", "add", "Frans", "--state", "NL"}, during);
  ok({"expert", "conflict", "Frans", "ZERO", "--reason", "Colleague"}, during);
  for (const char* ref : {"SUBMITTED", "ZERO", "BACK"}) {
    ok({"score", "add", ref, "--expert", "Ella", "excellence=4", "impact=4", "implementation=3.5"}, k_scored);
  }
  ok({"consensus", "set", "SUBMITTED", "excellence=4.5", "--comment", "Agreed"}, k_scored);
  ok({"rank", k_call, "--cutoff", "2024-11-04", "--min-experts", "1", "--apply"}, k_scored);
}

// Copies every row of every table of `source` into `target` (same tables, same column order).
void copy_rows(const std::filesystem::path& source, const std::filesystem::path& target)
{
  SQLite::Database db(target.string(), SQLite::OPEN_READWRITE);
  SQLite::Statement attach(db, "ATTACH DATABASE ?1 AS source");
  attach.bind(1, source.string());
  attach.exec();
  std::vector<std::string> tables;
  // The tables schema 7 has: those of later migrations stay empty, as they were then.
  SQLite::Statement names(db, "SELECT name FROM source.sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                              "'sqlite_%' AND name IN (SELECT name FROM main.sqlite_schema) ORDER BY name");
  while (names.executeStep()) {
    tables.push_back(names.getColumn(0).getString());
  }
  names.reset();
  db.exec("BEGIN");
  for (const auto& table : tables) {
    // States and sectors come with the schema; the copy replaces them.
    if (table == "state" || table == "sector") {
      db.exec(fmt::format("DELETE FROM main.\"{}\"", table));
    }
    // The columns schema 7 has: those later migrations added (a call's document rules) are
    // left out, as their defaults are what the migration gives.
    std::vector<std::string> columns;
    SQLite::Statement info(db, fmt::format("SELECT name FROM pragma_table_info('{}', 'main')", table));
    while (info.executeStep()) {
      columns.push_back('"' + info.getColumn(0).getString() + '"');
    }
    const auto list = fmt::format("{}", fmt::join(columns, ", "));
    db.exec(fmt::format("INSERT INTO main.\"{0}\" ({1}) SELECT {1} FROM source.\"{0}\"", table, list));
  }
  db.exec("COMMIT");
  db.exec("DETACH DATABASE source");
}

// The rows of every table: what dump_database gives after the schema and the version, which the
// migration changes.
std::string rows_of(const std::filesystem::path& path)
{
  const auto dump = dump_database(path);
  const auto version = dump.find("\nuser_version ");
  return dump.substr(dump.find('\n', version + 1) + 1);
}

std::string query(const std::filesystem::path& path, const std::string& sql)
{
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement statement(db, sql);
  std::string text;
  while (statement.executeStep()) {
    for (int i = 0; i < statement.getColumnCount(); ++i) {
      text += (i == 0 ? "" : "|") + (statement.getColumn(i).isNull() ? "NULL" : statement.getColumn(i).getString());
    }
    text += '\n';
  }
  return text;
}

class AbsentContributionsMigrationTest : public ::testing::Test
{
protected:
  void SetUp() override
  {
    fill(m_source);
    write_schema_seven_file(m_old);
    copy_rows(m_source, m_old);
  }

  std::string cli(const std::filesystem::path& path, const std::vector<std::string>& args)
  {
    const auto result = run_cli(path, args, k_scored);
    EXPECT_EQ(result.exit_code, 0) << ::testing::PrintToString(args) << '\n' << result.err;
    return result.out;
  }

  TempDir m_dir;
  std::filesystem::path m_source = m_dir / "source.db"; ///< the same rows, written by this cfp
  std::filesystem::path m_old = m_dir / "seven.db";
};

TEST_F(AbsentContributionsMigrationTest, EveryRowAndVersionIsCarriedOverAsItWas)
{
  const auto rows = rows_of(m_old);
  ASSERT_NE(rows.find("proposal_version:"), std::string::npos);
  ASSERT_NE(rows.find("evaluation:"), std::string::npos);
  ASSERT_NE(rows.find("declared_conflict:"), std::string::npos);
  ASSERT_NE(rows.find("consensus:"), std::string::npos);

  const auto init = run_cli(m_old, {"db", "init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("migrated from version 7"), std::string::npos) << init.out;
  EXPECT_EQ(query(m_old, "PRAGMA user_version"),
            fmt::format("{}\n", store::sqlite::embedded_migrations().back().version));
  // Every row as it was, and each call with the document rules 0012 adds, at their defaults (no
  // required part, 50 MiB a document).
  std::string expected;
  std::istringstream lines(rows);
  for (std::string line; std::getline(lines, line);) {
    expected += line + (line.starts_with("call: ") ? "  52428800\n" : "\n");
  }
  EXPECT_EQ(rows_of(m_old), expected);

  // What each proposal shows, and each of its versions with its SHA-256, is what this cfp shows
  // of the same rows: receipts given before the migration still verify.
  for (const char* ref : {"SUBMITTED", "ZERO", "DRAFT", "WITHDRAWN", "BACK"}) {
    EXPECT_EQ(cli(m_old, {"proposal", "history", ref, "--format", "json"}),
              cli(m_source, {"proposal", "history", ref, "--format", "json"}))
        << ref;
    EXPECT_EQ(cli(m_old, {"proposal", "show", ref, "--format", "json"}),
              cli(m_source, {"proposal", "show", ref, "--format", "json"}))
        << ref;
  }
  // A 0 stays 0: the file cannot tell a typed 0 from one cfp stored for a missing option.
  const auto draft = cli(m_old, {"proposal", "show", "DRAFT", "--format", "csv"});
  EXPECT_NE(draft.find(",false,0.00,0.00,space,draft,"), std::string::npos) << draft;

  EXPECT_EQ(run_cli(m_old, {"db", "check"}).exit_code, 0);
  const auto verified = run_cli(m_old, {"log", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
}

TEST_F(AbsentContributionsMigrationTest, TheRebuiltTableKeepsItsColumnsKeysIndexesAndTriggers)
{
  const auto pragmas = [&] {
    return query(m_old, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo('proposal')") +
           query(m_old, "SELECT * FROM pragma_foreign_key_list('proposal')") +
           query(m_old, "SELECT name, \"unique\", origin, partial FROM pragma_index_list('proposal') ORDER BY name") +
           // The indexes and triggers schema 7 had (later migrations add their own: compared below
           // with a file made at this version from the start).
           query(m_old, "SELECT type, name, tbl_name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND "
                        "name IN ('proposal_by_host', 'proposal_by_cutoff', 'proposal_host_is_not_partner', "
                        "'proposal_partner_is_not_host', 'proposal_partner_by_state', 'proposal_version_is_immutable_update', "
                        "'proposal_version_is_immutable_delete') ORDER BY name");
  };
  auto before = pragmas();
  ASSERT_EQ(run_cli(m_old, {"db", "init"}).exit_code, 0);
  // Only the contributions' NOT NULL goes.
  for (const char* column : {"eu_contribution_cents|INTEGER|", "national_contribution_cents|INTEGER|"}) {
    const auto at = before.find(std::string(column) + "1|");
    ASSERT_NE(at, std::string::npos) << before;
    before.replace(at + std::string(column).size(), 1, "0");
  }
  EXPECT_EQ(pragmas(), before);
  // The same schema as a file made at this version from the start.
  EXPECT_EQ(query(m_old, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"),
            query(m_source, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"));

  SQLite::Database db(m_old.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  const auto refused = [&](const std::string& sql) {
    try {
      db.exec(sql);
    } catch (const SQLite::Exception& error) {
      return error.getErrorCode() == SQLITE_CONSTRAINT;
    }
    return false;
  };
  const auto id = [&](const std::string& acronym) {
    SQLite::Statement statement(db, "SELECT id FROM proposal WHERE acronym = ?1");
    statement.bind(1, acronym);
    EXPECT_TRUE(statement.executeStep()) << acronym;
    return statement.getColumn(0).getInt64();
  };
  // The triggers: the host is never a partner.
  EXPECT_TRUE(refused(fmt::format("INSERT INTO proposal_partner VALUES ({}, 'ES')", id("SUBMITTED"))));
  EXPECT_TRUE(refused(fmt::format("UPDATE proposal SET host = 'PT' WHERE id = {}", id("SUBMITTED"))));
  // The checks, old and new: only a draft leaves its EU contribution out.
  EXPECT_TRUE(refused(fmt::format("UPDATE proposal SET plan = 'big' WHERE id = {}", id("DRAFT"))));
  EXPECT_TRUE(refused(fmt::format("UPDATE proposal SET eu_contribution_cents = -1 WHERE id = {}", id("DRAFT"))));
  EXPECT_TRUE(refused(fmt::format("UPDATE proposal SET eu_contribution_cents = NULL WHERE id = {}", id("ZERO"))));
  EXPECT_TRUE(refused(fmt::format("UPDATE proposal SET eu_contribution_cents = NULL WHERE id = {}", id("WITHDRAWN"))));
  EXPECT_FALSE(refused(fmt::format("UPDATE proposal SET eu_contribution_cents = NULL, national_contribution_cents = "
                                   "NULL WHERE id = {}",
                                   id("DRAFT"))));
  EXPECT_FALSE(
      refused(fmt::format("UPDATE proposal SET national_contribution_cents = NULL WHERE id = {}", id("ZERO"))));
  // The keys: a partner of no proposal is refused.
  EXPECT_TRUE(refused("INSERT INTO proposal_partner VALUES (999, 'FR')"));
}

TEST(AbsentContributionsMigrationFailureTest, ABrokenForeignKeyStopsTheMigrationAndTheFileStaysAtVersionSeven)
{
  TempDir dir;
  const auto path = dir / "seven.db";
  write_schema_seven_file(path);
  {
    // Written outside cfp, with foreign keys off: a partner of a proposal that does not exist.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO proposal_partner (proposal_id, state_code) VALUES (42, 'PT')");
  }
  const auto before = dump_database(path);
  const auto result = run_cli(path, {"db", "init"});
  EXPECT_EQ(result.exit_code, 74) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("cfp: error: cannot migrate ", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("1 row refers to rows that do not exist; the file stays at schema version 7:\n"
                            "  a row of proposal_partner refers to a row of proposal that does not exist\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(dump_database(path), before);

  // `db check` names the same row, and mended, the file migrates.
  EXPECT_NE(run_cli(path, {"db", "check"}).out.find("proposal_partner"), std::string::npos);
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM proposal_partner");
  }
  EXPECT_EQ(run_cli(path, {"db", "init"}).exit_code, 0);
}

TEST(AbsentContributionsMigrationFailureTest, ForeignKeysAreOnAgainAfterTheMigrations)
{
  DatabaseFixture fixture;
  EXPECT_EQ(fixture.connection().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// Migration 0003 (audit subjects) and 0004 (snapshot formats) on a file written at schema
// version 2: every audit entry is carried over with its id and values, its subject found from
// its entity text, and an entry whose subject was removed outside cfp does not stop it.

#include "store/sqlite/migrations.hpp"
#include "support/support.hpp"

#include <cfp/store/audit_repository.hpp>
#include <cfp/store/database.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

namespace cfp::test {
namespace {

// A file as cfp wrote it at schema version 2, with a call, two cut-offs (one label holds a
// '/'), a proposal with an earlier version, and the audit entries of all that.
void write_schema_two_file(const std::filesystem::path& path)
{
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& migration : store::sqlite::embedded_migrations()) {
    if (migration.version <= 2) {
      db.exec(migration.sql);
    }
  }
  db.exec(fmt::format("PRAGMA application_id = {}", store::sqlite::k_application_id));
  db.exec("PRAGMA user_version = 2");
  db.exec(R"sql(
INSERT INTO call (id, code, title, created_at) VALUES (1, 'CALL-A', 'A', '2024-09-01T09:00:00Z');
INSERT INTO cutoff (id, call_id, label, closes_at, wall_time, zone) VALUES
  (1, 1, '2024-11-04', '2024-11-04T16:00:00Z', '2024-11-04T17:00:00', 'Europe/Brussels'),
  (2, 1, 'Round 2/B', '2025-02-01T16:00:00Z', '2025-02-01T17:00:00', 'Europe/Brussels');
INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, version,
  created_at, updated_at, updated_by)
VALUES (7, 1, 'P-1', 'Second title', 'ES', 'E', 'new', 0, 0, 0, 'submitted', 1, '2024-10-02T10:00:00Z', 2,
  '2024-10-01T10:00:00Z', '2024-10-02T10:00:00Z', 'bob');
INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) VALUES
  (7, 1, '2024-10-01T10:00:00Z', 'alice',
   '{"id":7,"call":"CALL-A","acronym":"P-1","title":"First title","host":"ES","partners":[],"entity":"E","plan":"new","experimental_platform":false,"eu_contribution_eur":"0.00","national_contribution_eur":"0.00","sectors":[],"status":"submitted","cutoff":"2024-11-04","cutoff_closes_at":"2024-11-04T16:00:00Z","submitted_at":"2024-10-01T10:00:00Z","version":1,"withdrawal_reason":null}');
INSERT INTO audit (id, at, actor, command, entity, action, proposal_id, before, after) VALUES
  (1, '2024-09-01T09:00:00Z', 'alice', 'cfp call add CALL-A', 'call CALL-A', 'add', NULL, NULL, '{"code":"CALL-A"}'),
  (2, '2024-09-01T09:01:00Z', 'alice', 'cfp deadline add', 'cutoff CALL-A/2024-11-04', 'add', NULL, NULL, '{}'),
  (3, '2024-09-01T09:02:00Z', 'alice', 'cfp deadline add', 'cutoff CALL-A/Round 2/B', 'add', NULL, NULL, '{}'),
  (4, '2024-10-01T10:00:00Z', 'alice', 'cfp proposal add', 'proposal CALL-A/P-1', 'add', 7, NULL, '{"version":1}'),
  (5, '2024-10-02T10:00:00Z', 'bob', 'cfp proposal update', 'proposal CALL-A/P-1', 'update', 7, '{"version":1}',
   '{"version":2}'),
  (6, '2024-10-03T10:00:00Z', 'carol', 'cfp import proposals f.csv', 'import proposals f.csv', 'import', NULL,
   NULL, '{"file":"f.csv"}'),
  (7, '2024-10-04T10:00:00Z', 'dave', 'cfp call add GONE', 'call GONE', 'add', NULL, NULL, '{"code":"GONE"}');
)sql");
}

std::vector<domain::AuditEntry> all_entries(store::Database& database)
{
  return database.read("read the log", [](const store::Transaction& tx) { return tx.audit().list({}, 100); });
}

TEST(MigrationTest, AuditEntriesAreCarriedOverWithTheirIdsValuesAndSubjects)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_two_file(path);
  const auto database = store::Database::open(path.string());
  EXPECT_EQ(database->migration_report().from_version, 2);
  EXPECT_EQ(database->migration_report().to_version, database->latest_schema_version());

  const auto entries = all_entries(*database);
  ASSERT_EQ(entries.size(), 7u);
  using domain::AuditSubject;
  using domain::SubjectKind;
  const std::vector<std::pair<std::int64_t, AuditSubject>> expected{
      {7, {SubjectKind::call, std::nullopt}}, // GONE was never in the call table
      {6, {SubjectKind::import, std::nullopt}},
      {5, {SubjectKind::proposal, 7}},
      {4, {SubjectKind::proposal, 7}},
      {3, {SubjectKind::cutoff, 2}}, // a label with a '/' in it
      {2, {SubjectKind::cutoff, 1}},
      {1, {SubjectKind::call, 1}},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(entries[i].id, expected[i].first);
    EXPECT_EQ(entries[i].subject, expected[i].second) << "entry " << entries[i].id << ": " << entries[i].entity;
  }
  EXPECT_EQ(entries[2].actor, "bob");
  EXPECT_EQ(entries[2].command, "cfp proposal update");
  EXPECT_EQ(entries[2].action, "update");
  EXPECT_EQ(entries[2].at, utc("2024-10-02T10:00:00Z"));
  EXPECT_EQ(entries[2].before, R"({"version":1})");
  EXPECT_EQ(entries[2].after, R"({"version":2})");

  // The entries of one proposal are still found by it, and the log stays append-only.
  const auto of_proposal = database->read("read", [](const store::Transaction& tx) {
    store::AuditFilter filter;
    filter.proposal_ids = {7};
    return tx.audit().list(filter, 100);
  });
  ASSERT_EQ(of_proposal.size(), 2u);
  EXPECT_EQ(of_proposal[0].action, "update");
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("DELETE FROM audit WHERE id = 1"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE audit SET actor = 'mallory' WHERE id = 1"), SQLite::Exception);
}

TEST(MigrationTest, EarlierProposalVersionsAreSnapshotFormatOneAndStillRead)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_two_file(path);
  const auto database = store::Database::open(path.string());
  const auto history = database->read("read", [](const store::Transaction& tx) { return tx.proposals().history(7); });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].proposal.fields.title, "First title");
  EXPECT_EQ(history[0].recorded_by, "alice");
  EXPECT_EQ(history[1].proposal.fields.title, "Second title");
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT snapshot_format FROM proposal_version").getInt(), 1);
}

TEST(MigrationTest, EntriesWrittenBeforeSealsExistedAreSealedAndVerify)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_two_file(path);
  store::Database::open(path.string());
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM audit_seal").getInt(), 7);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM audit WHERE real_at IS NULL AND simulated = 0").getInt(), 7)
      << "no real time is invented for entries written before it was recorded";
  const auto verified = run_cli(path, {"log", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("entries:   7"), std::string::npos) << verified.out;
  // New entries go on from the sealed ones: the call's, and one each of its three criteria.
  EXPECT_EQ(run_cli(path, {"call", "add", "NEW", "--title", "New"}).exit_code, 0);
  EXPECT_NE(run_cli(path, {"log", "verify"}).out.find("entries:   11"), std::string::npos);
}

TEST(MigrationTest, AnImportEntryWithAnIdIsRefusedByTheNewSchema)
{
  DatabaseFixture fixture;
  try {
    fixture.connection().exec("INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id) "
                              "VALUES ('2024-10-01T10:00:00Z', 'a', 'c', 'import x', 'import', 'import', 3)");
    FAIL() << "an import with an id was stored";
  } catch (const SQLite::Exception& error) {
    EXPECT_EQ(error.getErrorCode(), SQLITE_CONSTRAINT) << error.what();
  }
  try {
    fixture.connection().exec("INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id) "
                              "VALUES ('2024-10-01T10:00:00Z', 'a', 'c', 'x', 'add', 'sandwich', 3)");
    FAIL() << "an unknown kind of subject was stored";
  } catch (const SQLite::Exception& error) {
    EXPECT_EQ(error.getErrorCode(), SQLITE_CONSTRAINT) << error.what();
  }
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

TEST(MigrationTest, CallsAlreadyThereGetTheStandardCriteriaAndOverallThreshold)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_two_file(path);
  store::Database::open(path.string());
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement criteria(db, "SELECT key, name, weight, threshold, position FROM criterion k JOIN call c ON "
                                 "c.id = k.call_id WHERE c.code = 'CALL-A' ORDER BY position");
  std::vector<std::string> rows;
  while (criteria.executeStep()) {
    rows.push_back(fmt::format("{}|{}|{}|{}|{}", criteria.getColumn(0).getString(), criteria.getColumn(1).getString(),
                               criteria.getColumn(2).getInt(), criteria.getColumn(3).getInt(),
                               criteria.getColumn(4).getInt()));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"excellence|Excellence|1000|6|1", "impact|Impact|1000|6|2",
                                            "implementation|Quality and efficiency of the implementation|1000|6|3"}));
  EXPECT_EQ(db.execAndGet("SELECT overall_threshold FROM call WHERE code = 'CALL-A'").getInt(), 20);
  const auto listed = run_cli(path, {"criterion", "list", "CALL-A", "--format", "csv"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, "call,key,name,weight,threshold,position\r\n"
                        "CALL-A,excellence,Excellence,1,3.0,1\r\n"
                        "CALL-A,impact,Impact,1,3.0,2\r\n"
                        "CALL-A,implementation,Quality and efficiency of the implementation,1,3.0,3\r\n");
}

} // namespace
} // namespace cfp::test

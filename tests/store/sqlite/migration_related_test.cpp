// SPDX-License-Identifier: EUPL-1.2
// Migration 0010 (audit_related) on a file written at schema version 7: the import entries
// already there are linked to what they created or changed as far as the stored rows tell, and
// no further.

#include "store/sqlite/migrations.hpp"
#include "support/support.hpp"

#include <cfp/store/audit_repository.hpp>
#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace cfp::test {
namespace {

// Two calls; proposals imported by carol at T1 (P-IMP, changed again by her import at T2;
// P-WD, which another command withdrew in the same second), P-SAME added by `proposal add` in
// that second, P-TWIN written when two imports had the same time and actor; an import of calls
// that changed CALL-B and added it a cut-off; an import of scores of P-IMP.
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
  db.exec(R"sql(
INSERT INTO call (id, code, title, created_at) VALUES
  (1, 'CALL-A', 'A', '2024-09-01T09:00:00Z'), (2, 'CALL-B', 'B', '2024-09-01T09:00:00Z');
INSERT INTO cutoff (id, call_id, label, closes_at, wall_time, zone) VALUES
  (1, 1, '2024-11-04', '2024-11-04T16:00:00Z', '2024-11-04T17:00:00', 'Europe/Brussels'),
  (2, 2, '2024-11-04', '2024-11-04T16:00:00Z', '2024-11-04T17:00:00', 'Europe/Brussels');
INSERT INTO proposal (id, call_id, acronym, title, host, entity, plan, experimental_platform,
  eu_contribution_cents, national_contribution_cents, status, cutoff_id, submitted_at, withdrawal_reason, version,
  created_at, updated_at, updated_by)
VALUES
  (10, 1, 'P-IMP', 'T', 'ES', 'E', 'new', 0, 0, 0, 'submitted', 1, '2024-10-02T10:00:00Z', NULL, 2,
   '2024-10-01T10:00:00Z', '2024-10-02T10:00:00Z', 'carol'),
  (11, 1, 'P-SAME', 'T', 'ES', 'E', 'new', 0, 0, 0, 'submitted', 1, '2024-10-01T10:00:00Z', NULL, 1,
   '2024-10-01T10:00:00Z', '2024-10-01T10:00:00Z', 'carol'),
  (12, 1, 'P-WD', 'T', 'ES', 'E', 'new', 0, 0, 0, 'withdrawn', 1, '2024-10-01T10:00:00Z', 'r', 2,
   '2024-10-01T10:00:00Z', '2024-10-01T10:00:00Z', 'carol'),
  (13, 1, 'P-TWIN', 'T', 'ES', 'E', 'new', 0, 0, 0, 'submitted', 1, '2024-10-04T10:00:00Z', NULL, 1,
   '2024-10-04T10:00:00Z', '2024-10-04T10:00:00Z', 'erin');
INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) VALUES
  (10, 1, '2024-10-01T10:00:00Z', 'carol', '{}'),
  (12, 1, '2024-10-01T10:00:00Z', 'carol', '{}');
INSERT INTO expert (id, name, name_key, state, created_at) VALUES (1, 'Ana', 'ana', 'PT', '2024-09-01T09:00:00Z');
INSERT INTO evaluation (id, proposal_id, cutoff_id, expert_id, version, recorded_at, recorded_real_at,
  recorded_simulated, recorded_by)
VALUES (1, 10, 1, 1, 1, '2024-11-10T10:00:00Z', '2024-11-10T10:00:00Z', 0, 'frank');
INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, subject_id, before, after) VALUES
  (1, '2024-09-01T09:00:00Z', 'alice', 'cfp call add CALL-A', 'call CALL-A', 'add', 'call', 1, NULL, '{}'),
  (2, '2024-10-01T10:00:00Z', 'carol', 'cfp import proposals f.csv', 'import proposals f.csv', 'import', 'import',
   NULL, NULL, '{}'),
  (3, '2024-10-01T10:00:00Z', 'carol', 'cfp proposal add --acronym P-SAME', 'proposal CALL-A/P-SAME', 'add',
   'proposal', 11, NULL, '{}'),
  (4, '2024-10-01T10:00:00Z', 'carol', 'cfp proposal withdraw P-WD', 'proposal CALL-A/P-WD', 'withdraw',
   'proposal', 12, '{}', '{}'),
  (5, '2024-10-02T10:00:00Z', 'carol', 'cfp import proposals g.csv', 'import proposals g.csv', 'import', 'import',
   NULL, NULL, '{}'),
  (6, '2024-10-03T10:00:00Z', 'dave', 'cfp import calls c.json', 'call CALL-B', 'update', 'call', 2, '{}', '{}'),
  (7, '2024-10-03T10:00:00Z', 'dave', 'cfp import calls c.json', 'cutoff CALL-B/2024-11-04', 'add', 'cutoff', 2,
   NULL, '{}'),
  (8, '2024-10-03T10:00:00Z', 'dave', 'cfp import calls c.json', 'import calls c.json', 'import', 'import', NULL,
   NULL, '{}'),
  (9, '2024-10-04T10:00:00Z', 'erin', 'cfp import proposals h.csv', 'import proposals h.csv', 'import', 'import',
   NULL, NULL, '{}'),
  (10, '2024-10-04T10:00:00Z', 'erin', 'cfp import proposals i.csv', 'import proposals i.csv', 'import', 'import',
   NULL, NULL, '{}'),
  (11, '2024-10-05T10:00:00Z', 'dave', 'cfp import calls c.json', 'import calls c.json', 'import', 'import', NULL,
   NULL, '{}'),
  (12, '2024-11-10T10:00:00Z', 'frank', 'cfp import scores s.csv', 'import scores s.csv', 'import', 'import',
   NULL, NULL, '{}');
)sql");
}

TEST(MigrationRelatedTest, ImportEntriesAreLinkedToWhatTheStoredRowsShowTheyWrote)
{
  TempDir dir;
  const auto path = dir / "old.db";
  write_schema_seven_file(path);
  const auto database = store::Database::open(path.string());
  EXPECT_EQ(database->migration_report().from_version, 7);

  std::set<std::tuple<std::int64_t, std::string, std::int64_t>> links;
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement rows(db, "SELECT audit_id, subject_kind, subject_id FROM audit_related");
    while (rows.executeStep()) {
      links.emplace(rows.getColumn(0).getInt64(), rows.getColumn(1).getString(), rows.getColumn(2).getInt64());
    }
  }
  using Link = std::tuple<std::int64_t, std::string, std::int64_t>;
  EXPECT_EQ(links, (std::set<Link>{
                       {2, "proposal", 10}, // version 1 of P-IMP
                       {2, "proposal", 12}, // version 1 of P-WD: the withdrawal accounts for version 2 only
                       {5, "proposal", 10}, // version 2 of P-IMP
                       {8, "call", 2},      // the call and the cut-off it changed before its entry
                       {12, "proposal", 10} // the evaluation of P-IMP
                   }));
  // Not linked: P-SAME (its own entry accounts for it), P-TWIN (two imports had that time and
  // actor), and the second import of calls (nothing of its command was written before it).

  const auto of_imp = database->read("read", [](const store::Transaction& tx) {
    store::AuditFilter filter;
    filter.proposal_ids = {10};
    return tx.audit().list(filter, 100);
  });
  std::vector<std::int64_t> ids;
  for (const auto& entry : of_imp) {
    ids.push_back(entry.id);
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{12, 5, 2}));
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("DELETE FROM audit_related WHERE audit_id = 2"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE audit_related SET subject_id = 11 WHERE audit_id = 2"), SQLite::Exception);
}

} // namespace
} // namespace cfp::test

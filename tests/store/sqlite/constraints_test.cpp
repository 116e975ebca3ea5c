// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/error.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

// One row of the proposal table, valid unless a test changes a member.
struct ProposalRow
{
  std::int64_t call_id = 0;
  std::string acronym = "BSC-AIF";
  std::string title = "AI Factory Barcelona";
  std::string host = "ES";
  std::string entity = "Barcelona Supercomputing Center";
  std::string plan = "new";
  std::int64_t eu_cents = 6'100'000'000;
  std::int64_t national_cents = 6'100'000'000;
  std::string status = "submitted";
  std::optional<std::int64_t> cutoff_id;
  std::optional<std::string> submitted_at = "2024-10-01T10:00:00Z";
  std::optional<std::string> withdrawal_reason;
};

// Expects `action` to fail with SQLite's extended result code `code` and a message containing `part`.
::testing::AssertionResult violates(const std::function<void()>& action, int code, const std::string& part = "")
{
  try {
    action();
  } catch (const SQLite::Exception& error) {
    if (error.getExtendedErrorCode() != code) {
      return ::testing::AssertionFailure()
             << "extended code " << error.getExtendedErrorCode() << " instead of " << code << ": " << error.what();
    }
    if (std::string(error.what()).find(part) == std::string::npos) {
      return ::testing::AssertionFailure() << "message '" << error.what() << "' lacks '" << part << "'";
    }
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "the statement succeeded";
}

// Raw SQL on a migrated file, with foreign keys enforced as cfp's connections enforce them.
class ConstraintTest : public ::testing::Test
{
protected:
  ConstraintTest() : m_db(m_fixture.path().string(), SQLite::OPEN_READWRITE)
  {
    m_db.exec("PRAGMA foreign_keys = ON");
    m_call_a = insert_call("CALL-A");
    m_call_b = insert_call("CALL-B");
    m_cutoff_a = insert_cutoff(m_call_a, "first", "2025-02-01T16:00:00Z");
    m_cutoff_b = insert_cutoff(m_call_b, "first", "2025-02-01T16:00:00Z");
  }

  std::int64_t insert_call(const std::string& code, std::optional<std::int64_t> budget = std::nullopt)
  {
    SQLite::Statement statement(m_db, "INSERT INTO call (code, title, budget_cents, created_at) "
                                      "VALUES (?1, 'A call', ?2, '2024-10-01T10:00:00Z')");
    statement.bind(1, code);
    if (budget) {
      statement.bind(2, *budget);
    }
    statement.exec();
    return m_db.getLastInsertRowid();
  }

  std::int64_t insert_cutoff(std::int64_t call_id, const std::string& label, const std::string& closes_at)
  {
    SQLite::Statement statement(m_db, "INSERT INTO cutoff (call_id, label, closes_at, wall_time, zone) "
                                      "VALUES (?1, ?2, ?3, '2025-02-01T17:00:00', 'Europe/Brussels')");
    statement.bind(1, call_id);
    statement.bind(2, label);
    statement.bind(3, closes_at);
    statement.exec();
    return m_db.getLastInsertRowid();
  }

  // A submitted proposal of call A unless `change` says otherwise.
  std::int64_t insert_proposal(const std::function<void(ProposalRow&)>& change = {})
  {
    ProposalRow row;
    row.call_id = m_call_a;
    row.cutoff_id = m_cutoff_a;
    if (change) {
      change(row);
    }
    SQLite::Statement statement(m_db, R"sql(
INSERT INTO proposal (call_id, acronym, title, host, entity, plan, experimental_platform,
                      eu_contribution_cents, national_contribution_cents, status, cutoff_id,
                      submitted_at, withdrawal_reason, version, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?9, ?10, ?11, ?12, 1, '2024-10-01T10:00:00Z', '2024-10-01T10:00:00Z')
)sql");
    statement.bind(1, row.call_id);
    statement.bind(2, row.acronym);
    statement.bind(3, row.title);
    statement.bind(4, row.host);
    statement.bind(5, row.entity);
    statement.bind(6, row.plan);
    statement.bind(7, row.eu_cents);
    statement.bind(8, row.national_cents);
    statement.bind(9, row.status);
    if (row.cutoff_id) {
      statement.bind(10, *row.cutoff_id);
    }
    if (row.submitted_at) {
      statement.bind(11, *row.submitted_at);
    }
    if (row.withdrawal_reason) {
      statement.bind(12, *row.withdrawal_reason);
    }
    statement.exec();
    return m_db.getLastInsertRowid();
  }

  void insert_partner(std::int64_t proposal_id, const std::string& code)
  {
    SQLite::Statement statement(m_db, "INSERT INTO proposal_partner (proposal_id, state_code) VALUES (?1, ?2)");
    statement.bind(1, proposal_id);
    statement.bind(2, code);
    statement.exec();
  }

  void insert_sector(std::int64_t proposal_id, const std::string& sector)
  {
    SQLite::Statement statement(m_db, "INSERT INTO proposal_sector (proposal_id, sector) VALUES (?1, ?2)");
    statement.bind(1, proposal_id);
    statement.bind(2, sector);
    statement.exec();
  }

  void exec(const std::string& sql, std::int64_t id)
  {
    SQLite::Statement statement(m_db, sql);
    statement.bind(1, id);
    statement.exec();
  }

  DatabaseFixture m_fixture;
  SQLite::Database m_db;
  std::int64_t m_call_a = 0;
  std::int64_t m_call_b = 0;
  std::int64_t m_cutoff_a = 0;
  std::int64_t m_cutoff_b = 0;
};

TEST_F(ConstraintTest, ValidRowsAreAccepted)
{
  const auto id = insert_proposal();
  insert_partner(id, "FR");
  insert_sector(id, "health");
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM proposal").getInt(), 1);
}

TEST_F(ConstraintTest, StrictTablesRefuseTextInIntegerColumns)
{
  EXPECT_TRUE(violates([&] { exec("UPDATE call SET budget_cents = 'lots' WHERE id = ?1", m_call_a); },
                       SQLITE_CONSTRAINT_DATATYPE));
  const auto id = insert_proposal();
  EXPECT_TRUE(violates([&] { exec("UPDATE proposal SET eu_contribution_cents = 'a lot' WHERE id = ?1", id); },
                       SQLITE_CONSTRAINT_DATATYPE));
  EXPECT_TRUE(
      violates([&] { exec("UPDATE proposal SET version = 1.5 WHERE id = ?1", id); }, SQLITE_CONSTRAINT_DATATYPE));
}

TEST_F(ConstraintTest, StrictTablesRefuseBlobsInTextColumns)
{
  const auto id = insert_proposal();
  EXPECT_TRUE(
      violates([&] { exec("UPDATE proposal SET title = x'00ff' WHERE id = ?1", id); }, SQLITE_CONSTRAINT_DATATYPE));
}

TEST_F(ConstraintTest, NegativeMoneyIsRefused)
{
  EXPECT_TRUE(violates([&] { insert_call("CALL-C", -1); }, SQLITE_CONSTRAINT_CHECK));
  EXPECT_TRUE(violates([&] { insert_proposal([](ProposalRow& row) { row.eu_cents = -1; }); }, SQLITE_CONSTRAINT_CHECK));
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.national_cents = -100; }); }, SQLITE_CONSTRAINT_CHECK));
}

TEST_F(ConstraintTest, UnknownPlanIsRefused)
{
  EXPECT_TRUE(violates([&] { insert_proposal([](ProposalRow& row) { row.plan = "big"; }); }, SQLITE_CONSTRAINT_CHECK));
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.plan = "new_system"; }); }, SQLITE_CONSTRAINT_CHECK));
}

TEST_F(ConstraintTest, UnknownStatusIsRefused)
{
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.status = "pending"; }); }, SQLITE_CONSTRAINT_CHECK));
}

TEST_F(ConstraintTest, AcronymWithForbiddenCharactersIsRefused)
{
  for (const std::string& acronym :
       std::vector<std::string>{"BSC AIF", "BSC/AIF", "", "AI\xC3\x89", std::string(33, 'A')}) {
    EXPECT_TRUE(
        violates([&] { insert_proposal([&](ProposalRow& row) { row.acronym = acronym; }); }, SQLITE_CONSTRAINT_CHECK))
        << "acronym '" << acronym << "'";
  }
  EXPECT_NO_THROW(insert_proposal([](ProposalRow& row) { row.acronym = "Ai_F.2-x"; }));
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM proposal").getInt(), 1);
  EXPECT_EQ(m_db.execAndGet("SELECT acronym FROM proposal").getString(), "Ai_F.2-x");
}

TEST_F(ConstraintTest, AcronymIsUniqueInItsCallIgnoringCase)
{
  insert_proposal();
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.acronym = "bsc-aif"; }); }, SQLITE_CONSTRAINT_UNIQUE));
  EXPECT_NO_THROW(insert_proposal([&](ProposalRow& row) {
    row.call_id = m_call_b;
    row.cutoff_id = m_cutoff_b;
  }));
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM proposal WHERE acronym = 'BSC-AIF'").getInt(), 2);
  EXPECT_EQ(m_db.execAndGet("SELECT count(DISTINCT call_id) FROM proposal").getInt(), 2);
}

TEST_F(ConstraintTest, DraftWithACutoffIsRefused)
{
  EXPECT_TRUE(violates(
      [&] {
        insert_proposal([](ProposalRow& row) {
          row.status = "draft";
          row.submitted_at.reset();
        });
      },
      SQLITE_CONSTRAINT_CHECK));
  EXPECT_NO_THROW(insert_proposal([](ProposalRow& row) {
    row.status = "draft";
    row.cutoff_id.reset();
    row.submitted_at.reset();
  }));
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM proposal").getInt(), 1);
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM proposal WHERE status = 'draft' AND cutoff_id IS NULL "
                            "AND submitted_at IS NULL")
                .getInt(),
            1);
}

TEST_F(ConstraintTest, SubmittedProposalWithoutCutoffOrSubmissionTimeIsRefused)
{
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.cutoff_id.reset(); }); }, SQLITE_CONSTRAINT_CHECK));
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.submitted_at.reset(); }); }, SQLITE_CONSTRAINT_CHECK));
}

TEST_F(ConstraintTest, WithdrawnProposalNeedsAReasonAndOnlyIt)
{
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.status = "withdrawn"; }); }, SQLITE_CONSTRAINT_CHECK));
  EXPECT_TRUE(violates([&] { insert_proposal([](ProposalRow& row) { row.withdrawal_reason = "changed plans"; }); },
                       SQLITE_CONSTRAINT_CHECK));
}

TEST_F(ConstraintTest, UnknownHostStateIsRefused)
{
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.host = "XX"; }); }, SQLITE_CONSTRAINT_FOREIGNKEY));
  // Codes are stored the EU way: GR is not a state code, EL is.
  EXPECT_TRUE(
      violates([&] { insert_proposal([](ProposalRow& row) { row.host = "GR"; }); }, SQLITE_CONSTRAINT_FOREIGNKEY));
}

TEST_F(ConstraintTest, UnknownPartnerStateIsRefused)
{
  const auto id = insert_proposal();
  EXPECT_TRUE(violates([&] { insert_partner(id, "XX"); }, SQLITE_CONSTRAINT_FOREIGNKEY));
  EXPECT_TRUE(violates([&] { insert_partner(id, "GB"); }, SQLITE_CONSTRAINT_FOREIGNKEY));
}

TEST_F(ConstraintTest, UnknownSectorIsRefused)
{
  const auto id = insert_proposal();
  EXPECT_TRUE(violates([&] { insert_sector(id, "gardening"); }, SQLITE_CONSTRAINT_FOREIGNKEY));
}

TEST_F(ConstraintTest, UnknownCallIsRefused)
{
  EXPECT_TRUE(violates(
      [&] {
        insert_proposal([](ProposalRow& row) {
          row.call_id = 999;
          row.status = "draft";
          row.cutoff_id.reset();
          row.submitted_at.reset();
        });
      },
      SQLITE_CONSTRAINT_FOREIGNKEY));
}

TEST_F(ConstraintTest, HostCannotBeAddedAsAPartner)
{
  const auto id = insert_proposal();
  EXPECT_TRUE(violates([&] { insert_partner(id, "ES"); }, SQLITE_CONSTRAINT_TRIGGER,
                       "the host state cannot also be a partner"));
}

TEST_F(ConstraintTest, HostCannotBecomeOneOfThePartners)
{
  const auto id = insert_proposal();
  insert_partner(id, "FR");
  EXPECT_TRUE(violates([&] { exec("UPDATE proposal SET host = 'FR' WHERE id = ?1", id); }, SQLITE_CONSTRAINT_TRIGGER,
                       "the host state cannot also be a partner"));
}

TEST_F(ConstraintTest, ProposalHistoryIsAppendOnly)
{
  const auto id = insert_proposal();
  exec("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) "
       "VALUES (?1, 1, '2024-10-01T10:00:00Z', 'tester', '{}')",
       id);
  EXPECT_TRUE(violates([&] { exec("UPDATE proposal_version SET recorded_by = 'mallory' WHERE proposal_id = ?1", id); },
                       SQLITE_CONSTRAINT_TRIGGER, "append-only"));
  EXPECT_TRUE(violates([&] { exec("DELETE FROM proposal_version WHERE proposal_id = ?1", id); },
                       SQLITE_CONSTRAINT_TRIGGER, "append-only"));
  EXPECT_EQ(m_db.execAndGet("SELECT recorded_by FROM proposal_version").getString(), "tester");
}

TEST_F(ConstraintTest, AMalformedStoredVersionIsReportedWhenHistoryIsRead)
{
  // The snapshot has no json_valid CHECK (it cost a parse per imported row); reading checks it.
  const auto id = insert_proposal();
  exec("INSERT INTO proposal_version (proposal_id, version, recorded_at, recorded_by, snapshot) "
       "VALUES (?1, 1, '2024-10-01T10:00:00Z', 'tester', 'not json')",
       id);
  try {
    m_fixture.database().read("read the history", [&](const store::Transaction& tx) { tx.proposals().history(id); });
    FAIL() << "a malformed version was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::storage);
  }
}

TEST_F(ConstraintTest, AuditLogIsAppendOnly)
{
  const auto id = insert_proposal();
  exec("INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id, before, after) "
       "VALUES ('2024-10-01T10:00:00Z', 'tester', 'cfp test', 'proposal CALL-A/BSC-AIF', 'add', 'proposal', ?1, NULL, "
       "'{}')",
       id);
  EXPECT_TRUE(violates([&] { exec("UPDATE audit SET actor = 'mallory' WHERE subject_id = ?1", id); },
                       SQLITE_CONSTRAINT_TRIGGER, "append-only"));
  EXPECT_TRUE(
      violates([&] { exec("DELETE FROM audit WHERE subject_id = ?1", id); }, SQLITE_CONSTRAINT_TRIGGER, "append-only"));
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM audit").getInt(), 1);
}

TEST_F(ConstraintTest, ProposalCutoffMustBelongToItsOwnCall)
{
  EXPECT_TRUE(violates([&] { insert_proposal([&](ProposalRow& row) { row.cutoff_id = m_cutoff_b; }); },
                       SQLITE_CONSTRAINT_FOREIGNKEY));
  const auto id = insert_proposal();
  EXPECT_TRUE(violates(
      [&] {
        SQLite::Statement statement(m_db, "UPDATE proposal SET cutoff_id = ?1 WHERE id = ?2");
        statement.bind(1, m_cutoff_b);
        statement.bind(2, id);
        statement.exec();
      },
      SQLITE_CONSTRAINT_FOREIGNKEY));
}

TEST_F(ConstraintTest, CutoffLabelAndInstantAreUniqueInACall)
{
  EXPECT_TRUE(violates([&] { insert_cutoff(m_call_a, "FIRST", "2025-05-02T15:00:00Z"); }, SQLITE_CONSTRAINT_UNIQUE));
  EXPECT_TRUE(violates([&] { insert_cutoff(m_call_a, "second", "2025-02-01T16:00:00Z"); }, SQLITE_CONSTRAINT_UNIQUE));
  EXPECT_NO_THROW(insert_cutoff(m_call_a, "second", "2025-05-02T15:00:00Z"));
  EXPECT_EQ(m_db.execAndGet("SELECT count(*) FROM cutoff").getInt(), 3);
  EXPECT_EQ(m_db.execAndGet("SELECT closes_at FROM cutoff WHERE label = 'second'").getString(), "2025-05-02T15:00:00Z");
}

TEST_F(ConstraintTest, CallCodeIsUniqueIgnoringCase)
{
  EXPECT_TRUE(violates([&] { insert_call("call-a"); }, SQLITE_CONSTRAINT_UNIQUE));
}

} // namespace
} // namespace cfp::test

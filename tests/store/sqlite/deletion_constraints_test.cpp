// SPDX-License-Identifier: EUPL-1.2
// What migration 0008 lets go, and what it still holds: a draft's history may be deleted with
// the draft, a submission's never; only a draft row may be deleted. And the ids of what was
// removed are not given again, so that the audit log's subject ids name one thing each.

#include "support/support.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/corrections.hpp>
#include <cfp/core/proposals.hpp>

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

class DeletionConstraintsTest : public ::testing::Test
{
protected:
  DeletionConstraintsTest()
  {
    core::add_call(session(), {"C1", "Call", std::string("2024-09-10"), std::nullopt});
    core::add_deadline(session(), {"C1", "2024-11-04", std::nullopt});
  }

  core::Session& session() { return m_fixture.session(); }

  std::int64_t add(const std::string& acronym, bool draft)
  {
    core::NewProposal request{"C1", acronym, {}, draft, std::nullopt};
    request.input.title = "First";
    request.input.host = "ES";
    request.input.entity = "E";
    request.input.eu_contribution = "1M";
    const auto id = core::add_proposal(session(), request).proposal.id;
    core::ProposalInput change;
    change.title = "Second";
    core::update_proposal(session(), acronym, change);
    return id;
  }

  // The message of the SQLite error `sql` raises, or "" when it runs.
  std::string error_of(const std::string& sql)
  {
    try {
      m_fixture.connection().exec(sql);
      return "";
    } catch (const SQLite::Exception& error) {
      return error.what();
    }
  }

  DatabaseFixture m_fixture{"2024-10-01T10:00:00Z"};
};

TEST_F(DeletionConstraintsTest, TheHistoryOfASubmissionCannotBeDeleted)
{
  const auto id = add("SUBMITTED", false);
  EXPECT_EQ(error_of("DELETE FROM proposal_version WHERE proposal_id = " + std::to_string(id)),
            "proposal history is append-only");
}

TEST_F(DeletionConstraintsTest, OnlyADraftRowCanBeDeleted)
{
  const auto id = add("SUBMITTED", false);
  EXPECT_EQ(error_of("DELETE FROM proposal WHERE id = " + std::to_string(id)),
            "only a draft proposal can be deleted; a submitted or withdrawn one stays on record");
}

TEST_F(DeletionConstraintsTest, TheHistoryOfADraftGoesWithIt)
{
  const auto id = std::to_string(add("DRAFT", true));
  EXPECT_EQ(error_of("DELETE FROM proposal_version WHERE proposal_id = " + id), "");
  EXPECT_EQ(error_of("DELETE FROM proposal WHERE id = " + id), "");
}

TEST_F(DeletionConstraintsTest, IdsOfDeletedOrRemovedThingsAreNotGivenAgain)
{
  const auto draft = add("DRAFT", true);
  core::delete_draft(session(), "DRAFT");
  EXPECT_GT(add("DRAFT", true), draft);

  const auto cutoff_id = [&] { return m_fixture.connection().execAndGet("SELECT max(id) FROM cutoff").getInt64(); };
  core::add_deadline(session(), {"C1", "2025-02-01", std::nullopt});
  const auto removed_cutoff = cutoff_id();
  core::remove_deadline(session(), "C1", "2025-02-01");
  core::add_deadline(session(), {"C1", "2025-02-01", std::nullopt});
  EXPECT_GT(cutoff_id(), removed_cutoff);

  const auto call_id = [&] { return m_fixture.connection().execAndGet("SELECT max(id) FROM call").getInt64(); };
  core::add_call(session(), {"C2", "Call", std::nullopt, std::nullopt});
  const auto removed_call = call_id();
  core::remove_call(session(), "C2");
  core::add_call(session(), {"C3", "Call", std::nullopt, std::nullopt});
  EXPECT_GT(call_id(), removed_call);
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// The audit entries the proposal use cases write.
#include "core/proposals_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace cfp::test {
namespace {

TEST_F(ProposalsTest, AddWritesExactlyOneAuditEntryWithTheProposalAfter)
{
  const auto before = audit_entries();
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(audit_entries(), before + 1);
  const auto last = last_audit();
  EXPECT_EQ(last.entry.action, "add");
  EXPECT_EQ(last.entry.entity, std::string("proposal ") + k_call + "/BSC-AIF");
  EXPECT_EQ(last.entry.subject, (domain::AuditSubject{domain::SubjectKind::proposal, proposal.id}));
  EXPECT_EQ(last.entry.actor, "tester");
  EXPECT_EQ(last.entry.command, "cfp test");
  EXPECT_FALSE(last.entry.before);
  EXPECT_EQ(last.after.at("id"), proposal.id);
  EXPECT_EQ(last.after.at("acronym"), "BSC-AIF");
  EXPECT_EQ(last.after.at("status"), "submitted");
  EXPECT_EQ(last.after.at("cutoff"), "2024-11-04");
  EXPECT_EQ(last.after.at("version"), 1);
}

TEST_F(ProposalsTest, UpdateWritesExactlyOneAuditEntryWithBeforeAndAfter)
{
  add("BSC-AIF");
  const auto before = audit_entries();
  retitle("BSC-AIF", "Second title");
  EXPECT_EQ(audit_entries(), before + 1);
  const auto last = last_audit();
  EXPECT_EQ(last.entry.action, "update");
  EXPECT_EQ(last.before.at("title"), "AI Factory BSC-AIF");
  EXPECT_EQ(last.before.at("version"), 1);
  EXPECT_EQ(last.after.at("title"), "Second title");
  EXPECT_EQ(last.after.at("version"), 2);
}

TEST_F(ProposalsTest, WithdrawAndSubmitEachWriteExactlyOneAuditEntry)
{
  add("BSC-AIF");
  auto count = audit_entries();
  core::withdraw_proposal(session(), "BSC-AIF", "paused");
  EXPECT_EQ(audit_entries(), ++count);
  auto last = last_audit();
  EXPECT_EQ(last.entry.action, "withdraw");
  EXPECT_EQ(last.before.at("status"), "submitted");
  EXPECT_EQ(last.after.at("status"), "withdrawn");
  EXPECT_EQ(last.after.at("withdrawal_reason"), "paused");

  core::submit_proposal(session(), "BSC-AIF");
  EXPECT_EQ(audit_entries(), ++count);
  last = last_audit();
  EXPECT_EQ(last.entry.action, "submit");
  EXPECT_EQ(last.before.at("status"), "withdrawn");
  EXPECT_EQ(last.after.at("status"), "submitted");
  EXPECT_TRUE(last.after.at("withdrawal_reason").is_null());
}

TEST_F(ProposalsTest, AuditOfOneProposalListsOnlyItsEntriesNewestFirst)
{
  add("ONE");
  add("TWO");
  retitle("ONE", "One, again");
  const auto entries = core::list_audit(session(), std::string("ONE"), 10);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(entries[1].action, "add");
  const auto failure = attempt(m_fixture, [&] { core::list_audit(session(), std::nullopt, 0); });
  EXPECT_EQ(failure.kind, ErrorKind::usage);
}

} // namespace
} // namespace cfp::test

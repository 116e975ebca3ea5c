// SPDX-License-Identifier: EUPL-1.2
// A proposal's snapshot (format 1), as history and the audit log keep it and as its SHA-256
// receipt covers it: a version with both contributions keeps the bytes it always had, and a
// contribution never given is null, read back as absent (not 0).

#include <cfp/core/proposals.hpp>
#include <cfp/store/snapshot.hpp>

#include <gtest/gtest.h>

namespace cfp::test {
namespace {

// Written by cfp before contributions could be absent.
constexpr auto k_stored =
    R"({"id":7,"call":"CALL-A","acronym":"P-1","title":"T","host":"ES","partners":["PT"],"entity":"E",)"
    R"("plan":"upgrade","experimental_platform":true,"eu_contribution_eur":"31000000.00",)"
    R"("national_contribution_eur":"0.00","sectors":["health"],"status":"submitted","cutoff":"2024-11-04",)"
    R"("cutoff_closes_at":"2024-11-04T16:00:00Z","submitted_at":"2024-10-01T10:00:00Z","version":2,)"
    R"("withdrawal_reason":null})";

domain::Proposal submitted()
{
  domain::Proposal proposal;
  proposal.id = 7;
  proposal.call_code = "CALL-A";
  proposal.acronym = "P-1";
  proposal.fields.title = "T";
  proposal.fields.host = "ES";
  proposal.fields.partners = {"PT"};
  proposal.fields.entity = "E";
  proposal.fields.plan = domain::Plan::upgrade;
  proposal.fields.experimental_platform = true;
  proposal.fields.eu_contribution = 3'100'000'000;
  proposal.fields.national_contribution = 0;
  proposal.fields.sectors = {"health"};
  proposal.status = domain::ProposalStatus::submitted;
  proposal.cutoff_label = "2024-11-04";
  proposal.cutoff_closes_at = domain::Instant{std::chrono::seconds{1730736000}};
  proposal.submitted_at = domain::Instant{std::chrono::seconds{1727776800}};
  proposal.version = 2;
  return proposal;
}

TEST(ProposalSnapshotTest, AVersionWithBothContributionsKeepsItsBytesAndItsReceipt)
{
  EXPECT_EQ(store::snapshot(submitted()), k_stored);
  EXPECT_EQ(core::version_digest(submitted()), "adaf2de8086914dc42d2d99b17c14f4b9c476e566fddb77efd1b51242cbdebf6");
  const auto read = store::proposal_from_snapshot(k_stored, 1);
  EXPECT_EQ(read.fields, submitted().fields);
  EXPECT_EQ(read.fields.national_contribution, domain::Cents{0}) << "a stored 0 stays 0, never absent";
  EXPECT_EQ(store::snapshot(read), k_stored);
}

TEST(ProposalSnapshotTest, AnAbsentContributionIsNullAndReadBackAsAbsent)
{
  auto draft = submitted();
  draft.status = domain::ProposalStatus::draft;
  draft.cutoff_label.reset();
  draft.cutoff_closes_at.reset();
  draft.submitted_at.reset();
  draft.fields.eu_contribution.reset();
  draft.fields.national_contribution.reset();
  const auto text = store::snapshot(draft);
  EXPECT_NE(text.find(R"("eu_contribution_eur":null,"national_contribution_eur":null,)"), std::string::npos) << text;
  const auto read = store::proposal_from_snapshot(text, 1);
  EXPECT_FALSE(read.fields.eu_contribution);
  EXPECT_FALSE(read.fields.national_contribution);
  EXPECT_EQ(store::snapshot(read), text);
  EXPECT_NE(core::version_digest(draft), core::version_digest([&] {
              auto zero = draft;
              zero.fields.eu_contribution = 0;
              return zero;
            }()))
      << "absent and 0 are different content";
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// A state takes part from midnight, Brussels time, of its first day (Switzerland: 2025-01-01).

#include "core/rule_boundaries_fixture.hpp"

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

constexpr auto k_call = k_boundary_call;
constexpr auto k_late_call = k_boundary_late_call;

// ---- a state takes part from midnight, Brussels time, of its first day ----------------------

// Switzerland takes part from 2025-01-01: 2024-12-31T23:00:00Z, midnight in Brussels (CET).

TEST_F(RuleBoundariesTest, SwitzerlandAsHostOneSecondBeforeMidnightBrusselsOnNewYearIsRefused)
{
  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { add("CSCS-AIF", "CH"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01; a proposal "
                                         "submitted on 2024-12-31 cannot name it"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, SwitzerlandAsHostAtMidnightBrusselsOnNewYearIsAccepted)
{
  now("2024-12-31T23:00:00Z");
  const auto proposal = add("CSCS-AIF", "CH");
  EXPECT_EQ(proposal.fields.host, "CH");
  EXPECT_EQ(proposal.status, ProposalStatus::submitted);
  EXPECT_EQ(proposal.cutoff_label, "2025-02-01");
}

TEST_F(RuleBoundariesTest, SwitzerlandAsPartnerOneSecondBeforeMidnightBrusselsOnNewYearIsRefused)
{
  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"PT", "CH"}); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(RuleBoundariesTest, SwitzerlandAsPartnerAtMidnightBrusselsOnNewYearIsAccepted)
{
  now("2024-12-31T23:00:00Z");
  const auto proposal = add("BSC-AIF", "ES", {"PT", "CH"});
  EXPECT_EQ(proposal.fields.partners, (std::vector<std::string>{"CH", "PT"}));
  EXPECT_EQ(proposal.cutoff_label, "2025-02-01");
}

TEST_F(RuleBoundariesTest, AddingSwitzerlandByUpdateFollowsTheSameInstant)
{
  now("2024-12-31T22:00:00Z");
  add("BSC-AIF");
  core::ProposalInput input;
  input.partners = std::vector<std::string>{"CH"};

  now("2024-12-31T22:59:59Z");
  const auto failure = attempt(m_fixture, [&] { core::update_proposal(session(), "BSC-AIF", input); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("CH (Switzerland) takes part in EuroHPC calls from 2025-01-01"));
  EXPECT_TRUE(failure.unchanged);

  now("2024-12-31T23:00:00Z");
  const auto outcome = core::update_proposal(session(), "BSC-AIF", input);
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.proposal.fields.partners, (std::vector<std::string>{"CH"}));
}

} // namespace
} // namespace cfp::test

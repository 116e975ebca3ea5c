// SPDX-License-Identifier: EUPL-1.2
// The host and partner states of a proposal.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::ProposalStatus;
using ::testing::HasSubstr;

TEST_F(ProposalsTest, HostIsNeverAPartner)
{
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"FR", "es"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("ES"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, HostGivenAsGrIsTheSameStateAsPartnerEl)
{
  const auto failure = attempt(m_fixture, [&] { add("GRNET-AIF", "GR", {"EL"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, UpdateCannotMakeTheHostAPartner)
{
  add("BSC-AIF", "ES", {"FR"});
  core::ProposalInput input;
  input.partners = std::vector<std::string>{"FR", "ES"};
  const auto failure = attempt(m_fixture, [&] { core::update_proposal(session(), "BSC-AIF", input); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, PartnersAreDistinct)
{
  const auto failure = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"FR", "fr"}); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("FR"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, GreeceAsGrIsStoredAsElAndBritainAsGbAsUk)
{
  const auto proposal = add("GRNET-AIF", "gr", {"GB", "at"});
  EXPECT_EQ(proposal.fields.host, "EL");
  EXPECT_EQ(proposal.fields.partners, (std::vector<std::string>{"AT", "UK"}));
  const auto shown = core::show_proposal(session(), "GRNET-AIF");
  EXPECT_EQ(shown.fields.host, "EL");
  EXPECT_EQ(shown.fields.partners, (std::vector<std::string>{"AT", "UK"}));
}

TEST_F(ProposalsTest, UnknownStateIsInvalidInputWithASuggestion)
{
  const auto host = attempt(m_fixture, [&] { add("BSC-AIF", "Spai"); });
  EXPECT_EQ(host.kind, ErrorKind::invalid_input);
  EXPECT_THAT(host.message, HasSubstr("did you mean ES"));
  EXPECT_TRUE(host.unchanged);

  const auto partner = attempt(m_fixture, [&] { add("BSC-AIF", "ES", {"Portu"}); });
  EXPECT_EQ(partner.kind, ErrorKind::invalid_input);
  EXPECT_THAT(partner.message, HasSubstr("partner"));
  EXPECT_THAT(partner.message, HasSubstr("PT"));
  EXPECT_TRUE(partner.unchanged);
}

TEST_F(ProposalsTest, StateCannotBeNamedInASubmissionBeforeItJoins)
{
  // Switzerland takes part from 2025-01-01.
  const auto failure = attempt(m_fixture, [&] { add("CSCS-AIF", "CH"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr("2025-01-01"));
  EXPECT_TRUE(failure.unchanged);

  auto draft = request("CSCS-AIF", "CH");
  draft.draft = true;
  EXPECT_NO_THROW(core::add_proposal(session(), draft));
  const auto stored = core::show_proposal(session(), "CSCS-AIF");
  EXPECT_EQ(stored.status, ProposalStatus::draft);
  EXPECT_EQ(stored.fields.host, "CH");
  EXPECT_FALSE(stored.cutoff_label);
  now("2025-01-02T10:00:00Z");
  EXPECT_EQ(core::submit_proposal(session(), "CSCS-AIF").proposal.cutoff_label, "2025-02-01");
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// The other values of a proposal: invalid ones are refused, all reported at once.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using ::testing::HasSubstr;

TEST_F(ProposalsTest, InvalidFieldValuesAreInvalidInput)
{
  const std::vector<std::function<void(core::NewProposal&)>> breakages{
      [](core::NewProposal& r) { r.acronym = "BSC AIF"; },
      [](core::NewProposal& r) { r.input.title.reset(); },
      [](core::NewProposal& r) { r.input.entity = "  "; },
      [](core::NewProposal& r) { r.input.host.reset(); },
      [](core::NewProposal& r) { r.input.plan = "huge"; },
      [](core::NewProposal& r) { r.input.eu_contribution = "-1"; },
      [](core::NewProposal& r) { r.input.national_contribution = "lots"; },
      [](core::NewProposal& r) { r.input.sectors = std::vector<std::string>{"gardening"}; },
      [](core::NewProposal& r) {
        r.input.sectors = std::vector<std::string>{"health", "Health"};
      },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    auto broken = request("BSC-AIF");
    breakages[i](broken);
    const auto failure = attempt(m_fixture, [&] { core::add_proposal(session(), broken); });
    EXPECT_EQ(failure.kind, ErrorKind::invalid_input) << "breakage " << i << ": " << failure.message;
    EXPECT_TRUE(failure.unchanged) << "breakage " << i;
  }
}

TEST_F(ProposalsTest, EveryBrokenFieldIsReportedAtOnce)
{
  auto broken = request("BSC-AIF", "XX");
  broken.input.plan = "huge";
  broken.input.sectors = std::vector<std::string>{"gardening"};
  const auto failure = attempt(m_fixture, [&] { core::add_proposal(session(), broken); });
  EXPECT_EQ(failure.kind, ErrorKind::invalid_input);
  EXPECT_THAT(failure.message, HasSubstr("XX"));
  EXPECT_THAT(failure.message, HasSubstr("huge"));
  EXPECT_THAT(failure.message, HasSubstr("gardening"));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, ProposalForAnUnknownCallIsNotFound)
{
  const auto failure =
      attempt(m_fixture, [&] { core::add_proposal(session(), request("BSC-AIF", "ES", {}, "NO-SUCH-CALL")); });
  EXPECT_EQ(failure.kind, ErrorKind::not_found);
  EXPECT_TRUE(failure.unchanged);
}

} // namespace
} // namespace cfp::test

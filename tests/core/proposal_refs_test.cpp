// SPDX-License-Identifier: EUPL-1.2
// Acronyms and the references (id, CALL/ACRONYM, ACRONYM) that name a proposal.
#include "core/proposals_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using ::testing::HasSubstr;

TEST_F(ProposalsTest, DuplicateAcronymInTheSameCallIsRefusedIgnoringCase)
{
  add("BSC-AIF");
  const auto failure = attempt(m_fixture, [&] { add("bsc-aif"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr(k_call));
  EXPECT_TRUE(failure.unchanged);
}

TEST_F(ProposalsTest, SameAcronymIsAllowedInAnotherCall)
{
  core::add_call(session(), {k_other_call, "AI Factories 2", std::nullopt, std::nullopt});
  core::add_deadline(session(), {k_other_call, "2025-02-01", std::nullopt});
  add("BSC-AIF");
  EXPECT_NO_THROW(core::add_proposal(session(), request("bsc-aif", "ES", {}, k_other_call)));
  const auto other = resolve(std::string(k_other_call) + "/bsc-aif");
  EXPECT_EQ(other.call_code, k_other_call);
  EXPECT_EQ(other.acronym, "bsc-aif");
  EXPECT_EQ(resolve(std::string(k_call) + "/BSC-AIF").acronym, "BSC-AIF");
}

TEST_F(ProposalsTest, RefResolvesByIdByCallAndAcronymAndByAcronym)
{
  const auto proposal = add("BSC-AIF");
  EXPECT_EQ(resolve(std::to_string(proposal.id)).id, proposal.id);
  EXPECT_EQ(resolve(std::string(k_call) + "/BSC-AIF").id, proposal.id);
  EXPECT_EQ(resolve("eurohpc-2024-cei-ai-01/bsc-aif").id, proposal.id);
  EXPECT_EQ(resolve("BSC-AIF").id, proposal.id);
  EXPECT_EQ(resolve("bsc-aif").id, proposal.id);
}

TEST_F(ProposalsTest, AllDigitAcronymResolvesWhenNoProposalHasThatId)
{
  const auto proposal = add("2025");
  EXPECT_EQ(resolve("2025").id, proposal.id);
  EXPECT_EQ(resolve(std::to_string(proposal.id)).id, proposal.id);
}

TEST_F(ProposalsTest, UnknownRefIsNotFound)
{
  add("BSC-AIF");
  for (const std::string& ref :
       std::vector<std::string>{"999", "NOPE", std::string(k_call) + "/NOPE", "NO-CALL/BSC-AIF"}) {
    const auto failure = attempt(m_fixture, [&] { resolve(ref); });
    EXPECT_EQ(failure.kind, ErrorKind::not_found) << ref;
  }
}

TEST_F(ProposalsTest, AcronymInSeveralCallsIsAmbiguousAndNamesBoth)
{
  core::add_call(session(), {k_other_call, "AI Factories 2", std::nullopt, std::nullopt});
  core::add_deadline(session(), {k_other_call, "2025-02-01", std::nullopt});
  add("BSC-AIF");
  core::add_proposal(session(), request("BSC-AIF", "ES", {}, k_other_call));

  const auto failure = attempt(m_fixture, [&] { retitle("BSC-AIF", "Which one?"); });
  EXPECT_EQ(failure.kind, ErrorKind::refused);
  EXPECT_THAT(failure.message, HasSubstr(std::string(k_call) + "/BSC-AIF"));
  EXPECT_THAT(failure.message, HasSubstr(std::string(k_other_call) + "/BSC-AIF"));
  EXPECT_TRUE(failure.unchanged);
  EXPECT_NO_THROW(retitle(std::string(k_other_call) + "/BSC-AIF", "This one"));
  EXPECT_EQ(resolve(std::string(k_other_call) + "/BSC-AIF").fields.title, "This one");
  EXPECT_EQ(resolve(std::string(k_call) + "/BSC-AIF").fields.title, "AI Factory BSC-AIF");
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// A call's snapshot (format 1), as the audit log keeps it: a call that keeps the default
// document rules has the bytes every call had before schema 12, and the rules appear only when
// they differ from the defaults.

#include <cfp/store/snapshot.hpp>

#include <gtest/gtest.h>

namespace cfp::test {
namespace {

// Written by cfp before calls had document rules.
constexpr auto k_stored =
    R"({"code":"EUROHPC-2024-CEI-AI-01","title":"AI Factories","opens_at":"2024-09-09T22:00:00Z",)"
    R"("budget_eur":"1500000000.00"})";
constexpr auto k_stored_bare = R"({"code":"AAA-01","title":"Bare","opens_at":null,"budget_eur":null})";

domain::Call ai_factories()
{
  domain::Call call;
  call.id = 3;
  call.code = "EUROHPC-2024-CEI-AI-01";
  call.title = "AI Factories";
  call.opens_at = domain::Instant{std::chrono::seconds{1725919200}};
  call.budget = 150'000'000'000;
  return call;
}

TEST(CallSnapshotTest, ACallWithTheDefaultRulesKeepsTheBytesItAlwaysHad)
{
  EXPECT_EQ(store::snapshot(ai_factories()), k_stored);
  domain::Call bare;
  bare.code = "AAA-01";
  bare.title = "Bare";
  EXPECT_EQ(store::snapshot(bare), k_stored_bare);
  // Neither the overall threshold nor the id is part of it.
  auto other = ai_factories();
  other.id = 99;
  other.overall_threshold = 30;
  EXPECT_EQ(store::snapshot(other), k_stored);
}

TEST(CallSnapshotTest, RulesThatAreNotTheDefaultsFollowTheBudget)
{
  auto call = ai_factories();
  call.required_parts = {"part-b", "support-letter"};
  EXPECT_EQ(store::snapshot(call), R"({"code":"EUROHPC-2024-CEI-AI-01","title":"AI Factories",)"
                                   R"("opens_at":"2024-09-09T22:00:00Z","budget_eur":"1500000000.00",)"
                                   R"("required_parts":["part-b","support-letter"]})");
  call.document_limit = std::int64_t{20} << 20;
  EXPECT_EQ(store::snapshot(call), R"({"code":"EUROHPC-2024-CEI-AI-01","title":"AI Factories",)"
                                   R"("opens_at":"2024-09-09T22:00:00Z","budget_eur":"1500000000.00",)"
                                   R"("required_parts":["part-b","support-letter"],"document_limit_bytes":20971520})");
  call.required_parts.clear();
  EXPECT_EQ(store::snapshot(call), R"({"code":"EUROHPC-2024-CEI-AI-01","title":"AI Factories",)"
                                   R"("opens_at":"2024-09-09T22:00:00Z","budget_eur":"1500000000.00",)"
                                   R"("document_limit_bytes":20971520})");
  call.document_limit = domain::k_default_document_limit;
  EXPECT_EQ(store::snapshot(call), k_stored);
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// The call repository: calls and their cut-offs, as stored and read back.

#include "store/repository_fixture.hpp"

namespace cfp::test {
namespace {

TEST_F(RepositoryTest, CallRoundTripsWithAndWithoutOptionalFields)
{
  in_transaction([&] {
    domain::Call full;
    full.code = "EUROHPC-2024-CEI-AI-01";
    full.title = "AI Factories";
    full.opens_at = utc("2024-09-09T22:00:00Z");
    full.budget = 48'500'000'000;
    const auto full_id = calls().insert(full, utc("2024-09-01T08:00:00Z"));

    domain::Call bare;
    bare.code = "AAA-01";
    bare.title = "Bare";
    const auto bare_id = calls().insert(bare, utc("2024-09-01T08:00:00Z"));

    const auto found = calls().find("EUROHPC-2024-CEI-AI-01");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, full_id);
    EXPECT_EQ(found->title, "AI Factories");
    EXPECT_EQ(found->opens_at, utc("2024-09-09T22:00:00Z"));
    EXPECT_EQ(found->budget, 48'500'000'000);

    const auto found_bare = calls().find("AAA-01");
    ASSERT_TRUE(found_bare);
    EXPECT_EQ(found_bare->id, bare_id);
    EXPECT_FALSE(found_bare->opens_at);
    EXPECT_FALSE(found_bare->budget);
  });
}

TEST_F(RepositoryTest, ACallsDocumentRulesAreStoredAndUpdated)
{
  in_transaction([&] {
    auto call = make_call("EUROHPC-2024-CEI-AI-01");
    auto found = calls().find(call.code);
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->required_parts.empty());
    EXPECT_EQ(found->document_limit, domain::k_default_document_limit);

    call = *found;
    call.required_parts = {"part-b", "support-letter"};
    call.document_limit = 1024;
    calls().update(call);
    found = calls().find(call.code);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->required_parts, (std::vector<std::string>{"part-b", "support-letter"}));
    EXPECT_EQ(found->document_limit, 1024);

    call.required_parts.clear();
    calls().update(call);
    EXPECT_TRUE(calls().find(call.code)->required_parts.empty());
  });
}

TEST_F(RepositoryTest, CallCodeLookupIgnoresCase)
{
  in_transaction([&] {
    make_call("EUROHPC-2024-CEI-AI-01");
    const auto found = calls().find("eurohpc-2024-cei-ai-01");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code, "EUROHPC-2024-CEI-AI-01");
    EXPECT_FALSE(calls().find("EUROHPC-2024-CEI-AI-02"));
  });
}

TEST_F(RepositoryTest, CallsAreListedByCode)
{
  in_transaction([&] {
    make_call("ZZZ");
    make_call("AAA");
    make_call("MMM");
    std::vector<std::string> codes;
    for (const auto& call : calls().list()) {
      codes.push_back(call.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"AAA", "MMM", "ZZZ"}));
  });
}

TEST_F(RepositoryTest, CutoffRoundTripsItsLegalDefinition)
{
  in_transaction([&] {
    const auto call = make_call("EUROHPC-2024-CEI-AI-01");
    const auto id = calls().insert_cutoff(call.id, cutoff("2025-02-01", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    const auto cutoffs = calls().cutoffs(call.id);
    ASSERT_EQ(cutoffs.size(), 1u);
    EXPECT_EQ(cutoffs[0].id, id);
    EXPECT_EQ(cutoffs[0].call_code, "EUROHPC-2024-CEI-AI-01");
    EXPECT_EQ(cutoffs[0].label, "2025-02-01");
    EXPECT_EQ(cutoffs[0].closes_at, utc("2025-02-01T16:00:00Z"));
    EXPECT_EQ(cutoffs[0].wall_time, wall("2025-02-01T17:00:00"));
    EXPECT_EQ(cutoffs[0].zone, "Europe/Brussels");
  });
}

TEST_F(RepositoryTest, CutoffsAreListedByClosingTimeForOneCallOrAll)
{
  in_transaction([&] {
    const auto a = make_call("A");
    const auto b = make_call("B");
    calls().insert_cutoff(a.id, cutoff("late", "2025-05-02T15:00:00Z", "2025-05-02T17:00:00"));
    calls().insert_cutoff(b.id, cutoff("middle", "2025-02-01T16:00:00Z", "2025-02-01T17:00:00"));
    calls().insert_cutoff(a.id, cutoff("early", "2024-11-04T16:00:00Z", "2024-11-04T17:00:00"));

    std::vector<std::string> of_a;
    for (const auto& item : calls().cutoffs(a.id)) {
      of_a.push_back(item.label);
    }
    EXPECT_EQ(of_a, (std::vector<std::string>{"early", "late"}));

    std::vector<std::string> all;
    for (const auto& item : calls().cutoffs(std::nullopt)) {
      all.push_back(item.call_code + "/" + item.label);
    }
    EXPECT_EQ(all, (std::vector<std::string>{"A/early", "B/middle", "A/late"}));
  });
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// Experts: names, organisations and e-mail addresses checked; the conflicts of interest the rules
// derive from an expert's state and organisation.

#include <cfp/domain/criterion.hpp>
#include <cfp/domain/expert.hpp>

#include <gtest/gtest.h>

namespace cfp::test {
namespace {

using namespace cfp::domain;

ProposalFields bsc()
{
  ProposalFields fields;
  fields.host = "ES";
  fields.partners = {"PT", "RO", "TR"};
  fields.entity = "Barcelona Supercomputing Center";
  return fields;
}

std::vector<ConflictCause> causes(const Expert& expert, const ProposalFields& fields)
{
  std::vector<ConflictCause> found;
  for (const auto& conflict : derived_conflicts(expert, fields)) {
    found.push_back(conflict.cause);
  }
  return found;
}

TEST(ExpertConflictTest, TheHostStateIsAConflict)
{
  const auto conflicts = derived_conflicts({0, "Marta", "ES", std::nullopt, std::nullopt}, bsc());
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].cause, ConflictCause::host_state);
  EXPECT_EQ(conflicts[0].detail, "ES hosts the proposal");
}

TEST(ExpertConflictTest, APartnerStateIsAConflict)
{
  const auto conflicts = derived_conflicts({0, "Ana", "RO", std::nullopt, std::nullopt}, bsc());
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].cause, ConflictCause::partner_state);
  EXPECT_EQ(conflicts[0].detail, "RO is a partner of the proposal");
}

TEST(ExpertConflictTest, TheHostingEntityIsAConflictIgnoringCaseAndSurroundingSpace)
{
  for (const char* organisation :
       {"Barcelona Supercomputing Center", "barcelona SUPERCOMPUTING center", "  Barcelona Supercomputing Center\t"}) {
    EXPECT_EQ(causes({0, "Ivo", "IT", std::string(organisation), std::nullopt}, bsc()),
              std::vector<ConflictCause>{ConflictCause::organisation})
        << organisation;
  }
  EXPECT_TRUE(causes({0, "Ivo", "IT", std::string("Barcelona Supercomputing Centre"), std::nullopt}, bsc()).empty());
  EXPECT_TRUE(causes({0, "Ivo", "IT", std::string("Barcelona"), std::nullopt}, bsc()).empty());
}

TEST(ExpertConflictTest, CausesComeInTheirOrderAndNoneForAnotherState)
{
  EXPECT_EQ(causes({0, "Eva", "ES", std::string("Barcelona Supercomputing Center"), std::nullopt}, bsc()),
            (std::vector<ConflictCause>{ConflictCause::host_state, ConflictCause::organisation}));
  EXPECT_TRUE(causes({0, "Pekka", "FI", std::nullopt, std::nullopt}, bsc()).empty());
}

TEST(ExpertCheckTest, NamesOrganisationsAndAddresses)
{
  EXPECT_FALSE(check_expert_name("Ana Silva"));
  EXPECT_FALSE(check_expert_name("Łukasz Żółć"));
  EXPECT_EQ(*check_expert_name(""), "the name must not be empty");
  EXPECT_EQ(*check_expert_name(" Ana"), "the name must not begin or end with a space");
  EXPECT_EQ(*check_expert_name("Ana\x1b[2J"), "the name contains a control character");
  EXPECT_EQ(*check_expert_name("\xff"), "the name is not valid UTF-8 text");
  EXPECT_EQ(*check_expert_name(std::string_view("Ana\0B", 5)), "the name contains a NUL character");
  EXPECT_EQ(*check_expert_name(std::string(201, 'a')), "the name is longer than 200 characters");
  EXPECT_FALSE(check_organisation("University of Porto"));
  for (const char* good : {"ana@up.pt", "a.b+c@sub.example.eu", "o'brien@x-y.ie", "A_B@EXAMPLE.EU"}) {
    EXPECT_FALSE(check_email(good)) << good;
  }
  for (const char* bad : {"ana", "@up.pt", "ana@", "ana@up", "ana@@up.pt", "ana@up..pt", "ana @up.pt", "ana@.pt",
                          "ana@up.", "ana@up.pt\n", "a@b.c,", "a,\"b\"@c.d", ".a@b.c", "a.@b.c", "a..b@c.d", "a@-b.c",
                          "a@b-.c", "a@b.c\\", "ana@up.p\xc3\xa9"}) {
    ASSERT_TRUE(check_email(bad)) << bad;
    EXPECT_NE(check_email(bad)->find("is not an e-mail address"), std::string::npos) << *check_email(bad);
  }
}

TEST(CriterionCheckTest, KeysAndTheStandardCriteria)
{
  for (const std::string good : {"excellence", "impact", "a", "green_2", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}) {
    EXPECT_FALSE(check_criterion_key(good)) << good;
  }
  for (const char* bad : {"", "Excellence", "2impact", "_x", "im-pact", "imp act", "é"}) {
    EXPECT_TRUE(check_criterion_key(bad)) << bad;
  }
  EXPECT_TRUE(check_criterion_key(std::string(33, 'k')));
  const auto standard = standard_criteria();
  ASSERT_EQ(standard.size(), 3u);
  HalfPoints reachable = 0;
  for (std::size_t i = 0; i < standard.size(); ++i) {
    EXPECT_EQ(standard[i].position, static_cast<int>(i + 1));
    EXPECT_EQ(standard[i].weight, 1000);
    EXPECT_EQ(standard[i].threshold, 6);
    reachable += k_max_score;
  }
  EXPECT_EQ(standard[2].name, "Quality and efficiency of the implementation");
  EXPECT_LE(k_standard_overall_threshold, reachable);
}

} // namespace
} // namespace cfp::test

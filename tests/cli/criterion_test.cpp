// SPDX-License-Identifier: EUPL-1.2
// `cfp criterion list|add|set|remove` and `cfp call set-threshold`: every call has criteria,
// the standard three from the start; each change is checked, audited, and moves the others when
// a position changes; what would leave the overall threshold out of reach is refused.

#include "cli/cli_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class CriterionTest : public CliTest
{
protected:
  /// "key weight threshold position" of each criterion of the call, by position.
  std::vector<std::string> criteria(const std::string& call = k_call)
  {
    std::vector<std::string> rows;
    for (const auto& c : json::parse(ok({"criterion", "list", call, "--format", "json"}))) {
      rows.push_back(c.at("key").get<std::string>() + " " + c.at("weight").dump() + " " + c.at("threshold").dump() +
                     " " + c.at("position").dump());
    }
    return rows;
  }

  /// The actions and entities of the newest `count` audit entries, oldest first.
  std::vector<std::string> last_entries(int count)
  {
    std::vector<std::string> entries;
    for (const auto& entry : json::parse(ok({"log", "--limit", std::to_string(count), "--format", "json"}))) {
      entries.insert(entries.begin(),
                     entry.at("action").get<std::string>() + " " + entry.at("entity").get<std::string>());
    }
    return entries;
  }
};

TEST_F(CriterionTest, ANewCallHasTheStandardThreeAndAnOverallThresholdOfTen)
{
  EXPECT_EQ(criteria(), (std::vector<std::string>{"excellence 1 3.0 1", "impact 1 3.0 2", "implementation 1 3.0 3"}));
  const auto result = cfp({"criterion", "list", k_call});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "POS  KEY             WEIGHT  THRESHOLD  NAME\n"
                        "  1  excellence           1        3.0  Excellence\n"
                        "  2  impact               1        3.0  Impact\n"
                        "  3  implementation       1        3.0  Quality and efficiency of the implementation\n");
  EXPECT_EQ(result.err, std::string("overall threshold of ") + k_call +
                            ": 10.0 points, the sum of the unweighted consensus scores\n");
  const auto call = json::parse(ok({"call", "show", k_call, "--format", "json"}));
  EXPECT_EQ(call.at("overall_threshold").dump(), "10.0");
}

TEST_F(CriterionTest, ACallImportedFromAFileGetsThemToo)
{
  const auto file = m_dir / "calls.json";
  std::ofstream(file) << R"({"calls": [{"code": "IMPORTED-1", "title": "Imported"}]})";
  ok({"import", "calls", file.string()});
  EXPECT_EQ(criteria("IMPORTED-1"),
            (std::vector<std::string>{"excellence 1 3.0 1", "impact 1 3.0 2", "implementation 1 3.0 3"}));
}

TEST_F(CriterionTest, AddPutsTheCriterionLastOrWhereAskedAndMovesTheOthers)
{
  const auto added = json::parse(ok({"criterion", "add", k_call, "green", "--name", "Green computing", "--weight",
                                     "0.5", "--threshold", "2.5", "--format", "json"}));
  EXPECT_EQ(added.dump(), R"({"call":"EUROHPC-2024-CEI-AI-01","key":"green","name":"Green computing","weight":0.5,)"
                          R"("threshold":2.5,"position":4})");
  ok({"criterion", "add", k_call, "security", "--name", "Security", "--position", "1"});
  EXPECT_EQ(criteria(), (std::vector<std::string>{"security 1 3.0 1", "excellence 1 3.0 2", "impact 1 3.0 3",
                                                  "implementation 1 3.0 4", "green 0.5 2.5 5"}));
  EXPECT_EQ(last_entries(5), (std::vector<std::string>{"add criterion EUROHPC-2024-CEI-AI-01/security",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/excellence",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/impact",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/implementation",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/green"}));
  // The other call is untouched.
  EXPECT_EQ(criteria(k_other_call).size(), 3u);
}

TEST_F(CriterionTest, AddRefusesATakenKeyABadValueOrTooManyCriteria)
{
  fails({"criterion", "add", k_call, "impact", "--name", "Impact again"}, 1,
        "call EUROHPC-2024-CEI-AI-01 has a criterion 'impact' already; 'cfp criterion set' changes it");
  fails({"criterion", "add", k_call, "Green", "--name", "G"}, 65, "'Green' is not a criterion key");
  fails({"criterion", "add", k_call, "green", "--name", "G", "--weight", "0"}, 65,
        "--weight: '0': a weight must be more than 0");
  fails({"criterion", "add", k_call, "green", "--name", "G", "--threshold", "3.3"}, 65,
        "--threshold: '3.3' is not a half point");
  fails({"criterion", "add", k_call, "green", "--name", "G", "--position", "5"}, 65,
        "position '5': give a number from 1 to 4");
  fails({"criterion", "add", k_call, "green", "--name", "G", "--position", "+1"}, 65, "give a number from 1 to 4");
  fails({"criterion", "add", k_call, "green", "--name", "bad\x1b[2J"}, 65, "--name: the name contains a control");
  fails({"criterion", "add", "NO-SUCH-CALL", "green", "--name", "G"}, 1, "no call 'NO-SUCH-CALL'");
  fails({"criterion", "add", k_call, "green"}, 2, "--name is required");
  for (int i = 4; i <= 20; ++i) {
    ok({"criterion", "add", k_call, "extra" + std::to_string(i), "--name", "Extra"});
  }
  fails({"criterion", "add", k_call, "extra21", "--name", "Extra"}, 1,
        "call EUROHPC-2024-CEI-AI-01 has 20 criteria, the most a call may have");
}

TEST_F(CriterionTest, SetChangesWhatItIsGivenAndMovesTheOthers)
{
  const auto result = cfp({"criterion", "set", k_call, "implementation", "--position", "1", "--weight", "1.25",
                           "--threshold", "3.5", "--name", "Implementation"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("weight:    1.25\n"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "changed criterion implementation of call EUROHPC-2024-CEI-AI-01\n");
  EXPECT_EQ(criteria(),
            (std::vector<std::string>{"implementation 1.25 3.5 1", "excellence 1 3.0 2", "impact 1 3.0 3"}));
  EXPECT_EQ(last_entries(3), (std::vector<std::string>{"update criterion EUROHPC-2024-CEI-AI-01/implementation",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/excellence",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/impact"}));
  const auto entry = json::parse(ok({"log", "--limit", "3", "--format", "json"})).at(2);
  EXPECT_EQ(entry.at("before").at("weight"), "1");
  EXPECT_EQ(entry.at("after").at("weight"), "1.25");
  EXPECT_EQ(entry.at("after").at("threshold"), "3.5");
}

TEST_F(CriterionTest, SetWithTheCurrentValuesChangesNothingAndSetWithoutAFieldIsAUsageError)
{
  const auto before = dump_database(m_db);
  const auto result = cfp({"criterion", "set", k_call, "impact", "--weight", "1.000", "--position", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err,
            "criterion impact of call EUROHPC-2024-CEI-AI-01 unchanged: the values given are the current ones\n");
  EXPECT_EQ(dump_database(m_db), before);
  fails({"criterion", "set", k_call, "impact"}, 2, "give at least one of --name, --weight, --threshold, --position");
  fails({"criterion", "set", k_call, "novelty", "--weight", "2"}, 1,
        "call EUROHPC-2024-CEI-AI-01 has no criterion 'novelty'; 'cfp criterion list EUROHPC-2024-CEI-AI-01' shows "
        "them");
  fails({"criterion", "set", k_call, "impact", "--threshold", "5.5"}, 65, "'5.5' is more than 5");
  fails({"criterion", "set", k_call, "impact", "--position", "4"}, 65, "give a number from 1 to 3");
}

TEST_F(CriterionTest, RemoveKeepsTheOverallThresholdWithinReach)
{
  ok({"call", "set-threshold", k_call, "10.5"});
  fails({"criterion", "remove", k_call, "impact"}, 1,
        "without 'impact' the criteria of call EUROHPC-2024-CEI-AI-01 could give 10.0 points at most, less than "
        "its overall threshold 10.5; lower it first with 'cfp call set-threshold EUROHPC-2024-CEI-AI-01 POINTS'");
  ok({"call", "set-threshold", k_call, "10"});
  ok({"criterion", "remove", k_call, "impact"});
}

TEST_F(CriterionTest, RemoveTakesTheCriterionOutAndMovesTheOthersUp)
{
  ok({"call", "set-threshold", k_call, "5"});
  ok({"criterion", "remove", k_call, "excellence"});
  EXPECT_EQ(criteria(), (std::vector<std::string>{"impact 1 3.0 1", "implementation 1 3.0 2"}));
  EXPECT_EQ(last_entries(3), (std::vector<std::string>{"remove criterion EUROHPC-2024-CEI-AI-01/excellence",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/impact",
                                                       "move criterion EUROHPC-2024-CEI-AI-01/implementation"}));
  ok({"criterion", "remove", k_call, "impact"});
  fails({"criterion", "remove", k_call, "implementation"}, 1,
        "'implementation' is the only criterion of call EUROHPC-2024-CEI-AI-01; add another before removing it");
  // A key removed can be added again.
  ok({"criterion", "add", k_call, "impact", "--name", "Impact"});
  EXPECT_EQ(criteria(), (std::vector<std::string>{"implementation 1 3.0 1", "impact 1 3.0 2"}));
}

TEST_F(CriterionTest, TheOverallThresholdIsHalfPointsWithinWhatTheCriteriaCanGive)
{
  const auto result = cfp({"call", "set-threshold", k_call, "12.5", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out).dump(), R"({"call":"EUROHPC-2024-CEI-AI-01","overall_threshold":12.5})");
  EXPECT_EQ(result.err, "overall threshold of EUROHPC-2024-CEI-AI-01: 12.5 (was 10.0)\n");
  EXPECT_EQ(last_entries(1), std::vector<std::string>{"set threshold call EUROHPC-2024-CEI-AI-01"});
  fails({"call", "set-threshold", k_call, "15.5"}, 65,
        "overall threshold 15.5: the 3 criteria of call EUROHPC-2024-CEI-AI-01 give 15.0 points at most");
  fails({"call", "set-threshold", k_call, "10.2"}, 65, "overall threshold: '10.2' is not a half point");
  fails({"call", "set-threshold", k_call, "-1"}, 65, "overall threshold: '-1' is not a threshold");
  fails({"call", "set-threshold", k_call, "200"}, 65,
        "overall threshold 200.0: the 3 criteria of call EUROHPC-2024-CEI-AI-01 give 15.0 points at most");
  fails({"call", "set-threshold", k_call, "3.0000001"}, 65, "'3.0000001' is not a half point; thresholds go in steps");
  fails({"call", "set-threshold", "NO-SUCH-CALL", "10"}, 1, "no call 'NO-SUCH-CALL'");
  ok({"call", "set-threshold", k_call, "15"});
  ok({"call", "set-threshold", k_call, "0"});
  const auto same = cfp({"call", "set-threshold", k_call, "0.0"});
  EXPECT_EQ(same.err, "the overall threshold of EUROHPC-2024-CEI-AI-01 is 0.0 already\n");
  EXPECT_EQ(json::parse(ok({"call", "show", k_call, "--format", "json"})).at("overall_threshold").dump(), "0.0");
  EXPECT_EQ(json::parse(ok({"call", "show", k_other_call, "--format", "json"})).at("overall_threshold").dump(), "10.0");
}

} // namespace
} // namespace cfp::test

namespace cfp::test {
namespace {

using json = nlohmann::ordered_json;

class CriterionRulesTest : public CliTest
{
};

TEST_F(CriterionRulesTest, AnIdIsNeverGivenToAnotherCriterionSoThatTheAuditLogNamesOne)
{
  ok({"criterion", "add", k_other_call, "old", "--name", "Old"});
  ok({"criterion", "remove", k_other_call, "old"});
  ok({"criterion", "add", k_other_call, "new", "--name", "New"});
  std::map<std::int64_t, std::set<std::string>> keys_by_subject;
  SQLite::Database db(m_db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement entries(db, "SELECT subject_id, entity FROM audit WHERE subject_kind = 'criterion'");
  while (entries.executeStep()) {
    keys_by_subject[entries.getColumn(0).getInt64()].insert(entries.getColumn(1).getString());
  }
  ASSERT_FALSE(keys_by_subject.empty());
  for (const auto& [id, entities] : keys_by_subject) {
    EXPECT_EQ(entities.size(), 1u) << "subject " << id << " names " << ::testing::PrintToString(entities);
  }
}

TEST_F(CriterionRulesTest, ANewCallsStandardCriteriaAreAudited)
{
  ok({"call", "add", "NEW-CALL", "--title", "New"});
  std::vector<std::string> entries;
  for (const auto& entry : json::parse(ok({"log", "--limit", "4", "--format", "json"}))) {
    entries.insert(entries.begin(),
                   entry.at("action").get<std::string>() + " " + entry.at("entity").get<std::string>());
  }
  EXPECT_EQ(entries,
            (std::vector<std::string>{"add call NEW-CALL", "add criterion NEW-CALL/excellence",
                                      "add criterion NEW-CALL/impact", "add criterion NEW-CALL/implementation"}));
}

TEST_F(CriterionRulesTest, APositionHasNoLeadingZeroAndANameNoSurroundingSpace)
{
  fails({"criterion", "add", k_call, "green", "--name", "G", "--position", "01"}, 65,
        "position '01': give a number from 1 to 4");
  fails({"criterion", "add", k_call, "green", "--name", " Green"}, 65,
        "--name: the name must not begin or end with a space");
  fails({"criterion", "add", k_call, "green", "--name", "\xc2\xa0"}, 65, "--name: the name must not be empty");
}

TEST_F(CriterionRulesTest, OneCriterionGivesFivePoints)
{
  ok({"call", "set-threshold", k_call, "5"});
  ok({"criterion", "remove", k_call, "impact"});
  ok({"criterion", "remove", k_call, "implementation"});
  fails({"call", "set-threshold", k_call, "5.5"}, 65,
        "overall threshold 5.5: the 1 criterion of call EUROHPC-2024-CEI-AI-01 gives 5.0 points at most");
}

} // namespace
} // namespace cfp::test

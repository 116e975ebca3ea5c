// SPDX-License-Identifier: EUPL-1.2
// `export calls` and `import calls` carry each call's evaluation settings: its criteria and its
// overall threshold, checked as `criterion add|set` and `call set-threshold` check them, and
// frozen once the call's proposals are being scored.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

// The second after the cut-off of 4 November 2024 (17:00:00 Brussels, 16:00:00 UTC).
constexpr auto k_after = "2024-11-04T16:00:01Z";

class ImportCallCriteriaTest : public ImportExportTest
{
protected:
  // Imports `document` and expects exit `code` and `message` on stderr, the database unchanged.
  void refused(const nlohmann::json& document, int code, const std::string& message)
  {
    fails({"import", "calls", write("calls.json", document.dump()).string()}, code, message, k_after);
  }
};

TEST_F(ImportCallCriteriaTest, CriteriaAndTheOverallThresholdTravelWithTheCall)
{
  ok({"criterion", "add", k_call, "sustainability", "--name", "Sustainability", "--weight", "0.5", "--threshold",
      "2.5"});
  ok({"criterion", "set", k_call, "impact", "--weight", "2", "--position", "1"});
  ok({"call", "set-threshold", k_call, "12.5"});
  const std::string exported = ok({"export", "calls"});
  const auto first = nlohmann::ordered_json::parse(exported)["calls"][0];
  EXPECT_EQ(first["overall_threshold"].dump(), "12.5");
  EXPECT_EQ(first["criteria"][0].dump(), R"({"key":"impact","name":"Impact","weight":2,"threshold":3.0,"position":1})");
  EXPECT_EQ(first["criteria"][3].dump(),
            R"({"key":"sustainability","name":"Sustainability","weight":0.5,"threshold":2.5,"position":4})");

  const auto copy = m_dir / "copy.db";
  const auto imported = run_cli(copy, {"import", "calls", write("calls.json", exported).string()}, k_now);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(run_cli(copy, {"export", "calls"}, k_now).out, exported);
  EXPECT_EQ(run_cli(copy, {"criterion", "list", k_call, "--format", "csv"}, k_now).out,
            "call,key,name,weight,threshold,position\r\n"
            "EUROHPC-2024-CEI-AI-01,impact,Impact,2,3.0,1\r\n"
            "EUROHPC-2024-CEI-AI-01,excellence,Excellence,1,3.0,2\r\n"
            "EUROHPC-2024-CEI-AI-01,implementation,Quality and efficiency of the implementation,1,3.0,3\r\n"
            "EUROHPC-2024-CEI-AI-01,sustainability,Sustainability,0.5,2.5,4\r\n");
}

TEST_F(ImportCallCriteriaTest, AChangedListReplacesTheCriteriaEachChangeAudited)
{
  auto document = as_json(ok({"export", "calls"}));
  auto& criteria = document["calls"][0]["criteria"];
  criteria.erase(2); // implementation
  criteria[1]["weight"] = "1.5";
  criteria.push_back({{"key", "novelty"}, {"name", "Novelty"}});
  document["calls"][0]["overall_threshold"] = 9;
  const auto result = cfp({"import", "calls", write("calls.json", document.dump()).string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported calls: 0 added, 1 updated, 1 unchanged; cut-offs: 0 added, 4 unchanged\n");
  EXPECT_EQ(ok({"criterion", "list", k_call, "--format", "csv"}),
            "call,key,name,weight,threshold,position\r\n"
            "EUROHPC-2024-CEI-AI-01,excellence,Excellence,1,3.0,1\r\n"
            "EUROHPC-2024-CEI-AI-01,impact,Impact,1.5,3.0,2\r\n"
            "EUROHPC-2024-CEI-AI-01,novelty,Novelty,1,3.0,3\r\n");
  std::vector<std::string> entries;
  for (const auto& entry : audit(5)) {
    entries.push_back(entry["action"].get<std::string>() + " " + entry["entity"].get<std::string>());
  }
  EXPECT_EQ(entries, (std::vector<std::string>{"import import calls " + (m_dir / "calls.json").string(),
                                               "set threshold call EUROHPC-2024-CEI-AI-01",
                                               "add criterion EUROHPC-2024-CEI-AI-01/novelty",
                                               "update criterion EUROHPC-2024-CEI-AI-01/impact",
                                               "remove criterion EUROHPC-2024-CEI-AI-01/implementation"}));
}

TEST_F(ImportCallCriteriaTest, SettingsThatBreakARuleAreRefusedNamingWhere)
{
  const auto document = as_json(ok({"export", "calls"}));
  const auto with = [&](const std::function<void(nlohmann::json&)>& change) {
    auto changed = document;
    change(changed["calls"][0]);
    return changed;
  };
  refused(with([](auto& call) { call["criteria"][0]["weight"] = 0; }), 65,
          "calls.json: calls[0]: criterion 'excellence': weight:");
  refused(with([](auto& call) { call["criteria"][1]["key"] = "excellence"; }), 65,
          "calls.json: calls[0]: criterion 'excellence' is given twice");
  refused(with([](auto& call) { call["criteria"][1]["position"] = 3; }), 65,
          "calls.json: calls[0].criteria[1]: position must be 2: criteria are listed in their order");
  refused(with([](auto& call) { call["criteria"][0]["colour"] = "red"; }), 65,
          "cfp: error: " + (m_dir / "calls.json").string() +
              ": calls[0].criteria[0]: unknown key 'colour'; the keys are key, name, weight, threshold, position\n");
  refused(with([](auto& call) { call["criteria"][0]["weight"] = true; }), 65,
          "calls.json: calls[0].criteria[0]: weight must be a number or a string");
  refused(with([](auto& call) {
            call["criteria"] = nlohmann::json::array({{{"key", "only"}, {"name", "Only"}}});
            call.erase("overall_threshold");
          }),
          65,
          "calls.json: calls[0]: overall_threshold 10.0 (the call's): the 1 criterion gives 5.0 points at most; give "
          "a lower overall_threshold with the criteria");
  refused(with([](auto& call) { call["criteria"][0].erase("name"); }), 65,
          "calls.json: calls[0]: criterion 'excellence': a name is required");
  refused(with([](auto& call) { call["criteria"] = nlohmann::json::array(); }), 65,
          "calls.json: calls[0]: criteria: give from 1 to 20 criteria (there are 0)");
  refused(with([](auto& call) { call["overall_threshold"] = 15.5; }), 65,
          "calls.json: calls[0]: overall_threshold 15.5: the 3 criteria give 15.0 points at most");
  refused(with([](auto& call) { call["criteria"][2]["threshold"] = "3.25"; }), 65,
          "calls.json: calls[0]: criterion 'implementation': threshold:");
}

TEST_F(ImportCallCriteriaTest, ANewCallWithItsOwnCriteriaGetsThemAloneEachAuditedOnce)
{
  const nlohmann::json document{
      {"calls",
       {{{"code", "EUROHPC-2026-NEW"},
         {"title", "A new call"},
         {"overall_threshold", "4"},
         {"criteria", {{{"key", "quality"}, {"name", "Quality"}, {"weight", 2}, {"threshold", "2.5"}}}}}}}};
  const auto result = cfp({"import", "calls", write("calls.json", document.dump()).string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ok({"criterion", "list", "EUROHPC-2026-NEW", "--format", "csv"}),
            "call,key,name,weight,threshold,position\r\nEUROHPC-2026-NEW,quality,Quality,2,2.5,1\r\n");
  std::vector<std::string> entries;
  for (const auto& entry : audit(4)) {
    entries.push_back(entry["action"].get<std::string>() + " " + entry["entity"].get<std::string>());
  }
  EXPECT_EQ(entries, (std::vector<std::string>{"import import calls " + (m_dir / "calls.json").string(),
                                               "set threshold call EUROHPC-2026-NEW",
                                               "add criterion EUROHPC-2026-NEW/quality", "add call EUROHPC-2026-NEW"}));
}

TEST_F(ImportCallCriteriaTest, CriteriaAreFrozenOnceTheCallsProposalsAreScored)
{
  ok({"expert", "add", "Luca", "--state", "IT"});
  ok({"score", "add", "BSC-AIF", "--expert", "Luca", "excellence=4", "impact=4", "implementation=4"}, k_after);
  const std::string exported = ok({"export", "calls"}, k_after);
  const auto same = cfp({"import", "calls", write("calls.json", exported).string()}, k_after);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.err, "imported calls: 0 added, 0 updated, 2 unchanged; cut-offs: 0 added, 4 unchanged\n");
  auto document = as_json(exported);
  document["calls"][0]["criteria"][0]["threshold"] = 3.5;
  refused(document, 1,
          "calls.json: calls[0]: the criteria of call EUROHPC-2024-CEI-AI-01 cannot change: its proposals are being "
          "scored");
  document = as_json(exported);
  document["calls"][0]["overall_threshold"] = "11";
  refused(document, 1,
          "calls.json: calls[0]: the overall threshold of call EUROHPC-2024-CEI-AI-01 cannot change: its proposals "
          "are being scored");
}

} // namespace
} // namespace cfp::test

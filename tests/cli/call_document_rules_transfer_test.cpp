// SPDX-License-Identifier: EUPL-1.2
// A call's document rules in the calls file: `export calls` writes each one only when the call
// does not keep its default (so that the export of a call with the defaults is what it always
// was), and `import calls` reads them back with the checks of `call update`.
#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using nlohmann::json;

class CallRulesTransferTest : public ImportExportTest
{
protected:
  json call_json(const std::string& code, const std::filesystem::path& db)
  {
    const auto result = run_cli(db, {"call", "show", code, "--format", "json"}, k_now);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return as_json(result.out);
  }

  // Imports a document of one call: `fields` added to the code and title of k_other_call.
  CliResult import_call(const json& fields)
  {
    json call{{"code", k_other_call}, {"title", "AI Factories"}};
    call.update(fields);
    return cfp({"import", "calls", write("calls.json", json{{"calls", json::array({call})}}.dump()).string()});
  }
};

TEST_F(CallRulesTransferTest, ACallWithTheDefaultsIsExportedWithTheKeysItAlwaysHad)
{
  const auto exported = ok({"export", "calls"});
  EXPECT_EQ(exported.find("required_parts"), std::string::npos);
  EXPECT_EQ(exported.find("document_limit"), std::string::npos);
  // In the file's order (ordered_json), and kept: a range over a part of a temporary dangles.
  const auto calls = nlohmann::ordered_json::parse(exported);
  for (const auto& call : calls.at("calls")) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : call.items()) {
      keys.push_back(key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"code", "title", "opens_at", "budget_eur", "overall_threshold",
                                              "criteria", "cutoffs"}));
  }
}

TEST_F(CallRulesTransferTest, TheRulesRoundTripThroughTheCallsFile)
{
  ok({"call", "update", k_other_call, "--required-parts", "support-letter,part-b", "--document-limit", "20MiB"});
  const auto exported = ok({"export", "calls"});
  const auto document = as_json(exported);
  const auto& first = document.at("calls").at(0);
  EXPECT_FALSE(first.contains("required_parts")) << "the call with the defaults is written as before";
  const auto& second = document.at("calls").at(1);
  EXPECT_EQ(second.at("required_parts"), json::array({"part-b", "support-letter"}));
  EXPECT_EQ(second.at("document_limit_bytes"), 20971520);
  EXPECT_NE(exported.find("\"overall_threshold\": 10.0,\n      \"required_parts\": [\n"), std::string::npos)
      << exported;

  const auto copy = m_dir / "copy.db";
  const auto imported = run_cli(copy, {"import", "calls", write("calls.json", exported).string()}, k_now);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto call = call_json(k_other_call, copy);
  EXPECT_EQ(call.at("required_parts"), json::array({"part-b", "support-letter"}));
  EXPECT_EQ(call.at("document_limit_bytes"), 20971520);
  EXPECT_EQ(run_cli(copy, {"export", "calls"}, k_now).out, exported);

  // Imported again where it came from, it changes nothing.
  const auto again = cfp({"import", "calls", write("calls.json", exported).string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "imported calls: 0 added, 0 updated, 2 unchanged; cut-offs: 0 added, 4 unchanged\n");
}

TEST_F(CallRulesTransferTest, AnImportThatLeavesTheRulesOutKeepsTheStoredOnes)
{
  ok({"call", "set-parts", k_other_call, "annex"});
  ok({"call", "update", k_other_call, "--document-limit", "10MiB"});
  const auto result = import_call({{"title", "AI Factories (amended)"}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported calls: 0 added, 1 updated, 0 unchanged; cut-offs: 0 added, 0 unchanged\n");
  const auto call = as_json(ok({"call", "show", k_other_call, "--format", "json"}));
  EXPECT_EQ(call.at("title"), "AI Factories (amended)");
  EXPECT_EQ(call.at("required_parts"), json::array({"annex"}));
  EXPECT_EQ(call.at("document_limit_bytes"), 10485760);
}

TEST_F(CallRulesTransferTest, NullSetsTheDefaultsAndStringsAreReadAsTheOptionsReadThem)
{
  ASSERT_EQ(import_call({{"required_parts", "Annex, part-b"}, {"document_limit_bytes", "512KiB"}}).exit_code, 0);
  auto call = as_json(ok({"call", "show", k_other_call, "--format", "json"}));
  EXPECT_EQ(call.at("required_parts"), json::array({"part-b", "annex"}));
  EXPECT_EQ(call.at("document_limit_bytes"), 524288);
  auto entry = as_json(ok({"log", "--format", "json", "--limit", "5"}));
  EXPECT_EQ(entry.at(1).at("after").at("required_parts"), json::array({"part-b", "annex"})) << entry;

  const auto result = import_call({{"required_parts", nullptr}, {"document_limit_bytes", nullptr}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported calls: 0 added, 1 updated, 0 unchanged; cut-offs: 0 added, 0 unchanged\n");
  call = as_json(ok({"call", "show", k_other_call, "--format", "json"}));
  EXPECT_EQ(call.at("required_parts"), json::array());
  EXPECT_EQ(call.at("document_limit_bytes"), 52428800);
}

TEST_F(CallRulesTransferTest, ANewCallGetsTheRulesOfTheFile)
{
  const json call{{"code", "EUROHPC-2025-NEW"},
                  {"title", "New"},
                  {"required_parts", json::array({"other"})},
                  {"document_limit_bytes", 1048576}};
  const json document{{"calls", json::array({call})}};
  ok({"import", "calls", write("calls.json", document.dump()).string()});
  const auto shown = as_json(ok({"call", "show", "EUROHPC-2025-NEW", "--format", "json"}));
  EXPECT_EQ(shown.at("required_parts"), json::array({"other"}));
  EXPECT_EQ(shown.at("document_limit_bytes"), 1048576);
  const auto added = as_json(ok({"log", "--format", "json", "--limit", "1000"}));
  bool found = false;
  for (const auto& entry : added) {
    if (entry.at("action") == "add" && entry.at("entity") == "call EUROHPC-2025-NEW") {
      found = true;
      EXPECT_EQ(entry.at("after").at("document_limit_bytes"), 1048576) << entry;
    }
  }
  EXPECT_TRUE(found);
}

struct BadRule
{
  std::string name;
  json fields;
  std::string message;
};

std::ostream& operator<<(std::ostream& out, const BadRule& rule)
{
  return out << rule.name;
}

class CallRulesBadImportTest : public CallRulesTransferTest, public ::testing::WithParamInterface<BadRule>
{
};

TEST_P(CallRulesBadImportTest, ExitsSixtyFiveNamingTheCallAndTheKeyAndWritesNothing)
{
  const auto& rule = GetParam();
  json call{{"code", k_other_call}, {"title", "AI Factories"}};
  call.update(rule.fields);
  // A valid new call first: the whole document is refused.
  const json document{{"calls", json::array({json{{"code", "NEW-1"}, {"title", "T"}}, call})}};
  const auto file = write("calls.json", document.dump());
  fails({"import", "calls", file.string()}, 65, file.string() + ": calls[1]: " + rule.message);
}

const BadRule k_bad_rules[] = {
    {"UnknownKind",
     {{"required_parts", json::array({"part-b", "part-c"})}},
     "required_parts: 'part-c' is not a kind of part; a call may require part-b, annex, support-letter, other"},
    {"KindTwice", {{"required_parts", json::array({"annex", "ANNEX"})}}, "required_parts: annex is named twice"},
    {"EmptyNameInAString", {{"required_parts", "part-b,,annex"}}, "required_parts: an empty part name"},
    {"EmptyNameInAnArray", {{"required_parts", json::array({""})}}, "required_parts must hold kinds of part"},
    {"NotAKindString", {{"required_parts", json::array({1})}}, "required_parts must hold kinds of part"},
    {"PartsNotAList", {{"required_parts", 3}}, "required_parts must be an array of kinds of part"},
    {"LimitZero", {{"document_limit_bytes", 0}}, "document_limit_bytes: '0' is not a document size"},
    {"LimitTooLarge", {{"document_limit_bytes", "300MiB"}}, "document_limit_bytes: '300MiB' is not a document size"},
    {"LimitBadUnit", {{"document_limit_bytes", "12XB"}}, "document_limit_bytes: '12XB' is not a document size"},
    {"LimitNotWhole", {{"document_limit_bytes", 1.5}}, "document_limit_bytes must be a whole number of bytes"},
    {"LimitABoolean", {{"document_limit_bytes", true}}, "document_limit_bytes must be a whole number of bytes"},
};

std::string rule_name(const ::testing::TestParamInfo<BadRule>& param)
{
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Rules, CallRulesBadImportTest, ::testing::ValuesIn(k_bad_rules), rule_name);

} // namespace
} // namespace cfp::test

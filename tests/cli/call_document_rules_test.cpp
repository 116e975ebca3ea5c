// SPDX-License-Identifier: EUPL-1.2
// A call's document rules: `call set-parts` and `call update --required-parts/--document-limit`
// set them, `call show` shows them, and each change is audited. New rules bind what comes next:
// a submitted proposal without a part now required stays submitted and open to changes (with a
// warning), and a document larger than a lowered limit stays (with a warning).

#include "cli/corrections_fixture.hpp"

#include <cfp/core/documents.hpp>
#include <cfp/store/database.hpp>

#include <fstream>

namespace cfp::test {
namespace {

using nlohmann::json;

class CallDocumentRulesTest : public CorrectionsTest
{
protected:
  json call_json(const std::string& code) { return json::parse(ok({"call", "show", code, "--format", "json"})); }

  // Attaches `bytes` (a text file) as part `part` of `ref` through core, as `proposal attach`
  // does, at the fixture's time.
  void attach(const std::string& ref, const std::string& part, const std::string& bytes)
  {
    const auto file = m_dir / (part + ".txt");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    const auto database = store::Database::open(m_db.string());
    core::FixedClock clock(utc("2024-10-01T10:00:00Z"));
    core::Session session{*database, clock, "tester", "cfp test", *date::locate_zone("Europe/Brussels")};
    core::attach_document(session, {ref, part, file.string(), std::nullopt, std::nullopt});
  }
};

TEST_F(CallDocumentRulesTest, ANewCallRequiresNoPartAndTakesDocumentsOfFiftyMebibytes)
{
  const auto call = call_json(k_other_call);
  EXPECT_EQ(call.at("required_parts"), json::array());
  EXPECT_EQ(call.at("document_limit_bytes"), 52428800);
  const auto table = ok({"call", "show", k_other_call});
  EXPECT_NE(table.find("required parts:     none\n"), std::string::npos) << table;
  EXPECT_NE(table.find("document limit:     50 MiB\n"), std::string::npos) << table;
  const auto csv = ok({"call", "show", k_other_call, "--format", "csv"});
  EXPECT_EQ(
      csv.rfind("code,title,opens_at,budget_eur,overall_threshold,required_parts,document_limit_bytes,cutoffs,", 0), 0u)
      << csv;
}

TEST_F(CallDocumentRulesTest, SetPartsSetsThemInKindOrderSaysWhatChangedAndIsAudited)
{
  const auto result = cfp({"call", "set-parts", k_other_call, "Support-Letter, part-b"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::string(k_other_call) + "\n");
  EXPECT_EQ(result.err, "changed: required_parts (none) -> part-b,support-letter\nupdated call "
                        "EUROHPC-2024-CEI-AI-02\n");
  EXPECT_EQ(call_json(k_other_call).at("required_parts"), json::array({"part-b", "support-letter"}));
  const auto table = ok({"call", "show", k_other_call});
  EXPECT_NE(table.find("required parts:     part-b, support-letter\n"), std::string::npos) << table;

  const auto entry = last_entry();
  EXPECT_EQ(entry.at("action"), "update");
  EXPECT_EQ(entry.at("entity"), "call EUROHPC-2024-CEI-AI-02");
  EXPECT_FALSE(entry.at("before").contains("required_parts")) << "a default is left out of the snapshot";
  EXPECT_EQ(entry.at("after").at("required_parts"), json::array({"part-b", "support-letter"}));
  EXPECT_FALSE(entry.at("after").contains("document_limit_bytes"));
  expect_checks_pass();
}

TEST_F(CallDocumentRulesTest, NoneOrNothingClearsTheRequiredParts)
{
  const std::vector<std::vector<std::string>> clears{{"call", "set-parts", k_other_call, "none"},
                                                     {"call", "set-parts", k_other_call, ""},
                                                     {"call", "update", k_other_call, "--required-parts", ""},
                                                     {"call", "update", k_other_call, "--required-parts", "NONE"}};
  for (const auto& clear : clears) {
    ok({"call", "set-parts", k_other_call, "annex"});
    const auto result = cfp(clear);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "changed: required_parts annex -> (none)\nupdated call EUROHPC-2024-CEI-AI-02\n")
        << ::testing::PrintToString(clear);
    EXPECT_EQ(call_json(k_other_call).at("required_parts"), json::array());
    EXPECT_FALSE(last_entry().at("after").contains("required_parts"));
  }
}

TEST_F(CallDocumentRulesTest, TheCurrentPartsChangeNothing)
{
  ok({"call", "set-parts", k_other_call, "part-b,annex"});
  const std::string before = dump_database(m_db);
  const auto result = cfp({"call", "set-parts", k_other_call, "annex,part-b"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "call EUROHPC-2024-CEI-AI-02 unchanged: the values given are the current ones\n");
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(CallDocumentRulesTest, UpdateSetsBothRulesAndPrintsThemInJson)
{
  const auto result = cfp(
      {"call", "update", k_other_call, "--required-parts", "part-b", "--document-limit", "20MiB", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "changed: required_parts (none) -> part-b; document_limit 50 MiB -> 20 MiB\nupdated call "
                        "EUROHPC-2024-CEI-AI-02\n");
  const auto printed = json::parse(result.out);
  EXPECT_EQ(printed.at("required_parts"), json::array({"part-b"}));
  EXPECT_EQ(printed.at("document_limit_bytes"), 20971520);
  EXPECT_NE(ok({"call", "show", k_other_call}).find("document limit:     20 MiB\n"), std::string::npos);
  EXPECT_EQ(last_entry().at("after").at("document_limit_bytes"), 20971520);

  // Back to the default: the snapshot is the one of a call that never had another limit.
  ok({"call", "update", k_other_call, "--document-limit", "52428800", "--required-parts", "none"});
  EXPECT_EQ(call_json(k_other_call).at("document_limit_bytes"), 52428800);
  const auto after = last_entry().at("after");
  EXPECT_FALSE(after.contains("document_limit_bytes")) << after;
  EXPECT_FALSE(after.contains("required_parts")) << after;
  expect_checks_pass();
}

TEST_F(CallDocumentRulesTest, TheLimitIsTakenInTheUnitsGiven)
{
  ok({"call", "update", k_other_call, "--document-limit", "512KiB"});
  EXPECT_EQ(call_json(k_other_call).at("document_limit_bytes"), 524288);
  ok({"call", "update", k_other_call, "--document-limit", "1024"});
  EXPECT_EQ(call_json(k_other_call).at("document_limit_bytes"), 1024);
  ok({"call", "update", k_other_call, "--document-limit", "200MiB"});
  EXPECT_EQ(call_json(k_other_call).at("document_limit_bytes"), 209715200);
}

TEST_F(CallDocumentRulesTest, BadKindsAreRefusedNamingTheOption)
{
  for (const auto* command : {"set-parts", "update"}) {
    const auto parts = [&](const std::string& list) {
      return std::string(command) == "set-parts"
                 ? std::vector<std::string>{"call", "set-parts", k_other_call, list}
                 : std::vector<std::string>{"call", "update", k_other_call, "--required-parts", list};
    };
    fails(parts("part-c"), 65,
          "--required-parts: 'part-c' is not a kind of part; a call may require part-b, annex, support-letter, "
          "other");
    fails(parts("part-b,annex,PART-B"), 65, "--required-parts: part-b is named twice");
    fails(parts("part-b,,annex"), 65, "--required-parts: an empty part name");
    fails(parts("annex,"), 65, "--required-parts: an empty part name");
    fails(parts("annex-2"), 65, "--required-parts: 'annex-2' is not a kind of part");
  }
  fails({"call", "set-parts", "NO-SUCH-CALL", "annex"}, 1, "no call 'NO-SUCH-CALL'");
}

TEST_F(CallDocumentRulesTest, BadLimitsAreRefusedNamingTheOption)
{
  for (const std::string limit : {"0", "300MiB", "12XB", "1023", "-5", "", "201MiB", "1.5MiB"}) {
    fails({"call", "update", k_other_call, "--document-limit", limit}, 65,
          "--document-limit: '" + limit +
              "' is not a document size; give bytes or a whole number of KiB, MiB or "
              "GiB (20MiB), from 1 KiB to 200 MiB");
  }
}

TEST_F(CallDocumentRulesTest, SetPartsNeedsTheList)
{
  const auto result = cfp({"call", "set-parts", k_other_call});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("LIST is required"), std::string::npos) << result.err;
}

TEST_F(CallDocumentRulesTest, DryRunChangesNothing)
{
  auto err = dry_run({"call", "set-parts", k_other_call, "part-b"});
  EXPECT_NE(err.find("changed: required_parts (none) -> part-b"), std::string::npos) << err;
  err = dry_run({"call", "update", k_other_call, "--document-limit", "1MiB"});
  EXPECT_NE(err.find("changed: document_limit 50 MiB -> 1 MiB"), std::string::npos) << err;
}

TEST_F(CallDocumentRulesTest, NewlyRequiredPartsWarnOfSubmittedProposalsThatLackThem)
{
  attach("MIMER", "support-letter", "Letter of support from Sweden.\n");
  const auto result = cfp({"call", "set-parts", k_call, "support-letter"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "changed: required_parts (none) -> support-letter\nupdated call EUROHPC-2024-CEI-AI-01\n"
                        "warning: 1 submitted proposal of call EUROHPC-2024-CEI-AI-01 lacks the part support-letter "
                        "it requires now: BSC-AIF; it stays submitted and can still be changed, each change warning "
                        "of what is missing, until it is attached ('cfp proposal attach EUROHPC-2024-CEI-AI-01/ACRONYM "
                        "FILE --part support-letter')\n");
  EXPECT_EQ(json::parse(ok({"proposal", "show", "BSC-AIF", "--format", "json"})).at("status"), "submitted");
  const auto update = cfp({"proposal", "update", "BSC-AIF", "--title", "BSC AI Factory, revised"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.err.find("warning: BSC-AIF is submitted without support-letter, which call "
                            "EUROHPC-2024-CEI-AI-01 now requires"),
            std::string::npos)
      << update.err;
  const auto complete = cfp({"proposal", "update", "MIMER", "--title", "MIMER AI Factory, revised"});
  ASSERT_EQ(complete.exit_code, 0) << complete.err;
  EXPECT_EQ(complete.err.find("warning"), std::string::npos) << complete.err;

  // Only the newly required parts count: both lack an annex, and BSC-AIF is not named twice.
  const auto more = cfp({"call", "update", k_call, "--required-parts", "support-letter,annex,part-b"});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  EXPECT_NE(more.err.find("warning: 2 submitted proposals of call EUROHPC-2024-CEI-AI-01 lack one or more of the "
                          "parts part-b, annex it requires now: BSC-AIF, MIMER; they stay submitted and can still be "
                          "changed, each change warning of what is missing, until the missing parts are attached ('cfp "
                          "proposal attach EUROHPC-2024-CEI-AI-01/ACRONYM FILE --part KIND')\n"),
            std::string::npos)
      << more.err;
  EXPECT_EQ(count_of(more.err, "warning:"), 1u) << more.err;
  expect_checks_pass();
}

TEST_F(CallDocumentRulesTest, NoWarningForProposalsWhoseCutoffClosedOrWithdrawn)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "Merged into another bid"});
  // After 2024-11-04 17:00: BSC-AIF's cut-off is closed, its submission final.
  const auto closed = cfp({"call", "set-parts", k_call, "annex"}, "2024-12-01T10:00:00Z");
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_EQ(closed.err.find("warning"), std::string::npos) << closed.err;
  ok({"call", "set-parts", k_call, "none"}, "2024-12-01T10:00:00Z");
  // Before it, BSC-AIF alone is named: a withdrawn proposal is no submission.
  const auto open = cfp({"call", "set-parts", k_call, "annex"});
  EXPECT_NE(open.err.find("warning: 1 submitted proposal of call EUROHPC-2024-CEI-AI-01 lacks the part annex it "
                          "requires now: BSC-AIF;"),
            std::string::npos)
      << open.err;
}

TEST_F(CallDocumentRulesTest, ALowerLimitKeepsTheLargerDocumentsAndSaysSo)
{
  attach("BSC-AIF", "annex", std::string(3000, 'a'));
  attach("MIMER", "annex", std::string(1500, 'b'));
  const auto result = cfp({"call", "update", k_call, "--document-limit", "2KiB"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "changed: document_limit 50 MiB -> 2 KiB\nupdated call EUROHPC-2024-CEI-AI-01\n"
                        "warning: 1 document attached to proposals of call EUROHPC-2024-CEI-AI-01 is larger than its "
                        "new limit of 2 KiB (BSC-AIF annex (3.0 kB)); it stays, and the limit applies to the "
                        "documents attached from now on\n");
  EXPECT_EQ(query("SELECT count(*) FROM proposal_document WHERE to_version IS NULL"), "2");

  const auto lower = cfp({"call", "update", k_call, "--document-limit", "1KiB"});
  EXPECT_NE(lower.err.find("warning: 2 documents attached to proposals of call EUROHPC-2024-CEI-AI-01 are larger "
                           "than its new limit of 1 KiB (BSC-AIF annex (3.0 kB), MIMER annex (1.5 kB)); they stay"),
            std::string::npos)
      << lower.err;
  // A higher limit warns of nothing.
  const auto higher = cfp({"call", "update", k_call, "--document-limit", "2KiB"});
  EXPECT_EQ(higher.err, "changed: document_limit 1 KiB -> 2 KiB\nupdated call EUROHPC-2024-CEI-AI-01\n");
  expect_checks_pass();
}

} // namespace
} // namespace cfp::test

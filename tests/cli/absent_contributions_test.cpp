// SPDX-License-Identifier: EUPL-1.2
// A contribution never given is absent: null in JSON, empty in CSV and tables, skipped by every
// sum; a submission requires the EU contribution, by every way of submitting (add, submit,
// update, import), while a draft may leave it out and any proposal the national one.

#include "cli/import_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cfp::test {
namespace {

using nlohmann::json;

class AbsentContributionsTest : public ImportExportTest
{
protected:
  void add_draft(const std::string& acronym, std::vector<std::string> more = {})
  {
    std::vector<std::string> args{"proposal", "add",    "--call", k_call,     "--acronym", acronym,  "--title",
                                  "T",        "--host", "FI",     "--entity", "E",         "--draft"};
    args.insert(args.end(), more.begin(), more.end());
    ok(args);
  }

  /// The `label: value` line of `proposal show REF` that starts with `label`.
  std::string show_line(const std::string& ref, const std::string& label)
  {
    for (const auto& line : lines_of(ok({"proposal", "show", ref}))) {
      if (line.rfind(label + ":", 0) == 0) {
        return line;
      }
    }
    return "(no line " + label + ")";
  }
};

TEST_F(AbsentContributionsTest, ADraftLeavesThemOutAndEveryFormatShowsThemAbsent)
{
  add_draft("NOTHING");
  const auto record = show("NOTHING");
  EXPECT_TRUE(record.at("eu_contribution_eur").is_null()) << record;
  EXPECT_TRUE(record.at("national_contribution_eur").is_null()) << record;
  EXPECT_TRUE(as_json(ok({"proposal", "show", "NOTHING", "--format", "ndjson"})).at("eu_contribution_eur").is_null());
  const auto csv = lines_of(ok({"proposal", "show", "NOTHING", "--format", "csv"}));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_NE(csv[1].find(",E,new,false,,,,draft,"), std::string::npos) << csv[1];
  // In tables: nothing, as `call show` shows a call without a budget.
  EXPECT_EQ(show_line("NOTHING", "EU contribution"), "EU contribution:");
  EXPECT_EQ(show_line("NOTHING", "national contribution"), "national contribution:");
  EXPECT_EQ(show_line("BSC-AIF", "EU contribution"), "EU contribution:       31,000,000.00 EUR");
  EXPECT_EQ(show_line("MIMER", "EU contribution"), "EU contribution:       0.00 EUR") << "0 is not absent";
  for (const auto& line : lines_of(ok({"proposal", "list", "--status", "draft"}))) {
    if (line.find("NOTHING") != std::string::npos) {
      EXPECT_EQ(line.substr(line.size() - 5), "draft") << "the EU column is empty: " << line;
    }
  }
  const auto exported = lines_of(ok({"export", "proposals"}));
  EXPECT_NE(std::find(exported.begin(), exported.end(), std::string(k_call) + ",NOTHING,T,FI,,E,new,false,,,,draft,,"),
            exported.end());
}

TEST_F(AbsentContributionsTest, AddingASubmissionWithoutTheEuContributionIsRefused)
{
  fails({"proposal", "add", "--call", k_call, "--acronym", "NOEU", "--title", "T", "--host", "FI", "--entity", "E",
         "--national-contribution", "5M"},
        65,
        "cfp: error: cannot record proposal NOEU: --eu-contribution: required to submit; give it, or keep the "
        "proposal as a --draft\n");
  fails({"proposal", "add", "--call", k_call, "--acronym", "NOEU", "--title", "T", "--host", "FI", "--entity", "E",
         "--eu-contribution", ""},
        65, "--eu-contribution: required to submit");
  // With every other problem of the values, at once.
  fails({"proposal", "add", "--call", k_call, "--acronym", "NOEU", "--title", "T", "--host", "XX", "--entity", "E"}, 65,
        "cannot record proposal NOEU; 2 problems:\n  --host: 'XX' is not a participating state; 'cfp state list' "
        "shows the codes\n  --eu-contribution: required to submit; give it, or keep the proposal as a --draft\n");
  // A wrong amount is said once, as what it is.
  const auto wrong = cfp({"proposal", "add", "--call", k_call, "--acronym", "NOEU", "--title", "T", "--host", "FI",
                          "--entity", "E", "--eu-contribution", "1.001"});
  EXPECT_EQ(wrong.exit_code, 65);
  EXPECT_EQ(wrong.err,
            "cfp: error: cannot record proposal NOEU: --eu-contribution: at most two decimals (whole cents) "
            "are allowed\n");
  // The national contribution may stay absent, and 0 is an amount.
  ok({"proposal", "add", "--call", k_call, "--acronym", "EU-ONLY", "--title", "T", "--host", "FI", "--entity", "E",
      "--eu-contribution", "0"});
  EXPECT_EQ(show("EU-ONLY").at("eu_contribution_eur"), "0.00");
  EXPECT_TRUE(show("EU-ONLY").at("national_contribution_eur").is_null());
}

TEST_F(AbsentContributionsTest, SubmittingADraftWithoutTheEuContributionIsRefusedUntilItIsGiven)
{
  add_draft("LATER", {"--national-contribution", "3M"});
  fails({"proposal", "submit", "LATER"}, 1,
        "cannot submit LATER: it has no EU contribution, which a submission requires; give it with 'cfp proposal "
        "update EUROHPC-2024-CEI-AI-01/LATER --eu-contribution AMOUNT' first");
  ok({"proposal", "update", "LATER", "--eu-contribution", "4M"});
  ok({"proposal", "submit", "LATER"});
  EXPECT_EQ(show("LATER").at("status"), "submitted");
  EXPECT_EQ(show("LATER").at("eu_contribution_eur"), "4000000.00");
}

TEST_F(AbsentContributionsTest, AnEmptyAmountLeavesItOutOfADraftButNotOfASubmission)
{
  add_draft("GIVEN", {"--eu-contribution", "1M", "--national-contribution", "2M"});
  ok({"proposal", "update", "GIVEN", "--eu-contribution", "", "--national-contribution", " "});
  const auto draft = show("GIVEN");
  EXPECT_TRUE(draft.at("eu_contribution_eur").is_null()) << draft;
  EXPECT_TRUE(draft.at("national_contribution_eur").is_null()) << draft;
  // The history keeps both versions, each with its receipt.
  const auto history = as_json(ok({"proposal", "history", "GIVEN", "--format", "json"}));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("eu_contribution_eur"), "1000000.00");
  EXPECT_TRUE(history[1].at("eu_contribution_eur").is_null());
  EXPECT_EQ(history[1].at("sha256"), draft.at("sha256"));

  fails({"proposal", "update", "BSC-AIF", "--eu-contribution", ""}, 65,
        "cannot update BSC-AIF: --eu-contribution: required to submit; BSC-AIF is submitted and keeps one");
  ok({"proposal", "withdraw", "MIMER", "--reason", "Paused"});
  fails({"proposal", "update", "MIMER", "--eu-contribution", ""}, 65, "MIMER is withdrawn and keeps one");
  ok({"proposal", "update", "BSC-AIF", "--national-contribution", ""});
  EXPECT_TRUE(show("BSC-AIF").at("national_contribution_eur").is_null());
}

TEST_F(AbsentContributionsTest, ImportReadsABlankOrNullAmountAsAbsentAndRequiresTheEuOneToSubmit)
{
  const std::string header = "call,acronym,title,host,entity,eu_contribution_eur,national_contribution_eur,status\n";
  const auto file = write("absent.csv", header + k_call + ",BLANK,T,FI,E,,,\n" + k_call + ",DRAFTED,T,FI,E,,,draft\n" +
                                            k_call + ",NATIONAL,T,FI,E,5M,,submitted\n");
  const auto refused = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find(file.string() + ":2: eu_contribution_eur: required to submit; give it, or import the "
                                             "proposal as a draft (status draft)"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find(file.string() + ":3:"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find(file.string() + ":4:"), std::string::npos) << refused.err;

  // JSON: null, or a key left out, is absent too.
  const auto json_file = write("absent.json", std::string("[\n") + R"({"call":")" + k_call +
                                                  R"(","acronym":"NULLED","title":"T","host":"FI","entity":"E",)"
                                                  R"("eu_contribution_eur":null},)" +
                                                  "\n" + R"({"call":")" + k_call +
                                                  R"(","acronym":"MISSING","title":"T","host":"FI","entity":"E",)"
                                                  R"("status":"draft"})" +
                                                  "\n]\n");
  const auto refused_json = cfp({"import", "proposals", json_file.string()});
  EXPECT_EQ(refused_json.exit_code, 65) << refused_json.err;
  EXPECT_NE(refused_json.err.find(json_file.string() + ":2: eu_contribution_eur: required to submit"),
            std::string::npos)
      << refused_json.err;
  EXPECT_EQ(refused_json.err.find(json_file.string() + ":3:"), std::string::npos) << refused_json.err;

  import_ok(write("fine.csv", header + k_call + ",DRAFTED,T,FI,E,,,draft\n" + k_call + ",NATIONAL,T,FI,E,5M,,\n"));
  EXPECT_TRUE(show("DRAFTED").at("eu_contribution_eur").is_null());
  EXPECT_TRUE(show("NATIONAL").at("national_contribution_eur").is_null());
  EXPECT_EQ(show("NATIONAL").at("status"), "submitted");

  // An existing submitted proposal: a blank cell would take its amount away; a file without
  // the column keeps it.
  const auto blanked = write("blanked.csv", header + k_call + ",BSC-AIF,BSC AI Factory,ES,E,,,\n");
  const auto result = cfp({"import", "proposals", blanked.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(blanked.string() + ":2: eu_contribution_eur: required to submit"), std::string::npos)
      << result.err;
  import_ok(write("kept.csv",
                  "call,acronym,title,host,entity\n" + std::string(k_call) + ",BSC-AIF,BSC AI Factory,ES,Barcelona\n"));
  EXPECT_EQ(show("BSC-AIF").at("eu_contribution_eur"), "31000000.00");
}

TEST_F(AbsentContributionsTest, AWithdrawnRecordWithoutItsEuContributionIsRefused)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "Paused"});
  const auto file =
      write("withdrawn.csv", "call,acronym,title,host,entity,eu_contribution_eur,status\n" + std::string(k_call) +
                                 ",MIMER,MIMER AI Factory,SE,Linköping University,,"
                                 "withdrawn\n");
  const auto result = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_NE(result.err.find(file.string() + ":2: eu_contribution_eur: required of a withdrawn proposal"),
            std::string::npos)
      << result.err;
}

TEST_F(AbsentContributionsTest, SumsSkipAbsentAmounts)
{
  ok({"proposal", "add", "--call", k_call, "--acronym", "NATIONAL", "--title", "T", "--host", "SE", "--entity", "E",
      "--eu-contribution", "1M"});
  ok({"proposal", "add", "--call", k_call, "--acronym", "BOTH", "--title", "T", "--host", "SE", "--entity", "E",
      "--eu-contribution", "2M", "--national-contribution", "3M"});
  add_draft("NOTHING");
  add_draft("SOME", {"--eu-contribution", "7M"});
  const auto states = as_json(ok({"report", "states", "--format", "json"}));
  for (const auto& row : states) {
    if (row.at("code") == "SE") {
      EXPECT_EQ(row.at("eu_requested_eur"), "3000000.00") << row; // MIMER's 0, 1M and 2M
      EXPECT_EQ(row.at("national_committed_eur"), "3000000.00") << row;
    }
    if (row.at("code") == "FI") {
      EXPECT_EQ(row.at("drafts"), 2) << row;
      EXPECT_EQ(row.at("eu_requested_eur"), "0.00") << row;
    }
  }
  const auto calls = as_json(ok({"report", "calls", "--format", "json"}));
  EXPECT_EQ(calls.at(0).at("eu_requested_eur"), "34000000.00") << calls; // BSC-AIF's 31M, MIMER's 0, 1M, 2M
  const auto deadlines = as_json(ok({"report", "deadlines", "--format", "json"}));
  EXPECT_FALSE(deadlines.empty());
  // The dashboard shows the draft without amounts.
  const auto page = m_dir / "dashboard.html";
  ok({"report", "html", "--out", page.string()});
  EXPECT_NE(read_file(page).find("NOTHING"), std::string::npos);
}

TEST_F(AbsentContributionsTest, ExportThenImportKeepsAbsentAmountsAbsent)
{
  add_draft("NOTHING");
  ok({"proposal", "update", "BSC-AIF", "--national-contribution", ""});
  for (const std::string format : {"csv", "json", "ndjson"}) {
    const auto exported = ok({"export", "proposals", "--format", format});
    const auto calls = write("calls.json", ok({"export", "calls"}));
    const auto copy = m_dir / ("copy-" + format + ".db");
    ASSERT_EQ(run_cli(copy, {"import", "calls", calls.string()}, k_now).exit_code, 0);
    const auto imported = run_cli(copy, {"import", "proposals", write("p." + format, exported).string()}, k_now);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(run_cli(copy, {"export", "proposals", "--format", format}, k_now).out, exported) << format;
    const auto nothing = as_json(run_cli(copy, {"proposal", "show", "NOTHING", "--format", "json"}, k_now).out);
    EXPECT_TRUE(nothing.at("eu_contribution_eur").is_null()) << format;
  }
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// Rule boundaries seen from the command line: the exit code, the message and that nothing was
// written, for an import into a closed cut-off, a second withdrawal, cut-offs at exactly an
// opening or a submission instant, Switzerland's first day, and a database locked by a writer.
#include "cli/cli_fixture.hpp"

#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <string>

namespace cfp::test {
namespace {

using nlohmann::json;

json as_json(const std::string& text)
{
  auto parsed = json::parse(text, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << text;
  return parsed;
}

// The fixture's call with BSC-AIF and MIMER submitted on 2024-10-01T10:00:00Z to 2024-11-04.
class RuleBoundariesCliTest : public CliTest
{
protected:
  std::filesystem::path write(const std::string& name, const std::string& content)
  {
    const auto path = m_dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    return path;
  }

  json show(const std::string& ref) { return as_json(ok({"proposal", "show", ref, "--format", "json"})); }

  void add_draft(const std::string& acronym)
  {
    ok({"proposal", "add", "--call", k_call, "--acronym", acronym, "--title", "Draft " + acronym, "--host", "FI",
        "--entity", "CSC", "--eu-contribution", "5M", "--draft"});
  }
};

// ---- import: a change happens now ------------------------------------------------------------

TEST_F(RuleBoundariesCliTest, ImportSubmittingAnExistingDraftBackdatedIntoAClosedCutoffExitsSixtyFive)
{
  add_draft("DRAFTY");
  const auto file = write("drafts.csv", std::string("call,acronym,title,host,entity,status,submitted_at\n") + k_call +
                                          ",DRAFTY,Draft DRAFTY,FI,CSC,submitted,2024-11-01T00:00:00Z\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string()}, "2024-12-01T00:00:00Z");
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, file.string() +
                          ":2: submitted_at: 2024-11-01T00:00:00Z would place DRAFTY in cut-off '2024-11-04', "
                          "which closed at 2024-11-04 17:00:00 CET (Brussels time)\n"
                          "cfp: error: 1 of 1 records are invalid; nothing was imported\n");
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_EQ(show("DRAFTY")["status"], "draft");
}

TEST_F(RuleBoundariesCliTest, ImportSubmittingAnExistingDraftIntoAClosedCutoffFailsTheWholeFileOnItsLine)
{
  // Among valid rows, the bad one is still named by its line and nothing at all is written.
  add_draft("DRAFTY");
  const auto file = write("drafts.ndjson", std::string("{\"call\": \"") + k_call +
                                             "\", \"acronym\": \"NEWONE\", \"title\": \"T\", \"host\": \"FI\", "
                                             "\"entity\": \"CSC\", \"eu_contribution_eur\": \"1M\"}\n"
                                             "{\"call\": \"" +
                                             k_call +
                                             "\", \"acronym\": \"DRAFTY\", \"title\": \"Draft DRAFTY\", \"host\": "
                                             "\"FI\", \"entity\": \"CSC\", \"status\": \"submitted\", "
                                             "\"submitted_at\": \"2024-11-04T16:00:00Z\"}\n");
  const std::string before = dump_database(m_db);
  const auto result = cfp({"import", "proposals", file.string()}, "2024-12-01T00:00:00Z");
  EXPECT_EQ(result.exit_code, 65) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find(file.string() + ":2: submitted_at: 2024-11-04T16:00:00Z would place DRAFTY in cut-off "
                                            "'2024-11-04'"),
            std::string::npos)
    << result.err;
  EXPECT_NE(result.err.find("cfp: error: 1 of 2 records are invalid; nothing was imported"), std::string::npos)
    << result.err;
  EXPECT_EQ(dump_database(m_db), before);
}

TEST_F(RuleBoundariesCliTest, ImportSubmittingAnExistingDraftBackdatedIntoAnOpenCutoffSucceeds)
{
  add_draft("DRAFTY");
  const auto file = write("drafts.csv", std::string("call,acronym,title,host,entity,status,submitted_at\n") + k_call +
                                          ",DRAFTY,Draft DRAFTY,FI,CSC,submitted,2024-11-04T16:00:01Z\n");
  const auto result = cfp({"import", "proposals", file.string()}, "2024-12-01T00:00:00Z");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "imported 1 proposals: 0 inserted, 1 updated, 0 unchanged\n");
  const auto drafty = show("DRAFTY");
  EXPECT_EQ(drafty["status"], "submitted");
  EXPECT_EQ(drafty["cutoff"], "2025-02-01");
  EXPECT_EQ(drafty["submitted_at"], "2024-11-04T16:00:01Z");
}

// ---- withdrawal ------------------------------------------------------------------------------

TEST_F(RuleBoundariesCliTest, WithdrawingAWithdrawnProposalExitsOneAndKeepsTheFirstReason)
{
  ok({"proposal", "withdraw", "MIMER", "--reason", "merged into BSC-AIF"});
  fails({"proposal", "withdraw", "MIMER", "--reason", "changed our minds"}, 1,
        "MIMER is withdrawn, not submitted; only a submitted proposal can be withdrawn");
  const auto mimer = show("MIMER");
  EXPECT_EQ(mimer["withdrawal_reason"], "merged into BSC-AIF");
  EXPECT_EQ(mimer["version"], 2);
}

// ---- cut-offs --------------------------------------------------------------------------------

TEST_F(RuleBoundariesCliTest, DeadlineAtExactlyTheOpeningInstantExitsOneAndOneSecondLaterSucceeds)
{
  // The fixture's calls open on 2024-09-10 at midnight Brussels (2024-09-09T22:00:00Z).
  fails({"deadline", "add", k_call, "2024-09-09T22:00:00Z"}, 1,
        "is not after the opening of call EUROHPC-2024-CEI-AI-01 (2024-09-10 00:00:00 CEST (Brussels time))");
  ok({"deadline", "add", k_call, "2024-09-09T22:00:01Z"});
}

TEST_F(RuleBoundariesCliTest, DeadlineAtExactlyASubmissionInstantExitsOneNamingTheProposals)
{
  fails({"deadline", "add", k_call, "2024-10-01T10:00:00Z"}, 1,
        "would move proposals already submitted to a later cut-off of call EUROHPC-2024-CEI-AI-01 (BSC-AIF, MIMER)",
        "2024-10-02T00:00:00Z");
  ok({"deadline", "add", k_call, "2024-10-01T09:59:59Z"}, "2024-10-02T00:00:00Z");
  EXPECT_EQ(show("MIMER")["cutoff"], "2024-11-04");
}

// ---- states ----------------------------------------------------------------------------------

TEST_F(RuleBoundariesCliTest, SwitzerlandCanBeNamedFromMidnightBrusselsOnNewYear)
{
  const std::vector<std::string> add_cscs{"proposal", "add", "--call", k_call, "--acronym", "CSCS-AIF", "--title",
                                          "CSCS AI Factory", "--host", "CH", "--entity", "CSCS",
                                          "--eu-contribution", "0"};
  fails(add_cscs, 1, "CH (Switzerland) takes part in EuroHPC calls from 2025-01-01", "2024-12-31T22:59:59Z");
  const auto result = cfp(add_cscs, "2024-12-31T23:00:00Z");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(show("CSCS-AIF")["cutoff"], "2025-02-01");
}

// ---- exit code 75 ----------------------------------------------------------------------------

TEST_F(RuleBoundariesCliTest, AWriteWhileAnotherConnectionHoldsTheWriteLockExitsSeventyFive)
{
  const std::string before = dump_database(m_db);
  CliResult result;
  std::chrono::steady_clock::duration waited{};
  {
    SQLite::Database other(m_db.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const auto started = std::chrono::steady_clock::now();
    // A short busy timeout keeps the test fast; the wait itself is real.
    result = cfp({"proposal", "update", "MIMER", "--title", "blocked"}, "2024-10-01T10:00:00Z",
                 {"CFP_BUSY_TIMEOUT_MS=200"});
    waited = std::chrono::steady_clock::now() - started;
    other.exec("ROLLBACK");
  }
  EXPECT_EQ(result.exit_code, 75) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("cfp: error: cannot update proposal MIMER: the database", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("stayed locked by another writer for 0.2 s"), std::string::npos) << result.err;
  EXPECT_EQ(dump_database(m_db), before);
  EXPECT_GE(waited, std::chrono::milliseconds(150)) << "the write did not wait for the other writer";
  EXPECT_EQ(show("MIMER")["title"], "MIMER AI Factory");
}

} // namespace
} // namespace cfp::test

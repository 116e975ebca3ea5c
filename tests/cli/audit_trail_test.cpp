// SPDX-License-Identifier: EUPL-1.2
// The audit trail cannot be forged silently: every entry and version records the machine's
// clock beside a simulated one, says that it was simulated and how, and is sealed to the entry
// before it; `log verify` finds an entry changed, removed or added outside cfp. Each submission
// gets a receipt: the SHA-256 of what was submitted.

#include "cli/cli_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace cfp::test {
namespace {

using nlohmann::json;

class AuditTrailTest : public CliTest
{
protected:
  json log_json(const std::vector<std::string>& extra = {})
  {
    std::vector<std::string> args{"log", "--format", "json", "--limit", "1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return json::parse(ok(args));
  }

  // Runs SQL on the file outside cfp, as someone with write access to it could.
  void tamper(const std::string& sql)
  {
    SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER IF EXISTS audit_is_append_only_update; DROP TRIGGER IF EXISTS audit_is_append_only_delete;"
            "DROP TRIGGER IF EXISTS audit_seal_is_append_only_update;"
            "DROP TRIGGER IF EXISTS audit_seal_is_append_only_delete;");
    db.exec(sql);
  }
};

domain::Instant parsed(const json& text)
{
  return utc(text.get<std::string>());
}

TEST_F(AuditTrailTest, ASimulatedTimeIsRecordedBesideTheRealOneAndMarked)
{
  const auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  ok({"proposal", "update", "MIMER", "--title", "Backdated"}, "2024-10-02T09:00:00Z");
  const auto after = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto entry = log_json().at(0);
  EXPECT_EQ(entry.at("at"), "2024-10-02T09:00:00Z");
  EXPECT_EQ(entry.at("simulated"), true);
  EXPECT_GE(parsed(entry.at("real_at")), before);
  EXPECT_LE(parsed(entry.at("real_at")), after);
  EXPECT_EQ(entry.at("command"), "CFP_NOW=2024-10-02T09:00:00Z cfp proposal update MIMER --title Backdated");

  const auto history = json::parse(ok({"proposal", "history", "MIMER", "--format", "json"}));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].at("recorded_at"), "2024-10-02T09:00:00Z");
  EXPECT_EQ(history[1].at("simulated"), true);
  EXPECT_GE(parsed(history[1].at("recorded_real_at")), before);

  const auto table = cfp({"log", "--limit", "1"});
  EXPECT_NE(table.out.find("2024-10-02 11:00:00 CEST *"), std::string::npos) << table.out;
  EXPECT_NE(table.err.find("* simulated time: recorded while CFP_NOW was set"), std::string::npos) << table.err;
  const auto status = json::parse(ok({"db", "status", "--format", "json"}));
  EXPECT_EQ(status.at("simulated_entries"), status.at("audit_entries"));
}

TEST_F(AuditTrailTest, WithoutCfpNowTheTimeIsRealAndNotMarked)
{
  const auto result = run_cli(m_db, {"call", "add", "REAL", "--title", "Real time"}, "", {"CFP_TZ=America/New_York"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto entry = log_json().at(0);
  EXPECT_EQ(entry.at("simulated"), false);
  EXPECT_EQ(entry.at("real_at"), entry.at("at"));
  EXPECT_EQ(entry.at("command"), "CFP_TZ=America/New_York cfp call add REAL --title 'Real time'");
  const auto table = cfp({"log", "--limit", "1"});
  EXPECT_EQ(table.out.find(" *"), std::string::npos) << table.out;
  EXPECT_EQ(table.err, "");
}

TEST_F(AuditTrailTest, AnIntactLogVerifiesAndNamesItsLastSeal)
{
  const auto result = cfp({"log", "verify", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto record = json::parse(result.out);
  EXPECT_EQ(record.at("entries"), log_json().size());
  EXPECT_TRUE(std::regex_match(record.at("last_seal").get<std::string>(), std::regex("[0-9a-f]{64}")));
  // A new entry moves the last seal on.
  ok({"proposal", "update", "MIMER", "--title", "Next"});
  EXPECT_NE(json::parse(ok({"log", "verify", "--format", "json"})).at("last_seal"), record.at("last_seal"));
}

TEST_F(AuditTrailTest, AnEntryChangedOutsideCfpIsNamed)
{
  tamper("UPDATE audit SET actor = 'mallory' WHERE id = 3");
  fails({"log", "verify"}, 1,
        "the audit log does not hold from entry 3 on: entry 3 does not match its seal: it, or its seal, was changed "
        "outside cfp");
}

TEST_F(AuditTrailTest, AnEntryRemovedOutsideCfpIsNamedEvenWithItsSeal)
{
  tamper("DELETE FROM audit WHERE id = 2; DELETE FROM audit_seal WHERE audit_id = 2");
  fails({"log", "verify"}, 1, "from entry 2 on: entry 2 is missing");
}

TEST_F(AuditTrailTest, AnEntryRemovedWithoutItsSealIsNamed)
{
  tamper("DELETE FROM audit WHERE id = 4");
  fails({"log", "verify"}, 1, "from entry 4 on: entry 4 is missing, but its seal is still there");
}

TEST_F(AuditTrailTest, AnEntryAddedOutsideCfpIsNamed)
{
  const auto count = log_json().size();
  tamper("INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id) VALUES "
         "('2024-10-01T10:00:00Z', 'mallory', 'cfp', 'call X', 'add', 'call', 1)");
  fails({"log", "verify"}, 1,
        "from entry " + std::to_string(count + 1) + " on: entry " + std::to_string(count + 1) +
          " has no seal: it was added outside cfp");
}

TEST_F(AuditTrailTest, EachSubmissionPrintsAReceiptThatShowAndHistoryRepeat)
{
  const auto added = cfp({"proposal", "add", "--call", k_call, "--acronym", "LUMI-AIF", "--title", "LUMI", "--host",
                          "FI", "--entity", "CSC", "--eu-contribution", "0"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(added.err, match,
                                std::regex("receipt: version 1 submitted at 2024-10-01T10:00:00Z, SHA-256 ([0-9a-f]{64})")))
    << added.err;
  const std::string receipt = match[1];
  EXPECT_EQ(json::parse(ok({"proposal", "show", "LUMI-AIF", "--format", "json"})).at("sha256"), receipt);
  EXPECT_EQ(json::parse(ok({"proposal", "history", "LUMI-AIF", "--format", "json"})).at(0).at("sha256"), receipt);
  EXPECT_NE(ok({"proposal", "show", "LUMI-AIF"}).find("SHA-256:               " + receipt), std::string::npos);
  // The same content gives the same digest; another version another one.
  EXPECT_EQ(json::parse(ok({"proposal", "show", "LUMI-AIF", "--format", "json"})).at("sha256"), receipt);
  const auto updated = cfp({"proposal", "update", "LUMI-AIF", "--title", "LUMI 2"});
  EXPECT_NE(updated.err.find("receipt: version 2 submitted at"), std::string::npos) << updated.err;
  EXPECT_EQ(updated.err.find(receipt), std::string::npos);
  // A draft and a withdrawal are not submissions.
  const auto draft = cfp({"proposal", "add", "--call", k_call, "--acronym", "DRAFT", "--title", "D", "--host", "FI",
                          "--entity", "E", "--draft"});
  EXPECT_EQ(draft.err.find("receipt"), std::string::npos) << draft.err;
  const auto withdrawn = cfp({"proposal", "withdraw", "LUMI-AIF", "--reason", "r"});
  EXPECT_EQ(withdrawn.err.find("receipt"), std::string::npos) << withdrawn.err;
}

} // namespace
} // namespace cfp::test

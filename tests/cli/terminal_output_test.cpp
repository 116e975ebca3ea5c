// SPDX-License-Identifier: EUPL-1.2
// Output for people cannot drive the terminal: tables, `label: value` lines and messages show
// control characters, bidirectional controls and bytes that are not UTF-8 escaped, while JSON,
// NDJSON and CSV keep the bytes as stored.

#include "cli/import_fixture.hpp"

#include <cfp/util/text.hpp>

namespace cfp::test {
namespace {

// A title and an entity may hold tabs and line breaks; neither rule refuses the bidirectional
// controls, which reorder what a terminal shows.
constexpr auto k_title = "Line one\r\nline two\ttabbed";
constexpr auto k_entity = "Evil \u202eCorp\u202c SA";

class TerminalOutputTest : public ImportExportTest
{
protected:
  void SetUp() override
  {
    ImportExportTest::SetUp();
    ok({"proposal", "add", "--call", k_call, "--acronym", "TRICKY", "--title", k_title, "--host", "FI", "--entity",
        k_entity, "--eu-contribution", "0"});
  }
};

// No byte a terminal acts on: C0 controls but the line ends, DEL, C1 (as UTF-8) or a bidi control.
void expect_inert(const std::string& text)
{
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 ? byte != 0x7f : c == '\n') << "byte " << static_cast<int>(byte) << " in: " << text;
  }
  EXPECT_TRUE(util::is_valid_utf8(text)) << text;
  EXPECT_EQ(text.find("\u202e"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xc2\x85"), std::string::npos) << text;
}

TEST_F(TerminalOutputTest, TableCellsShowBidiControlsEscapedAndStayAligned)
{
  const auto out = ok({"proposal", "list"});
  expect_inert(out);
  EXPECT_NE(out.find("Evil \\u202eCorp\\u202c SA"), std::string::npos) << out;
  // The columns after it start at the same place on every line: widths are those of the escaped text.
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 4u) << out;
  const auto plan_at = [](const std::string& line) {
    for (const char* plan : {"PLAN", "upgrade", "new"}) {
      if (const auto at = line.find(std::string("  ") + plan + " "); at != std::string::npos) {
        return util::display_width(line.substr(0, at));
      }
    }
    return std::size_t{0};
  };
  for (const auto& line : lines) {
    EXPECT_EQ(plan_at(line), plan_at(lines[0])) << out;
  }
}

TEST_F(TerminalOutputTest, ShowPrintsLineBreaksAndTabsOfAValueAsEscapesOnOneLine)
{
  const auto out = ok({"proposal", "show", "TRICKY"});
  expect_inert(out);
  EXPECT_NE(out.find("title:                 Line one\\r\\nline two\\ttabbed\n"), std::string::npos) << out;
  EXPECT_NE(out.find("entity:                Evil \\u202eCorp\\u202c SA\n"), std::string::npos) << out;
}

TEST_F(TerminalOutputTest, WithdrawalReasonAndHistoryAreEscapedToo)
{
  // The other call has no proposals yet: an earlier cut-off is still allowed there.
  ok({"deadline", "add", k_other_call, "2024-10-15", "--label", "round \u2067one\u2069"});
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "ROUND", "--title", "T", "--host", "ES", "--entity", "E",
      "--eu-contribution", "0"});
  ok({"proposal", "withdraw", "ROUND", "--reason", "changed\nour\tmind"});
  const auto shown = ok({"proposal", "show", "ROUND"});
  expect_inert(shown);
  EXPECT_NE(shown.find("withdrawal reason:     changed\\nour\\tmind\n"), std::string::npos) << shown;
  const auto history = ok({"proposal", "history", "ROUND"});
  expect_inert(history);
  EXPECT_NE(history.find("round \\u2067one\\u2069"), std::string::npos) << history;
}

TEST_F(TerminalOutputTest, TheAuditLogShowsAnEscapeInACommandLineEscaped)
{
  import_ok(write("evil\x1b]0;owned\x07\x1b[2J.csv", k_two_new_rows));
  const auto out = ok({"log", "--limit", "1"});
  expect_inert(out);
  EXPECT_NE(out.find("evil\\x1b]0;owned\\x07\\x1b[2J.csv"), std::string::npos) << out;
  // CSV keeps the bytes of the command as stored.
  const auto csv = ok({"log", "--format", "csv", "--limit", "1"});
  EXPECT_NE(csv.find("evil\x1b]0;owned\x07\x1b[2J.csv"), std::string::npos) << csv;
}

TEST_F(TerminalOutputTest, JsonNdjsonAndCsvKeepTheBytes)
{
  const auto json = as_json(ok({"proposal", "show", "TRICKY", "--format", "json"}));
  EXPECT_EQ(json.at("title"), k_title);
  EXPECT_EQ(json.at("entity"), k_entity);
  const auto ndjson = as_json(lines_of(ok({"proposal", "list", "--format", "ndjson"})).at(2));
  EXPECT_EQ(ndjson.at("title"), k_title);
  EXPECT_EQ(ndjson.at("entity"), k_entity);
  const auto csv = ok({"proposal", "list", "--format", "csv"});
  EXPECT_NE(csv.find(std::string("\"") + k_title + "\",FI,," + k_entity + ","), std::string::npos) << csv;
  const auto exported = ok({"export", "proposals"});
  EXPECT_NE(exported.find(k_entity), std::string::npos) << exported;
}

TEST_F(TerminalOutputTest, ALabelInAReferenceAndInAConfirmationIsEscaped)
{
  const auto result = cfp({"deadline", "add", k_call, "2024-12-01", "--label", "Q4\u202e"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::string(k_call) + "/Q4\\u202e\n");
  expect_inert(result.err);
  EXPECT_NE(result.err.find("added cut-off 'Q4\\u202e'"), std::string::npos) << result.err;
  const auto json = as_json(ok({"deadline", "list", "--call", k_call, "--format", "json"}));
  EXPECT_EQ(json.at(1).at("label"), "Q4\u202e");
}

TEST_F(TerminalOutputTest, AnErrorQuotingAStoredValueShowsItEscaped)
{
  ok({"deadline", "add", k_other_call, "2024-10-15", "--label", "early\u202e"});
  ok({"proposal", "add", "--call", k_other_call, "--acronym", "EARLY", "--title", "T", "--host", "ES", "--entity", "E",
      "--eu-contribution", "0"});
  const auto result = cfp({"proposal", "submit", "EARLY"});
  EXPECT_EQ(result.exit_code, 1);
  expect_inert(result.err);
  EXPECT_NE(result.err.find("EARLY is already submitted (to cut-off 'early\\u202e')"), std::string::npos) << result.err;
}

TEST_F(TerminalOutputTest, AnErrorQuotingWhatWasTypedShowsItEscaped)
{
  fails({"proposal", "show", "X\x1b]0;owned\x07\xc2\x9b"}, 1, "no proposal 'X\\x1b]0;owned\\x07\\u009b'");
  const auto result = cfp({"proposal", "show", "X\x1b[2J\ry"});
  expect_inert(result.err);
  fails({"frobnicate\x1b[2J"}, 2, "unknown command 'frobnicate\\x1b[2J'");
}

TEST_F(TerminalOutputTest, AnImportErrorIsOneLineWhateverTheFileNameAndValuesHold)
{
  const auto file = write("bad\nname\x1b.ndjson",
                          "{\"call\":\"EUROHPC-2024-CEI-AI-01\",\"acronym\":\"X\",\"title\":\"T\",\"host\":\"ES\","
                          "\"entity\":\"E\",\"plan\":\"new\\n\\u001b[2J\\u202e\"}\n");
  const auto result = cfp({"import", "proposals", file.string()});
  EXPECT_EQ(result.exit_code, 65);
  expect_inert(result.err);
  EXPECT_NE(result.err.find("bad\\nname\\x1b.ndjson:1: plan: 'new\\n\\x1b[2J\\u202e' is not a plan"), std::string::npos)
      << result.err;
}

TEST(TerminalStatusTest, DbStatusShowsThePathEscaped)
{
  TempDir dir;
  const auto db = dir / "odd\x1b[2Jname.db";
  ASSERT_EQ(run_cli(db, {"db", "init"}).exit_code, 0);
  const auto result = run_cli(db, {"db", "status"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  expect_inert(result.out);
  EXPECT_NE(result.out.find("odd\\x1b[2Jname.db\n"), std::string::npos) << result.out;
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
#include "cli/cli_fixture.hpp"

#include "output/csv_writer.hpp"
#include "output/printer.hpp"
#include "output/table.hpp"
#include "output/value_text.hpp"

#include <cfp/core/record_fields.hpp>

#include <cfp/util/text.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>

namespace cfp::test {
namespace {

TEST(TableTest, ColumnsStayAlignedWithAccentedAndWideCharacters)
{
  cli::Table table{
      {"NAME", "CITY"}, {{"Linköping University", "Linköping"}, {"東京大学", "Tōkyō"}, {"CSC", "Espoo"}}, {}, {}, {}};
  std::ostringstream out;
  cli::print_table(out, table);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 4u);
  // The second column starts at the same screen column on every line.
  for (const auto& line : lines) {
    const auto second = line.find_first_not_of(' ', line.find("  "));
    EXPECT_EQ(util::display_width(line.substr(0, second)), util::display_width("Linköping University  ")) << line;
  }
}

TEST(TableTest, PlainAndEscapedCellsShareARowAtTheirWidths)
{
  // Plain ASCII cells are taken as they are, the others escaped and measured as they show;
  // the widths of both kinds line up, right-aligned columns included, with no trailing spaces.
  cli::Table table{{"ID", "NAME", "EUR"},
                   {{"1", "plain", "5.00"}, {"22", "tab\there", "1,000.00"}, {"333", "東京", "7"}, {"4", "Linköping"}},
                   {0, 2},
                   {},
                   {}};
  std::ostringstream out;
  cli::print_table(out, table);
  EXPECT_EQ(out.str(), " ID  NAME            EUR\n"
                       "  1  plain          5.00\n"
                       " 22  tab\\there  1,000.00\n"
                       "333  東京              7\n"
                       "  4  Linköping\n");
}

TEST(TableTest, LineBreaksInCellsDoNotBreakRows)
{
  cli::Table table{{"A", "B"}, {{"one\ntwo", "x"}}, {}, {}, {}};
  std::ostringstream out;
  cli::print_table(out, table);
  EXPECT_EQ(lines_of(out.str()).size(), 2u);
}

TEST(TableTest, AWidthCutsTheWidestTextColumnsWithAnEllipsisAndKeepsNumbersWhole)
{
  cli::Table table{{"ID", "ENTITY", "PLAN", "EU EUR"},
                   {{"1", "Barcelona Supercomputing Center", "new", "1,000,000.00"},
                    {"2", "Linköping University, National Supercomputer Centre", "upgrade", "7.00"},
                    {"3", "東京大学 情報基盤センター 東京大学 情報基盤センター", "none", "12.50"}},
                   {0, 3},
                   {},
                   {}};
  std::ostringstream wide;
  cli::print_table(wide, table);
  std::ostringstream unlimited;
  cli::print_table(unlimited, table, 0);
  EXPECT_EQ(unlimited.str(), wide.str()) << "width 0 is no limit";
  EXPECT_NE(wide.str().find("National Supercomputer Centre"), std::string::npos);

  for (const std::size_t width : {40u, 50u, 60u, 72u}) {
    std::ostringstream out;
    cli::print_table(out, table, width);
    const auto lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 4u) << width;
    for (const auto& line : lines) {
      // The last column is right-aligned: every line ends where the header does.
      EXPECT_EQ(util::display_width(line), width) << "width " << width << ": " << line;
    }
    // The numbers stay whole; the long names end in an ellipsis.
    EXPECT_NE(out.str().find("1,000,000.00"), std::string::npos);
    EXPECT_NE(lines[2].find("\u2026"), std::string::npos) << lines[2];
    EXPECT_NE(lines[3].find("\u2026"), std::string::npos) << lines[3];
    if (width >= 60) {
      EXPECT_EQ(lines[1].find("\u2026"), std::string::npos) << "it fits: " << lines[1];
    }
  }
  std::ostringstream exact;
  cli::print_table(exact, table, 60);
  EXPECT_EQ(exact.str(), "ID  ENTITY                             PLAN           EU EUR\n"
                         " 1  Barcelona Supercomputing Center    new      1,000,000.00\n"
                         " 2  Linköping University, National S\u2026  upgrade          7.00\n"
                         " 3  東京大学 情報基盤センター 東京大\u2026  none            12.50\n");
}

TEST(TableTest, AnOptionalColumnShowsWhenThereIsRoomAndGoesFirstWhenThereIsNot)
{
  cli::Table table{
      {"ID", "ACRONYM", "TITLE", "ENTITY"},
      {{"1", "BSC-AIF", "Barcelona AI Factory for science and industry", "Barcelona Supercomputing Center"}},
      {0},
      {},
      {2}};
  std::ostringstream roomy;
  cli::print_table(roomy, table, 120);
  EXPECT_NE(roomy.str().find("Barcelona AI Factory for science and industry"), std::string::npos) << roomy.str();
  std::ostringstream cut;
  cli::print_table(cut, table, 70);
  EXPECT_NE(cut.str().find("TITLE"), std::string::npos) << cut.str();
  EXPECT_NE(cut.str().find("\u2026"), std::string::npos) << cut.str();
  // At 40 columns the title keeps its least 12 beside the others at theirs; at 36 it cannot.
  std::ostringstream least;
  cli::print_table(least, table, 40);
  EXPECT_EQ(least.str(), "ID  ACRONYM  TITLE          ENTITY\n"
                         " 1  BSC-AIF  Barcelona AI\u2026  Barcelona S\u2026\n");
  std::ostringstream narrow;
  cli::print_table(narrow, table, 36);
  EXPECT_EQ(narrow.str(), "ID  ACRONYM  ENTITY\n"
                          " 1  BSC-AIF  Barcelona Supercomputi\u2026\n");
  // Narrower still, text columns narrow down to their headers.
  std::ostringstream tight;
  cli::print_table(tight, table, 20);
  EXPECT_EQ(tight.str(), "ID  ACRONYM  ENTITY\n"
                         " 1  BSC-AIF  Barcel\u2026\n");
  // Too narrow for even that: the columns keep their headers' widths and the line wraps.
  std::ostringstream tiny;
  cli::print_table(tiny, table, 10);
  EXPECT_EQ(tiny.str(), "ID  ACRONYM  ENTITY\n"
                        " 1  BSC-AIF  Barce\u2026\n");
}

TEST(TextTest, FitWidthCutsByColumnsNotBytes)
{
  EXPECT_EQ(util::fit_width("plain", 5), "plain");
  EXPECT_EQ(util::fit_width("plain", 4), "pla\u2026");
  EXPECT_EQ(util::fit_width("plain", 1), "\u2026");
  EXPECT_EQ(util::fit_width("plain", 0), "");
  EXPECT_EQ(util::fit_width("東京大学", 5), "東京\u2026");
  EXPECT_EQ(util::fit_width("東京大学", 4), "東\u2026") << "a wide character never straddles the cut";
  EXPECT_EQ(util::fit_width("e\u0301e\u0301e\u0301", 2), "e\u0301\u2026") << "a combining mark stays with its letter";
  EXPECT_EQ(util::display_width(util::fit_width("Linköping University", 10)), 10u);
  // It shows the text escaped, and never cuts an escape in half.
  EXPECT_EQ(util::fit_width("a\tb", 4), "a\\tb");
  EXPECT_EQ(util::fit_width("a\tbc", 4), "a\\t\u2026");
  EXPECT_EQ(util::fit_width("a\tbc", 3), "a\u2026");
  EXPECT_EQ(util::fit_width("ab\x1b[31m", 5), "ab\u2026");
  EXPECT_EQ(util::fit_width("ab\x1b[31m", 7), "ab\\x1b\u2026");
}

// TMPDIR set to `folder` while it lives, as it was before afterwards.
class TemporaryFolder
{
public:
  explicit TemporaryFolder(const char* folder)
  {
    if (const char* saved = std::getenv("TMPDIR")) {
      m_saved = saved;
    }
    ::setenv("TMPDIR", folder, 1);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  ~TemporaryFolder()
  {
    if (m_saved) {
      ::setenv("TMPDIR", m_saved->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }

private:
  std::optional<std::string> m_saved;
};

// Prints `rows` as a table, given once, or as many times as the printer asks (passes()).
// `expected_passes`, when given, is how many times it should ask.
std::string table_of(const std::vector<domain::Proposal>& rows, bool passes, core::ListOrder order = {},
                     int expected_passes = 0, std::size_t width = 0)
{
  const auto& fields = core::proposal_fields();
  std::ostringstream out;
  std::ostringstream err;
  const core::Display display{date::locate_zone("Europe/Brussels"), {}};
  cli::ListPrinter<domain::Proposal, core::ProposalFileRecord> printer(
      cli::Format::table, out, err, display, fields,
      {cli::field_column(fields, "acronym", "ACRONYM"), cli::field_column(fields, "entity", "ENTITY"),
       cli::field_column(fields, "eu_contribution_eur", "EU EUR", cli::Align::right)});
  printer.order(order);
  printer.fit(width);
  const auto given = passes ? printer.passes() : core::ListPasses{};
  if (expected_passes > 0) {
    EXPECT_EQ(given.count, expected_passes);
  }
  int pass = 0;
  core::run_passes(given, [&] {
    for (const auto& row : rows) {
      printer.add(row);
    }
    if (++pass == 1) {
      EXPECT_EQ(out.str(), "") << "a row was printed before every row was measured";
    }
  });
  printer.finish();
  return out.str() + err.str();
}

std::vector<domain::Proposal> table_rows()
{
  std::vector<domain::Proposal> rows(3);
  rows[0].acronym = "A";
  rows[0].fields.entity = "Linköping University";
  rows[0].fields.eu_contribution = 123456789;
  rows[1].acronym = "LONGER-ACRONYM";
  rows[1].fields.entity = "東京大学\tcentre";
  rows[2].acronym = "B";
  rows[2].fields.entity = "CSC";
  rows[2].fields.eu_contribution = 5;
  return rows;
}

TEST(ListPrinterTest, ATableReadOnceIsKeptInATemporaryFileThenPrintedAsOneHeldWhole)
{
  const auto rows = table_rows();
  const auto once = table_of(rows, false);
  EXPECT_EQ(lines_of(once).size(), 4u) << once;
  EXPECT_EQ(table_of(rows, true, {}, 1), once);
  const core::ListOrder first_two{std::nullopt, core::Direction::ascending, 2};
  EXPECT_EQ(table_of(rows, true, first_two, 1), table_of(rows, false, first_two));
  EXPECT_EQ(lines_of(table_of(rows, true, first_two)).size(), 3u);
  EXPECT_EQ(table_of({}, true, {}, 1), "(none)\n");
  // Cells of every length, empty ones and one far longer than the file's buffer, come back whole.
  std::vector<domain::Proposal> long_rows(2000);
  for (std::size_t i = 0; i < long_rows.size(); ++i) {
    long_rows[i].acronym = std::string(i % 7, 'x') + std::to_string(i);
    long_rows[i].fields.entity = i == 1000 ? std::string(200000, 'e') : std::string(i % 3, '\0');
  }
  EXPECT_EQ(table_of(long_rows, true, {}, 1), table_of(long_rows, false));
}

TEST(ListPrinterTest, WithoutATemporaryFolderATableIsReadTwiceMeasuredThenPrinted)
{
  const TemporaryFolder missing("/nonexistent-cfp-folder");
  const auto rows = table_rows();
  const auto once = table_of(rows, false);
  EXPECT_EQ(table_of(rows, true, {}, 2), once);
  const core::ListOrder first_two{std::nullopt, core::Direction::ascending, 2};
  EXPECT_EQ(table_of(rows, true, first_two, 2), table_of(rows, false, first_two));
  EXPECT_EQ(table_of({}, true, {}, 2), "(none)\n");
}

TEST(ListPrinterTest, ATableFitsItsWidthWhetherHeldSpooledOrReadTwice)
{
  const auto rows = table_rows();
  const auto held = table_of(rows, false, {}, 0, 36);
  // The tab shows as its escape, which is cut whole, never in half.
  EXPECT_EQ(held, "ACRONYM     ENTITY            EU EUR\n"
                  "A           Linköping\u2026  1,234,567.89\n"
                  "LONGER-AC\u2026  東京大学\u2026\n"
                  "B           CSC                 0.05\n");
  EXPECT_EQ(table_of(rows, true, {}, 1, 36), held);
  const TemporaryFolder missing("/nonexistent-cfp-folder");
  EXPECT_EQ(table_of(rows, true, {}, 2, 36), held);
}

TEST(CsvTextTest, EachKindOfValueIsWrittenAsItsJsonFormWithoutTheQuotes)
{
  const auto instant = domain::parse_utc("2025-02-01T16:00:00Z").value();
  const std::vector<std::pair<domain::Value, std::string>> cases{
      {std::monostate{}, ""},
      {true, "true"},
      {false, "false"},
      {std::int64_t{0}, "0"},
      {std::int64_t{-9223372036854775807 - 1}, "-9223372036854775808"},
      {std::string("Linköping, \"LiU\""), "Linköping, \"LiU\""},
      {domain::Money{-5}, "-0.05"},
      {domain::Money{148649321'25}, "148649321.25"},
      {instant, "2025-02-01T16:00:00Z"},
      {std::vector<std::string>{}, ""},
      {std::vector<std::string>{"PT", "RO"}, "PT;RO"},
      {domain::JsonText{R"({"a":[1,"x"]})"}, R"({"a":[1,"x"]})"},
      {domain::JsonText{R"(["x",2,null])"}, "x;2;"},
      {domain::JsonText{"\"text\""}, "text"},
      {domain::JsonText{"not json"}, ""},
      {domain::Decimal{"4.0"}, "4.0"},
  };
  for (const auto& [value, text] : cases) {
    EXPECT_EQ(cli::csv_text(value), text);
    // Written into a cell that held a longer value before, as the CSV writer reuses its cells.
    std::string cell = "a much longer value than any of the cases above, left from the last row";
    cli::assign_csv_text(cell, value);
    EXPECT_EQ(cell, text);
  }
}

TEST(CsvTextTest, ARowAfterALongerOneKeepsNothingOfIt)
{
  std::ostringstream out;
  cli::CsvRecordWriter writer(out);
  writer.begin({"a", "b", "c"});
  writer.record({std::string("first, with a comma"), std::vector<std::string>{"DE", "FR", "IT"}, true});
  writer.record({std::monostate{}, std::vector<std::string>{}, false});
  writer.record({std::string("quote \" here"), std::int64_t{7}, domain::Money{100}});
  EXPECT_EQ(out.str(), "a,b,c\r\n\"first, with a comma\",DE;FR;IT,true\r\n,,false\r\n\"quote \"\" here\",7,1.00\r\n");
}

TEST_F(CliTest, CsvIsRfc4180WithHeaderAndArraysJoinedBySemicolons)
{
  ok({"proposal", "update", "MIMER", "--title", "MIMER, \"the\" AI Factory\nof Sweden"});
  const auto csv = ok({"proposal", "list", "--format", "csv"});
  EXPECT_EQ(csv.rfind("id,call,acronym,title,host,partners,entity,plan,experimental_platform,eu_contribution_eur,"
                      "national_contribution_eur,sectors,status,cutoff,cutoff_closes_at,submitted_at,version",
                      0),
            0u)
    << csv;
  EXPECT_NE(csv.find(",PT;RO;TR,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",health;climate,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"MIMER, \"\"the\"\" AI Factory\nof Sweden\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
}

TEST_F(CliTest, AnEmptyListIsAnEmptyJsonArrayAndAHeaderOnlyCsv)
{
  EXPECT_EQ(ok({"proposal", "list", "--status", "draft", "--format", "json"}), "[]\n");
  EXPECT_EQ(lines_of(ok({"proposal", "list", "--status", "draft", "--format", "csv"})).size(), 1u);
  const auto table = cfp({"proposal", "list", "--status", "draft"});
  EXPECT_EQ(table.out, "");
  EXPECT_EQ(table.err, "(none)\n");
}

TEST_F(CliTest, ProposalTableShowsNonAsciiEntitiesAligned)
{
  const auto lines = lines_of(ok({"proposal", "list"}));
  ASSERT_EQ(lines.size(), 3u);
  const auto plan_column = [](const std::string& line) {
    const auto at = line.find("upgrade") != std::string::npos ? line.find("upgrade") : line.find("new");
    return util::display_width(line.substr(0, at));
  };
  EXPECT_EQ(plan_column(lines[1]), plan_column(lines[2])) << lines[1] << "\n" << lines[2];
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/csv.hpp>
#include <cfp/util/csv_reader.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace cfp::test {
namespace {

using util::csv_field;
using util::CsvWriter;

std::string csv_of(const std::vector<std::vector<std::string>>& rows)
{
  std::ostringstream out;
  CsvWriter writer(out);
  for (const auto& row : rows) {
    writer.write_row(row);
  }
  return out.str();
}

TEST(CsvTest, PlainFieldIsWrittenAsIs)
{
  EXPECT_EQ(csv_field("BSC-AIF"), "BSC-AIF");
  EXPECT_EQ(csv_field("485000000.00"), "485000000.00");
  EXPECT_EQ(csv_field("AI Factory Iberia"), "AI Factory Iberia");
}

TEST(CsvTest, EmptyFieldIsWrittenEmpty)
{
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvTest, FieldWithACommaIsQuoted)
{
  EXPECT_EQ(csv_field("ES,PT"), "\"ES,PT\"");
  EXPECT_EQ(csv_field(","), "\",\"");
}

TEST(CsvTest, QuotesInAFieldAreDoubledAndTheFieldQuoted)
{
  EXPECT_EQ(csv_field("say \"AI\""), "\"say \"\"AI\"\"\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
  EXPECT_EQ(csv_field("\"\""), "\"\"\"\"\"\"");
}

TEST(CsvTest, FieldWithALineBreakIsQuoted)
{
  EXPECT_EQ(csv_field("first\nsecond"), "\"first\nsecond\"");
  EXPECT_EQ(csv_field("first\r\nsecond"), "\"first\r\nsecond\"");
  EXPECT_EQ(csv_field("carriage\rreturn"), "\"carriage\rreturn\"");
}

TEST(CsvTest, SpacesAndSemicolonsDoNotNeedQuotes)
{
  // RFC 4180 keeps spaces as part of the field; only comma, quote and line breaks are special.
  EXPECT_EQ(csv_field(" padded "), " padded ");
  EXPECT_EQ(csv_field("a;b"), "a;b");
  EXPECT_EQ(csv_field("tab\there"), "tab\there");
}

TEST(CsvTest, Utf8TextPassesThroughUnchanged)
{
  EXPECT_EQ(csv_field("Fundación Ñandú 日本 😀"), "Fundación Ñandú 日本 😀");
  EXPECT_EQ(csv_field("Première, échéance"), "\"Première, échéance\"");
}

TEST(CsvTest, RowSeparatesFieldsWithCommasAndEndsWithCrLf)
{
  EXPECT_EQ(csv_of({{"acronym", "host", "eu_contribution_eur"}}), "acronym,host,eu_contribution_eur\r\n");
}

TEST(CsvTest, EveryRowEndsWithCrLf)
{
  EXPECT_EQ(csv_of({{"a", "b"}, {"c", "d"}}), "a,b\r\nc,d\r\n");
}

TEST(CsvTest, RowQuotesOnlyTheFieldsThatNeedIt)
{
  EXPECT_EQ(csv_of({{"BSC-AIF", "AI Factory, Iberia", "say \"hi\"", "", "ES"}}),
            "BSC-AIF,\"AI Factory, Iberia\",\"say \"\"hi\"\"\",,ES\r\n");
}

TEST(CsvTest, LineBreakInsideAFieldStaysInsideTheQuotes)
{
  EXPECT_EQ(csv_of({{"title", "line one\nline two"}, {"next", "row"}}), "title,\"line one\nline two\"\r\nnext,row\r\n");
}

TEST(CsvTest, EmptyFieldsKeepTheirCommas)
{
  EXPECT_EQ(csv_of({{"", "", ""}}), ",,\r\n");
  EXPECT_EQ(csv_of({{"a", ""}}), "a,\r\n");
}

TEST(CsvTest, NoRowsWriteNothing)
{
  EXPECT_EQ(csv_of({}), "");
}

TEST(CsvTest, AnotherDelimiterIsQuotedWhereACommaWasAndCommasStandBare)
{
  std::ostringstream out;
  CsvWriter writer(out, ';');
  writer.write_row({"Rome, Italy", "a;b", "1,5"});
  EXPECT_EQ(out.str(), "Rome, Italy;\"a;b\";1,5\r\n");
  EXPECT_EQ(csv_field("x\ty", '\t'), "\"x\ty\"");
  EXPECT_EQ(csv_field("x,y", '\t'), "x,y");
}

TEST(CsvTest, TheReaderSplitsAtTheDelimiterItIsGivenAndReadsWhatTheWriterWrote)
{
  for (const char delimiter : {';', '\t', '|'}) {
    std::ostringstream out;
    CsvWriter(out, delimiter).write_row({"Rome, Italy", std::string("a") + delimiter + "b", "say \"hi\"", ""});
    std::istringstream in(out.str() + "plain" + delimiter + "1,5\n\"bad\"x" + delimiter + "y\n");
    util::CsvReader reader(in, delimiter);
    util::CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.error, "");
    EXPECT_EQ(record.fields, (std::vector<std::string>{"Rome, Italy", std::string("a") + delimiter + "b",
                                                       "say \"hi\"", ""}));
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"plain", "1,5"}));
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.error, "a closing quote must be followed by the delimiter or the end of the line");
    EXPECT_FALSE(reader.next(record));
  }
}

} // namespace
} // namespace cfp::test

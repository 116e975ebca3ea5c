// SPDX-License-Identifier: EUPL-1.2
#include "core/import/columns.hpp"
#include "core/import/csv_reader.hpp"
#include "core/import/reader_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using Names = std::vector<std::string>;

ReadResult read_csv(const std::string& text)
{
  return read_with(core::detail::read_csv_records, text, "in.csv");
}

// A file of the required columns plus `extra_columns`, and one record with `extra_values`.
ReadResult read_one(const std::string& extra_columns, const std::string& extra_values)
{
  return read_csv(std::string(k_required_header) + extra_columns + "\nCALL-1,BSC-AIF,BSC AI Factory,ES,BSC" +
                  extra_values + "\n");
}

TEST(CsvProposalReaderTest, TheColumnsAreTheFileFieldsOfAProposal)
{
  EXPECT_EQ(core::detail::proposal_schema().known(), k_known_columns);
  const auto required = core::detail::proposal_schema().required();
  EXPECT_EQ(Names(required.begin(), required.end()), (Names{"call", "acronym", "title", "host", "entity"}));
  EXPECT_TRUE(core::detail::is_ignored_column("error"));
  EXPECT_FALSE(core::detail::is_ignored_column("Error"));
  EXPECT_EQ(core::detail::proposal_schema().column("id"), nullptr);
  ASSERT_NE(core::detail::proposal_schema().column("partners"), nullptr);
  EXPECT_EQ(core::detail::proposal_schema().column("partners")->kind, core::FieldKind::list);
}

TEST(CsvProposalReaderTest, TheHeaderIsHandedOverFirstAsLineZeroWithItsBytes)
{
  const auto result = read_csv("call,acronym,title,host,entity\r\nCALL-1,BSC-AIF,T,ES,BSC\r\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].line, 0u);
  EXPECT_EQ(result.records[0].raw, "call,acronym,title,host,entity");
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[1].line, 2u);
}

TEST(CsvProposalReaderTest, ColumnsMayComeInAnyOrder)
{
  const auto result = read_csv("entity,host,title,acronym,call\nBSC,ES,T,BSC-AIF,CALL-1\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  const auto& values = result.records[1].values;
  EXPECT_EQ(values.call, "CALL-1");
  EXPECT_EQ(values.acronym, "BSC-AIF");
  EXPECT_EQ(values.input.title, "T");
  EXPECT_EQ(values.input.host, "ES");
  EXPECT_EQ(values.input.entity, "BSC");
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(CsvProposalReaderTest, AnEmptyFileIsAnErrorOfTheWholeFile)
{
  const auto result = read_csv("");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message,
            "in.csv:1: the file is empty; the first line must name the columns (call,acronym,title,host,entity,...)");
  EXPECT_TRUE(result.records.empty());
}

TEST(CsvProposalReaderTest, AFileOfBlankLinesIsEmpty)
{
  const auto result = read_csv("\n\r\n\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message,
            "in.csv:1: the file is empty; the first line must name the columns (call,acronym,title,host,entity,...)");
}

TEST(CsvProposalReaderTest, AnUnknownColumnIsAnErrorListingTheKnownOnes)
{
  const auto result = read_csv("call,acronym,title,host,entity,colour\nCALL-1,A,T,ES,E,red\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message,
            std::string("in.csv:1: header: unknown column 'colour'; the columns are ") + k_known_columns);
  EXPECT_TRUE(result.records.empty());
}

TEST(CsvProposalReaderTest, ColumnNamesAreExact)
{
  const auto upper = read_csv("Call,acronym,title,host,entity\n");
  EXPECT_EQ(upper.kind, ErrorKind::invalid_input);
  EXPECT_EQ(upper.message, std::string("in.csv:1: header: unknown column 'Call'; the columns are ") + k_known_columns);
  const auto padded = read_csv("call, acronym,title,host,entity\n");
  EXPECT_EQ(padded.message,
            std::string("in.csv:1: header: unknown column ' acronym'; the columns are ") + k_known_columns);
}

TEST(CsvProposalReaderTest, OutputOnlyFieldsAreUnknownColumns)
{
  for (const std::string column : {"id", "cutoff", "cutoff_closes_at", "version", "outcome"}) {
    const auto result = read_csv(std::string(k_required_header) + "," + column + "\n");
    EXPECT_EQ(result.kind, ErrorKind::invalid_input) << column;
    EXPECT_EQ(result.message, "in.csv:1: header: unknown column '" + column + "'; the columns are " + k_known_columns);
  }
}

TEST(CsvProposalReaderTest, AColumnTwiceIsAnError)
{
  const auto result = read_csv("call,acronym,title,host,title,entity\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.csv:1: header: column 'title' appears twice");
  const auto ignored = read_csv("call,acronym,title,host,entity,error,error\n");
  EXPECT_EQ(ignored.message, "in.csv:1: header: column 'error' appears twice");
}

TEST(CsvProposalReaderTest, EachRequiredColumnMustBeInTheHeader)
{
  const Names required{"call", "acronym", "title", "host", "entity"};
  for (const auto& missing : required) {
    std::string header;
    for (const auto& name : required) {
      if (name != missing) {
        header += (header.empty() ? "" : ",") + name;
      }
    }
    const auto result = read_csv(header + ",plan\n");
    EXPECT_EQ(result.kind, ErrorKind::invalid_input) << missing;
    EXPECT_EQ(result.message, "in.csv:1: header: the required column '" + missing + "' is missing");
    EXPECT_TRUE(result.records.empty());
  }
}

TEST(CsvProposalReaderTest, TheFirstMissingRequiredColumnIsNamed)
{
  const auto result = read_csv("title,plan\n");
  EXPECT_EQ(result.message, "in.csv:1: header: the required column 'call' is missing");
}

TEST(CsvProposalReaderTest, TheHeaderLineIsWhereTheHeaderStarts)
{
  const auto result = read_csv("\n\r\ncall,colour\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message,
            std::string("in.csv:3: header: unknown column 'colour'; the columns are ") + k_known_columns);
}

TEST(CsvProposalReaderTest, AMalformedHeaderIsAnErrorOfTheWholeFile)
{
  const auto utf8 = read_csv("call,acr\xFFonym,title,host,entity\n");
  EXPECT_EQ(utf8.kind, ErrorKind::invalid_input);
  EXPECT_EQ(utf8.message, "in.csv:1: header: field 2 is not valid UTF-8");
  const auto bom = read_csv("\xEF\xBB"
                            "call,acronym,title,host,entity\n");
  EXPECT_EQ(bom.kind, ErrorKind::invalid_input);
  EXPECT_EQ(bom.message, "in.csv:1: header: the file starts with an incomplete byte order mark");
  const auto quote = read_csv("call,acr\"onym,title,host,entity\n");
  EXPECT_EQ(quote.message,
            "in.csv:1: header: a quote inside an unquoted field (quote the whole field and double the quote)");
  EXPECT_TRUE(quote.records.empty());
}

TEST(CsvProposalReaderTest, AByteOrderMarkBeforeTheHeaderIsDropped)
{
  const auto result = read_csv("\xEF\xBB\xBF"
                               "call,acronym,title,host,entity\nCALL-1,A,T,ES,E\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].raw, "call,acronym,title,host,entity");
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(CsvProposalReaderTest, TheErrorColumnOfARejectsFileIsIgnored)
{
  const auto result = read_csv("call,error,acronym,title,host,entity\n"
                               "CALL-1,\"host: 'XX' is not a participating state\",A,T,ES,E\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  const auto& record = result.records[1];
  EXPECT_TRUE(record.errors.empty()) << ::testing::PrintToString(problems(record));
  EXPECT_EQ(record.values.call, "CALL-1");
  EXPECT_EQ(record.values.acronym, "A");
  EXPECT_EQ(record.values.input.host, "ES");
  EXPECT_EQ(record.raw, "CALL-1,\"host: 'XX' is not a participating state\",A,T,ES,E");
}

TEST(CsvProposalReaderTest, EachRecordKeepsTheLineItStartsOnAndItsBytes)
{
  const auto result = read_csv("call,acronym,title,host,entity\r\n"
                               "CALL-1,A,\"Two\r\nlines\",ES,E\r\n"
                               "\r\n"
                               "CALL-1,B,T,ES,E\r\n"
                               "CALL-1,C,T,ES,E");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 4u);
  EXPECT_EQ(result.records[1].line, 2u);
  EXPECT_EQ(result.records[1].raw, "CALL-1,A,\"Two\r\nlines\",ES,E");
  EXPECT_EQ(result.records[1].values.input.title, "Two\r\nlines");
  EXPECT_EQ(result.records[2].line, 5u);
  EXPECT_EQ(result.records[2].raw, "CALL-1,B,T,ES,E");
  EXPECT_EQ(result.records[3].line, 6u);
  EXPECT_EQ(result.records[3].values.acronym, "C");
}

TEST(CsvProposalReaderTest, AHeaderOnlyFileHasNoRecordButTheHeader)
{
  const auto result = read_csv("call,acronym,title,host,entity\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].line, 0u);
}

TEST(CsvProposalReaderTest, ARecordWithAnotherNumberOfFieldsThanTheHeaderIsInvalid)
{
  const auto result =
      read_csv("call,acronym,title,host,entity\nCALL-1,A,T,ES\nCALL-1,B,T,ES,E,extra\nCALL-1,C,T,ES,E\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 4u);
  EXPECT_EQ(problems(result.records[1]), (Problems{"2:record: 4 fields where the header has 5"}));
  EXPECT_EQ(problems(result.records[2]), (Problems{"3:record: 6 fields where the header has 5"}));
  // The fields there are are read, unchecked (the record stays invalid): they say which record
  // it was meant to be.
  EXPECT_EQ(result.records[1].values.acronym, "A");
  EXPECT_EQ(result.records[1].values.input.host, "ES");
  EXPECT_FALSE(result.records[1].values.input.entity);
  EXPECT_TRUE(result.records[3].errors.empty());
}

TEST(CsvProposalReaderTest, ARowOfARejectsFileMayLeaveOutTheLastErrorColumn)
{
  const auto result = read_csv("call,acronym,title,host,entity,error\nCALL-1,A,T,ES,E\nCALL-1,B,T,ES\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_TRUE(result.records[1].errors.empty()) << problems(result.records[1]).front();
  EXPECT_EQ(result.records[1].values.input.entity, "E");
  EXPECT_EQ(problems(result.records[2]), (Problems{"3:record: 4 fields where the header has 6"}));
}

TEST(CsvProposalReaderTest, AMalformedRecordIsInvalidAndTheNextOneIsRead)
{
  const auto result = read_csv("call,acronym,title,host,entity\n"
                               "CALL-1,A,\"T\"x,ES,\"note:\nCALL-1,SMUGGLED,T,ES,E\nend\"\n"
                               "CALL-1,B,T\xFF,ES,E\n"
                               "CALL-1,C,T,ES,E\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 4u);
  EXPECT_EQ(problems(result.records[1]),
            (Problems{"2:record: a closing quote must be followed by a comma or the end of the line"}));
  EXPECT_EQ(result.records[1].raw, "CALL-1,A,\"T\"x,ES,\"note:\nCALL-1,SMUGGLED,T,ES,E\nend\"");
  EXPECT_EQ(problems(result.records[2]), (Problems{"5:record: field 3 is not valid UTF-8"}));
  EXPECT_EQ(result.records[3].line, 6u);
  EXPECT_EQ(result.records[3].values.acronym, "C");
  EXPECT_TRUE(result.records[3].errors.empty());
}

TEST(CsvProposalReaderTest, AnUnterminatedQuoteIsAnInvalidLastRecord)
{
  const auto result = read_csv("call,acronym,title,host,entity\nCALL-1,A,\"T,ES,E\nCALL-1,B,T,ES,E\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[1]),
            (Problems{"2:record: a quoted field is not closed before the end of the file"}));
}

TEST(CsvProposalReaderTest, TextIsKeptAsWritten)
{
  const auto quoted = read_csv("call,acronym,title,host,entity\nCALL-1,A,\"  Café, \"\"x\"\" \",es, E \n");
  ASSERT_EQ(quoted.records.size(), 2u);
  const auto& values = quoted.records[1].values;
  EXPECT_TRUE(quoted.records[1].errors.empty()) << ::testing::PrintToString(problems(quoted.records[1]));
  EXPECT_EQ(values.input.title, "  Café, \"x\" ");
  EXPECT_EQ(values.input.host, "es");
  EXPECT_EQ(values.input.entity, " E ");
}

TEST(CsvProposalReaderTest, AFlagIsTrueFalseYesNoOneOrZeroInAnyCaseAndBlankIsFalse)
{
  const std::vector<std::pair<std::string, bool>> cases{{"true", true},  {"FALSE", false}, {"Yes", true},
                                                        {"no", false},   {"1", true},      {"0", false},
                                                        {" yes ", true}, {"", false},      {"  ", false}};
  for (const auto& [text, expected] : cases) {
    const auto result = read_one(",experimental_platform", "," + text);
    ASSERT_EQ(result.records.size(), 2u) << text;
    EXPECT_TRUE(result.records[1].errors.empty())
        << text << ": " << ::testing::PrintToString(problems(result.records[1]));
    EXPECT_EQ(result.records[1].values.input.experimental_platform, expected) << text;
  }
}

TEST(CsvProposalReaderTest, AFlagThatIsNoBooleanIsInvalid)
{
  const auto result = read_one(",experimental_platform", ",maybe");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[1]),
            (Problems{"2:experimental_platform: 'maybe' is not a boolean; use true, false, yes, no, 1 or 0"}));
}

TEST(CsvProposalReaderTest, AListSeparatesNamesWithSemicolonsAndDropsBlankOnes)
{
  const auto result = read_one(",partners,sectors", ", PT; ro ;;TR ,health");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_TRUE(result.records[1].errors.empty());
  EXPECT_EQ(result.records[1].values.input.partners, (Names{"PT", "ro", "TR"}));
  EXPECT_EQ(result.records[1].values.input.sectors, (Names{"health"}));
}

TEST(CsvProposalReaderTest, ABlankListIsAnEmptyList)
{
  const auto result = read_one(",partners,sectors", ",,  ");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].values.input.partners, Names{});
  EXPECT_EQ(result.records[1].values.input.sectors, Names{});
}

TEST(CsvProposalReaderTest, MoneyIsTextForTheRulesAndBlankIsAbsentNotZero)
{
  const auto result = read_one(",eu_contribution_eur,national_contribution_eur", ",1.5M,");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_TRUE(result.records[1].errors.empty());
  EXPECT_EQ(result.records[1].values.input.eu_contribution, "1.5M");
  EXPECT_EQ(result.records[1].values.input.national_contribution, "") << "given, as absent";
}

TEST(CsvProposalReaderTest, BlankOptionalCellsTakeTheirDefaults)
{
  const auto result = read_one(",plan,status,submitted_at", ",,,");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_TRUE(result.records[1].errors.empty());
  EXPECT_EQ(result.records[1].values.input.plan, "new");
  EXPECT_EQ(result.records[1].values.status, "submitted");
  EXPECT_FALSE(result.records[1].values.submitted_at);
}

TEST(CsvProposalReaderTest, GivenOptionalCellsAreTextForTheRules)
{
  const auto result = read_one(",plan,status,submitted_at", ",Upgrade,draft,2024-11-04 17:00");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_TRUE(result.records[1].errors.empty());
  EXPECT_EQ(result.records[1].values.input.plan, "Upgrade");
  EXPECT_EQ(result.records[1].values.status, "draft");
  EXPECT_EQ(result.records[1].values.submitted_at, "2024-11-04 17:00");
}

TEST(CsvProposalReaderTest, AColumnLeftOutLeavesItsValueUnset)
{
  const auto result = read_one("", "");
  ASSERT_EQ(result.records.size(), 2u);
  const auto& values = result.records[1].values;
  EXPECT_TRUE(result.records[1].errors.empty());
  EXPECT_FALSE(values.input.partners);
  EXPECT_FALSE(values.input.plan);
  EXPECT_FALSE(values.input.experimental_platform);
  EXPECT_FALSE(values.input.eu_contribution);
  EXPECT_FALSE(values.input.national_contribution);
  EXPECT_FALSE(values.input.sectors);
  EXPECT_FALSE(values.status);
  EXPECT_FALSE(values.submitted_at);
}

TEST(CsvProposalReaderTest, EveryRequiredValueMustBeGivenAndNotBlank)
{
  const auto result = read_csv("call,acronym,title,host,entity\n, ,\t,,\"\"\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[1]),
            (Problems{"2:call: a value is required", "2:acronym: a value is required", "2:title: a value is required",
                      "2:host: a value is required", "2:entity: a value is required"}));
}

TEST(CsvProposalReaderTest, ABlankRequiredValueIsReportedWithTheOtherProblemsOfItsRecord)
{
  const auto result = read_csv("call,acronym,title,host,entity,experimental_platform\nCALL-1,A,,ES,E,maybe\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[1]),
            (Problems{"2:experimental_platform: 'maybe' is not a boolean; use true, false, yes, no, 1 or 0",
                      "2:title: a value is required"}));
}

TEST(CsvProposalReaderTest, TheSourceNameIsUsedInMessages)
{
  const auto result = read_with(core::detail::read_csv_records, "call\n", "-");
  EXPECT_EQ(result.message, "-:1: header: the required column 'acronym' is missing");
}

TEST(CsvProposalReaderTest, AListOf1024NamesIsReadBut1025AreAnError)
{
  // As many names as a JSON array may hold items: a 1 MiB cell would otherwise make 300,000.
  const auto names = [](std::size_t count) {
    std::string cell = "PT";
    for (std::size_t i = 1; i < count; ++i) {
      cell += ";PT";
    }
    return cell;
  };
  const auto kept = read_one(",partners", "," + names(1024));
  ASSERT_EQ(kept.records.size(), 2u);
  EXPECT_TRUE(kept.records[1].errors.empty()) << ::testing::PrintToString(problems(kept.records[1]));
  EXPECT_EQ(kept.records[1].values.input.partners->size(), 1024u);
  const auto refused = read_one(",sectors", "," + names(300'000));
  ASSERT_EQ(refused.records.size(), 2u);
  EXPECT_EQ(problems(refused.records[1]), (Problems{"2:sectors: more than 1024 names"}));
  EXPECT_FALSE(refused.records[1].values.input.sectors);
}

} // namespace
} // namespace cfp::test

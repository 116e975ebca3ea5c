// SPDX-License-Identifier: EUPL-1.2
#include "core/import/ndjson_reader.hpp"
#include "core/import/reader_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using Names = std::vector<std::string>;

constexpr auto k_record = R"({"call": "CALL-1", "acronym": "A", "title": "T", "host": "ES", "entity": "E"})";

ReadResult read_ndjson(const std::string& text)
{
  return read_with(core::detail::read_ndjson_records, text, "in.ndjson");
}

// One line: the required keys plus `members` (", \"key\": value ...").
std::string line_with(const std::string& members)
{
  return std::string(R"({"call": "CALL-1", "acronym": "A", "title": "T", "host": "ES", "entity": "E")") + members + "}";
}

// `depth` brackets opened and closed: "[[[]]]" for 3.
std::string nested(int depth)
{
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

TEST(NdjsonProposalReaderTest, EachLineIsARecordWithItsLineAndBytes)
{
  const auto result = read_ndjson(std::string(k_record) + "\n" + line_with(R"(, "plan": "none")") + "\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].line, 1u);
  EXPECT_EQ(result.records[0].raw, k_record);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[0].values.call, "CALL-1");
  EXPECT_EQ(result.records[0].values.input.entity, "E");
  EXPECT_EQ(result.records[1].line, 2u);
  EXPECT_EQ(result.records[1].values.input.plan, "none");
}

TEST(NdjsonProposalReaderTest, TheLastLineMayLackALineBreak)
{
  const auto result = read_ndjson(std::string(k_record) + "\n" + k_record);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].line, 2u);
  EXPECT_EQ(result.records[1].raw, k_record);
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(NdjsonProposalReaderTest, BlankLinesAreSkippedAndStillCounted)
{
  const auto result = read_ndjson(std::string("\n  \n") + k_record + "\n\t\n\n" + k_record + "\n\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].line, 3u);
  EXPECT_EQ(result.records[1].line, 6u);
}

TEST(NdjsonProposalReaderTest, CrLfLinesAreReadWithoutTheCarriageReturn)
{
  const auto result = read_ndjson(std::string(k_record) + "\r\n\r\n" + k_record + "\r\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].raw, k_record);
  EXPECT_TRUE(result.records[0].errors.empty());
  EXPECT_EQ(result.records[1].line, 3u);
  EXPECT_EQ(result.records[1].raw, k_record);
}

TEST(NdjsonProposalReaderTest, AnEmptyFileIsAnErrorOfTheWholeFile)
{
  const auto result = read_ndjson("");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.ndjson:1: the file is empty; give one JSON object per line");
  EXPECT_TRUE(result.records.empty());
}

TEST(NdjsonProposalReaderTest, AFileOfBlankLinesIsEmpty)
{
  const auto result = read_ndjson("\n \r\n\t\n");
  EXPECT_EQ(result.kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.message, "in.ndjson:1: the file is empty; give one JSON object per line");
}

TEST(NdjsonProposalReaderTest, ALineThatIsNoJsonIsABrokenRecordAndReadingGoesOn)
{
  const auto result = read_ndjson(std::string("{\"call\": \n") + k_record + "\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the line is not a JSON object"}));
  EXPECT_EQ(result.records[0].raw, "{\"call\": ");
  EXPECT_TRUE(result.records[0].object.is_null());
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(NdjsonProposalReaderTest, AnObjectSpanningTwoLinesIsTwoBrokenRecords)
{
  const auto result = read_ndjson("{\"call\": \"CALL-1\",\n\"acronym\": \"A\"}\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the line is not a JSON object"}));
  EXPECT_EQ(problems(result.records[1]), (Problems{"2:record: the line is not a JSON object"}));
}

TEST(NdjsonProposalReaderTest, TextAfterTheObjectBreaksTheLine)
{
  const auto result = read_ndjson(std::string(k_record) + " " + k_record + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the line is not a JSON object"}));
}

TEST(NdjsonProposalReaderTest, ALineThatIsNoObjectIsAnInvalidRecord)
{
  const auto result = read_ndjson("[1]\n5\n\"text\"\nnull\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 4u);
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    EXPECT_EQ(problems(result.records[i]),
              (Problems{std::to_string(i + 1) + ":record: each record must be a JSON object"}))
        << "line " << i + 1;
  }
  EXPECT_EQ(result.records[0].object.dump(), "[1]");
}

TEST(NdjsonProposalReaderTest, InvalidUtf8IsAnInvalidRecord)
{
  const auto result = read_ndjson(line_with(R"(, "plan": "n)"
                                            "\xFF"
                                            R"(ew")") +
                                  "\n" + k_record + "\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the line is not valid UTF-8"}));
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(NdjsonProposalReaderTest, ANulByteIsAnInvalidRecord)
{
  const auto result = read_ndjson(line_with(std::string(R"(, "plan": "n)") + '\0' + R"(ew")") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: a NUL byte is not allowed"}));
}

TEST(NdjsonProposalReaderTest, AKeyTwiceInARecordIsAnError)
{
  const auto result = read_ndjson("\n" + line_with(R"(, "title": "Again")") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"2:title: 'title' appears twice in the record"}));
}

TEST(NdjsonProposalReaderTest, KeysTwiceInANestedObjectAreNotTheRecordsKeys)
{
  const auto result = read_ndjson(line_with(R"(, "error": {"a": 1, "a": 2})") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty()) << ::testing::PrintToString(problems(result.records[0]));
}

TEST(NdjsonProposalReaderTest, KeysAndValuesFollowTheRulesOfJson)
{
  const auto result = read_ndjson(R"({"call": "CALL-1", "acronym": "A", "title": 5, "host": "ES", "entity": "E", )"
                                  R"("colour": "red", "partners": "PT", "eu_contribution_eur": 1.5})"
                                  "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]),
            (Problems{"1:title: must be a string, not number",
                      std::string("1:colour: unknown key 'colour'; the keys are ") + k_known_columns,
                      R"(1:partners: must be an array of strings, such as ["PT", "RO"])",
                      "1:eu_contribution_eur: a JSON number is accepted only when it is an integer; write other "
                      "amounts as strings such as \"1250000.50\""}));
}

TEST(NdjsonProposalReaderTest, ListsFlagsAndMoneyAreReadAsInJson)
{
  const auto result = read_ndjson(line_with(R"(, "partners": ["PT", "RO"], "sectors": null, )"
                                            R"("experimental_platform": true, "eu_contribution_eur": 31000000, )"
                                            R"("error": "ignored")") +
                                  "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty()) << ::testing::PrintToString(problems(result.records[0]));
  const auto& input = result.records[0].values.input;
  EXPECT_EQ(input.partners, (Names{"PT", "RO"}));
  EXPECT_EQ(input.sectors, Names{});
  EXPECT_EQ(input.experimental_platform, true);
  EXPECT_EQ(input.eu_contribution, "31000000");
}

TEST(NdjsonProposalReaderTest, AMissingRequiredValueIsAnError)
{
  const auto result = read_ndjson(R"({"call": "CALL-1", "acronym": " ", "title": "T", "host": "ES"})"
                                  "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:acronym: a value is required", "1:entity: a value is required"}));
}

TEST(NdjsonProposalReaderTest, SixteenLevelsOfNestingAreRead)
{
  // The record and 15 more levels.
  const auto result = read_ndjson(line_with(R"(, "sectors": )" + nested(15)) + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{R"(1:sectors: must be an array of strings, such as ["PT", "RO"])"}));
}

TEST(NdjsonProposalReaderTest, SeventeenLevelsOfNestingAreAnInvalidRecord)
{
  const auto result = read_ndjson(line_with(R"(, "sectors": )" + nested(16)) + "\n" + k_record + "\n");
  ASSERT_FALSE(result.kind) << result.message;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: values nested more than 16 levels deep"}));
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(NdjsonProposalReaderTest, FarDeeperNestingIsRefusedWithoutCrashing)
{
  const auto result = read_ndjson("{\"sectors\": " + nested(100000) + "}\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: values nested more than 16 levels deep"}));
}

TEST(NdjsonProposalReaderTest, BracketsInsideStringsAreNoNesting)
{
  const std::string brackets(40, '[');
  const auto result = read_ndjson(R"({"call": "CALL-1", "acronym": "A", "title": "\")" + brackets +
                                  R"(", "host": "ES", "entity": "E"})"
                                  "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].errors.empty()) << ::testing::PrintToString(problems(result.records[0]));
  EXPECT_EQ(result.records[0].values.input.title, "\"" + brackets);
}

// ---- limits -----------------------------------------------------------------------------

constexpr std::size_t k_mib = std::size_t{1} << 20;

// k_record padded with spaces before its closing brace to `size` bytes.
std::string record_of_size(std::size_t size)
{
  std::string line = k_record;
  line.insert(line.size() - 1, size - line.size(), ' ');
  return line;
}

TEST(NdjsonProposalReaderTest, ALineOfFourMebibytesIsReadButNotOneByteMore)
{
  const auto kept = read_ndjson(record_of_size(4 * k_mib) + "\r\n" + record_of_size(4 * k_mib) + "\n");
  ASSERT_EQ(kept.records.size(), 2u);
  EXPECT_TRUE(kept.records[0].errors.empty()) << ::testing::PrintToString(problems(kept.records[0]));
  EXPECT_TRUE(kept.records[1].errors.empty()) << ::testing::PrintToString(problems(kept.records[1]));

  const auto refused = read_ndjson(record_of_size(4 * k_mib + 1) + "\n" + k_record + "\n");
  ASSERT_FALSE(refused.kind) << refused.message;
  ASSERT_EQ(refused.records.size(), 2u);
  EXPECT_EQ(problems(refused.records[0]), (Problems{"1:record: the line is longer than 4 MiB"}));
  EXPECT_EQ(refused.records[0].raw, "");
  EXPECT_TRUE(refused.records[0].object.is_null());
  EXPECT_TRUE(refused.records[1].errors.empty());
  EXPECT_EQ(refused.records[1].line, 2u);
}

TEST(NdjsonProposalReaderTest, ALongLineOfBlanksIsNoBlankLine)
{
  const auto result = read_ndjson(std::string(5 * k_mib, ' ') + "\n" + k_record);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the line is longer than 4 MiB"}));
}

TEST(NdjsonProposalReaderTest, AStringOverOneMebibyteIsAnErrorOfItsKey)
{
  const auto result = read_ndjson(line_with(R"(, "error": ")" + std::string(k_mib + 1, 'e') + "\"") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:error: a string is longer than 1 MiB"}));
  EXPECT_TRUE(result.records[0].object["error"].is_null());
  EXPECT_EQ(result.records[0].object["call"], "CALL-1");
}

TEST(NdjsonProposalReaderTest, AnArrayOfMoreThan1024ItemsIsAnErrorOfItsKey)
{
  std::string items = "[\"PT\"";
  for (int i = 0; i < 1024; ++i) {
    items += ", \"PT\"";
  }
  const auto result = read_ndjson(line_with(R"(, "partners": )" + items + "]") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:partners: an array has more than 1024 items"}));
}

TEST(NdjsonProposalReaderTest, ARecordOfMoreThan64KeysIsNotKeptButItsLineIs)
{
  std::string members;
  for (int i = 0; i < 60; ++i) {
    members += ", \"k" + std::to_string(i) + "\": 1";
  }
  const auto result = read_ndjson(line_with(members) + "\n" + k_record + "\n");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:record: the record has more than 64 keys"}));
  EXPECT_TRUE(result.records[0].object.is_null());
  EXPECT_EQ(result.records[0].raw, line_with(members));
  EXPECT_TRUE(result.records[1].errors.empty());
}

TEST(NdjsonProposalReaderTest, AKeyThreeTimesIsReportedOnce)
{
  const auto result = read_ndjson(line_with(R"(, "plan": "new", "plan": "none", "plan": "upgrade")") + "\n");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(problems(result.records[0]), (Problems{"1:plan: 'plan' appears twice in the record"}));
}

} // namespace
} // namespace cfp::test

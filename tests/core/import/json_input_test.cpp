// SPDX-License-Identifier: EUPL-1.2
#include "core/import/json_input.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace cfp::test {
namespace {

using core::detail::JsonInput;

// A small limit, so that every place a record can be cut is cheap to reach.
constexpr std::size_t k_limit = 64;

// What the parser is handed of `text`, and the lines counted at the end.
struct Passed
{
  std::string bytes;
  std::size_t lines = 0;
};

Passed passed_on(const std::string& text, std::size_t limit = k_limit)
{
  std::istringstream in(text);
  JsonInput input(in, limit);
  Passed passed;
  for (int c = input.peek(); c != std::char_traits<char>::eof(); c = input.peek()) {
    passed.bytes += static_cast<char>(c);
    input.advance();
  }
  passed.lines = input.line();
  return passed;
}

TEST(JsonInputTest, RecordsWithinTheLimitPassUnchanged)
{
  const std::string text =
      "[\n{\"a\": \"[{\\\"}]\", \"b\": [1, -2.5e3, true, null, {}]},\n\"\\ud83d\\ude00 é\", 7\n]\n";
  const auto passed = passed_on(text);
  EXPECT_EQ(passed.bytes, text);
  EXPECT_EQ(passed.lines, 5u);
}

TEST(JsonInputTest, ARecordOverFourMebibytesIsClosedAfterItsFirstFourMebibytes)
{
  const std::size_t limit = std::size_t{4} << 20;
  const auto passed = passed_on("[1,{\"a\":\"" + std::string(limit, 'x') + "\"},2]", limit);
  // The record's first 4 MiB: `{"a":"` and the x's after it; then what closes it.
  EXPECT_EQ(passed.bytes, "[1,{\"a\":\"" + std::string(limit - 6, 'x') + "\"},2]");
}

TEST(JsonInputTest, ARecordOfExactlyTheLimitPassesUnchanged)
{
  const std::string text = "[{\"a\":\"" + std::string(k_limit - 8, 'x') + "\"},\n2]";
  EXPECT_EQ(passed_on(text).bytes, text);
}

TEST(JsonInputTest, WhatClosesARecordDependsOnWhereItIsCut)
{
  const std::string blanks(k_limit, ' ');
  EXPECT_EQ(passed_on("[{\"a\":" + blanks + "1}]").bytes, "[{\"a\":" + blanks.substr(5) + "null}]");
  EXPECT_EQ(passed_on("[{\"a\"" + blanks + ":1}]").bytes, "[{\"a\"" + blanks.substr(4) + ":null}]");
  EXPECT_EQ(passed_on("[{\"a\":1," + blanks + "\"b\":2}]").bytes, "[{\"a\":1," + blanks.substr(7) + "\"\":null}]");
  EXPECT_EQ(passed_on("[[[" + blanks + "]]]").bytes, "[[[" + blanks.substr(2) + "]]]");
  EXPECT_EQ(passed_on("[{\"" + std::string(k_limit, 'k') + "\":1}]").bytes,
            "[{\"" + std::string(k_limit - 2, 'k') + "\":null}]");
  const std::string longest = "[\"" + std::string(k_limit - 2, 's') + "\",1]";
  EXPECT_EQ(passed_on(longest).bytes, longest);
  EXPECT_EQ(passed_on("[\"" + std::string(k_limit, 's') + "\",1]").bytes,
            "[\"" + std::string(k_limit - 1, 's') + "\",1]");
  // A number is cut after a digit, and its rest skipped.
  EXPECT_EQ(passed_on("[0." + std::string(k_limit, '5') + ",1]").bytes, "[0." + std::string(k_limit - 2, '5') + ",1]");
  EXPECT_EQ(passed_on("[[1e" + std::string(k_limit, '5') + "]]").bytes, "[[1e" + std::string(k_limit - 3, '5') + "]]");
}

TEST(JsonInputTest, AStringIsCutBetweenCharactersAndEscapesOnly)
{
  // 24 bytes a round: shifted by 0 to 23 blanks, the limit falls on each byte of it in turn.
  const std::string round = "é😀\\u00e9\\ud83d\\ude00";
  std::string text;
  for (int i = 0; i < 4; ++i) {
    text += round;
  }
  for (std::size_t shift = 0; shift < round.size(); ++shift) {
    const std::string document = "[{" + std::string(shift, ' ') + "\"title\": \"" + text + "\"}, 1]";
    const auto passed = passed_on(document);
    EXPECT_NE(passed.bytes, document) << shift;
    EXPECT_TRUE(nlohmann::json::accept(passed.bytes)) << shift << ": " << passed.bytes;
  }
}

TEST(JsonInputTest, WhatIsSkippedIsCountedInLinesAndItsQuotesAndBracketsFollowed)
{
  const auto passed = passed_on("[[" + std::string(k_limit, ' ') + "\n\n\"]\\\"\n\"],\n2]");
  EXPECT_EQ(passed.bytes, "[[" + std::string(k_limit - 1, ' ') + "],\n2]");
  EXPECT_EQ(passed.lines, 5u);
}

TEST(JsonInputTest, OnlyTheRecordsOfTheTopLevelArrayAreLimited)
{
  // The document is no array: the parser refuses it at its first byte, whatever follows.
  const std::string object = "{\"a\": \"" + std::string(2 * k_limit, 'x') + "\"}";
  EXPECT_EQ(passed_on(object).bytes, object);
}

TEST(JsonInputTest, BetweenRecordsLongBlanksAreDroppedAndAZeroIsSlippedIn)
{
  const std::size_t most = JsonInput::k_max_bytes_between_tokens;
  const std::string blanks(most + 1000, ' ');
  // The parser gets the first blanks, then a `0` record that ends what it keeps of them.
  EXPECT_EQ(passed_on("[" + blanks + "]").bytes, "[" + std::string(most - 1, ' ') + "0 ]");
  EXPECT_EQ(passed_on("[" + blanks + "{}]").bytes, "[" + std::string(most - 1, ' ') + "0,{}]");
  EXPECT_EQ(passed_on("[1," + blanks + "2]").bytes, "[1," + std::string(most - 1, ' ') + "0,2]");
  EXPECT_EQ(passed_on("[{}" + blanks + ",2]").bytes, "[{}" + std::string(most - 3, ' ') + ",0 ,2]");
}

TEST(JsonInputTest, ManyRecordsWithoutStringsOrNumbersGetAZeroEverySixtyFourKibibytes)
{
  std::string text = "[[]";
  for (int i = 0; i < 100'000; ++i) {
    text += i % 2 == 0 ? ",{}" : ",[]";
  }
  text += "]";
  const auto passed = passed_on(text);
  EXPECT_TRUE(nlohmann::json::accept(passed.bytes));
  const auto document = nlohmann::json::parse(passed.bytes);
  // 300,003 bytes: a zero after each 64 KiB.
  EXPECT_EQ(document.size(), 100'001u + (text.size() / JsonInput::k_max_bytes_between_tokens));
}

TEST(JsonInputTest, BlanksAroundTheArrayAreDroppedPastSixtyFourKibibytesButCounted)
{
  const std::size_t most = JsonInput::k_max_bytes_between_tokens;
  const auto passed = passed_on(std::string(most + 10, '\n') + "[]" + std::string(most + 10, ' '));
  // The parser keeps the blank lines before the array as well: a zero ends them. (EXPECT_TRUE:
  // gtest would take ages to show two strings of 64 Ki lines apart.)
  EXPECT_TRUE(passed.bytes == std::string(most, '\n') + "[0 ]" + std::string(most - 3, ' '));
  EXPECT_EQ(passed.lines, most + 11);
}

} // namespace
} // namespace cfp::test

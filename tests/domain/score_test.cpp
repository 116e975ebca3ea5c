// SPDX-License-Identifier: EUPL-1.2
// Scores in half points on the 0-5 scale, thresholds in points, weights in thousandths: exact
// numbers parsed from what people type, and shown back the same way.

#include <cfp/domain/score.hpp>

#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using namespace cfp::domain;

TEST(ScoreTest, HalfPointsOnTheZeroToFiveScaleParse)
{
  const std::pair<const char*, HalfPoints> good[] = {{"0", 0},  {"0.5", 1},  {"4", 8},    {"4.5", 9},     {"4.0", 8},
                                                     {"5", 10}, {"5.0", 10}, {"4.50", 9}, {"4.500000", 9}};
  for (const auto& [text, expected] : good) {
    const auto parsed = parse_score(text);
    ASSERT_TRUE(parsed) << text << ": " << parsed.error();
    EXPECT_EQ(parsed.value(), expected) << text;
  }
}

TEST(ScoreTest, EverythingElseIsRefusedWithTheReason)
{
  const std::pair<const char*, const char*> bad[] = {
      {"5.5", "'5.5' is more than 5"},
      {"6", "'6' is more than 5"},
      {"4.25", "'4.25' is not a half point; scores go in steps of 0.5"},
      {"4.0000001", "'4.0000001' is not a half point"},
      {"4.3", "'4.3' is not a half point; scores go in steps of 0.5"},
      {"-1", "'-1' is not a score; write it like 4 or 4.5"},
      {"+4", "is not a score"},
      {"4,5", "is not a score"},
      {" 4", "is not a score"},
      {"4 ", "is not a score"},
      {"", "is not a score"},
      {"04", "is not a score"},
      {".5", "is not a score"},
      {"4.", "is not a score"},
      {"1e1", "is not a score"},
      {"nan", "is not a score"},
      {"4.5.5", "is not a score"},
      {"\xef\xbc\x94", "is not a score"}, // a full-width digit four
      {"99999999999999999999", "is not a score"},
  };
  for (const auto& [text, message] : bad) {
    const auto parsed = parse_score(text);
    ASSERT_FALSE(parsed) << "'" << text << "' parsed";
    EXPECT_NE(parsed.error().find(message), std::string::npos) << text << ": " << parsed.error();
    EXPECT_NE(parsed.error().find("(scores go from 0 to 5)"), std::string::npos) << parsed.error();
  }
}

TEST(ScoreTest, PointsUpToAMaximumAreHalfPointsToo)
{
  EXPECT_EQ(parse_points("10", 30).value(), 20);
  EXPECT_EQ(parse_points("10.5", 30).value(), 21);
  EXPECT_EQ(parse_points("15", 30).value(), 30);
  EXPECT_FALSE(parse_points("15.5", 30));
  EXPECT_FALSE(parse_points("10.2", 30));
}

TEST(ScoreTest, PointsShowWithOneDecimal)
{
  EXPECT_EQ(format_points(0), "0.0");
  EXPECT_EQ(format_points(1), "0.5");
  EXPECT_EQ(format_points(8), "4.0");
  EXPECT_EQ(format_points(9), "4.5");
  EXPECT_EQ(format_points(21), "10.5");
}

TEST(WeightTest, ExactDecimalsUpToThreePlacesParse)
{
  const std::pair<const char*, Weight> good[] = {{"1", 1000},     {"1.5", 1500},   {"0.25", 250},   {"0.001", 1},
                                                 {"100", 100000}, {"2.500", 2500}, {"1.0000", 1000}};
  for (const auto& [text, expected] : good) {
    const auto parsed = parse_weight(text);
    ASSERT_TRUE(parsed) << text << ": " << parsed.error();
    EXPECT_EQ(parsed.value(), expected) << text;
  }
  const std::pair<const char*, const char*> bad[] = {
      {"0", "a weight must be more than 0"},
      {"0.000", "a weight must be more than 0"},
      {"0.0001", "has more than 3 decimals"},
      {"100.001", "is more than 100"},
      {"-1", "is not a weight"},
      {"1e3", "is not a weight"},
      {"1/2", "is not a weight"},
      {"", "is not a weight"},
  };
  for (const auto& [text, message] : bad) {
    const auto parsed = parse_weight(text);
    ASSERT_FALSE(parsed) << "'" << text << "' parsed";
    EXPECT_NE(parsed.error().find(message), std::string::npos) << text << ": " << parsed.error();
  }
}

TEST(WeightTest, WeightsAndWeightedTotalsShowExactly)
{
  EXPECT_EQ(format_weight(1000), "1");
  EXPECT_EQ(format_weight(1500), "1.5");
  EXPECT_EQ(format_weight(250), "0.25");
  EXPECT_EQ(format_weight(1), "0.001");
  EXPECT_EQ(format_weighted(weighted(9, 1500)), "6.75"); // 4.5 x 1.5
  EXPECT_EQ(format_weighted(weighted(8, 1000)), "4.0");
  EXPECT_EQ(format_weighted(weighted(1, 1)), "0.0005"); // 0.5 x 0.001, not rounded
  EXPECT_EQ(format_weighted(0), "0.0");
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
// The decimals rule of amounts from both sides: without a suffix at most two decimals, whatever
// the digits ("1.000" is refused, "1.00" is one euro); with a suffix any number of decimals as
// long as the amount comes to whole cents, so trailing zeros are harmless ("1.000k", "1.500000000M").
#include <cfp/domain/money.hpp>

#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using domain::Cents;
using domain::parse_money;

// The cents `text` stands for, or "refused: REASON".
std::string read(const std::string& text)
{
  const auto parsed = parse_money(text);
  return parsed ? std::to_string(parsed.value()) : "refused: " + parsed.error();
}

constexpr auto k_two_decimals = "refused: at most two decimals (whole cents) are allowed";
constexpr auto k_whole_cents = "refused: the amount does not come to whole cents";

TEST(MoneyBoundariesTest, TwoDecimalsWithoutSuffixAreWholeCents)
{
  EXPECT_EQ(read("1.00"), "100");
  EXPECT_EQ(read("1.0"), "100");
  EXPECT_EQ(read("1.50"), "150");
  EXPECT_EQ(read("1_000.00"), "100000");
}

TEST(MoneyBoundariesTest, ThreeDecimalsWithoutSuffixAreRefusedEvenWhenTheyAreZeros)
{
  EXPECT_EQ(read("1.000"), k_two_decimals);
  EXPECT_EQ(read("0.000"), k_two_decimals);
  EXPECT_EQ(read("1_000.000"), k_two_decimals);
  EXPECT_EQ(read("1.0000"), k_two_decimals);
  EXPECT_EQ(read("+1.000"), k_two_decimals);
}

TEST(MoneyBoundariesTest, ThreeZeroDecimalsWithASuffixAreAccepted)
{
  EXPECT_EQ(read("1.000k"), "100000");
  EXPECT_EQ(read("1.000K"), "100000");
  EXPECT_EQ(read("1.000M"), "100000000");
  EXPECT_EQ(read("1.000m"), "100000000");
  EXPECT_EQ(read("1.000bn"), "100000000000");
}

TEST(MoneyBoundariesTest, TrailingZerosBeyondWholeCentsAreHarmlessWithASuffix)
{
  // k keeps five decimals, M eight, bn eleven; zeros beyond them change nothing.
  EXPECT_EQ(read("1.000000k"), "100000");
  EXPECT_EQ(read("1.2345600k"), "123456");
  EXPECT_EQ(read("1.500000000M"), "150000000");
  EXPECT_EQ(read("1.123456780000M"), "112345678");
  EXPECT_EQ(read("0.000000000010bn"), "1");
}

TEST(MoneyBoundariesTest, ANonZeroDigitBeyondWholeCentsIsRefusedWithASuffix)
{
  EXPECT_EQ(read("1.0000001k"), k_whole_cents);
  EXPECT_EQ(read("1.234567k"), k_whole_cents);
  EXPECT_EQ(read("1.000000001M"), k_whole_cents);
  EXPECT_EQ(read("1.0000000000010bn"), k_whole_cents);
}

} // namespace
} // namespace cfp::test

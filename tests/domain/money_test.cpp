// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/money.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace cfp::test {
namespace {

using domain::Cents;
using domain::format_money_grouped;
using domain::format_money_plain;
using domain::parse_money;

// The cents `text` parses to; fails the test (and returns -1) when it does not parse.
Cents cents_of(const std::string& text)
{
  const auto parsed = parse_money(text);
  if (!parsed) {
    ADD_FAILURE() << "'" << text << "' did not parse: " << parsed.error();
    return -1;
  }
  return parsed.value();
}

// Asserts that `text` is refused with a message.
void expect_refused(const std::string& text)
{
  const auto parsed = parse_money(text);
  EXPECT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << parsed.value() << " cents";
  if (!parsed) {
    EXPECT_FALSE(parsed.error().empty()) << "'" << text << "' was refused without a reason";
  }
}

TEST(MoneyTest, WholeEurosAreHundredsOfCents)
{
  EXPECT_EQ(cents_of("0"), 0);
  EXPECT_EQ(cents_of("1"), 100);
  EXPECT_EQ(cents_of("485000000"), 48'500'000'000);
}

TEST(MoneyTest, OneOrTwoDecimalsAreCents)
{
  EXPECT_EQ(cents_of("0.5"), 50);
  EXPECT_EQ(cents_of("0.05"), 5);
  EXPECT_EQ(cents_of("12.34"), 1234);
  EXPECT_EQ(cents_of("0.00"), 0);
}

TEST(MoneyTest, UnderscoresSeparateGroupsOfThreeDigits)
{
  EXPECT_EQ(cents_of("12_000.50"), 1'200'050);
  EXPECT_EQ(cents_of("1_000"), 100'000);
  EXPECT_EQ(cents_of("1_250_000.50"), 125'000'050);
  EXPECT_EQ(cents_of("999_999_999"), 99'999'999'900);
}

TEST(MoneyTest, SuffixKIsThousands)
{
  EXPECT_EQ(cents_of("500k"), 50'000'000);
  EXPECT_EQ(cents_of("1.234k"), 123'400);
  EXPECT_EQ(cents_of("1.23456k"), 123'456);
}

TEST(MoneyTest, SuffixCapitalMIsMillions)
{
  EXPECT_EQ(cents_of("485M"), 48'500'000'000);
  EXPECT_EQ(cents_of("1.5M"), 150'000'000);
  EXPECT_EQ(cents_of("1.23456789M"), 123'456'789);
}

TEST(MoneyTest, SuffixBnIsBillions)
{
  EXPECT_EQ(cents_of("1.5bn"), 150'000'000'000);
  EXPECT_EQ(cents_of("2bn"), 200'000'000'000);
  EXPECT_EQ(cents_of("0.00000000001bn"), 1);
}

TEST(MoneyTest, SuffixCombinesWithGroupSeparators)
{
  EXPECT_EQ(cents_of("1_000k"), 100'000'000);
  EXPECT_EQ(cents_of("1_000.5k"), 100'050'000);
}

TEST(MoneyTest, NegativeAmountsAreRefused)
{
  expect_refused("-1");
  expect_refused("-0");
  expect_refused("-1.5M");
  const auto parsed = parse_money("-5");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().find("negative"), std::string::npos) << parsed.error();
}

TEST(MoneyTest, EmptyTextIsRefused)
{
  expect_refused("");
}

TEST(MoneyTest, MisplacedUnderscoresAreRefused)
{
  expect_refused("1__000");
  expect_refused("1_00");
  expect_refused("1_0000");
  expect_refused("1000_000");
  expect_refused("_100");
  expect_refused("100_");
  expect_refused("1_000_00");
  expect_refused("1.000_00");
}

TEST(MoneyTest, DecimalPointNeedsDigitsOnBothSides)
{
  expect_refused("1.");
  expect_refused(".5");
  expect_refused(".");
  expect_refused("1.M");
}

TEST(MoneyTest, TextThatIsNotANumberIsRefused)
{
  expect_refused("abc");
  expect_refused("1e6");
  expect_refused("1,000");
  expect_refused("1.5.0");
  expect_refused("12 000");
  expect_refused("1 M");
  expect_refused("EUR 5");
  expect_refused("5€");
}

TEST(MoneyTest, SuffixAloneIsRefused)
{
  expect_refused("k");
  expect_refused("M");
  expect_refused("bn");
}

TEST(MoneyTest, SuffixesAreCaseInsensitiveButSingle)
{
  // "1.5m" means a million and a half in finance as in the calls; case does not matter.
  EXPECT_EQ(parse_money("10m").value(), 1'000'000'000);
  EXPECT_EQ(parse_money("10K").value(), 1'000'000);
  EXPECT_EQ(parse_money("1.5BN").value(), 150'000'000'000);
  expect_refused("1kM");
  expect_refused("1.5bnk");
}

TEST(MoneyTest, MoreThanTwoDecimalsWithoutSuffixAreRefused)
{
  expect_refused("1.234");
  expect_refused("0.001");
}

TEST(MoneyTest, ThreeDecimalsEndingInZeroAreRefusedLikeAnyThreeDecimals)
{
  // "1.000" is one thousand to many Europeans; reading it as one euro would be a silent
  // thousand-fold error. The rule is "up to two decimals", whatever the digits are.
  expect_refused("1.000");
  expect_refused("1.230");
  expect_refused("12.500");
}

TEST(MoneyTest, FractionalCentsAfterSuffixAreRefused)
{
  expect_refused("1.2345678912M");
  expect_refused("1.234567k");
  expect_refused("0.000000000001bn");
}

TEST(MoneyTest, LargestAmountThatFitsIsAccepted)
{
  EXPECT_EQ(cents_of("92233720368547758.07"), std::numeric_limits<Cents>::max());
  EXPECT_EQ(cents_of("92_233_720_368_547_758.07"), std::numeric_limits<Cents>::max());
}

TEST(MoneyTest, OverflowingAmountsAreRefused)
{
  expect_refused("92233720368547758.08");
  expect_refused("92233720368547759");
  expect_refused("9223372036854775807");
  expect_refused("100000000bn");
  expect_refused("99999999999999999999999999999999");
}

TEST(MoneyTest, PlainFormatHasTwoDecimalsAndNoSeparators)
{
  EXPECT_EQ(format_money_plain(0), "0.00");
  EXPECT_EQ(format_money_plain(5), "0.05");
  EXPECT_EQ(format_money_plain(50), "0.50");
  EXPECT_EQ(format_money_plain(1'200'050), "12000.50");
  EXPECT_EQ(format_money_plain(48'500'000'000), "485000000.00");
}

TEST(MoneyTest, PlainFormatShowsNegativeAmountsWithAMinusSign)
{
  EXPECT_EQ(format_money_plain(-5), "-0.05");
  EXPECT_EQ(format_money_plain(-123'456), "-1234.56");
  EXPECT_EQ(format_money_plain(std::numeric_limits<Cents>::min()), "-92233720368547758.08");
}

TEST(MoneyTest, GroupedFormatPutsCommasBetweenThousands)
{
  EXPECT_EQ(format_money_grouped(0), "0.00");
  EXPECT_EQ(format_money_grouped(99'999), "999.99");
  EXPECT_EQ(format_money_grouped(100'000), "1,000.00");
  EXPECT_EQ(format_money_grouped(12'345'678), "123,456.78");
  EXPECT_EQ(format_money_grouped(48'500'000'000), "485,000,000.00");
  EXPECT_EQ(format_money_grouped(150'000'000'000), "1,500,000,000.00");
  EXPECT_EQ(format_money_grouped(std::numeric_limits<Cents>::max()), "92,233,720,368,547,758.07");
}

TEST(MoneyTest, GroupedFormatKeepsTheMinusSignOutsideTheGroups)
{
  EXPECT_EQ(format_money_grouped(-12'345'678), "-123,456.78");
  EXPECT_EQ(format_money_grouped(-100'000), "-1,000.00");
  EXPECT_EQ(format_money_grouped(-99'999), "-999.99");
}

TEST(MoneyTest, PlainFormatParsesBackToTheSameCents)
{
  for (const Cents cents :
       {Cents{0}, Cents{1}, Cents{99}, Cents{1'200'050}, Cents{150'000'000'000}, std::numeric_limits<Cents>::max()}) {
    EXPECT_EQ(cents_of(format_money_plain(cents)), cents) << format_money_plain(cents);
  }
}

} // namespace
} // namespace cfp::test

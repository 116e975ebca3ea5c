// SPDX-License-Identifier: EUPL-1.2
// How the reports write a share of a budget and the time left, and add up amounts.

#include <cfp/core/reports.hpp>
#include <cfp/error.hpp>

#include <gtest/gtest.h>

namespace cfp::core {
namespace {

TEST(FormatShareTest, TenthsOfAPercentRoundedHalfUp)
{
  EXPECT_EQ(format_share(0, 100), "0.0");
  EXPECT_EQ(format_share(1, 3), "33.3");
  EXPECT_EQ(format_share(2, 3), "66.7");
  EXPECT_EQ(format_share(1, 2000), "0.1") << "0.05 rounds up";
  EXPECT_EQ(format_share(1, 2001), "0.0");
  EXPECT_EQ(format_share(3, 2), "150.0");
}

TEST(FormatShareTest, SharesPastSixtyFourBitsAreExact)
{
  // 92,233,720,368,547,758.07 EUR over a budget of one cent.
  EXPECT_EQ(format_share(domain::k_max_cents, 1), "922337203685477580700.0");
  EXPECT_EQ(format_share(domain::k_max_cents, 3), "307445734561825860233.3");
  EXPECT_EQ(format_share(1'000'000'000'000'000'000, 100), "1000000000000000000.0") << "the first whole past 10^18";
}

TEST(AddAmountsTest, ExactUpToTheLimitRefusedPastIt)
{
  EXPECT_EQ(add_amounts(domain::k_max_cents - 1, 1), domain::k_max_cents);
  try {
    add_amounts(domain::k_max_cents, 1);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::refused);
    EXPECT_NE(error.message().find("more than cfp can count"), std::string::npos);
  }
}

} // namespace
} // namespace cfp::core

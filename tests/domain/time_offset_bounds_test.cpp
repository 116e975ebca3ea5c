// SPDX-License-Identifier: EUPL-1.2
// UTC offsets run from -18:00 to +18:00 inclusive, in each form the parser accepts
// (+HH:MM, +HHMM, +HH); anything beyond is refused with the range in the reason.
#include <cfp/domain/time.hpp>

#include <gtest/gtest.h>

#include <string>

namespace cfp::test {
namespace {

using domain::BareDate;
using domain::format_utc;
using domain::parse_when;

const date::time_zone& brussels()
{
  return *date::locate_zone("Europe/Brussels");
}

// The UTC instant `text` stands for, or "refused: REASON".
std::string read(const std::string& text)
{
  const auto parsed = parse_when(text, brussels(), BareDate::deadline_brussels);
  return parsed ? format_utc(parsed.value().instant) : "refused: " + parsed.error();
}

constexpr auto k_out_of_range = "refused: the UTC offset is out of range (-18:00 to +18:00)";

TEST(OffsetBoundsTest, PlusEighteenHoursIsTheLargestOffsetInEveryForm)
{
  for (const std::string offset : {"+18:00", "+1800", "+18"}) {
    EXPECT_EQ(read("2025-02-01T18:00:00" + offset), "2025-02-01T00:00:00Z") << offset;
  }
}

TEST(OffsetBoundsTest, MinusEighteenHoursIsTheSmallestOffsetInEveryForm)
{
  for (const std::string offset : {"-18:00", "-1800", "-18"}) {
    EXPECT_EQ(read("2025-02-01T06:00:00" + offset), "2025-02-02T00:00:00Z") << offset;
  }
}

TEST(OffsetBoundsTest, OneMinuteBeyondEighteenHoursIsRefusedOnBothSides)
{
  for (const std::string offset : {"+18:01", "+1801", "-18:01", "-1801"}) {
    EXPECT_EQ(read("2025-02-01T18:00:00" + offset), k_out_of_range) << offset;
  }
}

TEST(OffsetBoundsTest, NineteenHoursIsRefusedOnBothSidesInEveryForm)
{
  for (const std::string offset : {"+19:00", "+1900", "+19", "-19:00", "-1900", "-19", "+99", "-99:59"}) {
    EXPECT_EQ(read("2025-02-01T18:00:00" + offset), k_out_of_range) << offset;
  }
}

TEST(OffsetBoundsTest, OneMinuteBelowEighteenHoursIsAcceptedOnBothSides)
{
  EXPECT_EQ(read("2025-02-01T17:59:00+17:59"), "2025-02-01T00:00:00Z");
  EXPECT_EQ(read("2025-02-01T17:59:00+1759"), "2025-02-01T00:00:00Z");
  EXPECT_EQ(read("2025-02-01T06:01:00-17:59"), "2025-02-02T00:00:00Z");
  EXPECT_EQ(read("2025-02-01T06:01:00-1759"), "2025-02-02T00:00:00Z");
}

TEST(OffsetBoundsTest, MinutesOfAnOffsetRunFromZeroToFiftyNine)
{
  EXPECT_EQ(read("2025-02-01T16:59:00+00:59"), "2025-02-01T16:00:00Z");
  EXPECT_EQ(read("2025-02-01T15:01:00-00:59"), "2025-02-01T16:00:00Z");
  EXPECT_EQ(read("2025-02-01T17:00:00+01:60"), k_out_of_range);
  EXPECT_EQ(read("2025-02-01T17:00:00+0160"), k_out_of_range);
  EXPECT_EQ(read("2025-02-01T17:00:00-00:60"), k_out_of_range);
}

TEST(OffsetBoundsTest, ZeroOffsetIsAcceptedWithEitherSign)
{
  for (const std::string offset : {"+00:00", "-00:00", "+0000", "-00", "Z", "z"}) {
    EXPECT_EQ(read("2025-02-01T16:00:00" + offset), "2025-02-01T16:00:00Z") << offset;
  }
}

} // namespace
} // namespace cfp::test

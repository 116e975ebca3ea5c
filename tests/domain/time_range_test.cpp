// SPDX-License-Identifier: EUPL-1.2
// Instants run from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, whatever zone or offset they
// are written in: a date of 1970 east of UTC, or of 9999 west of it, falls outside and is refused
// when it is read, so that it never reaches the database. What the store wrote before this rule
// is still read back, so that it can be corrected.

#include "support/support.hpp"

#include <cfp/domain/time.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <tuple>

namespace cfp::test {
namespace {

using domain::BareDate;

const date::time_zone& zone(const char* name)
{
  return *date::locate_zone(name);
}

std::string refusal(const std::string& text, const char* zone_name, BareDate bare = BareDate::start_of_day)
{
  const auto when = domain::parse_when(text, zone(zone_name), bare);
  EXPECT_FALSE(when.ok()) << text << " in " << zone_name << " was accepted";
  return when.ok() ? std::string{} : when.error();
}

domain::Instant accepted(const std::string& text, const char* zone_name, BareDate bare = BareDate::start_of_day)
{
  const auto when = domain::parse_when(text, zone(zone_name), bare);
  EXPECT_TRUE(when.ok()) << text << " in " << zone_name << ": " << (when.ok() ? "" : when.error());
  return when.ok() ? when.value().instant : domain::Instant{};
}

TEST(TimeRangeTest, TheFirstDayOf1970EastOfUtcIsRefusedNamingTheInstant)
{
  EXPECT_EQ(refusal("1970-01-01", "Europe/Brussels"),
            "1970-01-01 is 1969-12-31T23:00:00Z, before 1970-01-01T00:00:00Z; cfp keeps instants from 1970 on");
  EXPECT_EQ(refusal("1970-01-01 00:59:59", "Europe/Brussels"),
            "1970-01-01 00:59:59 is 1969-12-31T23:59:59Z, before 1970-01-01T00:00:00Z; cfp keeps instants from 1970 "
            "on");
  EXPECT_EQ(refusal("1970-01-01T00:00:00+00:01", "UTC"),
            "1970-01-01T00:00:00+00:01 is 1969-12-31T23:59:00Z, before 1970-01-01T00:00:00Z; cfp keeps instants "
            "from 1970 on");
}

TEST(TimeRangeTest, TheFirstInstantOf1970IsAcceptedInEveryForm)
{
  EXPECT_EQ(accepted("1970-01-01T00:00:00Z", "Europe/Brussels"), utc("1970-01-01T00:00:00Z"));
  EXPECT_EQ(accepted("1970-01-01 01:00", "Europe/Brussels"), utc("1970-01-01T00:00:00Z"));
  EXPECT_EQ(accepted("1970-01-01", "UTC"), utc("1970-01-01T00:00:00Z"));
  EXPECT_EQ(accepted("1970-01-01", "America/New_York"), utc("1970-01-01T05:00:00Z"));
  EXPECT_EQ(accepted("1969-12-31T19:00:00-05:00", "UTC"), utc("1970-01-01T00:00:00Z")) << "the instant counts";
}

TEST(TimeRangeTest, TheEndOf9999WestOfUtcIsRefused)
{
  EXPECT_EQ(accepted("9999-12-31", "Europe/Brussels", BareDate::deadline_brussels), utc("9999-12-31T16:00:00Z"));
  EXPECT_EQ(refusal("9999-12-31 23:30", "America/New_York"),
            "9999-12-31 23:30 is 10000-01-01T04:30:00Z, after 9999-12-31T23:59:59Z; cfp keeps instants up to the "
            "end of 9999");
  EXPECT_EQ(refusal("9999-12-31T23:59:59-00:01", "UTC"),
            "9999-12-31T23:59:59-00:01 is 10000-01-01T00:00:59Z, after 9999-12-31T23:59:59Z; cfp keeps instants up "
            "to the end of 9999");
}

TEST(TimeRangeTest, AnInstantWhoseBrusselsWallTimeIsInYear10000IsDefinedInUtc)
{
  // The store keeps the legal wall time as well as the instant, with four digits for the year.
  const auto& utc_zone = zone("UTC");
  for (const auto* text : {"9999-12-31T23:00:00Z", "9999-12-31T23:59:59+00:00", "9999-12-31T23:30:00-00:10"}) {
    const auto when = domain::parse_when(text, zone("Europe/Brussels"), BareDate::deadline_brussels);
    ASSERT_TRUE(when.ok()) << text << ": " << when.error();
    EXPECT_EQ(when.value().zone, "UTC") << text;
    EXPECT_TRUE(domain::is_wall_time_of(when.value().wall_time, utc_zone, when.value().instant)) << text;
  }
  const auto before = domain::parse_when("9999-12-31T22:59:59Z", utc_zone, BareDate::start_of_day);
  ASSERT_TRUE(before.ok()) << before.error();
  EXPECT_EQ(before.value().zone, "Europe/Brussels");
  EXPECT_EQ(domain::format_wall_time(before.value().wall_time), "9999-12-31T23:59:59");
}

TEST(TimeRangeTest, EveryInstantKeptReadsBackInItsZForm)
{
  // Found by the fuzzer (regressions/when/utc_wall_time_in_the_last_hour_of_9999): a wall time
  // in UTC in the last hour of 9999 was accepted, and its Z form, which export writes, refused.
  for (const auto* wall : {"9999-12-31 23:00", "9999-12-31 23:59:59"}) {
    const auto typed = accepted(wall, "UTC");
    const auto again = domain::parse_when(domain::format_utc(typed), zone("UTC"), BareDate::start_of_day);
    ASSERT_TRUE(again.ok()) << wall << ": " << again.error();
    EXPECT_EQ(again.value().instant, typed) << wall;
  }
}

TEST(TimeRangeTest, AWallTimeThatHappensTwiceIsEitherOfItsInstants)
{
  const auto& brussels = zone("Europe/Brussels");
  const auto wall = domain::parse_wall_time("2025-10-26T02:30:00").value();
  EXPECT_TRUE(domain::is_wall_time_of(wall, brussels, utc("2025-10-26T00:30:00Z")));
  EXPECT_TRUE(domain::is_wall_time_of(wall, brussels, utc("2025-10-26T01:30:00Z")));
  EXPECT_FALSE(domain::is_wall_time_of(wall, brussels, utc("2025-10-26T02:30:00Z")));
  const auto skipped = domain::parse_wall_time("2025-03-30T02:30:00").value();
  EXPECT_FALSE(domain::is_wall_time_of(skipped, brussels, utc("2025-03-30T00:30:00Z")));
  EXPECT_FALSE(domain::is_wall_time_of(skipped, brussels, utc("2025-03-30T01:30:00Z")));
}

TEST(TimeRangeTest, DatesBefore1970KeepTheirOwnMessage)
{
  EXPECT_EQ(refusal("1969-07-20", "UTC"), "1969-07-20 is before 1970; cfp keeps dates from 1970 on");
}

TEST(TimeRangeTest, WhatTheStoreWroteBeforeTheRuleIsStillRead)
{
  const auto stored = domain::parse_utc("1969-12-31T23:00:00Z");
  ASSERT_TRUE(stored.ok()) << stored.error();
  EXPECT_EQ(domain::format_utc(stored.value()), "1969-12-31T23:00:00Z");
}

TEST(TimeRangeTest, ABareDateAtTheEndOfARangeIsTheLastSecondOfThatDay)
{
  EXPECT_EQ(accepted("2025-02-01", "Europe/Brussels", BareDate::end_of_day), utc("2025-02-01T22:59:59Z"));
  EXPECT_EQ(accepted("2025-07-01", "Europe/Brussels", BareDate::end_of_day), utc("2025-07-01T21:59:59Z"));
  EXPECT_EQ(accepted("2025-02-01", "UTC", BareDate::end_of_day), utc("2025-02-01T23:59:59Z"));
  // A time of day means itself.
  EXPECT_EQ(accepted("2025-02-01 12:00", "UTC", BareDate::end_of_day), utc("2025-02-01T12:00:00Z"));
  // The day ends one second before the next one starts, even where the clocks skip midnight
  // (Santiago on 2024-09-08, Havana on 2013-03-10) or go back (Brussels on 2025-10-26).
  for (const auto& [day, next, zone_name] : {std::tuple{"2024-09-07", "2024-09-08", "America/Santiago"},
                                             std::tuple{"2013-03-09", "2013-03-10", "America/Havana"},
                                             std::tuple{"2025-10-26", "2025-10-27", "Europe/Brussels"}}) {
    EXPECT_EQ(accepted(day, zone_name, BareDate::end_of_day) + std::chrono::seconds{1}, accepted(next, zone_name))
        << day << " in " << zone_name;
  }
  EXPECT_EQ(accepted("9999-12-31", "Europe/Brussels", BareDate::end_of_day), utc("9999-12-31T22:59:59Z"));
  EXPECT_FALSE(refusal("9999-12-31", "America/New_York", BareDate::end_of_day).empty());
}

} // namespace
} // namespace cfp::test

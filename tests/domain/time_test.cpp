// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/domain/time.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace cfp::test {
namespace {

using domain::BareDate;
using domain::format_local;
using domain::format_utc;
using domain::format_wall_time;
using domain::parse_utc;
using domain::parse_wall_time;
using domain::parse_when;
using domain::When;

const date::time_zone& zone(const std::string& name)
{
  return *date::locate_zone(name);
}

const date::time_zone& brussels()
{
  return zone("Europe/Brussels");
}

const date::time_zone& new_york()
{
  return zone("America/New_York");
}

// What `text` parses to; fails the test when it does not parse.
When when_of(const std::string& text, const date::time_zone& display, BareDate bare_date = BareDate::deadline_brussels)
{
  auto parsed = parse_when(text, display, bare_date);
  if (!parsed) {
    ADD_FAILURE() << "'" << text << "' did not parse: " << parsed.error();
    return {};
  }
  return std::move(parsed).value();
}

// The reason `text` is refused; fails the test when it parses.
std::string refusal_of(const std::string& text, const date::time_zone& display = brussels(),
                       BareDate bare_date = BareDate::deadline_brussels)
{
  const auto parsed = parse_when(text, display, bare_date);
  if (parsed) {
    ADD_FAILURE() << "'" << text << "' parsed as " << format_utc(parsed.value().instant);
    return {};
  }
  EXPECT_FALSE(parsed.error().empty()) << "'" << text << "' was refused without a reason";
  return parsed.error();
}

std::string wall_of(const When& when)
{
  return format_wall_time(when.wall_time);
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// --- bare dates -------------------------------------------------------------------------

TEST(TimeTest, BareDateDeadlineIsSeventeenHundredBrusselsInWinter)
{
  const When when = when_of("2025-02-01", brussels());
  EXPECT_EQ(format_utc(when.instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(wall_of(when), "2025-02-01T17:00:00");
  EXPECT_EQ(when.zone, "Europe/Brussels");
}

TEST(TimeTest, BareDateDeadlineIsSeventeenHundredBrusselsInSummerTime)
{
  const When when = when_of("2025-04-01", brussels());
  EXPECT_EQ(format_utc(when.instant), "2025-04-01T15:00:00Z");
  EXPECT_EQ(wall_of(when), "2025-04-01T17:00:00");
  EXPECT_EQ(when.zone, "Europe/Brussels");
}

TEST(TimeTest, BareDateDeadlineIsBrusselsWhateverTheDisplayZone)
{
  const When when = when_of("2025-02-01", new_york());
  EXPECT_EQ(format_utc(when.instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(when.zone, "Europe/Brussels");
  EXPECT_EQ(wall_of(when), "2025-02-01T17:00:00");
}

TEST(TimeTest, BareDateDeadlineOnTheDaysOfClockChangesIsStillSeventeenHundred)
{
  EXPECT_EQ(format_utc(when_of("2025-03-30", brussels()).instant), "2025-03-30T15:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-10-26", brussels()).instant), "2025-10-26T16:00:00Z");
}

TEST(TimeTest, BareDateStartOfDayIsMidnightInTheDisplayZone)
{
  const When in_brussels = when_of("2025-02-01", brussels(), BareDate::start_of_day);
  EXPECT_EQ(format_utc(in_brussels.instant), "2025-01-31T23:00:00Z");
  EXPECT_EQ(in_brussels.zone, "Europe/Brussels");

  const When in_new_york = when_of("2025-02-01", new_york(), BareDate::start_of_day);
  EXPECT_EQ(format_utc(in_new_york.instant), "2025-02-01T05:00:00Z");
  EXPECT_EQ(wall_of(in_new_york), "2025-02-01T00:00:00");
  EXPECT_EQ(in_new_york.zone, "America/New_York");

  const When in_summer = when_of("2025-07-01", new_york(), BareDate::start_of_day);
  EXPECT_EQ(format_utc(in_summer.instant), "2025-07-01T04:00:00Z");
}

TEST(TimeTest, BareDateStartOfDayInAZoneThatSkipsMidnightIsTheFirstInstantOfTheDay)
{
  // Chile springs forward at midnight: 2024-09-08 starts at 01:00 -03. A bare date still
  // names that day, so it must not be refused as a wall time that does not exist.
  const auto parsed = parse_when("2024-09-08", zone("America/Santiago"), BareDate::start_of_day);
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(format_utc(parsed.value().instant), "2024-09-08T04:00:00Z");
}

TEST(TimeTest, BareDateStartOfDayWhenMidnightHappensTwiceIsTheFirstMidnight)
{
  // Cuba falls back at 01:00 to 00:00: on 2024-11-03 midnight happens at 04:00Z and 05:00Z.
  // A bare date names the day, so it must not be refused as ambiguous.
  const auto parsed = parse_when("2024-11-03", zone("America/Havana"), BareDate::start_of_day);
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(format_utc(parsed.value().instant), "2024-11-03T04:00:00Z");
}

// --- wall times in the display zone ------------------------------------------------------

TEST(TimeTest, WallTimeIsReadInTheDisplayZone)
{
  const When when = when_of("2025-02-01 17:00", brussels());
  EXPECT_EQ(format_utc(when.instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(wall_of(when), "2025-02-01T17:00:00");
  EXPECT_EQ(when.zone, "Europe/Brussels");
}

TEST(TimeTest, WallTimeAcceptsSecondsAndTheLetterT)
{
  EXPECT_EQ(format_utc(when_of("2025-02-01 17:00:00", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01T17:00", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01T17:00:01", brussels()).instant), "2025-02-01T16:00:01Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01 23:59:59", brussels()).instant), "2025-02-01T22:59:59Z");
}

TEST(TimeTest, WallTimeWithADeadlineDefaultStillUsesTheDisplayZone)
{
  const When when = when_of("2025-02-01 17:00", new_york(), BareDate::deadline_brussels);
  EXPECT_EQ(format_utc(when.instant), "2025-02-01T22:00:00Z");
  EXPECT_EQ(when.zone, "America/New_York");
}

TEST(TimeTest, WallTimeFollowsSummerTimeInBrussels)
{
  EXPECT_EQ(format_utc(when_of("2025-03-29 17:00", brussels()).instant), "2025-03-29T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-03-31 17:00", brussels()).instant), "2025-03-31T15:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-10-25 17:00", brussels()).instant), "2025-10-25T15:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-10-27 17:00", brussels()).instant), "2025-10-27T16:00:00Z");
}

TEST(TimeTest, WallTimeFollowsSummerTimeInNewYork)
{
  // New York changes its clocks on other days than Brussels (2025-03-09 and 2025-11-02).
  EXPECT_EQ(format_utc(when_of("2025-03-08 12:00", new_york()).instant), "2025-03-08T17:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-03-10 12:00", new_york()).instant), "2025-03-10T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-03-30 12:00", new_york()).instant), "2025-03-30T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-11-01 12:00", new_york()).instant), "2025-11-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-11-03 12:00", new_york()).instant), "2025-11-03T17:00:00Z");
}

TEST(TimeTest, WallTimeJustAroundTheSpringForwardGapIsAccepted)
{
  EXPECT_EQ(format_utc(when_of("2025-03-30 01:59:59", brussels()).instant), "2025-03-30T00:59:59Z");
  EXPECT_EQ(format_utc(when_of("2025-03-30 03:00", brussels()).instant), "2025-03-30T01:00:00Z");
}

TEST(TimeTest, WallTimeInTheSpringForwardGapIsRefused)
{
  const std::string reason = refusal_of("2025-03-30 02:30");
  EXPECT_TRUE(contains(reason, "does not exist")) << reason;
  refusal_of("2025-03-30 02:00");
  refusal_of("2025-03-30T02:59:59");
}

TEST(TimeTest, WallTimeInTheSpringForwardGapOfTheDisplayZoneIsRefused)
{
  refusal_of("2025-03-09 02:30", new_york());
  // The same wall time exists in New York on the day Brussels skips it.
  EXPECT_EQ(format_utc(when_of("2025-03-30 02:30", new_york()).instant), "2025-03-30T06:30:00Z");
}

TEST(TimeTest, AmbiguousWallTimeAtFallBackIsRefusedAskingForAnOffset)
{
  const std::string reason = refusal_of("2025-10-26 02:30");
  EXPECT_TRUE(contains(reason, "offset")) << reason;
  refusal_of("2025-10-26 02:00");
  refusal_of("2025-10-26T02:59:59");
  EXPECT_EQ(format_utc(when_of("2025-10-26 03:00", brussels()).instant), "2025-10-26T02:00:00Z");
}

TEST(TimeTest, AmbiguousWallTimeInTheDisplayZoneIsRefusedAskingForAnOffset)
{
  const std::string reason = refusal_of("2025-11-02 01:30", new_york());
  EXPECT_TRUE(contains(reason, "offset")) << reason;
}

TEST(TimeTest, AmbiguousWallTimeMessageSuggestsTheTwoOffsetsOfThatZone)
{
  const std::string in_brussels = refusal_of("2025-10-26 02:30");
  EXPECT_TRUE(contains(in_brussels, "+02:00")) << in_brussels;
  EXPECT_TRUE(contains(in_brussels, "+01:00")) << in_brussels;

  // The offsets that resolve 01:30 in New York are -04:00 and -05:00, not Brussels' ones.
  const std::string in_new_york = refusal_of("2025-11-02 01:30", new_york());
  EXPECT_TRUE(contains(in_new_york, "-04:00")) << in_new_york;
  EXPECT_TRUE(contains(in_new_york, "-05:00")) << in_new_york;
}

TEST(TimeTest, OffsetResolvesAnAmbiguousWallTime)
{
  const When first = when_of("2025-10-26T02:30:00+02:00", brussels());
  const When second = when_of("2025-10-26T02:30:00+01:00", brussels());
  EXPECT_EQ(format_utc(first.instant), "2025-10-26T00:30:00Z");
  EXPECT_EQ(format_utc(second.instant), "2025-10-26T01:30:00Z");
  EXPECT_EQ(wall_of(first), "2025-10-26T02:30:00");
  EXPECT_EQ(wall_of(second), "2025-10-26T02:30:00");
}

// --- instants with Z or an offset ---------------------------------------------------------

TEST(TimeTest, InstantWithZIsUtc)
{
  EXPECT_EQ(format_utc(when_of("2025-02-01T16:00:00Z", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01T16:00Z", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01 16:00:00Z", brussels()).instant), "2025-02-01T16:00:00Z");
}

TEST(TimeTest, OffsetIsAcceptedInAllThreeIsoForms)
{
  for (const std::string text : {"2025-02-01T17:00:00+01:00", "2025-02-01T17:00:00+0100", "2025-02-01T17:00:00+01"}) {
    EXPECT_EQ(format_utc(when_of(text, brussels()).instant), "2025-02-01T16:00:00Z") << text;
  }
}

TEST(TimeTest, NegativeAndHalfHourOffsetsAreSubtracted)
{
  EXPECT_EQ(format_utc(when_of("2025-02-01T11:00:00-05:00", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01T21:30:00+05:30", brussels()).instant), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(when_of("2025-02-01T16:00:00+00:00", brussels()).instant), "2025-02-01T16:00:00Z");
}

TEST(TimeTest, InstantWithAnOffsetCrossingMidnightLandsOnTheRightDay)
{
  EXPECT_EQ(format_utc(when_of("2025-01-01T00:30:00+01:00", brussels()).instant), "2024-12-31T23:30:00Z");
  EXPECT_EQ(format_utc(when_of("2024-12-31T20:00:00-05:00", brussels()).instant), "2025-01-01T01:00:00Z");
}

TEST(TimeTest, InstantWithAnOffsetKeepsBrusselsAsLegalZone)
{
  const When winter = when_of("2025-02-01T16:00:00Z", new_york());
  EXPECT_EQ(winter.zone, "Europe/Brussels");
  EXPECT_EQ(wall_of(winter), "2025-02-01T17:00:00");

  const When summer = when_of("2025-04-01T10:00:00-05:00", new_york());
  EXPECT_EQ(format_utc(summer.instant), "2025-04-01T15:00:00Z");
  EXPECT_EQ(summer.zone, "Europe/Brussels");
  EXPECT_EQ(wall_of(summer), "2025-04-01T17:00:00");
}

TEST(TimeTest, InstantWithAnOffsetInsideTheBrusselsGapIsAccepted)
{
  // 01:30Z exists; only the Brussels wall time 02:30 does not.
  const When when = when_of("2025-03-30T01:30:00Z", brussels());
  EXPECT_EQ(format_utc(when.instant), "2025-03-30T01:30:00Z");
  EXPECT_EQ(wall_of(when), "2025-03-30T03:30:00");
}

TEST(TimeTest, MalformedOffsetsAreRefused)
{
  refusal_of("2025-02-01T17:00:00+1");
  refusal_of("2025-02-01T17:00:00+01:0");
  refusal_of("2025-02-01T17:00:00+010");
  refusal_of("2025-02-01T17:00:00+01:");
  refusal_of("2025-02-01T17:00:00+01:00:00");
  refusal_of("2025-02-01T17:00:00+01:00Z");
  refusal_of("2025-02-01T17:00:00Z+01:00");
  refusal_of("2025-02-01T17:00:00 +01:00");
  refusal_of("2025-02-01T17:00:00CET");
}

TEST(TimeTest, OutOfRangeOffsetsAreRefused)
{
  refusal_of("2025-02-01T17:00:00+19:00");
  refusal_of("2025-02-01T17:00:00+01:60");
  refusal_of("2025-02-01T17:00:00-24");
}

// --- impossible or malformed text ---------------------------------------------------------

TEST(TimeTest, ImpossibleDatesAreRefused)
{
  for (const std::string text : {"2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31", "2025-01-32"}) {
    const std::string reason = refusal_of(text);
    EXPECT_TRUE(contains(reason, "not a date")) << text << ": " << reason;
  }
}

TEST(TimeTest, FebruaryTwentyNinthExistsOnlyInLeapYears)
{
  EXPECT_EQ(format_utc(when_of("2024-02-29", brussels()).instant), "2024-02-29T16:00:00Z");
  refusal_of("2025-02-29");
  refusal_of("2100-02-29");
  EXPECT_EQ(format_utc(when_of("2000-02-29", brussels()).instant), "2000-02-29T16:00:00Z");
}

TEST(TimeTest, ImpossibleTimesOfDayAreRefused)
{
  for (const std::string text :
       {"2025-02-01 24:01", "2025-02-01 23:60", "2025-02-01 12:00:60", "2025-02-01 25:00", "2025-02-01 99:99:99"}) {
    const std::string reason = refusal_of(text);
    EXPECT_TRUE(contains(reason, "not a time of day")) << text << ": " << reason;
  }
}

TEST(TimeTest, ImpossibleTimeIsRefusedEvenWithAnOffset)
{
  refusal_of("2025-02-01T24:01:00Z");
  refusal_of("2025-02-01T12:00:60+01:00");
  refusal_of("2025-02-30T12:00:00Z");
}

TEST(TimeTest, MalformedTextIsRefusedWithTheAcceptedForms)
{
  for (const std::string text : {"", "2025", "2025-02", "2025-2-1", "25-02-01", "2025/02/01", "01-02-2025",
                                 "2025-02-01x", "2025-02-01T", "2025-02-01 ", "2025-02-01 17", "2025-02-01 17:0",
                                 "2025-02-01 17:00:0", "2025-02-01 1700", "2025-02-01  17:00", "tomorrow"}) {
    const std::string reason = refusal_of(text);
    EXPECT_TRUE(contains(reason, "YYYY-MM-DD")) << "'" << text << "': " << reason;
  }
}

// --- UTC text, local display, wall times ------------------------------------------------

TEST(TimeTest, FormatUtcWritesIsoWithZ)
{
  EXPECT_EQ(format_utc(utc("2025-02-01T16:00:00Z")), "2025-02-01T16:00:00Z");
  EXPECT_EQ(format_utc(domain::Instant{}), "1970-01-01T00:00:00Z");
  const domain::Instant instant{date::sys_days{date::year{2025} / 12 / 31} + std::chrono::hours{23} +
                                std::chrono::minutes{59} + std::chrono::seconds{59}};
  EXPECT_EQ(format_utc(instant), "2025-12-31T23:59:59Z");
}

TEST(TimeTest, ParseUtcReadsWhatFormatUtcWrote)
{
  const domain::Instant instant{date::sys_days{date::year{2025} / 2 / 1} + std::chrono::hours{16}};
  const auto parsed = parse_utc(format_utc(instant));
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(parsed.value(), instant);
}

TEST(TimeTest, ParseUtcRefusesAnythingButTheStoredForm)
{
  for (const std::string text :
       {"", "2025-02-01", "2025-02-01 16:00:00Z", "2025-02-01T16:00:00", "2025-02-01T16:00:00+00:00",
        "2025-02-01T16:00:00Zx", "2025-02-30T16:00:00Z", "2025-02-01T24:00:00Z"}) {
    EXPECT_FALSE(parse_utc(text).ok()) << "'" << text << "'";
  }
}

TEST(TimeTest, ParseUtcRefusesAnInstantWithoutSeconds)
{
  // format_utc always writes seconds; the store reader accepts nothing else.
  EXPECT_FALSE(parse_utc("2025-02-01T16:00Z").ok());
}

TEST(TimeTest, FormatLocalShowsWallTimeAndZoneAbbreviation)
{
  EXPECT_EQ(format_local(utc("2025-02-01T16:00:00Z"), brussels()), "2025-02-01 17:00:00 CET");
  EXPECT_EQ(format_local(utc("2025-04-01T15:00:00Z"), brussels()), "2025-04-01 17:00:00 CEST");
  EXPECT_EQ(format_local(utc("2025-02-01T16:00:00Z"), new_york()), "2025-02-01 11:00:00 EST");
  EXPECT_EQ(format_local(utc("2025-04-01T15:00:00Z"), new_york()), "2025-04-01 11:00:00 EDT");
  EXPECT_EQ(format_local(utc("2025-02-01T16:00:00Z"), zone("UTC")), "2025-02-01 16:00:00 UTC");
}

TEST(TimeTest, FormatLocalIsWhatDateFormatPrintsInEveryKindOfZone)
{
  // Offsets of half and three quarters of an hour, a half-hour daylight saving, a zone east of
  // the date line, numeric abbreviations, and the instants either side of a change.
  for (const char* name : {"Europe/Brussels", "UTC", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe",
                           "Pacific/Kiritimati", "America/Santiago", "Asia/Tehran"}) {
    for (const char* instant : {"1970-01-01T00:00:00Z", "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z",
                                "2024-10-27T00:59:59Z", "2024-10-27T01:00:00Z", "2025-02-01T16:00:00Z",
                                "2038-01-19T03:14:08Z", "9999-12-31T23:59:59Z"}) {
      const auto& where = zone(name);
      EXPECT_EQ(format_local(utc(instant), where), date::format("%F %T %Z", date::make_zoned(&where, utc(instant))))
          << name << " " << instant;
    }
  }
  EXPECT_EQ(format_local(utc("2025-02-01T16:00:00Z"), zone("Asia/Kathmandu")), "2025-02-01 21:45:00 +0545");
  EXPECT_EQ(format_local(utc("9999-12-31T23:59:59Z"), zone("Pacific/Kiritimati")), "10000-01-01 13:59:59 +14");
  EXPECT_EQ(format_wall_time(date::local_days{date::year{2025} / 2 / 1} + std::chrono::hours{17}), "2025-02-01T17:00:00");
}

TEST(TimeTest, FormatLocalTellsApartTheTwoRepeatedHoursAtFallBack)
{
  EXPECT_EQ(format_local(utc("2025-10-26T00:30:00Z"), brussels()), "2025-10-26 02:30:00 CEST");
  EXPECT_EQ(format_local(utc("2025-10-26T01:30:00Z"), brussels()), "2025-10-26 02:30:00 CET");
}

TEST(TimeTest, WallTimeRoundTripsThroughItsStoredForm)
{
  const date::local_seconds wall{date::local_days{date::year{2025} / 2 / 1} + std::chrono::hours{17}};
  EXPECT_EQ(format_wall_time(wall), "2025-02-01T17:00:00");
  const auto parsed = parse_wall_time("2025-02-01T17:00:00");
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(parsed.value(), wall);
}

TEST(TimeTest, ParseWallTimeRefusesImpossibleOrMalformedText)
{
  for (const std::string text :
       {"", "2025-02-01", "2025-02-01 17:00:00", "2025-02-01T17:00:00Z", "2025-02-01T17:00:00+01:00",
        "2025-02-30T17:00:00", "2025-02-01T24:00:00", "2025-02-01T17:00:60"}) {
    EXPECT_FALSE(parse_wall_time(text).ok()) << "'" << text << "'";
  }
}

TEST(TimeTest, ParseWallTimeRefusesAWallTimeWithoutSeconds)
{
  // format_wall_time always writes seconds; the store reader accepts nothing else.
  EXPECT_FALSE(parse_wall_time("2025-02-01T17:00").ok());
}

// --- zones --------------------------------------------------------------------------------

TEST(TimeZoneTest, FindZoneKnowsIanaNames)
{
  for (const std::string name : {"Europe/Brussels", "America/New_York", "UTC", "Asia/Tokyo"}) {
    const auto found = domain::find_zone(name);
    ASSERT_TRUE(found.ok()) << name << ": " << found.error();
    EXPECT_EQ(found.value()->name(), name);
  }
}

TEST(TimeZoneTest, FindZoneRefusesUnknownNamesAndSuggestsTheIanaForm)
{
  for (const std::string name : {"Mars/Olympus_Mons", "Brussels", "", "Europe/"}) {
    const auto found = domain::find_zone(name);
    ASSERT_FALSE(found.ok()) << "'" << name << "'";
    EXPECT_TRUE(contains(found.error(), "Europe/Brussels")) << found.error();
  }
}

} // namespace
} // namespace cfp::test

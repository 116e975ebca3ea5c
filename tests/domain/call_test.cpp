// SPDX-License-Identifier: EUPL-1.2
#include "support/support.hpp"

#include <cfp/domain/call.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::check_call_code;
using domain::check_cutoff_label;
using domain::Cutoff;
using domain::cutoff_for_submission;
using domain::Instant;
using domain::is_on_time;
using domain::last_cutoff;

const date::time_zone& brussels()
{
  return *date::locate_zone("Europe/Brussels");
}

// The instant `text` names, read as cfp reads a WHEN in Brussels; fails the test otherwise.
Instant when(const std::string& text)
{
  const auto parsed = domain::parse_when(text, brussels(), domain::BareDate::deadline_brussels);
  if (!parsed) {
    ADD_FAILURE() << "'" << text << "' did not parse: " << parsed.error();
    return {};
  }
  return parsed.value().instant;
}

// A cut-off of the AI Factories call closing on `day` at 17:00 Brussels.
Cutoff cutoff(std::int64_t id, const std::string& label, const std::string& day)
{
  const auto parsed = domain::parse_when(day, brussels(), domain::BareDate::deadline_brussels);
  if (!parsed) {
    ADD_FAILURE() << "'" << day << "' did not parse: " << parsed.error();
    return {};
  }
  return Cutoff{
      id, "EUROHPC-2024-CEI-AI-01", label, parsed.value().instant, parsed.value().wall_time, parsed.value().zone};
}

// Three cut-offs, deliberately not in date order.
std::vector<Cutoff> three_cutoffs()
{
  return {cutoff(2, "second", "2025-02-01"), cutoff(3, "third", "2025-05-02"), cutoff(1, "first", "2024-11-04")};
}

// --- call codes and labels ----------------------------------------------------------------

TEST(CallTest, CallCodeOfLettersDigitsDashUnderscoreAndDotIsValid)
{
  for (const std::string code : {"EUROHPC-2024-CEI-AI-01", "A", "call_1.v2", "x"}) {
    EXPECT_EQ(check_call_code(code), std::nullopt) << code;
  }
}

TEST(CallTest, CallCodeOfSixtyFourCharactersIsValidButNotSixtyFive)
{
  EXPECT_EQ(check_call_code(std::string(64, 'C')), std::nullopt);
  EXPECT_NE(check_call_code(std::string(65, 'C')), std::nullopt);
}

TEST(CallTest, EmptyCallCodeIsRefused)
{
  EXPECT_NE(check_call_code(""), std::nullopt);
}

TEST(CallTest, CallCodeWithOtherCharactersIsRefused)
{
  for (const std::string code : {"EUROHPC 2024", " EUROHPC", "EUROHPC/2024", "ÉTÉ-2024", "a,b", "a\nb", "a'b"}) {
    const auto problem = check_call_code(code);
    ASSERT_NE(problem, std::nullopt) << "'" << code << "'";
    EXPECT_NE(problem->find("EUROHPC-2024-CEI-AI-01"), std::string::npos) << *problem;
  }
}

TEST(CallTest, CutoffLabelOfPrintableTextIsValid)
{
  for (const std::string label : {"1", "Cut-off 1", "2025-02-01", "Première échéance", "第一次截止"}) {
    EXPECT_EQ(check_cutoff_label(label), std::nullopt) << label;
  }
}

TEST(CallTest, CutoffLabelOfSixtyFourCharactersIsValidButNotSixtyFive)
{
  EXPECT_EQ(check_cutoff_label(std::string(64, 'x')), std::nullopt);
  EXPECT_NE(check_cutoff_label(std::string(65, 'x')), std::nullopt);
}

TEST(CallTest, CutoffLabelLengthCountsCharactersNotBytes)
{
  // 64 characters, 128 bytes: the limit is in characters, as the rule says.
  std::string label;
  for (int i = 0; i < 64; ++i) {
    label += "é";
  }
  EXPECT_EQ(check_cutoff_label(label), std::nullopt);
  EXPECT_NE(check_cutoff_label(label + "é"), std::nullopt);
}

TEST(CallTest, EmptyCutoffLabelIsRefused)
{
  EXPECT_NE(check_cutoff_label(""), std::nullopt);
  EXPECT_NE(check_cutoff_label(" "), std::nullopt);
}

TEST(CallTest, CutoffLabelWithSurroundingSpaceIsRefused)
{
  EXPECT_NE(check_cutoff_label(" first"), std::nullopt);
  EXPECT_NE(check_cutoff_label("first "), std::nullopt);
  EXPECT_NE(check_cutoff_label("first\n"), std::nullopt);
}

TEST(CallTest, CutoffLabelWithControlCharactersIsRefused)
{
  for (const std::string label : {"a\tb", "a\nb", "a\x1b[0mb", "a\x7f", "a\xc2\x85z"}) {
    EXPECT_NE(check_cutoff_label(label), std::nullopt) << "'" << label << "'";
  }
  EXPECT_NE(check_cutoff_label(std::string("a\0b", 3)), std::nullopt);
}

TEST(CallTest, CutoffLabelThatIsNotUtf8IsRefused)
{
  EXPECT_NE(check_cutoff_label("caf\xe9"), std::nullopt);
}

// --- on time ------------------------------------------------------------------------------

TEST(CutoffTest, DeadlineDateClosesAtSeventeenHundredBrussels)
{
  const Cutoff second = cutoff(2, "second", "2025-02-01");
  EXPECT_EQ(second.closes_at, utc("2025-02-01T16:00:00Z"));
  EXPECT_EQ(domain::format_wall_time(second.wall_time), "2025-02-01T17:00:00");
  EXPECT_EQ(second.zone, "Europe/Brussels");
}

TEST(CutoffTest, SubmissionAtExactlySeventeenHundredIsOnTime)
{
  EXPECT_TRUE(is_on_time(when("2025-02-01 17:00:00"), cutoff(2, "second", "2025-02-01")));
}

TEST(CutoffTest, SubmissionOneSecondAfterSeventeenHundredIsLate)
{
  EXPECT_FALSE(is_on_time(when("2025-02-01 17:00:01"), cutoff(2, "second", "2025-02-01")));
}

TEST(CutoffTest, SubmissionOneSecondBeforeSeventeenHundredIsOnTime)
{
  EXPECT_TRUE(is_on_time(when("2025-02-01 16:59:59"), cutoff(2, "second", "2025-02-01")));
}

TEST(CutoffTest, SeventeenHundredIsBrusselsTimeInSummerToo)
{
  const Cutoff summer = cutoff(3, "third", "2025-05-02");
  EXPECT_TRUE(is_on_time(utc("2025-05-02T15:00:00Z"), summer));
  EXPECT_FALSE(is_on_time(utc("2025-05-02T15:00:01Z"), summer));
}

TEST(CutoffTest, SubmissionGivenInAnotherZoneIsComparedAsAnInstant)
{
  const Cutoff second = cutoff(2, "second", "2025-02-01");
  EXPECT_TRUE(is_on_time(when("2025-02-01T11:00:00-05:00"), second));
  EXPECT_FALSE(is_on_time(when("2025-02-01T11:00:01-05:00"), second));
}

// --- which cut-off ------------------------------------------------------------------------

TEST(CutoffTest, SubmissionBelongsToTheEarliestCutoffItIsOnTimeFor)
{
  const auto found = cutoff_for_submission(when("2024-10-01 10:00"), three_cutoffs());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->label, "first");
}

TEST(CutoffTest, SubmissionAtExactlyACutoffBelongsToThatCutoff)
{
  const auto at_first = cutoff_for_submission(when("2024-11-04 17:00:00"), three_cutoffs());
  ASSERT_TRUE(at_first.has_value());
  EXPECT_EQ(at_first->label, "first");

  const auto at_second = cutoff_for_submission(when("2025-02-01 17:00:00"), three_cutoffs());
  ASSERT_TRUE(at_second.has_value());
  EXPECT_EQ(at_second->label, "second");
}

TEST(CutoffTest, SubmissionOneSecondAfterACutoffBelongsToTheNext)
{
  const auto found = cutoff_for_submission(when("2024-11-04 17:00:01"), three_cutoffs());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->label, "second");
  EXPECT_EQ(found->id, 2);
}

TEST(CutoffTest, SubmissionAfterTheLastCutoffBelongsToNone)
{
  EXPECT_EQ(cutoff_for_submission(when("2025-05-02 17:00:01"), three_cutoffs()), std::nullopt);
}

TEST(CutoffTest, CallWithoutCutoffsTakesNoSubmission)
{
  EXPECT_EQ(cutoff_for_submission(when("2025-01-01"), {}), std::nullopt);
}

TEST(CutoffTest, LastCutoffIsTheLatestWhateverTheOrder)
{
  const auto last = last_cutoff(three_cutoffs());
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->label, "third");
  EXPECT_EQ(last->closes_at, utc("2025-05-02T15:00:00Z"));
}

TEST(CutoffTest, CallWithoutCutoffsHasNoLastCutoff)
{
  EXPECT_EQ(last_cutoff({}), std::nullopt);
}

TEST(CutoffTest, SingleCutoffIsBothTheFirstAndTheLast)
{
  const std::vector<Cutoff> one{cutoff(7, "only", "2025-03-03")};
  ASSERT_TRUE(last_cutoff(one).has_value());
  EXPECT_EQ(last_cutoff(one)->id, 7);
  ASSERT_TRUE(cutoff_for_submission(when("2025-03-03 17:00"), one).has_value());
  EXPECT_EQ(cutoff_for_submission(when("2025-03-03 17:00"), one)->id, 7);
}

} // namespace
} // namespace cfp::test

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/state.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

using domain::normalize_state_code;
using domain::State;
using domain::suggest_states;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A few states, enough for codes one letter apart and names sharing a prefix.
std::vector<State> some_states()
{
  return {
      {"AT", "Austria", true, std::nullopt},         {"DE", "Germany", true, std::nullopt},
      {"EE", "Estonia", true, std::nullopt},         {"EL", "Greece", true, std::nullopt},
      {"ES", "Spain", true, std::nullopt},           {"FR", "France", true, std::nullopt},
      {"LT", "Lithuania", true, std::nullopt},       {"LU", "Luxembourg", true, std::nullopt},
      {"LV", "Latvia", true, std::nullopt},          {"SE", "Sweden", true, std::nullopt},
      {"SI", "Slovenia", true, std::nullopt},        {"SK", "Slovakia", true, std::nullopt},
      {"UK", "United Kingdom", false, std::nullopt},
  };
}

TEST(StateTest, CodeIsUpperCased)
{
  EXPECT_EQ(normalize_state_code("es"), "ES");
  EXPECT_EQ(normalize_state_code("Es"), "ES");
  EXPECT_EQ(normalize_state_code("ES"), "ES");
}

TEST(StateTest, CodeIsTrimmed)
{
  EXPECT_EQ(normalize_state_code("  es "), "ES");
  EXPECT_EQ(normalize_state_code("\tfr\r\n"), "FR");
}

TEST(StateTest, GreeceIsWrittenElNotGr)
{
  EXPECT_EQ(normalize_state_code("GR"), "EL");
  EXPECT_EQ(normalize_state_code(" gr "), "EL");
  EXPECT_EQ(normalize_state_code("el"), "EL");
}

TEST(StateTest, UnitedKingdomIsWrittenUkNotGb)
{
  EXPECT_EQ(normalize_state_code("GB"), "UK");
  EXPECT_EQ(normalize_state_code("gb"), "UK");
  EXPECT_EQ(normalize_state_code("uk"), "UK");
}

TEST(StateTest, OnlyWholeCodesAreMapped)
{
  // GR and GB are mapped only when they are the whole input.
  EXPECT_EQ(normalize_state_code("GRC"), "GRC");
  EXPECT_EQ(normalize_state_code("GBR"), "GBR");
  EXPECT_EQ(normalize_state_code(""), "");
}

TEST(StateTest, UnknownCodeIsNormalizedButNotInvented)
{
  EXPECT_EQ(normalize_state_code("xx"), "XX");
  EXPECT_EQ(normalize_state_code("spain"), "SPAIN");
}

TEST(StateTest, SuggestionFindsAStateByItsName)
{
  EXPECT_THAT(suggest_states("Spain", some_states()), ElementsAre("ES"));
  EXPECT_THAT(suggest_states("Greece", some_states()), ElementsAre("EL"));
}

TEST(StateTest, SuggestionByNameIgnoresCaseAndSurroundingSpace)
{
  EXPECT_THAT(suggest_states("  sPAIN ", some_states()), ElementsAre("ES"));
  EXPECT_THAT(suggest_states("GERMANY", some_states()), ElementsAre("DE"));
}

TEST(StateTest, SuggestionFindsAStateByTheStartOfItsName)
{
  EXPECT_THAT(suggest_states("Lux", some_states()), ElementsAre("LU"));
  EXPECT_THAT(suggest_states("Slov", some_states()), ElementsAre("SI", "SK"));
}

TEST(StateTest, SuggestionFindsAStateByAWordInsideItsName)
{
  EXPECT_THAT(suggest_states("kingdom", some_states()), ElementsAre("UK"));
}

TEST(StateTest, GrSuggestsGreeceByItsIsoCode)
{
  const auto suggestions = suggest_states("GR", some_states());
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "EL");
}

TEST(StateTest, MistypedCodeSuggestsCodesOneLetterAway)
{
  const auto suggestions = suggest_states("EX", some_states());
  EXPECT_THAT(suggestions, ::testing::Contains("ES"));
  EXPECT_THAT(suggestions, ::testing::Contains("EE"));
  EXPECT_THAT(suggestions, ::testing::Each(::testing::StartsWith("E")));
}

TEST(StateTest, MistypedCodeSuggestionIgnoresCase)
{
  EXPECT_THAT(suggest_states("ex", some_states()), ::testing::Contains("ES"));
}

TEST(StateTest, CodesKeepingTheFirstLetterTypedComeFirst)
{
  // "LS" is one edit from LT, LU, LV and ES; the L codes keep what was typed first.
  EXPECT_THAT(suggest_states("LS", some_states(), 4), ElementsAre("LT", "LU", "LV", "ES"));
}

TEST(StateTest, ThreeLetterIsoCodeSuggestsTheTwoLetterCode)
{
  EXPECT_THAT(suggest_states("ESP", some_states()), ElementsAre("ES"));
  EXPECT_THAT(suggest_states("deu", some_states()), ElementsAre("DE"));
  EXPECT_THAT(suggest_states("AUT", some_states()), ElementsAre("AT"));
}

TEST(StateTest, NameMatchesComeBeforeCodeMatches)
{
  // "La" starts Latvia's name and is one letter away from LT, LU and LV.
  EXPECT_THAT(suggest_states("La", some_states()), ElementsAre("LV", "LT", "LU"));
}

TEST(StateTest, SuggestionsAreCappedAtTheLimit)
{
  EXPECT_EQ(suggest_states("EX", some_states()).size(), 3U);
  EXPECT_EQ(suggest_states("EX", some_states(), 1).size(), 1U);
  EXPECT_THAT(suggest_states("EX", some_states(), 0), IsEmpty());
}

TEST(StateTest, NothingSimilarSuggestsNothing)
{
  EXPECT_THAT(suggest_states("Atlantis", some_states()), IsEmpty());
  EXPECT_THAT(suggest_states("QQ", some_states()), IsEmpty());
  EXPECT_THAT(suggest_states("", some_states()), IsEmpty());
  EXPECT_THAT(suggest_states("   ", some_states()), IsEmpty());
}

TEST(StateTest, NoStatesSuggestNothing)
{
  EXPECT_THAT(suggest_states("Spain", {}), IsEmpty());
}

} // namespace
} // namespace cfp::test

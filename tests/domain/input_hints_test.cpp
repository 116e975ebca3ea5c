// SPDX-License-Identifier: EUPL-1.2
// Values written the way people write them elsewhere: a money amount from a spreadsheet, a date
// from a letter, a state by its name. cfp refuses them as before, and says what it would read.
#include <cfp/domain/money.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/domain/time.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cfp::test {
namespace {

std::string money_error(const std::string& text)
{
  const auto parsed = domain::parse_money(text);
  EXPECT_FALSE(parsed.ok()) << text << " was read";
  return parsed.ok() ? std::string() : parsed.error();
}

TEST(InputHintsTest, AnAmountAsASpreadsheetWritesItIsRefusedWithWhatCfpReads)
{
  const std::vector<std::pair<std::string, std::string>> cases{
      {"1,5M", "did you mean 1.5M?"},
      {"12,50", "did you mean 12.50?"},
      {"1,000,000", "did you mean 1_000_000?"},
      {"2 000 000", "did you mean 2000000?"},
      {"2\u00a0000\u00a0000", "did you mean 2000000?"},
      {"2\u202f000", "did you mean 2000?"},
      {"\u20ac5M", "did you mean 5M?"},
      {"5M\u20ac", "did you mean 5M?"},
      {"5 M \u20ac", "did you mean 5M?"},
      {"EUR 5M", "did you mean 5M?"},
      {"5M eur", "did you mean 5M?"},
  };
  for (const auto& [text, hint] : cases) {
    const auto error = money_error(text);
    EXPECT_NE(error.find(hint), std::string::npos) << text << ": " << error;
    // The suggestion is itself an amount cfp reads.
    const auto suggested = error.substr(error.find("did you mean ") + 13);
    EXPECT_TRUE(domain::parse_money(suggested.substr(0, suggested.find('?'))).ok()) << text << ": " << error;
  }
  // No hint when the cleaned text is no amount either, or nothing would change.
  for (const char* text : {"1.000,50", "abc", "-5", "1,5,6M", "\u20ac", "1.000"}) {
    EXPECT_EQ(money_error(text).find("did you mean"), std::string::npos) << text;
  }
  EXPECT_EQ(domain::parse_money("1.5M").value(), 150'000'000);
}

TEST(InputHintsTest, ADateWrittenDayFirstIsRefusedWithItsIsoForm)
{
  const auto& brussels = *date::locate_zone("Europe/Brussels");
  const auto error = [&](const std::string& text) {
    const auto parsed = domain::parse_when(text, brussels, domain::BareDate::start_of_day);
    EXPECT_FALSE(parsed.ok()) << text << " was read";
    return parsed.ok() ? std::string() : parsed.error();
  };
  EXPECT_NE(error("31/01/2025").find("; did you mean 2025-01-31?"), std::string::npos);
  EXPECT_NE(error("01.02.2025").find("did you mean 2025-02-01?"), std::string::npos) << "day first, as in Europe";
  EXPECT_NE(error("1-2-2025").find("did you mean 2025-02-01?"), std::string::npos);
  EXPECT_NE(error("2025/01/31").find("did you mean 2025-01-31?"), std::string::npos);
  EXPECT_NE(error("31/01/2025 17:00").find("did you mean 2025-01-31 17:00?"), std::string::npos);
  EXPECT_NE(error("31/01/2025T16:00:00Z").find("did you mean 2025-01-31T16:00:00Z?"), std::string::npos);
  // Not a date in the calendar, or not that shape: no suggestion.
  for (const char* text : {"32/01/2025", "31/02/2025", "31/01/25", "next friday", "2025-1-31", "31/01/1969",
                           "1/2/3/2025", "123/01/2025"}) {
    EXPECT_EQ(error(text).find("did you mean"), std::string::npos) << text << ": " << error(text);
  }
}

TEST(InputHintsTest, AStateNamedInEnglishOrItsOwnLanguageSuggestsItsCode)
{
  const std::vector<domain::State> states{{"CZ", "Czechia", true, std::nullopt}, {"DE", "Germany", true, std::nullopt},
                                          {"EL", "Greece", true, std::nullopt},  {"FI", "Finland", true, std::nullopt},
                                          {"NL", "Netherlands", true, std::nullopt},
                                          {"TR", "Türkiye", false, std::nullopt}};
  const std::vector<std::pair<std::string, std::string>> named{
      {"Turkey", "TR"},   {"Türkiye", "TR"},     {"Deutschland", "DE"}, {"  deutschland ", "DE"}, {"Czech Republic", "CZ"},
      {"czechia", "CZ"},  {"Ελλάδα", "EL"},      {"Hellas", "EL"},      {"Suomi", "FI"},          {"Holland", "NL"},
      {"Nederland", "NL"}, {"The Netherlands", "NL"}};
  for (const auto& [name, code] : named) {
    EXPECT_EQ(domain::state_code_of_name(name, states), code) << name;
    EXPECT_EQ(domain::suggest_states(name, states), std::vector<std::string>{code}) << name;
  }
  // A name of a state that is not among them, or no name at all.
  EXPECT_EQ(domain::state_code_of_name("Schweiz", states), std::nullopt);
  EXPECT_EQ(domain::state_code_of_name("Atlantis", states), std::nullopt);
  EXPECT_EQ(domain::state_code_of_name("", states), std::nullopt);
}

} // namespace
} // namespace cfp::test

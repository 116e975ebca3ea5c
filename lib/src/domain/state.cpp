// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/state.hpp>

#include <cfp/util/text.hpp>

#include <algorithm>
#include <optional>
#include <tuple>

namespace cfp::domain {

std::string normalize_state_code(std::string_view input)
{
  const std::string code = util::to_upper_ascii(util::trim(input));
  if (code == "GR") {
    return "EL";
  }
  if (code == "GB") {
    return "UK";
  }
  return code;
}

namespace {

// What people call the participating states besides their English names in `cfp state list`:
// the names in the states' own languages, older English names and common short forms, each with
// its code. Compared ignoring ASCII case.
struct StateAlias
{
  std::string_view name;
  std::string_view code;
};

constexpr StateAlias k_aliases[] = {
    {"Österreich", "AT"}, {"Oesterreich", "AT"}, {"België", "BE"}, {"Belgie", "BE"}, {"Belgique", "BE"},
    {"Belgien", "BE"}, {"България", "BG"}, {"Bulgariya", "BG"}, {"Hrvatska", "HR"}, {"Κύπρος", "CY"},
    {"Kypros", "CY"}, {"Kıbrıs", "CY"}, {"Czech Republic", "CZ"}, {"Česko", "CZ"}, {"Cesko", "CZ"},
    {"Česká republika", "CZ"}, {"Ceska republika", "CZ"}, {"Danmark", "DK"}, {"Eesti", "EE"}, {"Suomi", "FI"},
    {"Deutschland", "DE"}, {"Ελλάδα", "EL"}, {"Ellada", "EL"}, {"Hellas", "EL"}, {"Magyarország", "HU"},
    {"Magyarorszag", "HU"}, {"Éire", "IE"}, {"Eire", "IE"}, {"Italia", "IT"}, {"Latvija", "LV"}, {"Lietuva", "LT"},
    {"Lëtzebuerg", "LU"}, {"Letzebuerg", "LU"}, {"Luxemburg", "LU"}, {"Nederland", "NL"}, {"Holland", "NL"},
    {"The Netherlands", "NL"}, {"Polska", "PL"}, {"România", "RO"}, {"Slovensko", "SK"}, {"Slovak Republic", "SK"},
    {"Slovenija", "SI"}, {"España", "ES"}, {"Espana", "ES"}, {"Sverige", "SE"}, {"Shqipëria", "AL"},
    {"Shqiperia", "AL"}, {"Schweiz", "CH"}, {"Suisse", "CH"}, {"Svizzera", "CH"}, {"Svizra", "CH"},
    {"ישראל", "IL"}, {"Ísland", "IS"}, {"Island", "IS"}, {"Republic of Moldova", "MD"}, {"Crna Gora", "ME"},
    {"Црна Гора", "ME"}, {"Macedonia", "MK"}, {"Северна Македонија", "MK"}, {"Severna Makedonija", "MK"},
    {"Norge", "NO"}, {"Noreg", "NO"}, {"Србија", "RS"}, {"Srbija", "RS"}, {"Turkey", "TR"}, {"Turkiye", "TR"},
    {"Great Britain", "UK"}, {"Britain", "UK"}, {"United Kingdom of Great Britain and Northern Ireland", "UK"},
};

} // namespace

std::optional<std::string> state_code_of_name(std::string_view input, const std::vector<State>& states)
{
  const std::string wanted = util::to_lower_ascii(util::trim(input));
  if (wanted.size() < 2) {
    return std::nullopt;
  }
  const auto known = [&](std::string_view code) {
    return std::any_of(states.begin(), states.end(), [&](const State& state) { return state.code == code; });
  };
  for (const auto& state : states) {
    if (util::to_lower_ascii(state.name) == wanted) {
      return state.code;
    }
  }
  for (const auto& alias : k_aliases) {
    if (util::to_lower_ascii(alias.name) == wanted && known(alias.code)) {
      return std::string(alias.code);
    }
  }
  return std::nullopt;
}

std::vector<std::string> suggest_states(std::string_view input, const std::vector<State>& states, std::size_t limit)
{
  // A state's name, in English or its own language, or a common short form: that state alone.
  if (const auto named = state_code_of_name(input, states); named && limit > 0) {
    return {*named};
  }
  const std::string wanted = util::to_lower_ascii(util::trim(input));
  // Rank: a name that starts with the input, then a name containing it, then codes one edit away.
  std::vector<std::tuple<int, std::size_t, std::string>> ranked;
  for (const auto& state : states) {
    const std::string name = util::to_lower_ascii(state.name);
    const std::string code = util::to_lower_ascii(state.code);
    if (wanted.size() >= 2 && name.starts_with(wanted)) {
      ranked.emplace_back(0, 0, state.code);
    } else if (wanted.size() >= 3 && name.find(wanted) != std::string::npos) {
      ranked.emplace_back(1, 0, state.code);
    } else if (const auto distance = util::edit_distance(wanted, code); distance <= 1) {
      // Prefer a code that keeps the first letter typed ("ES" for "EX").
      const bool same_first = !wanted.empty() && wanted.front() == code.front();
      ranked.emplace_back(2, distance * 2 + (same_first ? 0 : 1), state.code);
    }
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> result;
  for (const auto& entry : ranked) {
    if (result.size() == limit) {
      break;
    }
    result.push_back(std::get<2>(entry));
  }
  return result;
}

} // namespace cfp::domain

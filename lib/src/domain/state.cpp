// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/state.hpp>

#include <cfp/util/text.hpp>

#include <algorithm>
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

std::vector<std::string> suggest_states(std::string_view input, const std::vector<State>& states, std::size_t limit)
{
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

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/criterion.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::domain {

std::vector<Criterion> standard_criteria()
{
  return {
      {0, "", "excellence", "Excellence", 1000, 6, 1},
      {0, "", "impact", "Impact", 1000, 6, 2},
      {0, "", "implementation", "Quality and efficiency of the implementation", 1000, 6, 3},
  };
}

std::optional<std::string> check_criterion_key(std::string_view key)
{
  const auto rule = "use 1 to 32 lower-case letters, digits and '_', starting with a letter";
  if (key.empty() || key.size() > 32 || key[0] < 'a' || key[0] > 'z') {
    return fmt::format("'{}' is not a criterion key; {}", util::excerpt(key), rule);
  }
  for (const char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return fmt::format("'{}' is not a criterion key; {}", util::excerpt(key), rule);
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_criterion_name(std::string_view name)
{
  if (!util::is_valid_utf8(name)) {
    return "the name is not valid UTF-8 text";
  }
  if (util::comparison_key(name).empty()) {
    return "the name must not be empty";
  }
  if (util::has_surrounding_space(name)) {
    return "the name must not begin or end with a space";
  }
  if (util::count_characters(name) > 200) {
    return "the name is longer than 200 characters";
  }
  if (util::has_control_characters(name)) {
    return "the name contains a control character";
  }
  return std::nullopt;
}

} // namespace cfp::domain

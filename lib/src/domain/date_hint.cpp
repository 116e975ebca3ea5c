// SPDX-License-Identifier: EUPL-1.2
#include "date_hint.hpp"

#include <fmt/format.h>

namespace cfp::domain::detail {

namespace {

// Digits at the front of `text`, at most `most` of them, removed from it; -1 when there are none.
int take_number(std::string_view& text, std::size_t most)
{
  std::size_t count = 0;
  int value = 0;
  while (count < text.size() && count < most && text[count] >= '0' && text[count] <= '9') {
    value = value * 10 + (text[count] - '0');
    ++count;
  }
  text.remove_prefix(count);
  return count == 0 ? -1 : value;
}

} // namespace

std::optional<std::string> iso_form(std::string_view text)
{
  std::string_view rest = text;
  const int first = take_number(rest, 4);
  if (first < 0 || rest.empty() || (rest.front() != '/' && rest.front() != '.' && rest.front() != '-')) {
    return std::nullopt;
  }
  const char separator = rest.front();
  const bool year_first = text.size() - rest.size() == 4;
  rest.remove_prefix(1);
  const int second = take_number(rest, 2);
  if (second < 0 || rest.empty() || rest.front() != separator) {
    return std::nullopt;
  }
  rest.remove_prefix(1);
  const std::size_t before = rest.size();
  const int third = take_number(rest, 4);
  if (third < 0 || (year_first ? before - rest.size() > 2 : before - rest.size() != 4)) {
    return std::nullopt;
  }
  if (year_first && separator == '-') {
    return std::nullopt; // YYYY-M-D: the form itself, refused for its own reason
  }
  const int year = year_first ? first : third;
  const int day = year_first ? third : first;
  if (!year_first && text.size() - rest.size() > 10) {
    return std::nullopt;
  }
  return fmt::format("{:04}-{:02}-{:02}{}", year, second, day, rest);
}

} // namespace cfp::domain::detail

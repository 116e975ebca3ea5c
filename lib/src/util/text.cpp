// SPDX-License-Identifier: EUPL-1.2
#include <cfp/util/text.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

namespace cfp::util {

namespace {

// Calls `visit(codepoint, byte_length)` for each character; a byte that does not start a
// valid sequence is reported as codepoint -1 with length 1.
template<typename Visit>
void for_each_codepoint(std::string_view text, Visit visit)
{
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t codepoint = -1;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &codepoint);
    if (length <= 0) {
      visit(-1, 1);
      bytes += 1;
      remaining -= 1;
    } else {
      visit(codepoint, length);
      bytes += length;
      remaining -= length;
    }
  }
}

} // namespace

bool is_valid_utf8(std::string_view text)
{
  bool valid = true;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    if (codepoint <= 0) {
      valid = false;
    }
  });
  return valid;
}

bool has_control_characters(std::string_view text, std::string_view allowed)
{
  bool found = false;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    const bool control = (codepoint >= 0 && codepoint < 0x20) || (codepoint >= 0x7f && codepoint < 0xa0);
    if (control && allowed.find(static_cast<char>(codepoint)) == std::string_view::npos) {
      found = true;
    }
  });
  return found;
}

std::size_t count_characters(std::string_view text)
{
  std::size_t count = 0;
  for_each_codepoint(text, [&](utf8proc_int32_t, utf8proc_ssize_t) { ++count; });
  return count;
}

std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  for_each_codepoint(text, [&](utf8proc_int32_t codepoint, utf8proc_ssize_t) {
    width += codepoint < 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(codepoint)));
  });
  return width;
}

std::string_view trim(std::string_view text)
{
  constexpr std::string_view k_space = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(k_space);
  return text.substr(first, last - first + 1);
}

std::string to_upper_ascii(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return result;
}

std::string to_lower_ascii(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

bool iequals(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && to_lower_ascii(a) == to_lower_ascii(b);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string result;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      result += separator;
    }
    result += parts[i];
  }
  return result;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

} // namespace cfp::util

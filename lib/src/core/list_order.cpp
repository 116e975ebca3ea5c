// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/list_order.hpp>
#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <charconv>

namespace cfp::core {

namespace {

int sign(auto difference)
{
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

// Without subtracting, which could overflow.
template<typename T>
int three_way(const T& a, const T& b)
{
  return a < b ? -1 : b < a ? 1 : 0;
}

int compare_text(std::string_view a, std::string_view b)
{
  const auto folded = [](char c) { return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  const auto size = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < size; ++i) {
    if (folded(a[i]) != folded(b[i])) {
      return folded(a[i]) < folded(b[i]) ? -1 : 1;
    }
  }
  return three_way(a.size(), b.size());
}

// Exact decimals as the field tables write them ("4.5", "-13.75", "10"): by sign, then by the
// digits before the point, then after it.
int compare_decimals(std::string_view a, std::string_view b)
{
  const bool a_negative = a.starts_with('-');
  const bool b_negative = b.starts_with('-');
  if (a_negative != b_negative) {
    return a_negative ? -1 : 1;
  }
  const auto magnitude = [](std::string_view text) {
    text.remove_prefix(text.starts_with('-') || text.starts_with('+') ? 1 : 0);
    const auto point = text.find('.');
    auto whole = text.substr(0, point);
    while (whole.size() > 1 && whole.front() == '0') {
      whole.remove_prefix(1);
    }
    auto fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    while (!fraction.empty() && fraction.back() == '0') {
      fraction.remove_suffix(1);
    }
    return std::pair{whole, fraction};
  };
  const auto [a_whole, a_fraction] = magnitude(a);
  const auto [b_whole, b_fraction] = magnitude(b);
  int compared =
      a_whole.size() != b_whole.size() ? three_way(a_whole.size(), b_whole.size()) : sign(a_whole.compare(b_whole));
  if (compared == 0) {
    compared = sign(a_fraction.compare(b_fraction));
  }
  return a_negative ? -compared : compared;
}

} // namespace

std::int64_t parse_limit(std::string_view text)
{
  std::int64_t limit = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, limit);
  if (text.empty() || error != std::errc{} || stop != end || limit < 1) {
    throw Error(ErrorKind::usage, fmt::format("--limit: '{}' is not a whole number of 1 or more", util::excerpt(text)));
  }
  return limit;
}

std::vector<std::string> split_values(const std::vector<std::string>& typed,
                                      const std::function<bool(const std::string&)>& names_something)
{
  std::vector<std::string> values;
  for (const auto& value : typed) {
    if (value.find(',') == std::string::npos || names_something(value)) {
      values.push_back(value);
      continue;
    }
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto end = std::min(value.find(',', start), value.size());
      const auto part = util::trim(std::string_view(value).substr(start, end - start));
      if (!part.empty()) {
        values.emplace_back(part);
      }
      start = end + 1;
    }
  }
  return values;
}

void check_sort_field(std::string_view field, const std::vector<std::string_view>& names)
{
  if (std::find(names.begin(), names.end(), field) == names.end()) {
    throw Error(ErrorKind::usage, fmt::format("--sort: unknown field '{}'; sort by one of: {}", util::excerpt(field),
                                              fmt::join(names, ", ")));
  }
}

int compare_values(const domain::Value& a, const domain::Value& b)
{
  if (a.index() != b.index()) {
    return a.index() < b.index() ? -1 : 1;
  }
  return std::visit(
      [&b](const auto& left) -> int {
        using T = std::decay_t<decltype(left)>;
        const auto& right = std::get<T>(b);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return 0;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return compare_text(left, right);
        } else if constexpr (std::is_same_v<T, domain::Money>) {
          return three_way(left.cents, right.cents);
        } else if constexpr (std::is_same_v<T, domain::Instant>) {
          return three_way(left, right);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          for (std::size_t i = 0; i < left.size() && i < right.size(); ++i) {
            if (const int compared = compare_text(left[i], right[i]); compared != 0) {
              return compared;
            }
          }
          return three_way(left.size(), right.size());
        } else if constexpr (std::is_same_v<T, domain::JsonText>) {
          return sign(left.text.compare(right.text));
        } else if constexpr (std::is_same_v<T, domain::Decimal>) {
          return compare_decimals(left.text, right.text);
        } else {
          return three_way(left, right); // bool, std::int64_t
        }
      },
      a);
}

} // namespace cfp::core

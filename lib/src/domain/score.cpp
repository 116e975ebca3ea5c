// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/score.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <cstdlib>

namespace cfp::domain {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

// Digits, then optionally '.' and 1 to `max_decimals` digits: the value in units of
// 10^-max_decimals. Leading zeros are refused but for "0" itself; so are signs and spaces.
util::Result<std::int64_t> parse_decimal(std::string_view text, int max_decimals, std::int64_t limit,
                                         std::string_view what)
{
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  const auto malformed = util::Failure{fmt::format("'{}' is not a {}; write it like {}", util::excerpt(text), what,
                                                   what == "weight" ? "1 or 1.5" : "4 or 4.5")};
  if (whole.empty() || whole.size() > 6 || (whole.size() > 1 && whole[0] == '0') ||
      (dot != std::string_view::npos && fraction.empty())) {
    return malformed;
  }
  for (const char c : whole) {
    if (!is_digit(c)) {
      return malformed;
    }
  }
  for (const char c : fraction) {
    if (!is_digit(c)) {
      return malformed;
    }
  }
  std::int64_t value = 0;
  for (const char c : whole) {
    value = value * 10 + (c - '0');
  }
  std::int64_t scale = 1;
  for (int i = 0; i < max_decimals; ++i) {
    value *= 10;
    scale *= 10;
  }
  // Decimals past the last that counts must be zeros ("4.50" is 4.5).
  std::int64_t unit = scale;
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    unit /= 10;
    if (unit == 0) {
      if (fraction[i] != '0') {
        return util::Failure{fmt::format("'{}' has more than {} decimal{}", util::excerpt(text), max_decimals,
                                         max_decimals == 1 ? "" : "s")};
      }
      continue;
    }
    value += (fraction[i] - '0') * unit;
  }
  if (value > limit) {
    return util::Failure{fmt::format("'{}' is more than {}", util::excerpt(text), limit / scale)};
  }
  return value;
}

} // namespace

util::Result<HalfPoints> parse_points(std::string_view text, HalfPoints max, std::string_view what)
{
  // In millionths, so that "4.25" is read and then refused for what it is: not a half point.
  constexpr std::int64_t k_half_point = 500'000;
  const auto not_half = [&] {
    return util::Failure{fmt::format("'{}' is not a half point; {}s go in steps of 0.5", util::excerpt(text), what)};
  };
  auto millionths = parse_decimal(text, 6, max * k_half_point, what);
  if (!millionths) {
    return millionths.error().find("decimals") != std::string::npos ? not_half() : util::Failure{millionths.error()};
  }
  if (millionths.value() % k_half_point != 0) {
    return not_half();
  }
  return millionths.value() / k_half_point;
}

util::Result<HalfPoints> parse_score(std::string_view text)
{
  auto score = parse_points(text, k_max_score);
  if (!score) {
    return util::Failure{score.error() + " (scores go from 0 to 5)"};
  }
  return score;
}

std::string format_points(HalfPoints points)
{
  return fmt::format("{}.{}", points / 2, points % 2 == 0 ? 0 : 5);
}

util::Result<Weight> parse_weight(std::string_view text)
{
  auto weight = parse_decimal(text, 3, k_max_weight, "weight");
  if (!weight) {
    return util::Failure{weight.error() + " (weights go from 0.001 to 100)"};
  }
  if (weight.value() == 0) {
    return util::Failure{fmt::format("'{}': a weight must be more than 0", util::excerpt(text))};
  }
  return weight;
}

namespace {

// `value` in units of 1/`scale`, with no trailing zeros (but one decimal when `one_decimal`).
std::string format_fixed(std::int64_t value, std::int64_t scale, bool one_decimal)
{
  std::string text = fmt::format("{}", value / scale);
  std::int64_t fraction = value % scale;
  std::string decimals;
  for (std::int64_t unit = scale / 10; unit > 0; unit /= 10) {
    decimals += static_cast<char>('0' + fraction / unit);
    fraction %= unit;
  }
  while (!decimals.empty() && decimals.back() == '0' && (decimals.size() > 1 || !one_decimal)) {
    decimals.pop_back();
  }
  return decimals.empty() ? text : text + "." + decimals;
}

} // namespace

std::string format_weight(Weight weight)
{
  return format_fixed(weight, 1000, false);
}

std::string format_weighted(std::int64_t weighted_total)
{
  // Half points x thousandths are points in units of 1/2000; in units of 1/10000 every such
  // value is a whole number, shown exactly (0.5 x 0.001 is 0.0005).
  return format_fixed(weighted_total * 5, 10'000, true);
}

} // namespace cfp::domain

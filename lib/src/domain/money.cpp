// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/money.hpp>

#include <cfp/util/text.hpp>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace cfp::domain {

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

// Reads the integer part: plain digits, or groups of three separated by '_' ("12_345_678").
util::Result<std::string> read_integer_digits(std::string_view text)
{
  std::string digits;
  std::size_t group = 0;
  bool grouped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits += c;
      ++group;
    } else if (c == '_') {
      if (digits.empty() || (grouped && group != 3) || (!grouped && group > 3) || i + 1 == text.size()) {
        return util::Failure{"'_' must separate groups of three digits, as in 1_000_000"};
      }
      grouped = true;
      group = 0;
    } else {
      return util::Failure{fmt::format("unexpected character '{}'", util::excerpt(util::character_at(text, i)))};
    }
  }
  if (grouped && group != 3) {
    return util::Failure{"'_' must separate groups of three digits, as in 1_000_000"};
  }
  if (digits.empty()) {
    return util::Failure{"no digits before the decimal point"};
  }
  return digits;
}

util::Result<Cents> read_money(std::string_view text);

// An amount written the way people write it in a spreadsheet or a letter, as cfp reads it:
// without the euro sign or EUR, without spaces (also the no-break ones), a decimal comma as a
// point (1,5M) and commas between thousands as '_' (1,000,000). Empty when nothing changes.
std::optional<std::string> readable_form(std::string_view text)
{
  std::string cleaned;
  for (std::size_t i = 0; i < text.size();) {
    const auto rest = text.substr(i);
    if (rest.starts_with("\u20ac")) { // €
      i += 3;
    } else if (rest.starts_with("\u00a0") || rest.starts_with("\u202f")) { // no-break spaces
      i += rest.starts_with("\u00a0") ? std::size_t{2} : std::size_t{3};
    } else if (rest.front() == ' ' || rest.front() == '\t') {
      ++i;
    } else if (rest.size() >= 3 && util::iequals(rest.substr(0, 3), "eur") &&
               (rest.size() == 3 || rest[3] == ' ')) {
      i += 3;
    } else {
      cleaned += rest.front();
      ++i;
    }
  }
  const auto comma = cleaned.find(',');
  if (comma != std::string::npos && cleaned.find('.') == std::string::npos &&
      cleaned.find(',', comma + 1) == std::string::npos) {
    // One comma: a decimal comma unless three digits follow it and end the number.
    std::size_t digits = 0;
    while (comma + 1 + digits < cleaned.size() && is_digit(cleaned[comma + 1 + digits])) {
      ++digits;
    }
    cleaned[comma] = digits == 3 ? '_' : '.';
  } else {
    std::replace(cleaned.begin(), cleaned.end(), ',', '_');
  }
  if (cleaned == text || cleaned.empty()) {
    return std::nullopt;
  }
  return cleaned;
}

} // namespace

util::Result<Cents> parse_money(std::string_view text)
{
  auto cents = read_money(text);
  if (!cents) {
    if (const auto readable = readable_form(text); readable && read_money(*readable)) {
      return util::Failure{fmt::format("{}; did you mean {}? (a decimal point, '_' between thousands, no spaces "
                                       "and no euro sign)",
                                       cents.error(), *readable)};
    }
  }
  return cents;
}

namespace {

util::Result<Cents> read_money(std::string_view text)
{
  if (text.empty()) {
    return util::Failure{"an amount is required, such as 485M or 1_250_000.50"};
  }
  if (text.front() == '-') {
    return util::Failure{fmt::format("'{}' is negative; amounts are zero or more", util::excerpt(text))};
  }
  if (text.front() == '+') {
    text.remove_prefix(1);
  }

  // The suffix multiplies the number by a power of ten; record it as a count of zeros.
  // Suffixes are case-insensitive: "1.5m" and "1.5M" both mean a million and a half.
  constexpr std::array<std::pair<std::string_view, int>, 3> k_suffixes{{{"bn", 9}, {"m", 6}, {"k", 3}}};
  int exponent = 0;
  for (const auto& [suffix, zeros] : k_suffixes) {
    if (text.size() > suffix.size() && util::iequals(text.substr(text.size() - suffix.size()), suffix)) {
      text.remove_suffix(suffix.size());
      exponent = zeros;
      break;
    }
  }

  const auto point = text.find('.');
  const std::string_view integer_text = text.substr(0, point);
  const std::string_view fraction_text = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (point != std::string_view::npos && fraction_text.empty()) {
    return util::Failure{fmt::format("'{}' ends with a decimal point", util::excerpt(text))};
  }
  for (std::size_t i = 0; i < fraction_text.size(); ++i) {
    if (!is_digit(fraction_text[i])) {
      return util::Failure{fmt::format("unexpected character '{}' after the decimal point",
                                       util::excerpt(util::character_at(fraction_text, i)))};
    }
  }
  auto integer_digits = read_integer_digits(integer_text);
  if (!integer_digits) {
    return util::Failure{integer_digits.error()};
  }

  // cents = (integer . fraction) * 10^(exponent + 2); the fraction must not reach below one cent.
  const int scale = exponent + 2;
  std::string fraction(fraction_text);
  // "1.000" without a suffix is refused rather than read as one euro: in much of Europe it means
  // a thousand. With a suffix, trailing zeros are harmless ("1.500M").
  while (exponent > 0 && !fraction.empty() && static_cast<int>(fraction.size()) > scale && fraction.back() == '0') {
    fraction.pop_back();
  }
  if (static_cast<int>(fraction.size()) > scale) {
    return util::Failure{exponent == 0 ? "at most two decimals (whole cents) are allowed"
                                       : "the amount does not come to whole cents"};
  }
  std::string digits = integer_digits.value() + fraction;
  digits.append(static_cast<std::size_t>(scale) - fraction.size(), '0');

  constexpr auto k_overflow = "the amount is too large";
  Cents cents = 0;
  for (const char c : digits) {
    if (__builtin_mul_overflow(cents, Cents{10}, &cents) || __builtin_add_overflow(cents, Cents{c - '0'}, &cents)) {
      return util::Failure{k_overflow};
    }
  }
  return cents;
}

} // namespace

std::string format_money_plain(Cents cents)
{
  const char* sign = cents < 0 ? "-" : "";
  const auto magnitude = cents < 0 ? -static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
  // The format is parsed at compile time, and written to the stack first: a listing formats millions.
  char text[32];
  const auto end = fmt::format_to(text, FMT_COMPILE("{}{}.{:02}"), sign, magnitude / 100, magnitude % 100);
  return std::string(text, end);
}

std::string format_money_grouped(Cents cents)
{
  const std::string plain = format_money_plain(cents);
  const auto point = plain.find('.');
  const std::size_t digits_start = plain.front() == '-' ? 1 : 0;
  std::string result = plain.substr(0, digits_start);
  const std::string integer = plain.substr(digits_start, point - digits_start);
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) {
      result += ',';
    }
    result += integer[i];
  }
  return result + plain.substr(point);
}

std::optional<Cents> add_cents(Cents total, Cents amount)
{
  Cents sum = 0;
  if (__builtin_add_overflow(total, amount, &sum)) {
    return std::nullopt;
  }
  return sum;
}

} // namespace cfp::domain

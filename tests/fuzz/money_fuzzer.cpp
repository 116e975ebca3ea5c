// SPDX-License-Identifier: EUPL-1.2
// domain::parse_money on any text. Invariants: an amount is never negative, and what
// format_money_plain and format_money_grouped write of it parses back to it.

#include "fuzz_support.hpp"

#include <cfp/domain/money.hpp>
#include <cfp/util/text.hpp>

#include <algorithm>
#include <string>

namespace {

using cfp::domain::Cents;
using cfp::fuzz::require;

// Whether `text` parses to exactly `cents`.
bool parses_to(const std::string& text, Cents cents)
{
  const auto parsed = cfp::domain::parse_money(text);
  return parsed && parsed.value() == cents;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text = cfp::fuzz::as_text(data, size);
  const auto parsed = cfp::domain::parse_money(text);

  // Suffixes are read in any case; nothing else is a letter, so the case never matters.
  const auto upper = cfp::domain::parse_money(cfp::util::to_upper_ascii(text));
  const auto lower = cfp::domain::parse_money(cfp::util::to_lower_ascii(text));
  require(upper.ok() == parsed.ok() && lower.ok() == parsed.ok(), "the case of the text does not decide");
  if (!parsed) {
    require(!parsed.error().empty(), "a refusal says why");
    return 0;
  }
  const Cents cents = parsed.value();
  require(upper.value() == cents && lower.value() == cents, "the case of a suffix does not change the amount");
  require(cents >= 0, "an amount is never negative");

  const std::string plain = cfp::domain::format_money_plain(cents);
  require(parses_to(plain, cents), "format_money_plain of a parsed amount parses back to it: " + plain);

  // Tables group with commas; the same groups with '_' are what people type.
  const std::string grouped = cfp::domain::format_money_grouped(cents);
  std::string without_commas = grouped;
  std::erase(without_commas, ',');
  require(without_commas == plain, "grouping only adds commas: " + grouped);
  std::string typed = grouped;
  std::replace(typed.begin(), typed.end(), ',', '_');
  require(parses_to(typed, cents), "a grouped amount typed with '_' parses back to it: " + typed);
  return 0;
}

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/result.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace cfp::domain {

/// An amount of euros in cents. Money is never a floating-point number in cfp.
using Cents = std::int64_t;

/// Parses an amount in euros: digits with up to two decimals, `_` between groups of three
/// digits, and an optional suffix `k`, `M` or `bn` (any case) ("1.5bn", "485M", "12_000.50").
/// Negative, malformed, fractional-cent and overflowing amounts fail.
util::Result<Cents> parse_money(std::string_view text);

/// The most cents cfp counts (Cents' largest value): about 92 million billion euros.
inline constexpr Cents k_max_cents = std::numeric_limits<Cents>::max();

/// `total` + `amount`, or nothing when the sum would pass k_max_cents (or fall below its negative).
std::optional<Cents> add_cents(Cents total, Cents amount);

/// What a report says, refusing, when the amounts it adds up pass k_max_cents.
inline constexpr std::string_view k_sum_too_large =
    "the amounts add up to more than cfp can count (about 92 million billion euros); look for the amounts that "
    "are wrong with 'cfp proposal list --format csv' and correct them";

/// "485000000.00": plain euros with two decimals, as JSON and CSV carry them.
std::string format_money_plain(Cents cents);

/// "485,000,000.00": euros with thousands separators, for tables.
std::string format_money_grouped(Cents cents);

} // namespace cfp::domain

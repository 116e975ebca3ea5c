// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cfp::domain {

/// An amount of euros in cents. Money is never a floating-point number in cfp.
using Cents = std::int64_t;

/// Parses an amount in euros: digits with up to two decimals, `_` between groups of three
/// digits, and an optional suffix `k`, `M` or `bn` (any case) ("1.5bn", "485M", "12_000.50").
/// Negative, malformed, fractional-cent and overflowing amounts fail.
util::Result<Cents> parse_money(std::string_view text);

/// "485000000.00": plain euros with two decimals, as JSON and CSV carry them.
std::string format_money_plain(Cents cents);

/// "485,000,000.00": euros with thousands separators, for tables.
std::string format_money_grouped(Cents cents);

} // namespace cfp::domain

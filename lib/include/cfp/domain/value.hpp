// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/money.hpp>
#include <cfp/domain/time.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cfp::domain {

/// An amount of money as a field value, so that writers know to print euros.
struct Money
{
  Cents cents = 0;

  bool operator==(const Money&) const = default;
};

/// A JSON document kept as text (the before and after of an audit entry).
struct JsonText
{
  std::string text;

  bool operator==(const JsonText&) const = default;
};

/// An exact decimal number as a field value ("4.5", "13.75": a score, a weight, a weighted
/// total), so that JSON writes a number and tables and CSV the same digits.
struct Decimal
{
  std::string text;

  bool operator==(const Decimal&) const = default;
};

/// The typed value of one field of a record, as output writers receive it: nothing, a flag,
/// a number, text, money, an instant, a list of names, a JSON document or a decimal.
using Value = std::variant<std::monostate, bool, std::int64_t, std::string, Money, Instant, std::vector<std::string>,
                           JsonText, Decimal>;

} // namespace cfp::domain

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/field.hpp>
#include <cfp/store/list_order.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core {

using store::Direction;

/// How a list is asked to run, as typed: `--sort FIELD` (a field of the listed record, as JSON
/// and CSV name it), `--desc`, `--limit N`.
struct ListOrder
{
  std::optional<std::string> sort;            ///< empty: the list's default order
  Direction direction = Direction::ascending; ///< descending without `sort`: the default order reversed
  std::optional<std::int64_t> limit;          ///< at most this many rows
};

/// How many times a listing hands its rows over, every time in the same read snapshot and the
/// same order: a table printed for people measures its columns in a first pass and prints them
/// in a second, so that no listing holds its rows, however many there are. `between` is called
/// after each pass but the last.
struct ListPasses
{
  int count = 1;
  std::function<void()> between;
};

/// Runs `pass` (one pass over a listing's rows) as `passes` says.
inline void run_passes(const ListPasses& passes, const std::function<void()>& pass)
{
  for (int i = 0; i < passes.count; ++i) {
    if (i > 0 && passes.between) {
      passes.between();
    }
    pass();
  }
}

/// The value of `--limit`: a whole number of 1 or more, else a usage error naming the option
/// and the value.
std::int64_t parse_limit(std::string_view text);

/// Refuses (usage) a `--sort` field that is not one of `names`, listing them.
void check_sort_field(std::string_view field, const std::vector<std::string_view>& names);

/// The values a filter was given (`--cutoff A,B --cutoff C`), each cut at its commas and
/// trimmed, empty parts dropped; but a value that `names_something` as a whole is kept whole, so
/// that a label or a name holding a comma can still be given.
std::vector<std::string> split_values(const std::vector<std::string>& typed,
                                      const std::function<bool(const std::string&)>& names_something);

/// Whether `a` sorts before (negative), with (0) or after `b`, two values of one field that are
/// not empty: flags false first, numbers, money, instants and decimals by value, text ignoring
/// ASCII case (as the store compares codes and acronyms), lists item by item (a shorter list
/// that starts the same first), JSON as text.
int compare_values(const domain::Value& a, const domain::Value& b);

/// Orders `rows`, given in their list's default order, as `order` says and keeps the first
/// `order.limit` of them. By a field: values compared with compare_values, rows without a value
/// last in either direction, rows with equal values in the default order.
template<typename Row, typename Input>
void order_rows(std::vector<Row>& rows, const Fields<Row, Input>& fields, const ListOrder& order,
                const Display& display)
{
  const bool descending = order.direction == Direction::descending;
  if (order.sort) {
    check_sort_field(*order.sort, field_names(fields));
    const auto& field = field_named(fields, *order.sort);
    std::vector<domain::Value> keys;
    keys.reserve(rows.size());
    for (const auto& row : rows) {
      keys.push_back(field.get(row, display));
    }
    std::vector<std::size_t> positions(rows.size());
    std::iota(positions.begin(), positions.end(), std::size_t{0});
    std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) {
      const bool a_empty = std::holds_alternative<std::monostate>(keys[a]);
      const bool b_empty = std::holds_alternative<std::monostate>(keys[b]);
      if (a_empty || b_empty) {
        return !a_empty && b_empty;
      }
      const int compared = compare_values(keys[a], keys[b]);
      return descending ? compared > 0 : compared < 0;
    });
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (const auto position : positions) {
      sorted.push_back(std::move(rows[position]));
    }
    rows = std::move(sorted);
  } else if (descending) {
    std::reverse(rows.begin(), rows.end());
  }
  if (order.limit && rows.size() > static_cast<std::size_t>(*order.limit)) {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*order.limit), rows.end());
  }
}

} // namespace cfp::core

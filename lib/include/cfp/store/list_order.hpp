// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstdint>
#include <optional>

namespace cfp::store {

/// Which way a list runs.
enum class Direction { ascending, descending };

/// How a repository orders a list and how much of it it hands over: by `key` in `direction`,
/// rows with no value for it last in either direction, rows with equal values in the list's
/// default order; `Key{}` is the default order itself, which `descending` reverses.
template<typename Key>
struct ListOrder
{
  Key key{};
  Direction direction = Direction::ascending;
  std::optional<std::int64_t> limit; ///< at most this many rows (1 or more); empty: all
};

} // namespace cfp::store

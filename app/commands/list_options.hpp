// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The options every list shares: filters that take several values (`--host FI,SE --host DK`),
// and `--sort FIELD`, `--desc`, `--limit N`.

#include <cfp/core/list_order.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::cli {

/// Who cuts a filter's values at commas: the parser (codes, statuses: no value holds a comma),
/// or core, which keeps whole a value that names something (a label or a name may hold one).
enum class Commas { split, split_in_core };

/// Adds a filter option that takes several values, comma-separated or repeated, one value an
/// occurrence (so that a word after it stays an argument of its own).
CLI::Option* add_filter(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                        const std::string& description, Commas commas = Commas::split);

/// `--sort`, `--desc` and `--limit` as typed.
struct OrderOptions
{
  std::optional<std::string> sort;
  bool descending = false;
  std::optional<std::string> limit;

  /// The order asked for; `--limit` checked (usage error), the field left to whoever knows the
  /// record's fields. `default_limit`: the limit when `--limit` is not given.
  core::ListOrder order(std::optional<std::int64_t> default_limit = std::nullopt) const;

  /// The same, with the sort field checked against the fields of the listed record.
  template<typename Row, typename Input>
  core::ListOrder order(const core::Fields<Row, Input>& fields,
                        std::optional<std::int64_t> default_limit = std::nullopt) const
  {
    auto checked = order(default_limit);
    if (checked.sort) {
      core::check_sort_field(*checked.sort, core::field_names(fields));
    }
    return checked;
  }
};

/// Adds `--sort FIELD`, `--desc` and `--limit N` to `command`; `limit_help` describes --limit.
void add_order_options(CLI::App& command, OrderOptions& options,
                       const std::string& limit_help = "At most N rows (1 or more)");

} // namespace cfp::cli

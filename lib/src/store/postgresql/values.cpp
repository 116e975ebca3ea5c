// SPDX-License-Identifier: EUPL-1.2
#include "values.hpp"

#include <nlohmann/json.hpp>

namespace cfp::store::postgresql {

Params& add_instant(Params& params, const std::optional<domain::Instant>& value)
{
  return value ? params.int64(value->time_since_epoch().count()) : params.null();
}

Params& add_set(Params& params, const std::set<std::int64_t>& values)
{
  return values.empty() ? params.null() : params.text(nlohmann::json(values).dump());
}

Params& add_set(Params& params, const std::set<std::string>& values)
{
  // Text that is not UTF-8 cannot be in the database either: replaced, it matches nothing.
  return values.empty()
             ? params.null()
             : params.text(nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

domain::Instant instant_at(const Result& result, int row, int column)
{
  return domain::Instant(std::chrono::seconds(result.int64(row, column)));
}

std::optional<domain::Instant> optional_instant_at(const Result& result, int row, int column)
{
  return result.is_null(row, column) ? std::nullopt : std::optional<domain::Instant>(instant_at(result, row, column));
}

} // namespace cfp::store::postgresql

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Domain values as this backend's SQL takes and gives them: instants as whole seconds since
// the epoch (written with to_timestamp($n), read with floor(extract(epoch FROM x))::bigint, so
// that no time zone or date style of the session matters), sets as JSON arrays
// (json_array_elements_text($n::json)), NULL for an empty filter.

#include "connection.hpp"

#include <cfp/domain/time.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace cfp::store::postgresql {

/// An instant as the SQL expression `to_timestamp($n)` takes it, or NULL.
Params& add_instant(Params& params, const std::optional<domain::Instant>& value);
/// A set as a JSON array, or NULL when it is empty.
Params& add_set(Params& params, const std::set<std::int64_t>& values);
Params& add_set(Params& params, const std::set<std::string>& values);

/// An instant read as whole seconds since the epoch.
domain::Instant instant_at(const Result& result, int row, int column);
std::optional<domain::Instant> optional_instant_at(const Result& result, int row, int column);

/// The SQL that reads the instant column `column` as whole seconds since the epoch.
#define CFP_PG_EPOCH(column) "floor(extract(epoch FROM " column "))::bigint"

} // namespace cfp::store::postgresql

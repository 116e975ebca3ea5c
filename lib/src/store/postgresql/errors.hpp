// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/error.hpp>

#include <string>
#include <string_view>

namespace cfp::store::postgresql {

/// Whether the server refused a transaction only because it lost a race (a serialization
/// failure, a deadlock, a lock not granted in time): run again, it may succeed.
bool is_retryable(const PgError& error);

/// `error` as a cfp::Error for "cannot <what>" on the database shown as `location`: a refused
/// constraint or a missing privilege is `refused`, a lost race `busy`, anything else `storage`.
Error translate(const PgError& error, std::string_view what, const std::string& location);

} // namespace cfp::store::postgresql

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cfp::store::postgresql {

/// Where a server database is: the connection string libpq is given, and the form messages
/// show (never with a password).
struct Location
{
  std::string conninfo;
  std::string shown;
};

/// Whether `location` names a server database: postgresql://, postgres:// or pg: (any case,
/// after white space).
bool is_server_location(std::string_view location);

/// Reads `location` (--db or CFP_DB): a postgresql:// or postgres:// URI, or libpq's key=value
/// pairs after pg:. Throws cfp::Error (usage) when it cannot be read or holds a password, which
/// belongs in ~/.pgpass or PGPASSWORD; no message repeats what it holds beyond the user, host,
/// port and database name.
Location parse_location(std::string_view location);

} // namespace cfp::store::postgresql

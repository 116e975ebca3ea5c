// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/clock.hpp>
#include <cfp/store/database.hpp>

#include <string>

namespace cfp::core {

/// Who acts, when, and through which command: what every use case needs besides its arguments.
struct Session
{
  store::Database& database;
  const Clock& clock;
  std::string actor;   ///< recorded in the audit log
  std::string command; ///< the command line as typed, recorded in the audit log
  const date::time_zone& display_zone; ///< the zone in which wall times without an offset are read
};

} // namespace cfp::core

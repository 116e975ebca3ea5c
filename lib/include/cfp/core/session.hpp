// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/clock.hpp>
#include <cfp/domain/stamp.hpp>
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
  /// The machine's clock when `clock` is a simulated one (CFP_NOW); empty: `clock` is real.
  const Clock* real_clock = nullptr;

  /// Whether "now" is simulated.
  bool simulated() const { return real_clock != nullptr; }

  /// The stamp of a change made now: the rules' time, the real time, and the actor.
  domain::Stamp stamp() const
  {
    const auto at = clock.now();
    return {at, real_clock != nullptr ? real_clock->now() : at, simulated(), actor};
  }
};

} // namespace cfp::core

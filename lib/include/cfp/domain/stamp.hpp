// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/time.hpp>

#include <string>

namespace cfp::domain {

/// When and by whom a change is recorded: the time the rules went by (`at`: a simulated time
/// when CFP_NOW is set), the machine's clock (`real_at`), whether the two differ on purpose,
/// and the actor. Both times are kept, so that a simulated time is never taken for a real one.
struct Stamp
{
  Instant at;
  Instant real_at;
  bool simulated = false;
  std::string actor;
};

} // namespace cfp::domain

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/clock.hpp>

namespace cfp::core {

domain::Instant SystemClock::now() const
{
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace cfp::core

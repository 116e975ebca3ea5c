// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/time.hpp>

namespace cfp::core {

/// Where "now" comes from; core takes it as an argument so that every rule can be tested.
class Clock
{
public:
  virtual ~Clock() = default;
  virtual domain::Instant now() const = 0;
};

/// The system's clock, truncated to the second.
class SystemClock final : public Clock
{
public:
  domain::Instant now() const override;
};

/// A clock that always reads the instant it was given (tests, CFP_NOW).
class FixedClock final : public Clock
{
public:
  explicit FixedClock(domain::Instant instant) : m_instant(instant) {}
  domain::Instant now() const override { return m_instant; }
  void set(domain::Instant instant) { m_instant = instant; }

private:
  domain::Instant m_instant;
};

} // namespace cfp::core

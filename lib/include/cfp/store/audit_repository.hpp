// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/audit.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cfp::store {

/// Which entries `AuditRepository::for_each` visits.
struct AuditFilter
{
  std::optional<domain::AuditSubject> subject; ///< only entries about this; empty: all
  std::int64_t limit = 50;                     ///< at most this many, newest first
};

/// The append-only audit log (the schema refuses updates and deletes).
class AuditRepository
{
public:
  /// Receives one entry at a time; what it is given lives only for the call.
  using Visitor = std::function<void(const domain::AuditEntry&)>;

  AuditRepository(const AuditRepository&) = delete;
  AuditRepository& operator=(const AuditRepository&) = delete;
  virtual ~AuditRepository() = default;

  /// Appends `entry` (its id is ignored).
  virtual void append(const domain::AuditEntry& entry) = 0;

  /// Visits the entries `filter` selects, newest first.
  virtual void for_each(const AuditFilter& filter, const Visitor& visit) const = 0;
  /// The same as for_each, collected.
  std::vector<domain::AuditEntry> list(const AuditFilter& filter) const;

protected:
  AuditRepository() = default;
};

} // namespace cfp::store

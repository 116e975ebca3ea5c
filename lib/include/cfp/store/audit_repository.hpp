// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/audit.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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
  /// Receives the entries and seals by id: an entry with its seal, an entry without one, or a
  /// seal whose entry is gone (then `entry` is empty and `id` is the seal's).
  using SealedVisitor = std::function<void(std::int64_t id, const std::optional<domain::AuditEntry>& entry,
                                           const std::optional<std::string>& seal)>;

  AuditRepository(const AuditRepository&) = delete;
  AuditRepository& operator=(const AuditRepository&) = delete;
  virtual ~AuditRepository() = default;

  /// Appends `entry` (its id is ignored) with its seal, which chains it to the entry before
  /// (store/audit_chain.hpp). Returns the entry's id.
  virtual std::int64_t append(const domain::AuditEntry& entry) = 0;

  /// Visits the entries `filter` selects, newest first.
  virtual void for_each(const AuditFilter& filter, const Visitor& visit) const = 0;
  /// The same as for_each, collected.
  std::vector<domain::AuditEntry> list(const AuditFilter& filter) const;

  /// Visits every entry and every seal, oldest first, so that the chain can be checked.
  virtual void for_each_sealed(const SealedVisitor& visit) const = 0;

protected:
  AuditRepository() = default;
};

} // namespace cfp::store

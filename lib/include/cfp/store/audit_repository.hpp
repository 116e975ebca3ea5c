// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/audit.hpp>
#include <cfp/store/list_order.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cfp::store {

/// How much of each entry a list reads: all of it, or what `log`'s table shows (no before and
/// after documents, the bulk of an entry, left empty).
enum class AuditDetail { whole, summary };

/// Which entries `AuditRepository::for_each` visits: an entry matches a member when it has any of
/// the member's values, and the filter when it matches every member; an empty member does not
/// filter.
struct AuditFilter
{
  AuditDetail detail = AuditDetail::whole; ///< not a filter: how much of each row is read
  /// Entries about these proposals, or related to them (the imports that made or changed them).
  std::set<std::int64_t> proposal_ids;
  /// Entries about these calls, their cut-offs, criteria and proposals, or related to them.
  std::set<std::int64_t> call_ids;
  std::set<std::string> actors;         ///< compared ignoring ASCII case
  std::set<std::string> actions;        ///< compared ignoring ASCII case
  std::optional<domain::Instant> since; ///< entries at or after
  std::optional<domain::Instant> until; ///< entries at or before
};

/// What audit entries can be ordered by: the default order (newest first, by when they were
/// written) or one of the entry's fields. Text is compared ignoring ASCII case.
enum class AuditSort { newest_first, at, actor, command, entity, action, before, after, real_at, simulated };

/// The order of an audit list, and how many of it.
using AuditOrder = ListOrder<AuditSort>;

/// Whether an appended entry takes the subjects noted with AuditRepository::note_related.
enum class Related { none, noted };

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
  /// (store/audit_chain.hpp); with Related::noted it also concerns the subjects noted since the
  /// last such entry. Returns the entry's id.
  virtual std::int64_t append(const domain::AuditEntry& entry, Related related) = 0;
  std::int64_t append(const domain::AuditEntry& entry) { return append(entry, Related::none); }

  /// Notes that the next entry appended with Related::noted in this transaction (an import's,
  /// written once it knows what it did) also concerns `subject`. The database keeps the notes,
  /// so that an import of any size holds none of them; noting one twice is noting it once.
  virtual void note_related(const domain::AuditSubject& subject) = 0;

  /// Visits the entries `filter` selects in `order`.
  virtual void for_each(const AuditFilter& filter, const AuditOrder& order, const Visitor& visit) const = 0;
  /// The entries `filter` selects, newest first, at most `limit`.
  std::vector<domain::AuditEntry> list(const AuditFilter& filter, std::int64_t limit) const;

  /// Whether an entry has this actor, or this action (compared ignoring ASCII case).
  virtual bool has_actor(const std::string& actor) const = 0;
  virtual bool has_action(const std::string& action) const = 0;
  /// The actions the log holds, each once, in order.
  virtual std::vector<std::string> actions() const = 0;

  /// Visits every entry and every seal, oldest first, so that the chain can be checked.
  virtual void for_each_sealed(const SealedVisitor& visit) const = 0;

protected:
  AuditRepository() = default;
};

} // namespace cfp::store

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/list_order.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/audit.hpp>
#include <cfp/store/audit_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// One change, as the audit log records it.
struct AuditChange
{
  domain::AuditSubject subject;
  std::string entity; ///< the subject as a person reads it: "proposal CALL/ACRONYM"
  std::string action; ///< add, update, submit, withdraw, import ...
  std::optional<std::string> before; ///< a JSON document (a snapshot), or empty
  std::optional<std::string> after;  ///< a JSON document (a snapshot), or empty
  /// Related::noted: the entry of an import, which also concerns what the import noted with
  /// tx.audit().note_related() (what it created or changed).
  store::Related related = store::Related::none;
};

/// Appends `change` to the audit log inside the caller's write transaction, with the session's
/// actor, command line and time.
void record_audit(const Session& session, store::Transaction& tx, AuditChange change);

/// Filters of `cfp log`, as typed. An entry passes a filter when it matches any of its values,
/// and the query when it passes every filter; an empty filter lets every entry pass.
struct AuditQuery
{
  std::vector<std::string> refs;    ///< proposals (REF): entries about them, and the imports that made or changed them
  std::vector<std::string> calls;   ///< entries about the calls, their cut-offs, criteria and proposals, and imports into them
  std::vector<std::string> actors;  ///< compared ignoring ASCII case
  std::vector<std::string> actions; ///< compared ignoring ASCII case
  std::optional<std::string> since; ///< WHEN: entries at or after it
  std::optional<std::string> until; ///< WHEN: entries at or before it; a bare date is the end of that day
  /// Read each entry whole, or without its before and after documents (store::AuditDetail).
  store::AuditDetail detail = store::AuditDetail::whole;
};

/// Visits the audit entries `query` selects in `order` (by default newest first; `sort` is any
/// audit field), inside one read transaction. An unknown REF or call, or an actor or action that
/// no entry has, is not found; a bad WHEN is invalid; --since after --until, a limit below 1 or
/// an unknown sort field is a usage error. With `passes`, the entries are visited that many
/// times in the same read.
void for_each_audit_entry(Session& session, const AuditQuery& query, const ListOrder& order,
                          const std::function<void(const domain::AuditEntry&)>& visit, const ListPasses& passes = {});

/// The newest `limit` entries, optionally only those of the proposal REF names, collected.
std::vector<domain::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref,
                                           std::int64_t limit);

/// What checking the audit log's chain of seals found.
struct AuditVerification
{
  std::int64_t entries = 0;                 ///< entries read
  std::string last_seal;                    ///< the seal of the newest entry, to keep elsewhere
  std::optional<std::int64_t> first_bad_id; ///< the first entry that does not hold; empty when intact
  std::string problem;                      ///< what is wrong with it, for a message
};

/// Recomputes the chain of seals over the whole audit log (store/audit_chain.hpp): an entry
/// changed, removed or added outside cfp, or a missing seal, breaks it at that entry.
AuditVerification verify_audit_log(Session& session);

} // namespace cfp::core

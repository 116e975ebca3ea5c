// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/audit.hpp>
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
};

/// Appends `change` to the audit log inside the caller's write transaction, with the session's
/// actor, command line and time.
void record_audit(const Session& session, store::Transaction& tx, AuditChange change);

/// Visits the newest `limit` audit entries, newest first, optionally only those about the
/// proposal REF names, inside one read transaction.
void for_each_audit_entry(Session& session, const std::optional<std::string>& ref, std::int64_t limit,
                          const std::function<void(const domain::AuditEntry&)>& visit);

/// The same as for_each_audit_entry, collected.
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

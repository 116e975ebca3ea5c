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

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/audit_repository.hpp>

namespace cfp::core {

void record_audit(const Session& session, store::Transaction& tx, AuditChange change)
{
  domain::AuditEntry entry;
  entry.at = session.clock.now();
  entry.actor = session.actor;
  entry.command = session.command;
  entry.entity = std::move(change.entity);
  entry.action = std::move(change.action);
  entry.subject = change.subject;
  entry.before = std::move(change.before);
  entry.after = std::move(change.after);
  tx.audit().append(entry);
}

void for_each_audit_entry(Session& session, const std::optional<std::string>& ref, std::int64_t limit,
                          const std::function<void(const domain::AuditEntry&)>& visit)
{
  if (limit < 1) {
    throw Error(ErrorKind::invalid_input, "--limit must be 1 or more");
  }
  session.database.read("read the audit log", [&](const store::Transaction& tx) {
    store::AuditFilter filter;
    filter.limit = limit;
    if (ref) {
      filter.subject = domain::AuditSubject{domain::SubjectKind::proposal, resolve_proposal(tx, *ref).id};
    }
    tx.audit().for_each(filter, visit);
  });
}

std::vector<domain::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref, std::int64_t limit)
{
  std::vector<domain::AuditEntry> entries;
  for_each_audit_entry(session, ref, limit, [&](const domain::AuditEntry& entry) { entries.push_back(entry); });
  return entries;
}

} // namespace cfp::core

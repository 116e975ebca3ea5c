// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>
#include <cfp/store/audit_chain.hpp>
#include <cfp/store/audit_repository.hpp>

#include <fmt/format.h>

namespace cfp::core {

void record_audit(const Session& session, store::Transaction& tx, AuditChange change)
{
  const auto stamp = session.stamp();
  domain::AuditEntry entry;
  entry.at = stamp.at;
  entry.real_at = stamp.real_at;
  entry.simulated = stamp.simulated;
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

AuditVerification verify_audit_log(Session& session)
{
  return session.database.read("verify the audit log", [](const store::Transaction& tx) {
    AuditVerification result;
    std::string previous(store::k_first_seal);
    std::int64_t expected_id = 1;
    const auto fail = [&](std::int64_t id, std::string problem) {
      if (!result.first_bad_id) {
        result.first_bad_id = id;
        result.problem = std::move(problem);
      }
    };
    tx.audit().for_each_sealed([&](std::int64_t id, const std::optional<domain::AuditEntry>& entry,
                                   const std::optional<std::string>& seal) {
      if (result.first_bad_id) {
        return;
      }
      if (id != expected_id) {
        fail(expected_id, expected_id + 1 == id
                              ? fmt::format("entry {} is missing", expected_id)
                              : fmt::format("entries {} to {} are missing", expected_id, id - 1));
        return;
      }
      ++expected_id;
      if (!entry) {
        fail(id, fmt::format("entry {} is missing, but its seal is still there", id));
        return;
      }
      ++result.entries;
      if (!seal) {
        fail(id, fmt::format("entry {} has no seal: it was added outside cfp", id));
        return;
      }
      const auto expected = store::audit_seal(previous, *entry);
      if (expected != *seal) {
        fail(id, fmt::format("entry {} does not match its seal: it, or its seal, was changed outside cfp", id));
        return;
      }
      previous = *seal;
      result.last_seal = *seal;
    });
    return result;
  });
}

std::vector<domain::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref, std::int64_t limit)
{
  std::vector<domain::AuditEntry> entries;
  for_each_audit_entry(session, ref, limit, [&](const domain::AuditEntry& entry) { entries.push_back(entry); });
  return entries;
}

} // namespace cfp::core

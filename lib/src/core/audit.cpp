#include <cfp/core/audit.hpp>

#include <cfp/core/proposals.hpp>
#include <cfp/error.hpp>

namespace cfp::core {

void record_audit(Session& session, const std::string& entity, const std::string& action,
                  std::optional<std::int64_t> proposal_id, const std::optional<nlohmann::ordered_json>& before,
                  const std::optional<nlohmann::ordered_json>& after)
{
  store::AuditEntry entry;
  entry.at = session.clock.now();
  entry.actor = session.actor;
  entry.command = session.command;
  entry.entity = entity;
  entry.action = action;
  entry.proposal_id = proposal_id;
  if (before) {
    entry.before = before->dump();
  }
  if (after) {
    entry.after = after->dump();
  }
  store::AuditRepository(session.database).append(entry);
}

std::vector<store::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref,
                                          std::int64_t limit)
{
  if (limit < 1) {
    throw Error(ErrorKind::invalid_input, "--limit must be 1 or more");
  }
  std::vector<store::AuditEntry> entries;
  session.database.read("read the audit log", [&] {
    std::optional<std::int64_t> proposal_id;
    if (ref) {
      proposal_id = resolve_proposal(session.database, *ref).id;
    }
    entries = store::AuditRepository(session.database).list(proposal_id, limit);
  });
  return entries;
}

} // namespace cfp::core

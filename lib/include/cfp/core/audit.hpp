#pragma once

#include <cfp/core/session.hpp>
#include <cfp/store/repositories.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// Appends one entry to the audit log, inside the caller's write transaction.
void record_audit(Session& session, const std::string& entity, const std::string& action,
                  std::optional<std::int64_t> proposal_id, const std::optional<nlohmann::ordered_json>& before,
                  const std::optional<nlohmann::ordered_json>& after);

/// The newest `limit` audit entries, optionally only those about the proposal REF names.
std::vector<store::AuditEntry> list_audit(Session& session, const std::optional<std::string>& ref,
                                          std::int64_t limit);

} // namespace cfp::core

#pragma once

#include "output.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/store/repositories.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cfp::cli {

/// The JSON and CSV field names of each kind of record, in print order.
extern const std::vector<std::string> k_proposal_fields;
extern const std::vector<std::string> k_version_fields;
extern const std::vector<std::string> k_deadline_fields;
extern const std::vector<std::string> k_state_fields;
extern const std::vector<std::string> k_call_fields;
extern const std::vector<std::string> k_audit_fields;

nlohmann::ordered_json proposal_json(const domain::Proposal& proposal);
nlohmann::ordered_json version_json(const domain::ProposalVersion& version);
nlohmann::ordered_json deadline_json(const core::DeadlineStatus& deadline, const date::time_zone& zone);
nlohmann::ordered_json state_json(const domain::State& state);
nlohmann::ordered_json call_json(const domain::Call& call);
nlohmann::ordered_json audit_json(const store::AuditEntry& entry);

/// "2025-02-01 17:00:00 CET", or "" for none.
std::string local_time(const std::optional<domain::Instant>& instant, const date::time_zone& zone);

/// The field/value lines `cfp proposal show` prints as a table.
std::vector<std::pair<std::string, std::string>> proposal_lines(const domain::Proposal& proposal,
                                                                const date::time_zone& zone);

} // namespace cfp::cli

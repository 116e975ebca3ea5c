#pragma once

#include <cfp/domain/call.hpp>
#include <cfp/domain/proposal.hpp>

#include <nlohmann/json.hpp>

namespace cfp::store {

/// The one JSON form of each record: what JSON output shows, what history keeps of every
/// proposal version, and what the audit log shows before and after a change. Money is a
/// string of euros with two decimals ("485000000.00"); instants are UTC ("...T16:00:00Z").
nlohmann::ordered_json proposal_json(const domain::Proposal& proposal);
nlohmann::ordered_json call_json(const domain::Call& call);
nlohmann::ordered_json cutoff_json(const domain::Cutoff& cutoff);

/// Reads what proposal_json wrote (a stored version). Throws cfp::Error (storage) when malformed.
domain::Proposal proposal_from_json(const nlohmann::json& record);

} // namespace cfp::store

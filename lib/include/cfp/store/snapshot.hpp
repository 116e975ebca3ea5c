#pragma once

#include <cfp/domain/proposal.hpp>

#include <nlohmann/json.hpp>

namespace cfp::store {

/// A proposal as one JSON object: how history keeps each version and the audit log shows
/// values before and after a change. Money stays in integer cents.
nlohmann::ordered_json snapshot_of(const domain::Proposal& proposal);

/// Reads what snapshot_of wrote. Throws cfp::Error (storage) on a malformed snapshot.
domain::Proposal proposal_from_snapshot(const nlohmann::json& snapshot);

} // namespace cfp::store

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposals.hpp>

#include <optional>
#include <string>

namespace cfp::core {

/// One record of a proposal file (CSV, JSON or NDJSON) as read, its values still text, ready
/// for the rules of `proposal add` and `update`. Empty members were not in the file.
struct ProposalFileRecord
{
  std::optional<std::string> call;
  std::optional<std::string> acronym;
  std::optional<std::string> status;       ///< without the column an existing proposal keeps its own
  std::optional<std::string> submitted_at; ///< WHEN text; empty: now
  std::optional<std::string> withdrawal_reason; ///< only for a withdrawn proposal, which needs it
  ProposalInput input;
};

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/transaction.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// Proposal fields as typed on the command line; an empty member is not given, and an amount
/// given as blank text is absent (left out).
struct ProposalInput
{
  std::optional<std::string> title;
  std::optional<std::string> host;
  std::optional<std::vector<std::string>> partners;
  std::optional<std::string> entity;
  std::optional<std::string> plan;
  std::optional<bool> experimental_platform;
  std::optional<std::string> eu_contribution;
  std::optional<std::string> national_contribution;
  std::optional<std::vector<std::string>> sectors;

  bool empty() const
  {
    return !title && !host && !partners && !entity && !plan && !experimental_platform && !eu_contribution &&
           !national_contribution && !sectors;
  }
};

/// What `cfp proposal add` asks for.
struct NewProposal
{
  std::string call_code;
  std::string acronym;
  ProposalInput input; ///< title, host and entity are required
  bool draft = false;  ///< keep it as a draft instead of submitting it now
};

/// Records a proposal and, unless it is a draft, submits it now.
domain::Proposal add_proposal(Session& session, const NewProposal& request);

/// A proposal before and after a change, and whether anything changed (no new version
/// otherwise).
struct ProposalChange
{
  domain::Proposal before;
  domain::Proposal proposal; ///< after the change
  bool changed = false;
};

/// Submits a draft, or resubmits a withdrawn proposal before its cut-off.
ProposalChange submit_proposal(Session& session, const std::string& ref);

/// Changes the given fields; a submitted proposal is resubmitted. Refused after its cut-off.
ProposalChange update_proposal(Session& session, const std::string& ref, const ProposalInput& input);

/// Withdraws a submitted proposal before its cut-off; `reason` is required.
ProposalChange withdraw_proposal(Session& session, const std::string& ref, const std::string& reason);

/// The current version of a proposal.
domain::Proposal show_proposal(Session& session, const std::string& ref);

/// Every version of a proposal, oldest first; the last is the one that counts.
std::vector<domain::ProposalVersion> proposal_history(Session& session, const std::string& ref);

/// Filters of `cfp proposal list`, as typed.
struct ProposalQuery
{
  std::optional<std::string> call;
  std::optional<std::string> cutoff;
  std::optional<std::string> host;
  std::optional<std::string> state;
  std::optional<std::string> status;
  std::optional<std::string> sector;
  std::optional<std::string> outcome;
};

/// Visits the proposals `query` selects, by call and acronym, one at a time, inside one read
/// transaction.
void for_each_proposal(Session& session, const ProposalQuery& query,
                       const std::function<void(const domain::Proposal&)>& visit);

/// The same as for_each_proposal, collected.
std::vector<domain::Proposal> list_proposals(Session& session, const ProposalQuery& query);

/// The SHA-256 (64 lowercase hex digits) of a proposal version's content in the store's
/// snapshot form: the receipt of a submission. The same content always gives the same digest.
std::string version_digest(const domain::Proposal& proposal);

/// The proposal REF names: a numeric id, CALL/ACRONYM, or an acronym unique across calls.
domain::Proposal resolve_proposal(const store::Transaction& tx, const std::string& ref);

} // namespace cfp::core

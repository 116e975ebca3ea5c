// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/list_order.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
  /// Changes to the lists, applied after `partners` and `sectors` replace them.
  std::vector<std::string> add_partners;
  std::vector<std::string> remove_partners;
  std::vector<std::string> add_sectors;
  std::vector<std::string> remove_sectors;
  /// How messages name a field (its JSON name, such as "host" or "add_partners"): the command
  /// line names the option as typed ("--host"); empty: the field's own name, as files use it.
  std::function<std::string(std::string_view field)> label;

  bool empty() const
  {
    return !title && !host && !partners && !entity && !plan && !experimental_platform && !eu_contribution &&
           !national_contribution && !sectors && add_partners.empty() && remove_partners.empty() &&
           add_sectors.empty() && remove_sectors.empty();
  }

  /// The name messages give `field`.
  std::string label_of(std::string_view field) const { return label ? label(field) : std::string(field); }
};

/// What `cfp proposal add` asks for.
struct NewProposal
{
  std::string call_code;
  std::string acronym;
  ProposalInput input; ///< title, host and entity are required
  bool draft = false;  ///< keep it as a draft instead of submitting it now
  /// The cut-off the submission must go to (what the person confirmed): refused when the
  /// submission would go to another one, as when that one closed meanwhile.
  std::optional<std::int64_t> cutoff_id;
};

/// A proposal before and after a change, and whether anything changed (no new version
/// otherwise).
struct ProposalChange
{
  domain::Proposal before;
  domain::Proposal proposal; ///< after the change
  bool changed = false;
  /// What the change allowed but the official should know (an EU contribution above the
  /// call's budget).
  std::vector<std::string> warnings;
};

/// Records a proposal and, unless it is a draft, submits it now.
ProposalChange add_proposal(Session& session, const NewProposal& request);

/// A problem check_new_proposal found: the field as ProposalInput::label would be asked to name
/// it ("call", "acronym", "title", "host", "partners", "entity", "plan", "eu_contribution_eur",
/// "national_contribution_eur", "sectors"), or "submission" for a submission refused as a whole
/// (no cut-off open, a required document missing), and why.
struct FieldProblem
{
  std::string field;
  std::string message;
};

/// What check_new_proposal found.
struct NewProposalCheck
{
  std::vector<FieldProblem> problems; ///< empty: add_proposal would record `proposal`
  domain::Proposal proposal;          ///< as it would be recorded (no id yet), when no problem
  std::vector<std::string> warnings;  ///< what add_proposal would warn of (ProposalChange::warnings)
};

/// What add_proposal would refuse in `request`, every problem at once, and else the proposal it
/// would record (its fields canonical, its cut-off), found in one read transaction that writes
/// nothing; another process may change the database before the add. For asking again only
/// what is wrong, and for showing what will be recorded.
NewProposalCheck check_new_proposal(Session& session, const NewProposal& request);

/// Submits a draft, or resubmits a withdrawn proposal before its cut-off.
ProposalChange submit_proposal(Session& session, const std::string& ref);

/// Changes the given fields; a submitted proposal is resubmitted. Refused after its cut-off.
ProposalChange update_proposal(Session& session, const std::string& ref, const ProposalInput& input);

/// Withdraws a submitted proposal before its cut-off; `reason` is required.
ProposalChange withdraw_proposal(Session& session, const std::string& ref, const std::string& reason);

/// Enters a proposal whose cut-off has closed without funding it (withdrawn there, or rejected
/// by the evaluation) into the earliest open cut-off, as a new submission under the same
/// acronym and a new version. The earlier cut-off keeps it as a round: that version, its status
/// and its outcome still count in that cut-off's reports and ranking.
/// Fields given in `input` are changed in the same new version (a partner that does not take
/// part yet, a corrected amount).
ProposalChange resubmit_proposal(Session& session, const std::string& ref, const ProposalInput& input = {});

/// The current version of a proposal.
domain::Proposal show_proposal(Session& session, const std::string& ref);

/// Visits every version of a proposal, oldest first (the last is the one that counts), each with
/// the documents it had, inside one read transaction; with `passes`, that many times in the same
/// read.
void for_each_proposal_version(Session& session, const std::string& ref,
                               const std::function<void(const domain::ProposalVersion&)>& visit,
                               const ListPasses& passes = {});

/// The same versions, collected.
std::vector<domain::ProposalVersion> proposal_history(Session& session, const std::string& ref);

/// Filters of `cfp proposal list`, as typed. A proposal passes a filter when it has any of its
/// values, and the query when it passes every filter; an empty filter lets every proposal pass.
struct ProposalQuery
{
  std::vector<std::string> calls;
  std::vector<std::string> cutoffs; ///< labels, in any call or in those of `calls`
  std::vector<std::string> hosts;
  std::vector<std::string> states; ///< as host or partner
  std::vector<std::string> statuses;
  std::vector<std::string> sectors;
  std::vector<std::string> outcomes;
  /// Read each proposal whole, or only the fields of `proposal list`'s table
  /// (store::ProposalDetail), which spares the rest of each row.
  store::ProposalDetail detail = store::ProposalDetail::whole;
};

/// Visits the proposals `query` selects, in `order` (by default by call and acronym; `sort` is
/// any proposal field), one at a time, inside one read transaction. An unknown call or cut-off
/// label is not found, an unknown state, status, sector or outcome invalid, an unknown sort field
/// a usage error. With `passes`, the rows are visited that many times in the same read.
void for_each_proposal(Session& session, const ProposalQuery& query, const ListOrder& order,
                       const std::function<void(const domain::Proposal&)>& visit, const ListPasses& passes = {});

/// The same as for_each_proposal in the default order, collected.
std::vector<domain::Proposal> list_proposals(Session& session, const ProposalQuery& query);

/// The SHA-256 (64 lowercase hex digits) of a proposal version's content in the store's
/// snapshot form: the receipt of a submission. The same content always gives the same digest.
std::string version_digest(const domain::Proposal& proposal);

/// The proposal REF names: a numeric id, CALL/ACRONYM, or an acronym unique across calls.
domain::Proposal resolve_proposal(const store::Transaction& tx, const std::string& ref);

} // namespace cfp::core

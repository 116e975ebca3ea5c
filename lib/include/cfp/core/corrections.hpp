// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Everyday corrections: a call's title, opening, budget or document rules; a cut-off's instant
// or label; a call, cut-off or draft recorded by mistake. Each is audited with the whole record
// before and after, and each obeys the submission rules: nothing a proposal was submitted to
// changes, and no submission moves to another cut-off.

#include <cfp/core/session.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/proposal.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp call update` (and `cfp call set-parts`) asks for, as typed; an empty member is
/// left as it is. `none` (any case) as the opening, the budget or the required parts clears it.
struct CallCorrection
{
  std::string code;
  std::optional<std::string> title;
  std::optional<std::string> opens;          ///< WHEN text, or "none"
  std::optional<std::string> budget;         ///< money text, or "none"
  std::optional<std::string> required_parts; ///< kinds separated by commas (part-b,annex); empty or "none": none
  std::optional<std::string> document_limit; ///< the size of one document: "20MiB", "512KiB", bytes

  bool empty() const { return !title && !opens && !budget && !required_parts && !document_limit; }
};

/// A call before and after a correction.
struct CallChange
{
  domain::Call before;
  domain::Call call; ///< after the change
  bool changed = false;
  /// The EU contribution of the proposals `rank --apply` selected, when it is more than the
  /// new budget: the funding line was drawn under the old one.
  std::optional<domain::Cents> selected_over_budget;
  /// What new document rules leave as it was, for the person to know: submitted proposals that
  /// lack a part the call requires from now on, documents larger than a lowered limit.
  std::vector<std::string> warnings;
};

/// Changes the title, opening, budget or document rules of a call. Refused when the opening
/// would come after a submission made to the call (any version) or not before one of its
/// cut-offs. New document rules apply to what comes next: a submitted proposal without a part
/// now required keeps its submission and can still be changed (each change warns of the part),
/// and a document larger than a lowered limit stays; both are said in `warnings`.
CallChange update_call(Session& session, const CallCorrection& request);

/// A call as it was removed, with what went with it.
struct RemovedCall
{
  domain::Call call;
  std::vector<domain::Cutoff> cutoffs;
  std::vector<domain::Criterion> criteria;
};

/// Removes a call that has no proposals (drafts included), with its cut-offs and criteria.
RemovedCall remove_call(Session& session, const std::string& code);

/// What `cfp deadline update` asks for, as typed; an empty member is left as it is.
struct DeadlineCorrection
{
  std::string call_code;
  std::string label;                    ///< the cut-off's label now
  std::optional<std::string> when;      ///< WHEN text, read as `deadline add` reads it
  std::optional<std::string> new_label; ///< the label it gets
};

/// A cut-off before and after a correction, with its call's opening.
struct CutoffChange
{
  domain::Cutoff before;
  domain::Cutoff cutoff; ///< after the change
  bool changed = false;
  std::optional<domain::Instant> call_opens;
};

/// Moves or relabels a cut-off that nothing is bound to: no submission (any version), no
/// evaluation; and the move takes no submission from another cut-off. The new instant follows
/// the rules of `deadline add`, and a cut-off open now cannot be moved to a time already past.
CutoffChange update_deadline(Session& session, const DeadlineCorrection& request);

/// A cut-off as it was removed, and what is left of its call.
struct RemovedCutoff
{
  domain::Cutoff cutoff;
  std::optional<domain::Instant> call_opens;
  /// The call's drafts, when no cut-off of it is open any more: they cannot be submitted.
  std::int64_t stranded_drafts = 0;
};

/// Removes a cut-off that nothing is bound to (as update_deadline).
RemovedCutoff remove_deadline(Session& session, const std::string& call_code, const std::string& label);

/// A draft as it was deleted, with how much of it went along.
struct DeletedDraft
{
  domain::Proposal proposal;
  std::size_t earlier_versions = 0;
  std::size_t declared_conflicts = 0;
};

/// Deletes a draft with its earlier versions and the conflicts of interest declared with it;
/// the audit entry keeps all of them. A submitted or withdrawn proposal is refused.
DeletedDraft delete_draft(Session& session, const std::string& ref);

} // namespace cfp::core

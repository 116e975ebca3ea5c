// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/transaction.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp call add` asks for, as typed.
struct NewCall
{
  std::string code;
  std::string title;
  std::optional<std::string> opens;  ///< WHEN text
  std::optional<std::string> budget; ///< money text
};

/// Records a call. Refused when the code is taken; invalid input when a value breaks a rule.
domain::Call add_call(Session& session, const NewCall& request);

/// The call `request` describes, checked but not stored (id 0). Throws invalid_input.
domain::Call checked_call(const Session& session, const NewCall& request);

/// Every call, by code.
std::vector<domain::Call> list_calls(Session& session);

/// A call with its cut-offs, by closing time, and its criteria, by position.
struct CallWithCutoffs
{
  domain::Call call;
  std::vector<domain::Cutoff> cutoffs;
  std::vector<domain::Criterion> criteria;
};

/// Every call with its cut-offs and criteria, by code, read in one snapshot (`cfp export calls`).
std::vector<CallWithCutoffs> list_calls_with_cutoffs(Session& session);

/// A call with its cut-offs and how many proposals it has in each status.
struct CallDetails
{
  domain::Call call;
  std::vector<domain::Cutoff> cutoffs;
  std::vector<std::pair<domain::ProposalStatus, int>> proposals_by_status;
};

CallDetails show_call(Session& session, const std::string& code);

/// What `cfp deadline add` asks for, as typed.
struct NewDeadline
{
  std::string call_code;
  std::string when;                 ///< WHEN text; a bare date means 17:00:00 Brussels
  std::optional<std::string> label; ///< default: the cut-off's date in its legal zone
};

/// Adds a cut-off to a call. Refused when its label or instant is taken, when it closes
/// before the call opens, or when it would move proposals already submitted to it.
domain::Cutoff add_deadline(Session& session, const NewDeadline& request);

/// The legal definition of a cut-off given explicitly (as `cfp export calls` writes it).
struct LegalTime
{
  std::string wall_time; ///< YYYY-MM-DDTHH:MM:SS
  std::string zone;      ///< IANA name
};

/// What add_deadline does, inside the caller's write transaction. With `legal`, the wall time
/// in its zone must give the same instant as `request.when`. With Duplicate::same_is_unchanged
/// a cut-off already there with the same label and instant is left alone (returns nullopt).
enum class Duplicate { refuse, same_is_unchanged };
std::optional<domain::Cutoff> add_deadline_in_transaction(const Session& session, store::Transaction& tx,
                                                          const NewDeadline& request,
                                                          const std::optional<LegalTime>& legal, Duplicate duplicate);

/// A cut-off with whether submissions are still on time for it.
struct DeadlineStatus
{
  domain::Cutoff cutoff;
  bool open = false;                        ///< submissions are taken now: the call has opened, the cut-off not closed
  std::optional<domain::Instant> call_opens; ///< when the cut-off's call opens, if it says
};

/// Where a cut-off stands at an instant: its call has not opened yet, it takes submissions, or
/// it has closed.
enum class CutoffStatus { not_open, open, closed };
std::string_view to_string(CutoffStatus status);

/// The status of `cutoff` of a call opening at `call_opens` (if it says) at `now`.
CutoffStatus cutoff_status(const domain::Cutoff& cutoff, const std::optional<domain::Instant>& call_opens,
                           domain::Instant now);

/// A cut-off's status at `now`, with `open` set accordingly.
DeadlineStatus deadline_status(domain::Cutoff cutoff, const std::optional<domain::Instant>& call_opens,
                               domain::Instant now);

/// Which cut-offs list_deadlines returns.
enum class DeadlineSet { all, open_only };

/// Cut-offs of some calls (or of all calls when `call_codes` is empty), by closing time.
std::vector<DeadlineStatus> list_deadlines(Session& session, const std::vector<std::string>& call_codes,
                                           DeadlineSet set);

/// The call with this code or a not_found error that says how to list the calls.
domain::Call require_call(const store::Transaction& tx, const std::string& code);

/// The calls with these codes, by code, each once however often it is named; not_found for the
/// first code that names no call.
std::vector<domain::Call> require_calls(const store::Transaction& tx, const std::vector<std::string>& codes);

/// The cut-off of `call` labelled `label` (compared case-insensitively) or a not_found error
/// that says how to list them.
domain::Cutoff require_cutoff(const store::Transaction& tx, const domain::Call& call, const std::string& label);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/proposal.hpp>
#include <cfp/domain/stamp.hpp>
#include <cfp/store/list_order.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cfp::store {

/// How much of each proposal a list reads: all of it, or only what `proposal list` shows in its
/// table (id, call, acronym, title, host, partners, entity, plan, status, cut-off label and id,
/// EU contribution, version); the other fields are then left empty (no sectors, no instants, no
/// national contribution, no outcome), and such a proposal must not be written
/// back or digested.
enum class ProposalDetail { whole, summary };

/// Which proposals `ProposalRepository::for_each` visits: a proposal matches a member when it
/// has any of the member's values, and the filter when it matches every member; an empty member
/// does not filter.
struct ProposalFilter
{
  ProposalDetail detail = ProposalDetail::whole; ///< not a filter: how much of each row is read
  std::set<std::int64_t> call_ids;
  std::set<std::string> cutoff_labels; ///< compared ignoring ASCII case
  std::set<std::string> hosts;
  std::set<std::string> states; ///< as host or partner
  std::set<domain::ProposalStatus> statuses;
  std::set<std::string> sectors;
  std::set<domain::Outcome> outcomes;
};

/// What proposals can be ordered by: the default order (call code, then acronym) or one of the
/// proposal's fields. Text is compared ignoring ASCII case; a list (partners, sectors) as its
/// items in the order the proposal keeps them.
enum class ProposalSort {
  call_and_acronym,
  id,
  call,
  acronym,
  title,
  host,
  partners,
  entity,
  plan,
  experimental_platform,
  eu_contribution,
  national_contribution,
  sectors,
  status,
  cutoff,
  cutoff_closes_at,
  submitted_at,
  version,
  withdrawal_reason,
  outcome,
};

/// The order of a proposal list, and how many of it.
using ProposalOrder = ListOrder<ProposalSort>;

/// How many proposals of one call are in one status at one cut-off (none: drafts), and the EU
/// contribution they request together.
struct CutoffTally
{
  std::int64_t call_id = 0;
  std::optional<std::int64_t> cutoff_id;
  domain::ProposalStatus status = domain::ProposalStatus::draft;
  std::int64_t count = 0;
  domain::Cents eu_contribution = 0;
};

/// What one participating state does in the proposals counted (a call's, a cut-off's, or every
/// one): as host, its submitted proposals, their EU and national contributions, those selected
/// and the EU contribution they requested, and its drafts; as partner, its submitted proposals.
struct StateTally
{
  std::string state;
  std::int64_t hosted = 0;
  std::int64_t partnered = 0;
  std::int64_t drafts = 0; ///< of the call (or every call), whatever the cut-off
  std::int64_t selected = 0;
  domain::Cents eu_requested = 0;
  domain::Cents national_committed = 0;
  domain::Cents eu_selected = 0;
};

/// One submission made to a call: the current version of a submitted or withdrawn proposal, or
/// an earlier version that was submitted or withdrawn. What ties it to its cut-off for good.
struct Submission
{
  std::int64_t proposal_id = 0;
  std::string acronym;
  int version = 0;
  bool current = false; ///< the proposal's current version, not one of its history
  domain::ProposalStatus status = domain::ProposalStatus::submitted;
  std::string cutoff_label;
  domain::Instant submitted_at;
};

/// Proposals: the current version of each, and the earlier versions as snapshots.
class ProposalRepository
{
public:
  /// Receives one proposal at a time; what it is given lives only for the call.
  using Visitor = std::function<void(const domain::Proposal&)>;

  ProposalRepository(const ProposalRepository&) = delete;
  ProposalRepository& operator=(const ProposalRepository&) = delete;
  virtual ~ProposalRepository() = default;

  /// Inserts version 1 of `proposal` (its id is ignored), recorded as `stamp` says, and returns
  /// the new id (never the id of a proposal that was deleted).
  virtual std::int64_t insert(std::int64_t call_id, const domain::Proposal& proposal, const domain::Stamp& stamp) = 0;
  /// Replaces the current version by `proposal` (whose version is the new one), recorded as
  /// `stamp` says, and keeps the replaced version in the history. An outcome recorded for the
  /// replaced version is cleared: it was decided on content that is no longer current.
  virtual void update(const domain::Proposal& proposal, const domain::Stamp& stamp) = 0;

  virtual std::optional<domain::Proposal> find(std::int64_t id) const = 0;
  /// The proposal of call `call_id` with this acronym, compared case-insensitively.
  virtual std::optional<domain::Proposal> find(std::int64_t call_id, const std::string& acronym) const = 0;
  /// Every proposal with this acronym (case-insensitive), in any call, by call code.
  virtual std::vector<domain::Proposal> find_by_acronym(const std::string& acronym) const = 0;

  /// Visits the proposals `filter` selects in `order`, one at a time without holding them all.
  virtual void for_each(const ProposalFilter& filter, const ProposalOrder& order, const Visitor& visit) const = 0;
  /// Visits the proposals `filter` selects by call code, then acronym.
  void for_each(const ProposalFilter& filter, const Visitor& visit) const { for_each(filter, {}, visit); }

  /// Records (or with nullopt clears) what the evaluation decided for proposal `id`; its
  /// versions are left alone.
  virtual void set_outcome(std::int64_t id, std::optional<domain::Outcome> outcome) = 0;
  /// The same as for_each, collected.
  std::vector<domain::Proposal> list(const ProposalFilter& filter) const;

  /// Records that proposal `proposal_id` took part in cut-off `cutoff_id` as its version
  /// `version` (already in the history), in `status`, with `outcome`, before it was resubmitted
  /// to a later cut-off.
  virtual void add_round(std::int64_t proposal_id, std::int64_t cutoff_id, int version,
                         domain::ProposalStatus status, std::optional<domain::Outcome> outcome) = 0;
  /// Visits the earlier rounds of resubmitted proposals, of every call (or of one, or of one of
  /// its cut-offs), each as the proposal stood at that cut-off: that version's fields, the
  /// cut-off, the status it had there and the outcome it got there; by call code, acronym and
  /// cut-off, one at a time.
  virtual void for_each_round(std::optional<std::int64_t> call_id, std::optional<std::int64_t> cutoff_id,
                              const Visitor& visit) const = 0;
  /// The same as for_each_round, collected.
  std::vector<domain::Proposal> rounds(std::optional<std::int64_t> call_id,
                                       std::optional<std::int64_t> cutoff_id) const;
  /// Records (or clears) the outcome of a proposal's round at an earlier cut-off.
  virtual void set_round_outcome(std::int64_t proposal_id, std::int64_t cutoff_id,
                                 std::optional<domain::Outcome> outcome) = 0;

  /// Every version of a proposal, oldest first; the last is the current one.
  virtual std::vector<domain::ProposalVersion> history(std::int64_t id) const = 0;
  /// The same versions as history, visited one at a time.
  virtual void for_each_version(std::int64_t id, const std::function<void(const domain::ProposalVersion&)>& visit) const = 0;

  /// Every submission made to call `call_id`: the current versions and the earlier ones that
  /// were submitted or withdrawn (drafts are bound to no cut-off), by acronym (ignoring case),
  /// then version.
  virtual std::vector<Submission> submissions(std::int64_t call_id) const = 0;

  /// Removes the draft `id` with its partners, sectors and earlier versions (the schema lets
  /// only a draft's history go). Its id is never given to another proposal: the audit log
  /// still names it.
  virtual void remove(std::int64_t id) = 0;

  /// Acronyms of submitted or withdrawn proposals of `call_id` that a new cut-off closing at
  /// `closes_at` would take from a later cut-off.
  virtual std::vector<std::string> moved_by_new_cutoff(std::int64_t call_id, domain::Instant closes_at) const = 0;

  /// The proposals of every call (or of one) counted by call, cut-off and status, in one pass.
  virtual std::vector<CutoffTally> tally(std::optional<std::int64_t> call_id) const = 0;

  /// The proposals of every call (or of `call_id`, of its cut-off `cutoff_id`) counted by
  /// participating state, by code; states without proposals are left out.
  virtual std::vector<StateTally> tally_states(std::optional<std::int64_t> call_id,
                                               std::optional<std::int64_t> cutoff_id) const = 0;

  /// How many proposals of a call are in each status, for summaries.
  virtual std::vector<std::pair<domain::ProposalStatus, int>> count_by_status(std::int64_t call_id) const = 0;

protected:
  ProposalRepository() = default;
};

} // namespace cfp::store

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/list_order.hpp>
#include <cfp/core/score_file.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/evaluation.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp score add` asks for, as typed.
struct ScoreRequest
{
  std::string ref;
  std::string expert;
  std::vector<std::string> assignments; ///< "excellence=4.5", one a criterion of the call
  std::optional<std::string> comment;
};

/// What add_score recorded.
struct ScoreOutcome
{
  domain::Proposal proposal;
  domain::Evaluation evaluation;
  bool replaced = false; ///< an earlier evaluation by the same expert was replaced (and kept)
  bool changed = true;   ///< false: the same scores and comment were recorded already
};

/// Records one expert's scores of a submitted proposal whose cut-off has passed, one a
/// criterion of its call. Refused (1): a draft or withdrawn proposal, a cut-off not yet
/// passed, a conflict of interest (naming it). Invalid (65): a malformed assignment, an
/// unknown, repeated or missing criterion, a score off the scale or not a half point.
ScoreOutcome add_score(Session& session, const ScoreRequest& request);

/// Records the agreed score of one or more criteria of a proposal (same refusals as
/// add_score, any subset of the criteria, and refused while no expert has scored it). A
/// criterion given without a comment keeps the comment it had.
struct ConsensusRequest
{
  std::string ref;
  std::vector<std::string> assignments;
  std::optional<std::string> comment;
};
struct ConsensusOutcome
{
  domain::Proposal proposal;
  std::vector<domain::ConsensusScore> recorded; ///< those given, in the criteria's order
  bool changed = false;                         ///< false: each was recorded so already
};
ConsensusOutcome set_consensus(Session& session, const ConsensusRequest& request);

/// Where a criterion's consensus comes from.
enum class ConsensusSource { set, median, none };
std::string_view to_string(ConsensusSource source);

/// One expert's score of one criterion, with the comment of the expert's evaluation.
struct ExpertScore
{
  std::string expert;
  domain::HalfPoints score = 0;
  std::optional<std::string> comment;
};

/// One criterion of one proposal: the experts' scores, the consensus and the spread.
struct CriterionScores
{
  domain::Criterion criterion;
  std::vector<ExpertScore> scores;             ///< by expert name
  std::optional<domain::HalfPoints> consensus; ///< none without scores or consensus
  ConsensusSource source = ConsensusSource::none;
  std::optional<std::string> comment; ///< of a recorded consensus
  domain::HalfPoints spread = 0;      ///< max - min of the scores
};

/// A proposal's scores at the cut-off it has now, a criterion at a time by position.
struct ProposalScores
{
  domain::Proposal proposal;
  std::vector<CriterionScores> criteria;
  domain::HalfPoints overall_threshold = 0;
};

/// Which proposals for_each_scored visits: the one REF names, or those of some calls.
struct ScoreQuery
{
  std::optional<std::string> ref;
  std::vector<std::string> calls;
};

/// Visits the submitted proposals `query` selects, with their scores, by call code and
/// acronym, inside one read transaction; with `passes`, that many times in the same read.
void for_each_scored(Session& session, const ScoreQuery& query,
                     const std::function<void(const ProposalScores&)>& visit, const ListPasses& passes = {});

/// Whether the consensus of `scores` reaches the criterion's threshold.
bool passes(const CriterionScores& scores);

/// The totals of a proposal's consensus scores: empty while a criterion has no consensus.
struct Totals
{
  std::optional<domain::HalfPoints> total;
  std::optional<std::int64_t> weighted_total; ///< half points x thousandths
  bool passed = false;                        ///< every threshold and the overall one reached
};
Totals totals_of(const ProposalScores& scores);

/// The scores of `proposal` (of `call`, at the cut-off it has now), inside the caller's
/// transaction.
ProposalScores scores_of(const store::Transaction& tx, const domain::Call& call, const domain::Proposal& proposal);

/// Visits the proposals of `call` that `filter` selects (its call ids are ignored) and `wanted`
/// keeps (all when empty), in the store's default order (by acronym), each with its scores at
/// the cut-off it has now, one at a time inside the caller's transaction: the call's
/// evaluations are read beside them (store::EvaluationReader), never held.
void for_each_proposal_scores(const store::Transaction& tx, const domain::Call& call, store::ProposalFilter filter,
                              const std::function<void(const ProposalScores&)>& visit,
                              const std::function<bool(const domain::Proposal&)>& wanted = {});

/// The scores of a proposal as it stood at an earlier cut-off, which it was resubmitted from
/// (ProposalRepository::rounds): those given at that cut-off.
ProposalScores round_scores_of(const store::Transaction& tx, const domain::Call& call, const domain::Proposal& round);

/// One version of one expert's evaluation of a proposal (`score history`).
struct EvaluationVersion
{
  std::string call;
  std::string acronym;
  std::string cutoff; ///< the label of the cut-off it was made at
  domain::Evaluation evaluation;
  bool current = false;   ///< the expert's evaluation now, not one it replaced
  bool set_aside = false; ///< a conflict declared since sets the expert's scores aside
};

/// Visits every version of every expert's evaluation of the proposal REF names (only those of
/// `expert` when given), at any cut-off, by the cut-off's closing, expert name and version,
/// inside one read transaction; with `passes`, that many times in the same read. Not found: no
/// such proposal or expert.
void for_each_evaluation_version(Session& session, const std::string& ref, const std::optional<std::string>& expert,
                                 const std::function<void(const EvaluationVersion&)>& visit,
                                 const ListPasses& passes = {});

/// Visits the rows of a score file (`export scores`) inside one read transaction: one a score of
/// the current evaluation of each expert of each submitted proposal of every call (or of the
/// call `call_code` names), at the cut-off each proposal has now, by call code, acronym, expert
/// name and criterion position; scores set aside by a declared conflict are left out.
void for_each_score_row(Session& session, const std::optional<std::string>& call_code,
                        const std::function<void(const ScoreFileRow&)>& visit);

} // namespace cfp::core

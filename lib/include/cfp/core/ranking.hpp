// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/scores.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/money.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp rank` asks for, as typed.
struct RankRequest
{
  std::string call;
  std::optional<std::string> cutoff;      ///< a cut-off label of the call; all passed ones by default
  std::optional<std::string> budget;      ///< euros; the call's budget by default
  std::optional<std::string> min_experts; ///< experts a criterion needs; 3 by default
  bool apply = false;
};

/// Where a proposal stands in a ranking.
enum class RankStatus { funded, reserve, passing, below_threshold, incomplete };
std::string_view to_string(RankStatus status);

/// One considered proposal of a ranking.
struct RankedProposal
{
  std::optional<int> rank; ///< passing proposals only, from 1
  ProposalScores scores;
  Totals totals;
  std::optional<domain::Cents> cumulative; ///< the EU contributions requested down to it, passing ones only
  RankStatus status = RankStatus::incomplete;
  std::string reason;
};

/// A call's ranking: its passing proposals by rank, then those below a threshold, then the
/// incomplete ones.
struct Ranking
{
  domain::Call call;
  std::vector<domain::Criterion> criteria;
  std::optional<std::string> cutoff; ///< the label as stored, when one cut-off was ranked
  std::optional<domain::Cents> budget;
  int min_experts = 3;
  std::vector<RankedProposal> proposals;
  bool applied = false;
  int outcomes_changed = 0; ///< with apply: the proposals whose outcome changed
};

/// The default number of experts every criterion of a proposal needs to be ranked.
inline constexpr int k_default_min_experts = 3;

/// Ranks the submitted proposals of a call whose cut-off has passed (of one cut-off with
/// `cutoff`): incomplete when a criterion has fewer than `min_experts` scores; below_threshold
/// when a consensus misses its criterion's threshold or the total the overall one; the others
/// by weighted total, then each criterion's consensus in position order, then earlier
/// submission, then acronym; funded down the list while the EU contributions requested fit the
/// budget, the first that does not and all after it reserve (passing without a budget). With
/// `apply`, records each one's outcome (selected, reserve, rejected) in one transaction, each
/// change audited; refused while a proposal is incomplete.
Ranking rank_proposals(Session& session, const RankRequest& request);
/// The ranking without `apply`, in a read the caller holds.
Ranking rank_proposals(const Session& session, const store::Transaction& tx, const RankRequest& request);

/// A proposal's evaluation summary (`score summary`): its scores and, once its cut-off has
/// passed, where it stands in the ranking of that cut-off as `cfp rank CALL --cutoff LABEL`
/// ranks it (3 experts a criterion, the call's budget); its recorded outcome is in
/// scores.proposal.outcome.
struct EvaluationSummary
{
  ProposalScores scores;
  std::optional<int> rank;          ///< among the passing proposals of its cut-off
  std::optional<RankStatus> status; ///< none before its cut-off has passed
  std::string reason;               ///< why it stands there (a tie-break, a missed threshold)
  int passing = 0;                  ///< the passing proposals of its cut-off
};

/// The evaluation summary of the submitted proposal REF names, read in one snapshot.
EvaluationSummary evaluation_summary(Session& session, const std::string& ref);

} // namespace cfp::core

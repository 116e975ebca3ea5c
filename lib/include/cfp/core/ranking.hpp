// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/list_order.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/money.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cfp::store {
class Sorter;
}

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

/// One considered proposal of a ranking: what it is ranked on and where it stands. The experts'
/// own scores are not kept (score list shows them): a ranking may have a million rows.
struct RankedProposal
{
  std::optional<int> rank; ///< passing proposals only, from 1
  std::int64_t proposal_id = 0;
  std::int64_t cutoff_id = 0; ///< the cut-off it is ranked at
  bool round = false;         ///< an earlier round of a proposal resubmitted since (a cut-off's ranking)
  std::string acronym;
  std::string host;
  std::optional<domain::Cents> eu_contribution;
  std::optional<domain::Instant> submitted_at;
  std::optional<domain::Outcome> outcome;                   ///< recorded for it (for a round: there)
  std::vector<std::optional<domain::HalfPoints>> consensus; ///< each criterion's, by position
  Totals totals;
  std::optional<domain::Cents> cumulative; ///< the EU contributions requested down to it, passing ones only
  RankStatus status = RankStatus::incomplete;
  std::string reason;
};

/// A call's ranking as it is known before its rows are listed.
struct Ranking
{
  domain::Call call;
  std::vector<domain::Criterion> criteria;
  std::optional<std::string> cutoff; ///< the label as stored, when one cut-off was ranked
  std::optional<domain::Cents> budget;
  int min_experts = 3;
  std::int64_t ranked = 0; ///< the passing proposals (funded, reserve or passing), which get a rank
  std::int64_t below_threshold = 0;
  std::int64_t incomplete = 0;
  bool scored = false; ///< an expert scored one of its proposals

  std::int64_t size() const { return ranked + below_threshold + incomplete; }
};

/// The default number of experts every criterion of a proposal needs to be ranked.
inline constexpr int k_default_min_experts = 3;

/// A call's ranking, made in a read the caller holds and listed as often as needed in it,
/// holding no row: each considered proposal is read once with its scores, and what orders it
/// is kept in the database's temporary storage (store::Sorter), which gives the rows back in
/// order. The rank, the cumulative EU contribution and the funding line are drawn as the rows
/// are listed.
///
/// Ranks the submitted proposals of a call whose cut-off has passed (of one cut-off with
/// `cutoff`, with the proposals submitted there that were resubmitted to a later one since, as
/// they stood there): incomplete when a criterion has fewer than `min_experts` scores;
/// below_threshold when a consensus misses its criterion's threshold or the total the overall
/// one; the others by weighted total, then each criterion's consensus in position order, then
/// earlier submission, then acronym (ignoring ASCII case); funded down the list while the EU
/// contributions requested fit the budget, the first that does not and all after it reserve
/// (passing without a budget). Refused when the contributions requested add up to more than an
/// amount can hold (before any row is listed).
class RankedList
{
public:
  RankedList(const Session& session, const store::Transaction& tx, const RankRequest& request);
  RankedList(const RankedList&) = delete;
  RankedList& operator=(const RankedList&) = delete;
  ~RankedList();

  const Ranking& ranking() const { return m_ranking; }

  /// Visits the rows: the passing proposals by rank, then those below a threshold (by weighted
  /// total), then the incomplete ones (by acronym), each time the same.
  void for_each(const std::function<void(const RankedProposal&)>& visit) const;

private:
  Ranking m_ranking;
  std::unique_ptr<store::Sorter> m_sorter;
};

/// How `rank_proposals` hands over a ranking: `begin` once the ranking is known, before its
/// first row (a table's columns depend on the criteria), saying how many times the rows are to
/// be visited (ListPasses); then `visit` with each row.
struct RankVisitor
{
  std::function<ListPasses(const Ranking&)> begin;
  std::function<void(const RankedProposal&)> visit;
};

/// What `rank_proposals` did, besides listing the rows.
struct RankSummary
{
  Ranking ranking;
  std::array<std::int64_t, 5> statuses{}; ///< how many rows stand in each RankStatus, by its value
  bool applied = false;
  int outcomes_changed = 0; ///< with apply: the proposals whose outcome changed
};

/// Ranks as RankedList says and lists the rows to `visitor`, inside one read transaction. With
/// `apply`, in one write transaction instead, records each one's outcome (selected, reserve,
/// rejected) as the rows are first listed, each change audited; refused while a proposal is
/// incomplete or when there is none to rank, before any row is listed.
RankSummary rank_proposals(Session& session, const RankRequest& request, const RankVisitor& visitor);

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
  std::int64_t passing = 0;         ///< the passing proposals of its cut-off
};

/// The evaluation summary of the submitted proposal REF names, read in one snapshot.
EvaluationSummary evaluation_summary(Session& session, const std::string& ref);

} // namespace cfp::core

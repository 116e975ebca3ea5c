// SPDX-License-Identifier: EUPL-1.2
// What `cfp report html` shows: the other reports, the rankings and the proposals, in one read.
#include <cfp/core/dashboard.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <algorithm>

namespace cfp::core {

namespace {

// Whether any expert has scored a proposal of the ranking.
bool has_scores(const Ranking& ranking)
{
  return std::any_of(ranking.proposals.begin(), ranking.proposals.end(), [](const RankedProposal& ranked) {
    return std::any_of(ranked.scores.criteria.begin(), ranked.scores.criteria.end(),
                       [](const CriterionScores& criterion) { return !criterion.scores.empty(); });
  });
}

} // namespace

Dashboard build_dashboard(Session& session, const DashboardRequest& request)
{
  Dashboard dashboard;
  dashboard.at = session.clock.now();
  return session.database.read("build the dashboard", [&](const store::Transaction& tx) {
    std::optional<domain::Call> only;
    if (request.call) {
      only = require_call(tx, *request.call);
    }
    for (auto& row : report_calls(tx, dashboard.at).rows) {
      if (!only || row.call.id == only->id) {
        dashboard.calls.push_back(std::move(row));
      }
    }
    DeadlineReportRequest deadlines;
    deadlines.call = request.call;
    deadlines.all = true;
    dashboard.deadlines = report_deadlines(tx, deadlines, dashboard.at);
    StateReportRequest states;
    states.call = request.call;
    dashboard.states = report_states(tx, states, dashboard.at);
    for (const auto& row : dashboard.calls) {
      RankRequest rank;
      rank.call = row.call.code;
      auto ranking = rank_proposals(session, tx, rank);
      if (has_scores(ranking)) {
        dashboard.rankings.push_back(std::move(ranking));
      }
    }
    store::ProposalFilter filter;
    if (only) {
      filter.call_ids = {only->id};
    }
    tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) { dashboard.proposals.push_back(proposal); });
    return dashboard;
  });
}

} // namespace cfp::core

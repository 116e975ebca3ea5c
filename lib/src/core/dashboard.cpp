// SPDX-License-Identifier: EUPL-1.2
// What `cfp report html` shows: the other reports, the rankings and the proposals, in one read,
// handed to the page's writer as they are read.
#include <cfp/core/dashboard.hpp>
#include <cfp/store/proposal_repository.hpp>

namespace cfp::core {

void write_dashboard(Session& session, const DashboardRequest& request, DashboardWriter& writer)
{
  Dashboard dashboard;
  dashboard.at = session.clock.now();
  session.database.read("build the dashboard", [&](const store::Transaction& tx) {
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
    writer.overview(dashboard);
    // One ranking at a time: each keeps its order in the database's temporary storage.
    for (const auto& row : dashboard.calls) {
      RankRequest rank;
      rank.call = row.call.code;
      const RankedList ranking(session, tx, rank);
      if (ranking.ranking().scored) {
        writer.ranking(ranking);
      }
    }
    store::ProposalFilter filter;
    if (only) {
      filter.call_ids = {only->id};
    }
    writer.proposals([&](const std::function<void(const domain::Proposal&)>& visit) {
      tx.proposals().for_each(filter, visit);
    });
    return 0;
  });
}

} // namespace cfp::core

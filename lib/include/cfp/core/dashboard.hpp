// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/ranking.hpp>
#include <cfp/core/reports.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/proposal.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp report html` asks for, as typed.
struct DashboardRequest
{
  std::optional<std::string> call;
};

/// Everything the HTML dashboard shows, read in one snapshot at one time.
struct Dashboard
{
  domain::Instant at;
  std::vector<CallReportRow> calls;        ///< the calls shown, by code
  DeadlineReport deadlines;                ///< every cut-off of those calls, by closing time
  StateReport states;                      ///< the states with proposals in those calls
  std::vector<Ranking> rankings;           ///< of the calls with scores, each over its closed cut-offs
  std::vector<domain::Proposal> proposals; ///< every proposal of those calls, by call and acronym
};

/// The dashboard of every call (or of one). Not found (1): an unknown call.
Dashboard build_dashboard(Session& session, const DashboardRequest& request);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/ranking.hpp>
#include <cfp/core/reports.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/proposal.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp report html` asks for, as typed.
struct DashboardRequest
{
  std::optional<std::string> call;
};

/// What the HTML dashboard shows first: a few rows a call, cut-off or state.
struct Dashboard
{
  domain::Instant at;
  std::vector<CallReportRow> calls; ///< the calls shown, by code
  DeadlineReport deadlines;         ///< every cut-off of those calls, by closing time
  StateReport states;               ///< the states with proposals in those calls
};

/// Writes the dashboard as it is read, told in the order the page shows it: the overview, each
/// ranking while its rows can be read, then every proposal. Nothing long is held on the way.
class DashboardWriter
{
public:
  DashboardWriter() = default;
  DashboardWriter(const DashboardWriter&) = delete;
  DashboardWriter& operator=(const DashboardWriter&) = delete;
  virtual ~DashboardWriter() = default;

  /// The calls, cut-offs and states: first.
  virtual void overview(const Dashboard& dashboard) = 0;
  /// The ranking of each call shown whose proposals an expert scored, over its closed cut-offs,
  /// by call code; its rows may be listed as often as needed before this returns.
  virtual void ranking(const RankedList& ranking) = 0;
  /// Then: `for_each` visits every proposal of the calls shown, by call and acronym, one at a
  /// time (once).
  virtual void proposals(const std::function<void(const std::function<void(const domain::Proposal&)>&)>& for_each) = 0;
};

/// Reads the dashboard of every call (or of one) in one snapshot, at one time, and hands it to
/// `writer` as it is read. Not found (1): an unknown call.
void write_dashboard(Session& session, const DashboardRequest& request, DashboardWriter& writer);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
// `cfp report calls`: each call's cut-offs, proposals and next cut-off at the report time.
#include <cfp/core/reports.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

#include <map>

namespace cfp::core {

CallReport report_calls(Session& session, const CallReportRequest& request)
{
  const auto at = report_time(session, request.at);
  return session.database.read("report the calls", [&](const store::Transaction& tx) { return report_calls(tx, at); });
}

CallReport report_calls(const store::Transaction& tx, domain::Instant at)
{
  CallReport report;
  report.at = at;
  std::map<std::string, CallReportRow> by_code; // the calls by code, as they are listed
  std::map<std::int64_t, CallReportRow*> by_id;
  for (auto& call : tx.calls().list()) {
    auto& row = by_code[call.code];
    by_id[call.id] = &row;
    row.call = std::move(call);
  }
  for (auto& cutoff : tx.calls().cutoffs(std::nullopt)) { // by closing time
    auto& row = by_code.at(cutoff.call_code);
    ++row.cutoffs;
    switch (cutoff_status(cutoff, row.call.opens_at, report.at)) {
    case CutoffStatus::open:
      ++row.cutoffs_open;
      break;
    case CutoffStatus::closed:
      ++row.cutoffs_closed;
      break;
    case CutoffStatus::not_open:
      break;
    }
    if (!row.next && cutoff.closes_at >= report.at) {
      row.seconds_left = (cutoff.closes_at - report.at).count();
      row.next = std::move(cutoff);
    }
  }
  for (const auto& tally : tx.proposals().tally(std::nullopt)) {
    auto& row = *by_id.at(tally.call_id);
    switch (tally.status) {
    case domain::ProposalStatus::draft:
      row.drafts += tally.count;
      break;
    case domain::ProposalStatus::submitted:
      row.submitted += tally.count;
      row.eu_requested = add_amounts(row.eu_requested, tally.eu_contribution);
      break;
    case domain::ProposalStatus::withdrawn:
      row.withdrawn += tally.count;
      break;
    }
  }
  for (auto& [code, row] : by_code) {
    report.rows.push_back(std::move(row));
  }
  return report;
}

} // namespace cfp::core

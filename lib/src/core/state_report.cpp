// SPDX-License-Identifier: EUPL-1.2
// `cfp report states`: the proposals by participating state.
#include <cfp/core/reports.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/state_repository.hpp>

#include <algorithm>
#include <map>

namespace cfp::core {

namespace {

// Whether a call's drafts would go to `cutoff` if submitted at `now`: it is the call's earliest
// cut-off taking submissions.
bool takes_the_drafts(const store::Transaction& tx, const domain::Call& call, const domain::Cutoff& cutoff,
                      domain::Instant now)
{
  for (const auto& candidate : tx.calls().cutoffs(call.id)) {
    if (cutoff_status(candidate, call.opens_at, now) == CutoffStatus::open) {
      return candidate.id == cutoff.id;
    }
  }
  return false;
}

void add_to(StateReportRow& total, const StateReportRow& row)
{
  total.hosted += row.hosted;
  total.partnered += row.partnered;
  total.drafts += row.drafts;
  total.selected += row.selected;
  total.eu_requested = add_amounts(total.eu_requested, row.eu_requested);
  total.national_committed = add_amounts(total.national_committed, row.national_committed);
  total.eu_selected = add_amounts(total.eu_selected, row.eu_selected);
}

// Counts a proposal as it stood at an earlier cut-off, as the store's tally counts the current ones.
void add_round(std::map<std::string, store::StateTally>& tallies, const domain::Proposal& round)
{
  const auto tally_of = [&](const std::string& code) -> store::StateTally& {
    auto& tally = tallies[code];
    tally.state = code;
    return tally;
  };
  auto& host = tally_of(round.fields.host);
  ++host.hosted;
  host.eu_requested = add_amounts(host.eu_requested, round.fields.eu_contribution.value_or(0));
  host.national_committed = add_amounts(host.national_committed, round.fields.national_contribution.value_or(0));
  if (round.outcome == domain::Outcome::selected) {
    ++host.selected;
    host.eu_selected = add_amounts(host.eu_selected, round.fields.eu_contribution.value_or(0));
  }
  for (const auto& partner : round.fields.partners) {
    ++tally_of(partner).partnered;
  }
}

} // namespace

StateReport report_states(Session& session, const StateReportRequest& request)
{
  if (request.cutoff && !request.call) {
    throw Error(ErrorKind::usage, "--cutoff needs --call: a cut-off's label names it within its call");
  }
  const auto now = session.clock.now();
  return session.database.read("report the states",
                               [&](const store::Transaction& tx) { return report_states(tx, request, now); });
}

StateReport report_states(const store::Transaction& tx, const StateReportRequest& request, domain::Instant now)
{
  std::optional<domain::Call> call;
  std::optional<domain::Cutoff> cutoff;
  bool drafts = true;
  if (request.call) {
    call = require_call(tx, *request.call);
    if (request.cutoff) {
      cutoff = require_cutoff(tx, *call, *request.cutoff);
      drafts = takes_the_drafts(tx, *call, *cutoff, now);
    }
  }
  std::map<std::string, store::StateTally> tallies;
  for (auto& tally : tx.proposals().tally_states(call ? std::optional(call->id) : std::nullopt,
                                                 cutoff ? std::optional(cutoff->id) : std::nullopt)) {
    tallies.emplace(tally.state, std::move(tally));
  }
  // A cut-off still counts the proposals submitted there that were resubmitted to a later one.
  if (cutoff) {
    tx.proposals().for_each_round(call->id, cutoff->id, [&](const domain::Proposal& round) {
      if (round.status == domain::ProposalStatus::submitted) {
        add_round(tallies, round);
      }
    });
  }
  StateReport report;
  report.total.state.name = "TOTAL";
  for (auto& state : tx.states().list()) {
    StateReportRow row;
    if (const auto found = tallies.find(state.code); found != tallies.end()) {
      const auto& tally = found->second;
      row.hosted = tally.hosted;
      row.partnered = tally.partnered;
      row.drafts = drafts ? tally.drafts : 0;
      row.selected = tally.selected;
      row.eu_requested = tally.eu_requested;
      row.national_committed = tally.national_committed;
      row.eu_selected = tally.eu_selected;
    }
    row.state = std::move(state);
    if (request.all || row.hosted > 0 || row.partnered > 0 || row.drafts > 0) {
      add_to(report.total, row);
      report.rows.push_back(std::move(row));
    }
  }
  return report;
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/calls.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/money.hpp>
#include <cfp/domain/state.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// What `cfp report deadlines` asks for, as typed.
struct DeadlineReportRequest
{
  std::optional<std::string> call;
  std::optional<std::string> at;     ///< WHEN; now by default
  std::optional<std::string> within; ///< DAYS: only the open cut-offs closing within them
  bool all = false;                  ///< every cut-off; else the open ones and those closed in the last 30 days
};

/// One cut-off of the deadline report, at the report time.
struct DeadlineReportRow
{
  DeadlineStatus deadline;
  CutoffStatus status = CutoffStatus::closed;
  std::int64_t seconds_left = 0; ///< negative once closed
  std::int64_t submitted = 0;
  std::int64_t drafts = 0; ///< the call's drafts, counted on its earliest open cut-off (where they would go)
  std::int64_t withdrawn = 0;
  domain::Cents eu_requested = 0;      ///< by the submitted proposals of the cut-off
  std::optional<domain::Cents> budget; ///< the call's
};

/// The deadline report: its time and its rows, by closing time.
struct DeadlineReport
{
  domain::Instant at;
  std::vector<DeadlineReportRow> rows;
};

/// How soon an open cut-off closes: within 24 hours (day), within 7 days (week), or later or
/// not open (none).
enum class Urgency { none, week, day };
Urgency urgency(const DeadlineReportRow& row);

/// The cut-offs of every call (or of one) at the report time, read in one snapshot.
/// Invalid (65): an --at that is no WHEN, a --within that is not a whole number of days from
/// 1 to 36500.
DeadlineReport report_deadlines(Session& session, const DeadlineReportRequest& request);
/// The same in a read the caller holds, at `at` (request.at is not read).
DeadlineReport report_deadlines(const store::Transaction& tx, const DeadlineReportRequest& request, domain::Instant at);

/// What `cfp report states` asks for, as typed.
struct StateReportRequest
{
  std::optional<std::string> call;
  std::optional<std::string> cutoff; ///< a cut-off label of the call
  bool all = false;                  ///< every participating state; else those with proposals
};

/// One participating state in the proposals reported on: as host, its submitted proposals,
/// drafts, the EU contribution requested, the national contribution committed, and those
/// selected (`cfp rank --apply`) with their EU contribution; as partner, its submitted proposals.
struct StateReportRow
{
  domain::State state;
  std::int64_t hosted = 0;
  std::int64_t partnered = 0;
  std::int64_t drafts = 0; ///< with a cut-off, only when the drafts would go to it now
  std::int64_t selected = 0;
  domain::Cents eu_requested = 0;
  domain::Cents national_committed = 0;
  domain::Cents eu_selected = 0;
};

/// The state report: its rows by state code, and their sums (for the table's total row).
struct StateReport
{
  std::vector<StateReportRow> rows;
  StateReportRow total; ///< state.name "TOTAL"; partnered counts partnerships
};

/// The proposals of every call (of one; of one cut-off) by participating state, read in one
/// snapshot. Usage (2): --cutoff without --call; not found (1): an unknown call or cut-off.
StateReport report_states(Session& session, const StateReportRequest& request);
/// The same in a read the caller holds, with the drafts placed as at `now`.
StateReport report_states(const store::Transaction& tx, const StateReportRequest& request, domain::Instant now);

/// What `cfp report calls` asks for, as typed.
struct CallReportRequest
{
  std::optional<std::string> at; ///< WHEN; now by default
};

/// One call at the report time: its cut-offs open and closed, its proposals by status, the EU
/// contribution its submitted proposals request against its budget, and its next cut-off.
struct CallReportRow
{
  domain::Call call;
  std::int64_t cutoffs = 0;
  std::int64_t cutoffs_open = 0;
  std::int64_t cutoffs_closed = 0;
  std::int64_t drafts = 0;
  std::int64_t submitted = 0;
  std::int64_t withdrawn = 0;
  domain::Cents eu_requested = 0;
  std::optional<domain::Cutoff> next; ///< the first cut-off not yet closed
  std::int64_t seconds_left = 0;      ///< until `next` closes
};

/// The call report: its time and a row a call, by code.
struct CallReport
{
  domain::Instant at;
  std::vector<CallReportRow> rows;
};

/// Every call at the report time, read in one snapshot. Invalid (65): an --at that is no WHEN.
CallReport report_calls(Session& session, const CallReportRequest& request);
/// The same in a read the caller holds, at `at`.
CallReport report_calls(const store::Transaction& tx, domain::Instant at);

/// `total` + `amount` for a report's sums; refused (1) when they pass domain::k_max_cents.
domain::Cents add_amounts(domain::Cents total, domain::Cents amount);

/// The report time: `at` (a WHEN, read in the display zone) when given, else now.
domain::Instant report_time(const Session& session, const std::optional<std::string>& at);

/// "12d 03h 20m" until `closes_at`; under an hour with seconds ("0d 00h 00m 30s"); once
/// closed, how long ago ("closed 3d ago", "closed 5h ago", "closed 12m ago", "closed 30s ago").
std::string format_time_left(domain::Instant now, domain::Instant closes_at);

/// The share of `budget` that `amount` is, in percent with one decimal ("12.3"), rounded half up.
std::string format_share(domain::Cents amount, domain::Cents budget);

} // namespace cfp::core

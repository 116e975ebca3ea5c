// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/reports.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <date/date.h>
#include <fmt/format.h>

#include <charconv>
#include <map>

namespace cfp::core {

namespace {

constexpr std::int64_t k_max_days = 36'500;
constexpr auto k_recently_closed = std::chrono::hours{24 * 30};

std::int64_t parse_days(const std::string& text)
{
  std::int64_t days = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || days < 1 || days > k_max_days) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("--within '{}': give a whole number of days from 1 to {}", util::excerpt(text), k_max_days));
  }
  return days;
}

} // namespace

std::string format_time_left(domain::Instant now, domain::Instant closes_at)
{
  using std::chrono::duration_cast;
  if (now > closes_at) {
    const auto ago = now - closes_at;
    if (ago >= date::days{1}) {
      return fmt::format("closed {}d ago", duration_cast<date::days>(ago).count());
    }
    if (ago >= std::chrono::hours{1}) {
      return fmt::format("closed {}h ago", duration_cast<std::chrono::hours>(ago).count());
    }
    if (ago >= std::chrono::minutes{1}) {
      return fmt::format("closed {}m ago", duration_cast<std::chrono::minutes>(ago).count());
    }
    return fmt::format("closed {}s ago", ago.count());
  }
  const auto left = closes_at - now;
  const auto days = duration_cast<date::days>(left);
  const auto hours = duration_cast<std::chrono::hours>(left - days);
  const auto minutes = duration_cast<std::chrono::minutes>(left - days - hours);
  if (left < std::chrono::hours{1}) {
    const auto seconds = left - minutes;
    return fmt::format("0d 00h {:02}m {:02}s", minutes.count(), seconds.count());
  }
  return fmt::format("{}d {:02}h {:02}m", days.count(), hours.count(), minutes.count());
}

Urgency urgency(const DeadlineReportRow& row)
{
  constexpr std::int64_t day = 24 * 60 * 60;
  if (row.status != CutoffStatus::open) {
    return Urgency::none;
  }
  return row.seconds_left <= day ? Urgency::day : row.seconds_left <= 7 * day ? Urgency::week : Urgency::none;
}

std::string format_share(domain::Cents amount, domain::Cents budget)
{
  // Tenths of a percent, rounded half up, without overflow: amount * 2000 fits in 128 bits.
  __extension__ using Wide = __int128;
  // The share may pass 64 bits (92 million billion euros over a budget of a cent): the whole
  // percents are written as billions of billions and the rest.
  const Wide tenths = (Wide{amount} * 2000 + budget) / (Wide{budget} * 2);
  constexpr std::int64_t k_quintillion = 1'000'000'000'000'000'000;
  const Wide whole = tenths / 10;
  const auto digit = static_cast<int>(tenths % 10);
  if (whole < k_quintillion) {
    return fmt::format("{}.{}", static_cast<std::int64_t>(whole), digit);
  }
  return fmt::format("{}{:018}.{}", static_cast<std::int64_t>(whole / k_quintillion),
                     static_cast<std::int64_t>(whole % k_quintillion), digit);
}

domain::Cents add_amounts(domain::Cents total, domain::Cents amount)
{
  const auto sum = domain::add_cents(total, amount);
  if (!sum) {
    throw Error(ErrorKind::refused, std::string(domain::k_sum_too_large));
  }
  return *sum;
}

domain::Instant report_time(const Session& session, const std::optional<std::string>& at)
{
  if (!at) {
    return session.clock.now();
  }
  return util::value_or_throw(domain::parse_when(*at, session.display_zone, domain::BareDate::start_of_day),
                              ErrorKind::invalid_input, "--at")
      .instant;
}

DeadlineReport report_deadlines(Session& session, const DeadlineReportRequest& request)
{
  const auto at = report_time(session, request.at);
  if (request.within) {
    parse_days(*request.within); // refused before the database is opened
  }
  return session.database.read("report the deadlines",
                               [&](const store::Transaction& tx) { return report_deadlines(tx, request, at); });
}

DeadlineReport report_deadlines(const store::Transaction& tx, const DeadlineReportRequest& request, domain::Instant at)
{
  DeadlineReport report;
  report.at = at;
  const auto within = request.within ? std::optional(parse_days(*request.within)) : std::nullopt;
  std::optional<domain::Call> only;
  if (request.call) {
    only = require_call(tx, *request.call);
  }
  std::map<std::string, domain::Call> calls; // by code
  for (auto& call : tx.calls().list()) {
    calls.emplace(call.code, std::move(call));
  }
  std::map<std::int64_t, std::vector<store::CutoffTally>> by_call;
  for (auto& tally : tx.proposals().tally(only ? std::optional(only->id) : std::nullopt)) {
    by_call[tally.call_id].push_back(tally);
  }
  // Proposals resubmitted since still count at the cut-offs they took part in before: counted
  // as they are read, a few numbers a cut-off.
  struct RoundTally
  {
    std::int64_t submitted = 0;
    std::int64_t withdrawn = 0;
    domain::Cents eu_requested = 0;
  };
  std::map<std::int64_t, RoundTally> rounds; // by cut-off id
  tx.proposals().for_each_round(only ? std::optional(only->id) : std::nullopt, std::nullopt,
                                [&](const domain::Proposal& round) {
                                  auto& tally = rounds[*round.cutoff_id];
                                  if (round.status == domain::ProposalStatus::submitted) {
                                    ++tally.submitted;
                                    tally.eu_requested = add_amounts(tally.eu_requested,
                                                                     round.fields.eu_contribution.value_or(0));
                                  } else {
                                    ++tally.withdrawn;
                                  }
                                });
  std::map<std::int64_t, bool> drafts_placed; // by call id: on its earliest open cut-off
  for (auto& cutoff : tx.calls().cutoffs(only ? std::optional(only->id) : std::nullopt)) {
    const auto& call = calls.at(cutoff.call_code);
    DeadlineReportRow row;
    row.status = cutoff_status(cutoff, call.opens_at, report.at);
    row.seconds_left = (cutoff.closes_at - report.at).count();
    row.budget = call.budget;
    for (const auto& tally : by_call[call.id]) {
      if (tally.cutoff_id == cutoff.id && tally.status == domain::ProposalStatus::submitted) {
        row.submitted += tally.count;
        row.eu_requested = add_amounts(row.eu_requested, tally.eu_contribution);
      } else if (tally.cutoff_id == cutoff.id && tally.status == domain::ProposalStatus::withdrawn) {
        row.withdrawn += tally.count;
      } else if (tally.status == domain::ProposalStatus::draft && row.status == CutoffStatus::open &&
                 !drafts_placed[call.id]) {
        row.drafts += tally.count;
      }
    }
    if (const auto round = rounds.find(cutoff.id); round != rounds.end()) {
      row.submitted += round->second.submitted;
      row.withdrawn += round->second.withdrawn;
      row.eu_requested = add_amounts(row.eu_requested, round->second.eu_requested);
    }
    if (row.status == CutoffStatus::open) {
      drafts_placed[call.id] = true;
    }
    row.deadline = deadline_status(std::move(cutoff), call.opens_at, report.at);
    const auto closes_at = row.deadline.cutoff.closes_at;
    const bool shown = within ? row.status == CutoffStatus::open && closes_at - report.at <= date::days{*within}
                       : request.all ? true
                                     : row.status == CutoffStatus::open ||
                                           (row.status == CutoffStatus::closed &&
                                            report.at - closes_at <= k_recently_closed);
    if (shown) {
      report.rows.push_back(std::move(row));
    }
  }
  return report;
}

} // namespace cfp::core

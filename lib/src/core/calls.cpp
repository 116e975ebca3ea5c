// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/criteria.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace cfp::core {

namespace {

domain::AuditSubject subject_of(const domain::Call& call)
{
  return {domain::SubjectKind::call, call.id};
}

} // namespace

domain::Call require_call(const store::Transaction& tx, const std::string& code)
{
  auto call = tx.calls().find(code);
  if (!call) {
    throw Error(ErrorKind::not_found,
                fmt::format("no call '{}'; 'cfp call list' shows the calls", util::excerpt(code)));
  }
  return *call;
}

std::vector<domain::Call> require_calls(const store::Transaction& tx, const std::vector<std::string>& codes)
{
  std::map<std::int64_t, domain::Call> found;
  for (const auto& code : codes) {
    auto call = require_call(tx, code);
    found.emplace(call.id, std::move(call));
  }
  std::vector<domain::Call> calls;
  for (auto& [id, call] : found) {
    calls.push_back(std::move(call));
  }
  std::sort(calls.begin(), calls.end(), [](const domain::Call& a, const domain::Call& b) {
    return util::to_lower_ascii(a.code) < util::to_lower_ascii(b.code);
  });
  return calls;
}

domain::Cutoff require_cutoff(const store::Transaction& tx, const domain::Call& call, const std::string& label)
{
  for (auto& cutoff : tx.calls().cutoffs(call.id)) {
    if (util::iequals(cutoff.label, label)) {
      return std::move(cutoff);
    }
  }
  throw Error(ErrorKind::not_found,
              fmt::format("call {} has no cut-off labelled '{}'; 'cfp deadline list --call {}' shows them", call.code,
                          util::excerpt(label), call.code));
}

domain::Call checked_call(const Session& session, const NewCall& request)
{
  domain::Call call;
  call.code = request.code;
  if (auto problem = domain::check_call_code(call.code)) {
    throw Error(ErrorKind::invalid_input, fmt::format("call code '{}': {}", util::excerpt(request.code), *problem));
  }
  if (auto problem = domain::check_text(request.title, "title")) {
    throw Error(ErrorKind::invalid_input, fmt::format("title: {}", *problem));
  }
  call.title = request.title;
  if (request.opens) {
    call.opens_at =
        util::value_or_throw(domain::parse_when(*request.opens, session.display_zone, domain::BareDate::start_of_day),
                             ErrorKind::invalid_input, fmt::format("opening '{}'", util::excerpt(*request.opens)))
            .instant;
  }
  if (request.budget) {
    call.budget = util::value_or_throw(domain::parse_money(*request.budget), ErrorKind::invalid_input,
                                       fmt::format("budget '{}'", util::excerpt(*request.budget)));
  }
  return call;
}

domain::Call add_call(Session& session, const NewCall& request)
{
  domain::Call call = checked_call(session, request);
  return session.database.write(fmt::format("record call {}", call.code), [&](store::Transaction& tx) {
    if (auto existing = tx.calls().find(call.code)) {
      throw Error(ErrorKind::refused, fmt::format("call {} exists already", existing->code));
    }
    domain::Call stored = call;
    stored.id = tx.calls().insert(stored, session.clock.now());
    record_audit(session, tx,
                 {subject_of(stored), "call " + stored.code, "add", std::nullopt, store::snapshot(stored)});
    add_standard_criteria(session, tx, stored);
    return stored;
  });
}

std::vector<domain::Call> list_calls(Session& session)
{
  return session.database.read("list the calls", [](const store::Transaction& tx) { return tx.calls().list(); });
}

std::vector<CallWithCutoffs> list_calls_with_cutoffs(Session& session)
{
  return session.database.read("export the calls", [](const store::Transaction& tx) {
    std::vector<CallWithCutoffs> calls;
    for (auto& call : tx.calls().list()) {
      auto cutoffs = tx.calls().cutoffs(call.id);
      auto criteria = tx.criteria().of_call(call.id);
      calls.push_back({std::move(call), std::move(cutoffs), std::move(criteria)});
    }
    return calls;
  });
}

CallDetails show_call(Session& session, const std::string& code)
{
  return session.database.read(fmt::format("show call {}", code), [&](const store::Transaction& tx) {
    CallDetails details;
    details.call = require_call(tx, code);
    details.cutoffs = tx.calls().cutoffs(details.call.id);
    details.proposals_by_status = tx.proposals().count_by_status(details.call.id);
    return details;
  });
}

std::optional<domain::Cutoff> add_deadline_in_transaction(const Session& session, store::Transaction& tx,
                                                          const NewDeadline& request,
                                                          const std::optional<LegalTime>& legal, Duplicate duplicate)
{
  const auto when =
      util::value_or_throw(domain::parse_when(request.when, session.display_zone, domain::BareDate::deadline_brussels),
                           ErrorKind::invalid_input, fmt::format("WHEN '{}'", util::excerpt(request.when)));
  domain::Cutoff cutoff;
  cutoff.closes_at = when.instant;
  cutoff.wall_time = when.wall_time;
  cutoff.zone = when.zone;
  if (legal) {
    const auto* zone = util::value_or_throw(domain::find_zone(legal->zone), ErrorKind::invalid_input, "legal_zone");
    const auto wall =
        util::value_or_throw(domain::parse_wall_time(legal->wall_time), ErrorKind::invalid_input, "legal_wall_time");
    // closes_at says which instant a wall time that happens twice is.
    if (!domain::is_wall_time_of(wall, *zone, when.instant)) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("legal_wall_time {} in {} is not {}, which is {} there", legal->wall_time, legal->zone,
                              domain::format_utc(when.instant),
                              domain::format_wall_time(date::make_zoned(zone, when.instant).get_local_time())));
    }
    cutoff.wall_time = wall;
    cutoff.zone = legal->zone;
  }
  cutoff.label = request.label ? *request.label : date::format("%F", date::floor<date::days>(cutoff.wall_time));
  if (auto problem = domain::check_cutoff_label(cutoff.label)) {
    throw Error(ErrorKind::invalid_input, fmt::format("label '{}': {}", util::excerpt(cutoff.label), *problem));
  }

  const auto call = require_call(tx, request.call_code);
  cutoff.call_code = call.code;
  for (const auto& existing : tx.calls().cutoffs(call.id)) {
    const bool same_label = util::iequals(existing.label, cutoff.label);
    if (same_label && existing.closes_at == cutoff.closes_at && duplicate == Duplicate::same_is_unchanged) {
      return std::nullopt;
    }
    if (same_label) {
      throw Error(ErrorKind::refused,
                  fmt::format("call {} has a cut-off labelled '{}' already (closing {}); choose another label",
                              call.code, util::excerpt(existing.label), domain::format_brussels(existing.closes_at)));
    }
    if (existing.closes_at == cutoff.closes_at) {
      throw Error(ErrorKind::refused,
                  fmt::format("call {} has a cut-off at {} already ('{}')", call.code,
                              domain::format_brussels(existing.closes_at), util::excerpt(existing.label)));
    }
  }
  if (call.opens_at && cutoff.closes_at <= *call.opens_at) {
    throw Error(ErrorKind::refused, fmt::format("the cut-off {} is not after the opening of call {} ({})",
                                                domain::format_brussels(cutoff.closes_at), call.code,
                                                domain::format_brussels(*call.opens_at)));
  }
  const auto moved = tx.proposals().moved_by_new_cutoff(call.id, cutoff.closes_at);
  if (!moved.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("a cut-off at {} would move proposals already submitted to a later cut-off of call "
                            "{} ({}); a cut-off may only be added after them",
                            domain::format_brussels(cutoff.closes_at), call.code, util::join(moved, ", ")));
  }
  cutoff.id = tx.calls().insert_cutoff(call.id, cutoff);
  record_audit(session, tx,
               {{domain::SubjectKind::cutoff, cutoff.id},
                fmt::format("cutoff {}/{}", call.code, cutoff.label),
                "add",
                std::nullopt,
                store::snapshot(cutoff)});
  return cutoff;
}

domain::Cutoff add_deadline(Session& session, const NewDeadline& request)
{
  return session.database.write(
      fmt::format("add a cut-off to call {}", request.call_code), [&](store::Transaction& tx) {
        return *add_deadline_in_transaction(session, tx, request, std::nullopt, Duplicate::refuse);
      });
}

std::string_view to_string(CutoffStatus status)
{
  switch (status) {
  case CutoffStatus::not_open:
    return "not_open";
  case CutoffStatus::open:
    return "open";
  case CutoffStatus::closed:
    return "closed";
  }
  return "closed";
}

CutoffStatus cutoff_status(const domain::Cutoff& cutoff, const std::optional<domain::Instant>& call_opens,
                           domain::Instant now)
{
  if (!domain::is_on_time(now, cutoff)) {
    return CutoffStatus::closed;
  }
  return call_opens && now < *call_opens ? CutoffStatus::not_open : CutoffStatus::open;
}

DeadlineStatus deadline_status(domain::Cutoff cutoff, const std::optional<domain::Instant>& call_opens,
                               domain::Instant now)
{
  const bool open = cutoff_status(cutoff, call_opens, now) == CutoffStatus::open;
  return {std::move(cutoff), open, call_opens};
}

std::vector<DeadlineStatus> list_deadlines(Session& session, const std::vector<std::string>& call_codes,
                                           DeadlineSet set)
{
  const auto now = session.clock.now();
  return session.database.read("list the deadlines", [&](const store::Transaction& tx) {
    const auto calls = require_calls(tx, call_codes);
    // One call's cut-offs come from its index; several calls' from the list of all.
    const auto call_id = calls.size() == 1 ? std::optional(calls.front().id) : std::nullopt;
    const auto wanted = [&](const domain::Cutoff& cutoff) {
      return calls.empty() || std::any_of(calls.begin(), calls.end(), [&](const domain::Call& call) {
               return util::iequals(call.code, cutoff.call_code);
             });
    };
    std::map<std::string, std::optional<domain::Instant>> opens; // by call code
    for (const auto& call : tx.calls().list()) {
      opens.emplace(call.code, call.opens_at);
    }
    std::vector<DeadlineStatus> result;
    for (auto& cutoff : tx.calls().cutoffs(call_id)) {
      if (!wanted(cutoff)) {
        continue;
      }
      const auto call_opens = opens[cutoff.call_code];
      auto status = deadline_status(std::move(cutoff), call_opens, now);
      // --open: the cut-offs not yet closed, those of a call that has not opened too.
      if (set == DeadlineSet::all || cutoff_status(status.cutoff, status.call_opens, now) != CutoffStatus::closed) {
        result.push_back(std::move(status));
      }
    }
    return result;
  });
}

} // namespace cfp::core

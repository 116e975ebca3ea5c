#include <cfp/core/calls.hpp>

#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/error.hpp>
#include <cfp/store/records.hpp>
#include <cfp/store/repositories.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core {

domain::Call require_call(store::Database& database, const std::string& code)
{
  auto call = store::CallRepository(database).find(code);
  if (!call) {
    throw Error(ErrorKind::not_found, fmt::format("no call '{}'; 'cfp call list' shows the calls", code));
  }
  return *call;
}

domain::Call checked_call(const Session& session, const NewCall& request)
{
  domain::Call call;
  call.code = request.code;
  if (auto problem = domain::check_call_code(call.code)) {
    throw Error(ErrorKind::invalid_input, fmt::format("call code '{}': {}", request.code, *problem));
  }
  if (auto problem = domain::check_text(request.title, "title")) {
    throw Error(ErrorKind::invalid_input, fmt::format("title: {}", *problem));
  }
  call.title = request.title;
  if (request.opens) {
    call.opens_at = util::value_or_throw(
                      domain::parse_when(*request.opens, session.display_zone, domain::BareDate::start_of_day),
                      ErrorKind::invalid_input, fmt::format("opening '{}'", *request.opens))
                      .instant;
  }
  if (request.budget) {
    call.budget = util::value_or_throw(domain::parse_money(*request.budget), ErrorKind::invalid_input,
                                       fmt::format("budget '{}'", *request.budget));
  }
  return call;
}

domain::Call add_call(Session& session, const NewCall& request)
{
  domain::Call call = checked_call(session, request);
  session.database.write(fmt::format("record call {}", call.code), [&] {
    store::CallRepository calls(session.database);
    if (auto existing = calls.find(call.code)) {
      throw Error(ErrorKind::refused, fmt::format("call {} exists already", existing->code));
    }
    call.id = calls.insert(call, session.clock.now());
    record_audit(session, "call " + call.code, "add", std::nullopt, std::nullopt, store::call_json(call));
  });
  return call;
}

std::vector<domain::Call> list_calls(Session& session)
{
  std::vector<domain::Call> calls;
  session.database.read("list the calls", [&] { calls = store::CallRepository(session.database).list(); });
  return calls;
}

CallDetails show_call(Session& session, const std::string& code)
{
  CallDetails details;
  session.database.read(fmt::format("show call {}", code), [&] {
    details.call = require_call(session.database, code);
    details.cutoffs = store::CallRepository(session.database).cutoffs(details.call.id);
    details.proposals_by_status = store::ProposalRepository(session.database).count_by_status(details.call.id);
  });
  return details;
}

std::optional<domain::Cutoff> add_deadline_in_transaction(Session& session, const NewDeadline& request,
                                                          const std::optional<LegalTime>& legal,
                                                          Duplicate duplicate)
{
  const auto when =
    util::value_or_throw(domain::parse_when(request.when, session.display_zone, domain::BareDate::deadline_brussels),
                         ErrorKind::invalid_input, fmt::format("WHEN '{}'", request.when));
  domain::Cutoff cutoff;
  cutoff.closes_at = when.instant;
  cutoff.wall_time = when.wall_time;
  cutoff.zone = when.zone;
  if (legal) {
    const auto* zone = util::value_or_throw(domain::find_zone(legal->zone), ErrorKind::invalid_input, "legal_zone");
    const auto wall = util::value_or_throw(domain::parse_wall_time(legal->wall_time), ErrorKind::invalid_input,
                                           "legal_wall_time");
    const auto defined = util::value_or_throw(domain::parse_when(domain::format_wall_time(wall), *zone,
                                                                 domain::BareDate::start_of_day),
                                              ErrorKind::invalid_input, "legal_wall_time");
    if (defined.instant != when.instant) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("legal_wall_time {} in {} is {}, not {}", legal->wall_time, legal->zone,
                              domain::format_utc(defined.instant), domain::format_utc(when.instant)));
    }
    cutoff.wall_time = wall;
    cutoff.zone = legal->zone;
  }
  cutoff.label = request.label ? *request.label : date::format("%F", date::floor<date::days>(cutoff.wall_time));
  if (auto problem = domain::check_cutoff_label(cutoff.label)) {
    throw Error(ErrorKind::invalid_input, fmt::format("label '{}': {}", cutoff.label, *problem));
  }

  const auto call = require_call(session.database, request.call_code);
  cutoff.call_code = call.code;
  store::CallRepository calls(session.database);
  for (const auto& existing : calls.cutoffs(call.id)) {
    const bool same_label = util::iequals(existing.label, cutoff.label);
    if (same_label && existing.closes_at == cutoff.closes_at && duplicate == Duplicate::same_is_unchanged) {
      return std::nullopt;
    }
    if (same_label) {
      throw Error(ErrorKind::refused,
                  fmt::format("call {} has a cut-off labelled '{}' already (closing {}); choose another label",
                              call.code, existing.label, detail::brussels_time(existing.closes_at)));
    }
    if (existing.closes_at == cutoff.closes_at) {
      throw Error(ErrorKind::refused, fmt::format("call {} has a cut-off at {} already ('{}')", call.code,
                                                  detail::brussels_time(existing.closes_at), existing.label));
    }
  }
  if (call.opens_at && cutoff.closes_at <= *call.opens_at) {
    throw Error(ErrorKind::refused,
                fmt::format("the cut-off {} is not after the opening of call {} ({})", detail::brussels_time(cutoff.closes_at),
                            call.code, detail::brussels_time(*call.opens_at)));
  }
  const auto moved = store::ProposalRepository(session.database).moved_by_new_cutoff(call.id, cutoff.closes_at);
  if (!moved.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("a cut-off at {} would move proposals already submitted to a later cut-off of call "
                            "{} ({}); a cut-off may only be added after them",
                            detail::brussels_time(cutoff.closes_at), call.code, util::join(moved, ", ")));
  }
  cutoff.id = calls.insert_cutoff(call.id, cutoff);
  record_audit(session, fmt::format("cutoff {}/{}", call.code, cutoff.label), "add", std::nullopt, std::nullopt,
               store::cutoff_json(cutoff));
  return cutoff;
}

domain::Cutoff add_deadline(Session& session, const NewDeadline& request)
{
  domain::Cutoff cutoff;
  session.database.write(fmt::format("add a cut-off to call {}", request.call_code), [&] {
    cutoff = *add_deadline_in_transaction(session, request, std::nullopt, Duplicate::refuse);
  });
  return cutoff;
}

std::vector<DeadlineStatus> list_deadlines(Session& session, const std::optional<std::string>& call_code,
                                           bool open_only)
{
  std::vector<DeadlineStatus> result;
  const auto now = session.clock.now();
  session.database.read("list the deadlines", [&] {
    std::optional<std::int64_t> call_id;
    if (call_code) {
      call_id = require_call(session.database, *call_code).id;
    }
    for (auto& cutoff : store::CallRepository(session.database).cutoffs(call_id)) {
      const bool open = domain::is_on_time(now, cutoff);
      if (open || !open_only) {
        result.push_back({std::move(cutoff), open});
      }
    }
  });
  return result;
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
// `deadline update` and `deadline remove`: a cut-off is a promise to those who submit, so only
// one that nothing is bound to may change, and a change may move no submission.
#include "correction_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/corrections.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core {

namespace {

std::string entity_of(const domain::Call& call, const domain::Cutoff& cutoff)
{
  return fmt::format("cutoff {}/{}", call.code, cutoff.label);
}

// Refuses a cut-off that repeats another's label or instant, or that is not after the opening.
void require_fits(const store::Transaction& tx, const domain::Call& call, const domain::Cutoff& cutoff)
{
  for (const auto& other : tx.calls().cutoffs(call.id)) {
    if (other.id == cutoff.id) {
      continue;
    }
    if (util::iequals(other.label, cutoff.label)) {
      throw Error(ErrorKind::refused,
                  fmt::format("call {} has a cut-off labelled '{}' already (closing {}); choose another label",
                              call.code, util::excerpt(other.label), domain::format_brussels(other.closes_at)));
    }
    if (other.closes_at == cutoff.closes_at) {
      throw Error(ErrorKind::refused,
                  fmt::format("call {} has a cut-off at {} already ('{}')", call.code,
                              domain::format_brussels(other.closes_at), util::excerpt(other.label)));
    }
  }
  if (call.opens_at && cutoff.closes_at <= *call.opens_at) {
    throw Error(ErrorKind::refused, fmt::format("the cut-off {} is not after the opening of call {} ({})",
                                                domain::format_brussels(cutoff.closes_at), call.code,
                                                domain::format_brussels(*call.opens_at)));
  }
}

// Refuses a new instant that would take submissions from a later cut-off: one made at or
// before it and bound to a cut-off closing after it would belong to this one now.
void require_moves_nothing(const store::Transaction& tx, const domain::Call& call, const domain::Cutoff& cutoff,
                           std::string_view what)
{
  const auto cutoffs = tx.calls().cutoffs(call.id);
  std::vector<store::Submission> moved;
  auto earliest = cutoff.closes_at;
  for (auto& submission : tx.proposals().submissions(call.id)) {
    const auto own = std::find_if(cutoffs.begin(), cutoffs.end(), [&](const domain::Cutoff& other) {
      return util::iequals(other.label, submission.cutoff_label);
    });
    if (own != cutoffs.end() && submission.submitted_at <= cutoff.closes_at && own->closes_at > cutoff.closes_at) {
      earliest = std::min(earliest, submission.submitted_at);
      moved.push_back(std::move(submission));
    }
  }
  if (!moved.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: a cut-off at {} would take proposals submitted to a later cut-off of call {} "
                            "({}); move it before {}, when the first of them was submitted, or after their cut-off",
                            what, domain::format_brussels(cutoff.closes_at), call.code,
                            detail::some_of(detail::proposal_names(call.code, moved)),
                            domain::format_brussels(earliest)));
  }
}

bool same(const domain::Cutoff& a, const domain::Cutoff& b)
{
  return a.label == b.label && a.closes_at == b.closes_at && a.wall_time == b.wall_time && a.zone == b.zone;
}

} // namespace

CutoffChange update_deadline(Session& session, const DeadlineCorrection& request)
{
  if (!request.when && !request.new_label) {
    throw Error(ErrorKind::usage, "deadline update needs --when or --label (or both); see 'cfp deadline update "
                                  "--help'");
  }
  std::optional<domain::When> when;
  if (request.when) {
    when = util::value_or_throw(
        domain::parse_when(*request.when, session.display_zone, domain::BareDate::deadline_brussels),
        ErrorKind::invalid_input, fmt::format("--when '{}'", util::excerpt(*request.when)));
  }
  if (request.new_label) {
    if (auto problem = domain::check_cutoff_label(*request.new_label)) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("--label '{}': {}", util::excerpt(*request.new_label), *problem));
    }
  }
  return session.database.write(
      fmt::format("change cut-off {} of call {}", request.label, request.call_code), [&](store::Transaction& tx) {
        const auto call = require_call(tx, request.call_code);
        CutoffChange change{require_cutoff(tx, call, request.label), {}, false, call.opens_at};
        auto& after = change.cutoff = change.before;
        if (when) {
          after.closes_at = when->instant;
          after.wall_time = when->wall_time;
          after.zone = when->zone;
        }
        if (request.new_label) {
          after.label = *request.new_label;
        }
        if (same(after, change.before)) {
          return change;
        }
        const auto what = fmt::format("change cut-off '{}' of call {}", util::excerpt(change.before.label), call.code);
        detail::require_nothing_bound(tx, call, change.before, what);
        require_fits(tx, call, after);
        const auto now = session.clock.now();
        if (domain::is_on_time(now, change.before) && !domain::is_on_time(now, after)) {
          throw Error(ErrorKind::refused,
                      fmt::format("cannot {}: it is open now (until {}), and {} has passed, which would close it at "
                                  "once; give a later time, or remove it with 'cfp deadline remove {} \"{}\"'",
                                  what, domain::format_brussels(change.before.closes_at),
                                  domain::format_brussels(after.closes_at), call.code,
                                  util::excerpt(change.before.label)));
        }
        require_moves_nothing(tx, call, after, what);
        tx.calls().update_cutoff(after);
        change.changed = true;
        record_audit(session, tx,
                     {{domain::SubjectKind::cutoff, after.id},
                      entity_of(call, after),
                      "update",
                      store::snapshot(change.before),
                      store::snapshot(after)});
        return change;
      });
}

RemovedCutoff remove_deadline(Session& session, const std::string& call_code, const std::string& label)
{
  return session.database.write(
      fmt::format("remove cut-off {} of call {}", label, call_code), [&](store::Transaction& tx) {
        const auto call = require_call(tx, call_code);
        RemovedCutoff removed{require_cutoff(tx, call, label), call.opens_at, 0};
        detail::require_nothing_bound(
            tx, call, removed.cutoff,
            fmt::format("remove cut-off '{}' of call {}", util::excerpt(removed.cutoff.label), call.code));
        tx.calls().remove_cutoff(removed.cutoff.id);
        record_audit(session, tx,
                     {{domain::SubjectKind::cutoff, removed.cutoff.id},
                      entity_of(call, removed.cutoff),
                      "remove",
                      store::snapshot(removed.cutoff),
                      std::nullopt});
        const auto now = session.clock.now();
        const auto left = tx.calls().cutoffs(call.id);
        if (std::none_of(left.begin(), left.end(),
                         [&](const domain::Cutoff& cutoff) { return domain::is_on_time(now, cutoff); })) {
          for (const auto& [status, count] : tx.proposals().count_by_status(call.id)) {
            if (status == domain::ProposalStatus::draft) {
              removed.stranded_drafts = count;
            }
          }
        }
        return removed;
      });
}

} // namespace cfp::core

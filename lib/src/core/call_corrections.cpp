// SPDX-License-Identifier: EUPL-1.2
// `call update` and `call remove`: a call's title, opening and budget may be corrected as long
// as no submission made to it falls outside the call, and its document rules at any time (they
// bind what comes next); a call recorded by mistake may go while no proposal refers to it.
#include "correction_rules.hpp"
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/corrections.hpp>
#include <cfp/domain/score.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cfp::core {

namespace {

using nlohmann::ordered_json;

// "none" in any case: the value is cleared.
bool is_none(const std::string& text)
{
  return util::iequals(util::trim(text), "none");
}

// The call with the corrections of `request` applied (checked, not stored).
domain::Call corrected(const Session& session, domain::Call call, const CallCorrection& request)
{
  if (request.title) {
    if (auto problem = domain::check_text(*request.title, "title")) {
      throw Error(ErrorKind::invalid_input, fmt::format("--title: {}", *problem));
    }
    call.title = *request.title;
  }
  if (request.opens) {
    call.opens_at.reset();
    if (!is_none(*request.opens)) {
      call.opens_at =
          util::value_or_throw(domain::parse_when(*request.opens, session.display_zone, domain::BareDate::start_of_day),
                               ErrorKind::invalid_input, fmt::format("--opens '{}'", util::excerpt(*request.opens)))
              .instant;
    }
  }
  if (request.budget) {
    call.budget.reset();
    if (!is_none(*request.budget)) {
      call.budget = util::value_or_throw(domain::parse_money(*request.budget), ErrorKind::invalid_input,
                                         fmt::format("--budget '{}'", util::excerpt(*request.budget)));
    }
  }
  if (request.required_parts) {
    call.required_parts = util::value_or_throw(
        domain::parse_required_parts(is_none(*request.required_parts) ? "" : *request.required_parts),
        ErrorKind::invalid_input, "--required-parts");
  }
  if (request.document_limit) {
    call.document_limit = util::value_or_throw(domain::parse_document_limit(*request.document_limit),
                                               ErrorKind::invalid_input, "--document-limit");
  }
  return call;
}

// How many names a warning gives before "and N more": it is read among other lines.
constexpr std::size_t k_names_in_a_warning = 5;

// The submitted proposals of `after` that lack a part it requires and `before` did not, among
// those whose cut-off is still open. Such a proposal is not locked (a change submits it again
// without the part, which it never had; detail::submit_now), but each change warns of it until
// the part is attached. One whose cut-off closed is final as it was submitted.
std::optional<std::string> lacking_parts_warning(const store::Transaction& tx, const domain::Call& before,
                                                 const domain::Call& after, domain::Instant now)
{
  domain::Call newly = after;
  newly.required_parts.clear();
  for (const auto& kind : after.required_parts) {
    if (std::find(before.required_parts.begin(), before.required_parts.end(), kind) == before.required_parts.end()) {
      newly.required_parts.push_back(kind);
    }
  }
  if (newly.required_parts.empty()) {
    return std::nullopt;
  }
  store::ProposalFilter filter;
  filter.call_ids = {after.id};
  filter.statuses = {domain::ProposalStatus::submitted};
  std::vector<domain::Proposal> open;
  tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
    if (!proposal.cutoff_closes_at || now <= *proposal.cutoff_closes_at) {
      open.push_back(proposal);
    }
  });
  std::vector<std::string> lacking;
  for (const auto& proposal : open) {
    if (!detail::missing_parts(newly, tx.documents().at_version(proposal.id, proposal.version)).empty()) {
      lacking.push_back(proposal.acronym);
    }
  }
  if (lacking.empty()) {
    return std::nullopt;
  }
  const bool one = lacking.size() == 1;
  const bool one_kind = newly.required_parts.size() == 1;
  return fmt::format("{} submitted proposal{} of call {} {} {} it requires now: {}; {} submitted and can still be "
                     "changed, each change warning of what is missing, until {} attached ('cfp proposal attach "
                     "{}/ACRONYM FILE --part {}')",
                     lacking.size(), one ? "" : "s", after.code, one ? "lacks" : "lack",
                     one_kind ? "the part " + newly.required_parts.front()
                              : "one or more of the parts " + util::join(newly.required_parts, ", "),
                     detail::some_of(lacking, k_names_in_a_warning), one ? "it stays" : "they stay",
                     one_kind ? "it is" : "the missing parts are", after.code,
                     one_kind ? newly.required_parts.front() : "KIND");
}

// The current documents of the call's proposals that are larger than its lowered limit: they
// were within the limit when attached, and stay.
std::optional<std::string> oversized_documents_warning(const store::Transaction& tx, const domain::Call& after)
{
  std::vector<std::string> oversized;
  tx.documents().for_each_current(after.id, [&](const store::ProposalDocument& item) {
    if (item.document.size > after.document_limit) {
      oversized.push_back(
          fmt::format("{} {} ({})", item.acronym, item.document.part, domain::format_size(item.document.size)));
    }
  });
  if (oversized.empty()) {
    return std::nullopt;
  }
  const bool one = oversized.size() == 1;
  return fmt::format("{} document{} attached to proposals of call {} {} larger than its new limit of {} ({}); {}, "
                     "and the limit applies to the documents attached from now on",
                     oversized.size(), one ? "" : "s", after.code, one ? "is" : "are",
                     domain::format_limit(after.document_limit), detail::some_of(oversized, k_names_in_a_warning),
                     one ? "it stays" : "they stay");
}

// Refuses an opening that is not before every cut-off of the call, or that comes after a
// submission made to it (any version): the call would not have been open for it.
void require_opening_fits(const store::Transaction& tx, const domain::Call& call)
{
  if (!call.opens_at) {
    return;
  }
  const auto opens = *call.opens_at;
  const auto what = fmt::format("cannot open call {} at {}", call.code, domain::format_brussels(opens));
  for (const auto& cutoff : tx.calls().cutoffs(call.id)) {
    if (cutoff.closes_at <= opens) {
      throw Error(ErrorKind::refused,
                  fmt::format("{}: its cut-off '{}' closes at {}, and a call opens before its cut-offs; open it "
                              "earlier, or, if no proposal was submitted to that cut-off, move it first with 'cfp "
                              "deadline update {} \"{}\" --when WHEN'",
                              what, util::excerpt(cutoff.label), domain::format_brussels(cutoff.closes_at), call.code,
                              util::excerpt(cutoff.label)));
    }
  }
  std::vector<store::Submission> earlier;
  auto first = opens;
  for (auto& submission : tx.proposals().submissions(call.id)) {
    if (submission.submitted_at < opens) {
      first = std::min(first, submission.submitted_at);
      earlier.push_back(std::move(submission));
    }
  }
  if (!earlier.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("{}: proposals were submitted to it before then ({}); the opening may be {} at the "
                            "latest, when the first of them was submitted",
                            what, detail::some_of(detail::proposal_names(call.code, earlier)),
                            domain::format_brussels(first)));
  }
}

// What the proposals `rank --apply` selected request, when it is more than `budget`.
std::optional<domain::Cents> selected_over(const store::Transaction& tx, const domain::Call& call, domain::Cents budget)
{
  store::ProposalFilter filter;
  filter.call_ids = {call.id};
  filter.outcomes = {domain::Outcome::selected};
  std::optional<domain::Cents> total = 0;
  tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
    if (total) {
      total = domain::add_cents(*total, proposal.fields.eu_contribution.value_or(0));
    }
  });
  if (!total) {
    return domain::k_max_cents; // more than any budget
  }
  return *total > budget ? total : std::nullopt;
}

// The call as removed, with its cut-offs and criteria: the audit entry's `before`.
std::string removed_record(const RemovedCall& removed)
{
  auto record = ordered_json::parse(store::snapshot(removed.call));
  record["overall_threshold"] = domain::format_points(removed.call.overall_threshold);
  record["cutoffs"] = ordered_json::array();
  for (const auto& cutoff : removed.cutoffs) {
    record["cutoffs"].push_back(ordered_json::parse(store::snapshot(cutoff)));
  }
  record["criteria"] = ordered_json::array();
  for (const auto& criterion : removed.criteria) {
    record["criteria"].push_back(ordered_json::parse(store::snapshot(criterion)));
  }
  return record.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

CallChange update_call(Session& session, const CallCorrection& request)
{
  if (request.empty()) {
    throw Error(ErrorKind::usage, "call update needs at least one of --title, --opens, --budget, --required-parts "
                                  "and --document-limit; see 'cfp call update --help'");
  }
  // Checked once before the transaction, so that bad input never waits for the lock.
  corrected(session, {}, request);
  return session.database.write(fmt::format("update call {}", request.code), [&](store::Transaction& tx) {
    CallChange change;
    change.before = require_call(tx, request.code);
    change.call = corrected(session, change.before, request);
    const auto& after = change.call;
    const auto& before = change.before;
    if (after.title == before.title && after.opens_at == before.opens_at && after.budget == before.budget &&
        after.required_parts == before.required_parts && after.document_limit == before.document_limit) {
      return change;
    }
    if (after.opens_at != before.opens_at) {
      require_opening_fits(tx, after);
    }
    tx.calls().update(after);
    change.changed = true;
    record_audit(session, tx,
                 {{domain::SubjectKind::call, after.id},
                  "call " + after.code,
                  "update",
                  store::snapshot(before),
                  store::snapshot(after)});
    if (after.budget && after.budget != before.budget) {
      change.selected_over_budget = selected_over(tx, after, *after.budget);
    }
    if (auto warning = lacking_parts_warning(tx, before, after, session.clock.now())) {
      change.warnings.push_back(std::move(*warning));
    }
    if (after.document_limit < before.document_limit) {
      if (auto warning = oversized_documents_warning(tx, after)) {
        change.warnings.push_back(std::move(*warning));
      }
    }
    return change;
  });
}

RemovedCall remove_call(Session& session, const std::string& code)
{
  return session.database.write(fmt::format("remove call {}", code), [&](store::Transaction& tx) {
    RemovedCall removed;
    removed.call = require_call(tx, code);
    const auto& call = removed.call;
    store::ProposalFilter filter;
    filter.call_ids = {call.id};
    std::vector<std::string> names;
    bool submitted = false;
    tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
      const bool draft = proposal.status == domain::ProposalStatus::draft;
      submitted = submitted || !draft;
      names.push_back(fmt::format("{}/{}{}", call.code, proposal.acronym,
                                  draft ? "" : fmt::format(" ({})", domain::to_string(proposal.status))));
    });
    if (!names.empty()) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot remove call {}: it has {} proposal{} ({}); {}", call.code, names.size(),
                              names.size() == 1 ? "" : "s", detail::some_of(names),
                              submitted ? "a call that received submissions stays on record"
                                        : "delete the drafts first with 'cfp proposal delete REF'"));
    }
    if (tx.evaluations().any_scores(call.id)) {
      throw Error(ErrorKind::refused, fmt::format("cannot remove call {}: it has scores", call.code));
    }
    removed.cutoffs = tx.calls().cutoffs(call.id);
    removed.criteria = tx.criteria().of_call(call.id);
    tx.criteria().replace(call.id, {});
    tx.calls().remove(call.id);
    record_audit(
        session, tx,
        {{domain::SubjectKind::call, call.id}, "call " + call.code, "remove", removed_record(removed), std::nullopt});
    return removed;
  });
}

} // namespace cfp::core

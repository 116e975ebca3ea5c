// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace cfp::core {

namespace {

using domain::Proposal;
using domain::ProposalStatus;

std::string entity_of(const Proposal& proposal)
{
  return fmt::format("proposal {}/{}", proposal.call_code, proposal.acronym);
}

domain::AuditSubject subject_of(const Proposal& proposal)
{
  return {domain::SubjectKind::proposal, proposal.id};
}

// Applies `input` onto `fields`, or throws invalid_input listing every broken rule. When
// `unsubmittable` is given, fields that leave out the EU contribution (which a submission
// needs) break a rule too, and that is its message (unless the amount given was wrong).
domain::ProposalFields checked_fields(const detail::ReferenceData& reference, domain::ProposalFields fields,
                                      const ProposalInput& input, std::string_view what,
                                      const std::optional<std::string>& unsubmittable = std::nullopt)
{
  auto errors = detail::apply_input(reference, fields, input);
  const auto missing = domain::check_submittable(fields);
  if (unsubmittable && missing &&
      std::none_of(errors.begin(), errors.end(),
                   [&](const domain::FieldError& error) { return error.field == missing->field; })) {
    errors.push_back({"--eu-contribution", *unsubmittable});
  }
  if (errors.size() == 1) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("cannot {}: {}: {}", what, errors.front().field, errors.front().message));
  }
  if (!errors.empty()) {
    std::vector<std::string> lines;
    for (const auto& error : errors) {
      lines.push_back(error.field + ": " + error.message);
    }
    throw Error(ErrorKind::invalid_input, fmt::format("cannot {}:\n  {}", what, util::join(lines, "\n  ")));
  }
  return fields;
}

// Assigns the cut-off a submission now belongs to, or refuses when none is open.
void submit_now(detail::ReferenceData& reference, Proposal& proposal, domain::Instant now)
{
  const auto* call = reference.call(proposal.call_code);
  if (call == nullptr) {
    throw Error(ErrorKind::internal, fmt::format("call {} vanished", proposal.call_code));
  }
  const auto cutoff = util::value_or_throw(detail::submission_cutoff(reference, *call, proposal.fields, now),
                                           ErrorKind::refused, fmt::format("cannot submit {}", proposal.acronym));
  proposal.status = ProposalStatus::submitted;
  proposal.submitted_at = now;
  proposal.cutoff_id = cutoff.id;
  proposal.cutoff_label = cutoff.label;
  proposal.cutoff_closes_at = cutoff.closes_at;
  proposal.withdrawal_reason.reset();
}

// Refuses any change to a proposal whose cut-off has passed.
void require_open(const Proposal& proposal, domain::Instant now, std::string_view what)
{
  if (proposal.cutoff_closes_at && now > *proposal.cutoff_closes_at) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: {} belongs to cut-off '{}', which closed at {}; it is read-only now", what,
                            proposal.acronym, util::excerpt(proposal.cutoff_label.value_or("?")),
                            domain::format_brussels(*proposal.cutoff_closes_at)));
  }
}

// Stores `after` as the next version of `before` and logs the change.
void save_version(const Session& session, store::Transaction& tx, const Proposal& before, Proposal& after,
                  const std::string& action)
{
  after.version = before.version + 1;
  tx.proposals().update(after, session.stamp());
  record_audit(session, tx,
               {subject_of(after), entity_of(after), action, store::snapshot(before), store::snapshot(after)});
}

} // namespace

std::string version_digest(const Proposal& proposal)
{
  const auto content = store::snapshot(proposal);
  util::Sha256 hash;
  hash.update(content.data(), content.size());
  return hash.hex();
}

Proposal resolve_proposal(const store::Transaction& tx, const std::string& ref)
{
  const auto& proposals = tx.proposals();
  const std::string text(util::trim(ref));
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (!text.empty() && error == std::errc{} && end == text.data() + text.size()) {
    if (auto proposal = proposals.find(id)) {
      return *proposal;
    }
    // An all-digit acronym ("2025") is still found when no proposal has that id.
    if (proposals.find_by_acronym(text).empty()) {
      throw Error(ErrorKind::not_found, fmt::format("no proposal with id {}", id));
    }
  }
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    const auto call = require_call(tx, text.substr(0, slash));
    if (auto proposal = proposals.find(call.id, text.substr(slash + 1))) {
      return *proposal;
    }
    throw Error(ErrorKind::not_found,
                fmt::format("no proposal '{}' in call {}", util::excerpt(text.substr(slash + 1)), call.code));
  }
  auto found = proposals.find_by_acronym(text);
  if (found.empty()) {
    throw Error(ErrorKind::not_found,
                fmt::format("no proposal '{}'; 'cfp proposal list' shows the proposals", util::excerpt(text)));
  }
  if (found.size() > 1) {
    std::vector<std::string> refs;
    for (const auto& proposal : found) {
      refs.push_back(proposal.call_code + "/" + proposal.acronym);
    }
    throw Error(ErrorKind::refused, fmt::format("'{}' is an acronym in several calls; name one: {}",
                                                util::excerpt(text), util::join(refs, ", ")));
  }
  return found.front();
}

Proposal add_proposal(Session& session, const NewProposal& request)
{
  const std::string what = fmt::format("record proposal {}", request.acronym);
  if (auto problem = domain::check_acronym(request.acronym)) {
    throw Error(ErrorKind::invalid_input, fmt::format("cannot {}: {}", what, *problem));
  }
  return session.database.write(what, [&](store::Transaction& tx) {
    Proposal proposal;
    proposal.acronym = request.acronym;
    const auto call = require_call(tx, request.call_code);
    proposal.call_code = call.code;
    if (auto existing = tx.proposals().find(call.id, request.acronym)) {
      throw Error(ErrorKind::refused, fmt::format("cannot {}: acronym {} is already used in call {} (proposal {})",
                                                  what, existing->acronym, call.code, existing->id));
    }
    detail::ReferenceData reference(tx);
    proposal.fields =
        checked_fields(reference, {}, request.input, what,
                       request.draft ? std::nullopt
                                     : std::optional<std::string>("required to submit; give it, or keep the proposal as "
                                                                  "a --draft"));
    const auto now = session.clock.now();
    if (!request.draft) {
      submit_now(reference, proposal, now);
    }
    proposal.version = 1;
    auto stamp = session.stamp();
    stamp.at = now;
    proposal.id = tx.proposals().insert(call.id, proposal, stamp);
    record_audit(session, tx,
                 {subject_of(proposal), entity_of(proposal), "add", std::nullopt, store::snapshot(proposal)});
    return proposal;
  });
}

ProposalChange submit_proposal(Session& session, const std::string& ref)
{
  return session.database.write(fmt::format("submit proposal {}", ref), [&](store::Transaction& tx) -> ProposalChange {
    const auto before = resolve_proposal(tx, ref);
    const auto now = session.clock.now();
    if (before.status == ProposalStatus::submitted) {
      throw Error(ErrorKind::refused, fmt::format("{} is already submitted (to cut-off '{}'); use 'cfp proposal "
                                                  "update' to change it",
                                                  before.acronym, util::excerpt(before.cutoff_label.value_or("?"))));
    }
    require_open(before, now, fmt::format("resubmit {}", before.acronym));
    if (domain::check_submittable(before.fields)) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot submit {}: it has no EU contribution, which a submission requires; give it "
                              "with 'cfp proposal update {}/{} --eu-contribution AMOUNT' first",
                              before.acronym, before.call_code, before.acronym));
    }
    Proposal after = before;
    detail::ReferenceData reference(tx);
    submit_now(reference, after, now);
    save_version(session, tx, before, after, "submit");
    return ProposalChange{before, after, true};
  });
}

ProposalChange update_proposal(Session& session, const std::string& ref, const ProposalInput& input)
{
  if (input.empty()) {
    throw Error(ErrorKind::usage, "proposal update needs at least one field option (such as --title or --host); "
                                  "see 'cfp proposal update --help'");
  }
  return session.database.write(fmt::format("update proposal {}", ref), [&](store::Transaction& tx) {
    const auto before = resolve_proposal(tx, ref);
    const auto now = session.clock.now();
    const std::string what = fmt::format("update {}", before.acronym);
    require_open(before, now, what);
    Proposal after = before;
    detail::ReferenceData reference(tx);
    // Only a draft may leave the EU contribution out.
    after.fields = checked_fields(reference, before.fields, input, what,
                                  before.status == ProposalStatus::draft
                                      ? std::nullopt
                                      : std::optional(fmt::format("required to submit; {} is {} and keeps one (give "
                                                                  "an amount)",
                                                                  before.acronym, domain::to_string(before.status))));
    if (after.fields == before.fields) {
      return ProposalChange{before, before, false};
    }
    // The latest version is the one that counts: a submitted proposal is submitted again now.
    if (after.status == ProposalStatus::submitted) {
      submit_now(reference, after, now);
    }
    save_version(session, tx, before, after, "update");
    return ProposalChange{before, after, true};
  });
}

ProposalChange withdraw_proposal(Session& session, const std::string& ref, const std::string& reason)
{
  if (auto problem = domain::check_text(reason, "reason")) {
    throw Error(ErrorKind::invalid_input, fmt::format("--reason: {}", *problem));
  }
  return session.database.write(fmt::format("withdraw proposal {}", ref), [&](store::Transaction& tx) -> ProposalChange {
    const auto before = resolve_proposal(tx, ref);
    const auto now = session.clock.now();
    if (before.status != ProposalStatus::submitted) {
      throw Error(ErrorKind::refused, fmt::format("{} is {}, not submitted; only a submitted proposal can be "
                                                  "withdrawn",
                                                  before.acronym, domain::to_string(before.status)));
    }
    require_open(before, now, fmt::format("withdraw {}", before.acronym));
    Proposal after = before;
    after.status = ProposalStatus::withdrawn;
    after.withdrawal_reason = reason;
    save_version(session, tx, before, after, "withdraw");
    return ProposalChange{before, after, true};
  });
}

Proposal show_proposal(Session& session, const std::string& ref)
{
  return session.database.read(fmt::format("show proposal {}", ref),
                               [&](const store::Transaction& tx) { return resolve_proposal(tx, ref); });
}

std::vector<domain::ProposalVersion> proposal_history(Session& session, const std::string& ref)
{
  return session.database.read(fmt::format("read the history of proposal {}", ref), [&](const store::Transaction& tx) {
    return tx.proposals().history(resolve_proposal(tx, ref).id);
  });
}

void for_each_proposal(Session& session, const ProposalQuery& query,
                       const std::function<void(const domain::Proposal&)>& visit)
{
  store::ProposalFilter filter;
  if (query.status) {
    filter.status = util::value_or_throw(domain::parse_status(*query.status), ErrorKind::invalid_input, "--status");
  }
  if (query.sector) {
    filter.sector = util::value_or_throw(domain::parse_sector(*query.sector), ErrorKind::invalid_input, "--sector");
  }
  if (query.outcome) {
    filter.outcome = util::value_or_throw(domain::parse_outcome(*query.outcome), ErrorKind::invalid_input, "--outcome");
  }
  filter.cutoff_label = query.cutoff;
  session.database.read("list the proposals", [&](const store::Transaction& tx) {
    if (query.call) {
      filter.call_id = require_call(tx, *query.call).id;
    }
    if (query.cutoff) {
      const auto cutoffs = tx.calls().cutoffs(filter.call_id);
      if (std::none_of(cutoffs.begin(), cutoffs.end(),
                       [&](const domain::Cutoff& cutoff) { return util::iequals(cutoff.label, *query.cutoff); })) {
        throw Error(ErrorKind::not_found, fmt::format("no cut-off labelled '{}'{}; 'cfp deadline list' shows them",
                                                      util::excerpt(*query.cutoff),
                                                      query.call ? " in call " + util::excerpt(*query.call) : ""));
      }
    }
    if (query.host) {
      filter.host = resolve_state(tx, *query.host, "--host");
    }
    if (query.state) {
      filter.state = resolve_state(tx, *query.state, "--state");
    }
    tx.proposals().for_each(filter, visit);
  });
}

std::vector<Proposal> list_proposals(Session& session, const ProposalQuery& query)
{
  std::vector<Proposal> proposals;
  for_each_proposal(session, query, [&](const Proposal& proposal) { proposals.push_back(proposal); });
  return proposals;
}

} // namespace cfp::core

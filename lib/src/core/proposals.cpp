// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/documents.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/document_repository.hpp>
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

// A warning when the EU contribution asked for is above the call's whole budget: allowed (the
// budget may grow, the request may be cut), but most likely a typing mistake.
std::vector<std::string> budget_warnings(const std::optional<domain::Cents>& budget, const Proposal& proposal)
{
  if (!budget || !proposal.fields.eu_contribution || *proposal.fields.eu_contribution <= *budget) {
    return {};
  }
  return {fmt::format("{} asks for an EU contribution of {} EUR, more than the budget of call {} ({} EUR); check "
                      "the amount",
                      proposal.acronym, domain::format_money_grouped(*proposal.fields.eu_contribution),
                      proposal.call_code, domain::format_money_grouped(*budget))};
}

// The proposal with the documents of its current version.
Proposal with_documents(const store::Transaction& tx, Proposal proposal)
{
  proposal.documents = tx.documents().at_version(proposal.id, proposal.version);
  return proposal;
}

} // namespace

std::string documents_digest_lines(const std::vector<domain::Document>& documents)
{
  std::string lines;
  for (const auto& document : documents) {
    lines += document.part + ' ' + document.sha256 + '\n';
  }
  return lines;
}

std::string version_digest(const Proposal& proposal)
{
  auto content = store::snapshot(proposal);
  // A version with documents: the snapshot, a line feed, and a line a document (`PART SHA256`).
  // A version without keeps the digest it always had.
  if (!proposal.documents.empty()) {
    content += '\n';
    content += documents_digest_lines(proposal.documents);
  }
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
      return with_documents(tx, std::move(*proposal));
    }
    // An all-digit acronym ("2025") is still found when no proposal has that id.
    if (proposals.find_by_acronym(text).empty()) {
      throw Error(ErrorKind::not_found, fmt::format("no proposal with id {}", id));
    }
  }
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    const auto call = require_call(tx, text.substr(0, slash));
    if (auto proposal = proposals.find(call.id, text.substr(slash + 1))) {
      return with_documents(tx, std::move(*proposal));
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
  return with_documents(tx, std::move(found.front()));
}

namespace {

// The proposal add_proposal would record for `request` (submitted unless a draft; without its
// id), and its call, with every problem found added to `problems`. A submission refused as a
// whole (no cut-off open, a document missing) throws.
std::pair<std::optional<domain::Call>, Proposal> new_proposal(const Session& session, const store::Transaction& tx,
                                                              detail::ReferenceData& reference,
                                                              const NewProposal& request,
                                                              std::vector<detail::Problem>& problems)
{
  const auto& input = request.input;
  if (auto problem = domain::check_acronym(request.acronym)) {
    problems.push_back({input.label_of("acronym"), *problem});
  }
  auto call = tx.calls().find(request.call_code);
  if (!call) {
    problems.push_back({input.label_of("call"),
                        fmt::format("no call '{}'; 'cfp call list' shows the calls", util::excerpt(request.call_code)),
                        ErrorKind::not_found});
  } else if (auto existing = tx.proposals().find(call->id, request.acronym)) {
    problems.push_back({input.label_of("acronym"),
                        fmt::format("{} is already used in call {} (proposal {})", existing->acronym, call->code,
                                    existing->id),
                        ErrorKind::refused});
  }
  Proposal proposal;
  proposal.acronym = request.acronym;
  proposal.fields = detail::applied_fields(reference, {}, input, problems,
                                           request.draft ? std::nullopt
                                                         : std::optional<std::string>("required to submit; give it, or "
                                                                                      "keep the proposal as a --draft"));
  if (problems.empty()) {
    proposal.call_code = call->code;
    if (!request.draft) {
      detail::submit_now(reference, proposal, session.clock.now());
      if (request.cutoff_id && proposal.cutoff_id != *request.cutoff_id) {
        throw Error(ErrorKind::refused,
                    fmt::format("cannot submit {}: the cut-off confirmed has closed meanwhile; it would go to "
                                "cut-off '{}' now",
                                proposal.acronym, proposal.cutoff_label.value_or("?")));
      }
    }
    proposal.version = 1;
  }
  return {std::move(call), std::move(proposal)};
}

} // namespace

ProposalChange add_proposal(Session& session, const NewProposal& request)
{
  const std::string what = fmt::format("record proposal {}", util::excerpt(request.acronym));
  return session.database.write(what, [&](store::Transaction& tx) -> ProposalChange {
    // Every problem at once: the call, the acronym and each field.
    std::vector<detail::Problem> problems;
    detail::ReferenceData reference(tx);
    auto [call, proposal] = new_proposal(session, tx, reference, request, problems);
    detail::throw_problems(problems, what);
    auto stamp = session.stamp();
    stamp.at = proposal.submitted_at.value_or(session.clock.now());
    proposal.id = tx.proposals().insert(call->id, proposal, stamp);
    record_audit(session, tx,
                 {detail::subject_of(proposal), detail::entity_of(proposal), "add", std::nullopt, store::snapshot(proposal)});
    return ProposalChange{{}, proposal, true, budget_warnings(call->budget, proposal)};
  });
}

NewProposalCheck check_new_proposal(Session& session, const NewProposal& request)
{
  NewProposal unlabelled = request;
  unlabelled.input.label = nullptr;
  return session.database.read("check proposal", [&](const store::Transaction& tx) {
    std::vector<detail::Problem> problems;
    detail::ReferenceData reference(tx);
    NewProposalCheck check;
    try {
      auto [call, proposal] = new_proposal(session, tx, reference, unlabelled, problems);
      if (problems.empty()) {
        check.warnings = budget_warnings(call->budget, proposal);
      }
      check.proposal = std::move(proposal);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::refused) {
        throw;
      }
      problems.push_back({"submission", error.message(), error.kind()});
    }
    for (auto& problem : problems) {
      check.problems.push_back({std::move(problem.field), std::move(problem.message)});
    }
    return check;
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
    if (before.status == ProposalStatus::withdrawn && before.cutoff_closes_at && now > *before.cutoff_closes_at) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot submit {} again to cut-off '{}', which closed at {}; 'cfp proposal resubmit {}' "
                              "enters it into the next open cut-off",
                              before.acronym, util::excerpt(before.cutoff_label.value_or("?")),
                              domain::format_brussels(*before.cutoff_closes_at), before.acronym));
    }
    detail::require_open(before, now, fmt::format("resubmit {}", before.acronym));
    if (domain::check_submittable(before.fields)) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot submit {}: it has no EU contribution, which a submission requires; give it "
                              "with 'cfp proposal update {}/{} --eu-contribution AMOUNT' first",
                              before.acronym, before.call_code, before.acronym));
    }
    Proposal after = before;
    detail::ReferenceData reference(tx);
    detail::submit_now(reference, after, now);
    detail::save_version(session, tx, before, after, "submit");
    return ProposalChange{before, after, true, {}};
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
    detail::require_open(before, now, what);
    Proposal after = before;
    detail::ReferenceData reference(tx);
    // Only a draft may leave the EU contribution out.
    after.fields = detail::checked_fields(reference, before.fields, input, what,
                                  before.status == ProposalStatus::draft
                                      ? std::nullopt
                                      : std::optional(fmt::format("required to submit; {} is {} and keeps one (give "
                                                                  "an amount)",
                                                                  before.acronym, domain::to_string(before.status))));
    if (after.fields == before.fields) {
      return ProposalChange{before, before, false, {}};
    }
    // The latest version is the one that counts: a submitted proposal is submitted again now.
    if (after.status == ProposalStatus::submitted) {
      detail::submit_now(reference, after, now, &before);
    }
    detail::save_version(session, tx, before, after, "update");
    ProposalChange change{before, after, true, detail::missing_part_warnings(reference, after)};
    if (after.fields.eu_contribution != before.fields.eu_contribution) {
      if (const auto* info = reference.call(after.call_code)) {
        const auto budget = budget_warnings(info->call.budget, after);
        change.warnings.insert(change.warnings.end(), budget.begin(), budget.end());
      }
    }
    return change;
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
    detail::require_open(before, now, fmt::format("withdraw {}", before.acronym));
    Proposal after = before;
    after.status = ProposalStatus::withdrawn;
    after.withdrawal_reason = reason;
    detail::save_version(session, tx, before, after, "withdraw");
    return ProposalChange{before, after, true, {}};
  });
}

Proposal show_proposal(Session& session, const std::string& ref)
{
  return session.database.read(fmt::format("show proposal {}", ref),
                               [&](const store::Transaction& tx) { return resolve_proposal(tx, ref); });
}

void for_each_proposal_version(Session& session, const std::string& ref,
                               const std::function<void(const domain::ProposalVersion&)>& visit,
                               const ListPasses& passes)
{
  session.database.read(fmt::format("read the history of proposal {}", ref), [&](const store::Transaction& tx) {
    const auto id = resolve_proposal(tx, ref).id;
    // Each version's documents, from the one list of every document the proposal had.
    const auto documents = tx.documents().all_versions(id);
    run_passes(passes, [&] {
      tx.proposals().for_each_version(id, [&](const domain::ProposalVersion& stored) {
        auto version = stored;
        const int number = version.proposal.version;
        for (const auto& [document, until] : documents) {
          if (document.version <= number && (!until || *until > number)) {
            version.proposal.documents.push_back(document);
          }
        }
        std::sort(version.proposal.documents.begin(), version.proposal.documents.end(),
                  [](const auto& a, const auto& b) { return domain::part_before(a.part, b.part); });
        visit(version);
      });
    });
    return 0;
  });
}

std::vector<domain::ProposalVersion> proposal_history(Session& session, const std::string& ref)
{
  std::vector<domain::ProposalVersion> versions;
  for_each_proposal_version(session, ref,
                            [&](const domain::ProposalVersion& version) { versions.push_back(version); });
  return versions;
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/error.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cfp::core::detail {

std::vector<domain::FieldError> apply_input(const ReferenceData& reference, domain::ProposalFields& fields,
                                            const ProposalInput& input)
{
  std::vector<domain::FieldError> errors;
  const auto take = [&]<typename T>(util::Result<T> result, const char* field, T& target) {
    if (result) {
      target = std::move(result).value();
    } else {
      errors.push_back({field, result.error()});
    }
  };
  if (input.title) {
    fields.title = *input.title;
  }
  if (input.entity) {
    fields.entity = *input.entity;
  }
  if (input.host) {
    if (auto code = reference.state_code(*input.host)) {
      fields.host = *code;
    } else {
      errors.push_back({"host", reference.unknown_state(*input.host)});
    }
  }
  if (input.partners) {
    fields.partners.clear();
    for (const auto& partner : *input.partners) {
      if (auto code = reference.state_code(partner)) {
        fields.partners.push_back(*code);
      } else {
        errors.push_back({"partners", reference.unknown_state(partner)});
      }
    }
  }
  const auto listed = [](const std::vector<std::string>& names) {
    return names.empty() ? std::string("none") : util::join(names, ",");
  };
  const auto before_partners = fields.partners;
  for (const auto& partner : input.add_partners) {
    const auto code = reference.state_code(partner);
    if (!code) {
      errors.push_back({"add_partners", reference.unknown_state(partner)});
    } else if (std::find(before_partners.begin(), before_partners.end(), *code) != before_partners.end()) {
      errors.push_back(
          {"add_partners", fmt::format("{} is already a partner (the partners are: {})", *code, listed(before_partners))});
    } else if (std::find(fields.partners.begin(), fields.partners.end(), *code) != fields.partners.end()) {
      errors.push_back({"add_partners", fmt::format("{} is named twice", *code)});
    } else {
      fields.partners.push_back(*code);
    }
  }
  for (const auto& partner : input.remove_partners) {
    const auto code = reference.state_code(partner);
    const auto found = code ? std::find(fields.partners.begin(), fields.partners.end(), *code) : fields.partners.end();
    if (!code) {
      errors.push_back({"remove_partners", reference.unknown_state(partner)});
    } else if (found == fields.partners.end()) {
      errors.push_back(
          {"remove_partners", fmt::format("{} is not a partner (the partners are: {})", *code, listed(fields.partners))});
    } else {
      fields.partners.erase(found);
    }
  }
  if (input.plan) {
    take(domain::parse_plan(*input.plan), "plan", fields.plan);
  }
  if (input.experimental_platform) {
    fields.experimental_platform = *input.experimental_platform;
  }
  // An amount given as blank text (an empty cell, --eu-contribution '') is left out.
  const auto amount = [&](const std::optional<std::string>& text, const char* field,
                          std::optional<domain::Cents>& target) {
    if (!text) {
      return;
    }
    if (util::trim(*text).empty()) {
      target.reset();
      return;
    }
    domain::Cents cents = 0;
    const auto before = errors.size();
    take(domain::parse_money(*text), field, cents);
    if (errors.size() == before) {
      target = cents;
    }
  };
  amount(input.eu_contribution, "eu_contribution_eur", fields.eu_contribution);
  amount(input.national_contribution, "national_contribution_eur", fields.national_contribution);
  if (input.sectors) {
    fields.sectors.clear();
    for (const auto& sector : *input.sectors) {
      std::string name;
      const auto before = errors.size();
      take(domain::parse_sector(sector), "sectors", name);
      if (errors.size() == before) {
        fields.sectors.push_back(name);
      }
    }
  }
  const auto before_sectors = fields.sectors;
  for (const auto& sector : input.add_sectors) {
    auto name = domain::parse_sector(sector);
    if (!name) {
      errors.push_back({"add_sectors", name.error()});
    } else if (std::find(before_sectors.begin(), before_sectors.end(), name.value()) != before_sectors.end()) {
      errors.push_back({"add_sectors", fmt::format("{} is already a sector (the sectors are: {})", name.value(),
                                                   listed(before_sectors))});
    } else if (std::find(fields.sectors.begin(), fields.sectors.end(), name.value()) != fields.sectors.end()) {
      errors.push_back({"add_sectors", fmt::format("{} is named twice", name.value())});
    } else {
      fields.sectors.push_back(name.value());
    }
  }
  for (const auto& sector : input.remove_sectors) {
    auto name = domain::parse_sector(sector);
    const auto found =
        name ? std::find(fields.sectors.begin(), fields.sectors.end(), name.value()) : fields.sectors.end();
    if (!name) {
      errors.push_back({"remove_sectors", name.error()});
    } else if (found == fields.sectors.end()) {
      errors.push_back({"remove_sectors", fmt::format("{} is not a sector (the sectors are: {})", name.value(),
                                                      listed(fields.sectors))});
    } else {
      fields.sectors.erase(found);
    }
  }
  if (fields.host.empty() && !input.host) {
    errors.push_back({"host", "a host state is required"});
  }
  for (auto& error : domain::validate(fields)) {
    // A broken list rule is named after the option that changed the list.
    if (error.field == "partners" && !input.partners && !input.add_partners.empty()) {
      error.field = "add_partners";
    } else if (error.field == "sectors" && !input.sectors && !input.add_sectors.empty()) {
      error.field = "add_sectors";
    }
    errors.push_back(std::move(error));
  }
  domain::canonicalize(fields);
  return errors;
}

util::Result<domain::Cutoff> submission_cutoff(const ReferenceData& reference, const CallInfo& info,
                                               const domain::ProposalFields& fields, domain::Instant at)
{
  const auto& call = info.call;
  if (call.opens_at && at < *call.opens_at) {
    return util::Failure{fmt::format("call {} opens at {}; proposals can be submitted from then on", call.code,
                                     domain::format_brussels(*call.opens_at))};
  }
  const auto cutoff = domain::cutoff_for_submission(at, info.cutoffs);
  if (!cutoff) {
    const auto last = domain::last_cutoff(info.cutoffs);
    if (!last) {
      return util::Failure{fmt::format("call {} has no cut-off yet; add one with 'cfp deadline add {} WHEN' or keep "
                                       "the proposal as a draft",
                                       call.code, call.code)};
    }
    return util::Failure{fmt::format("no cut-off of call {} is open: the last one, '{}', closed at {}", call.code,
                                     util::excerpt(last->label), domain::format_brussels(last->closes_at))};
  }
  // Participation starts at midnight, Brussels time, of the day recorded.
  const auto& brussels = *date::locate_zone(domain::k_brussels);
  for (const auto& state : reference.states()) {
    if (!state.participating_since || (state.code != fields.host && std::find(fields.partners.begin(),
                                                                               fields.partners.end(),
                                                                               state.code) == fields.partners.end())) {
      continue;
    }
    const date::local_days since{*state.participating_since};
    if (brussels.to_sys(since, date::choose::earliest) > at) {
      return util::Failure{
        fmt::format("{} ({}) takes part in EuroHPC calls from {}; a proposal submitted on {} cannot name it",
                    state.code, state.name, date::format("%F", since),
                    date::format("%F", date::floor<date::days>(date::make_zoned(&brussels, at).get_local_time())))};
    }
  }
  return *cutoff;
}

std::string entity_of(const domain::Proposal& proposal)
{
  return fmt::format("proposal {}/{}", proposal.call_code, proposal.acronym);
}

domain::AuditSubject subject_of(const domain::Proposal& proposal)
{
  return {domain::SubjectKind::proposal, proposal.id};
}

void require_open(const domain::Proposal& proposal, domain::Instant now, std::string_view what)
{
  if (proposal.cutoff_closes_at && now > *proposal.cutoff_closes_at) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot {}: {} belongs to cut-off '{}', which closed at {}; it is read-only now", what,
                            proposal.acronym, util::excerpt(proposal.cutoff_label.value_or("?")),
                            domain::format_brussels(*proposal.cutoff_closes_at)));
  }
}

std::vector<std::string> missing_parts(const domain::Call& call, const std::vector<domain::Document>& documents)
{
  std::vector<std::string> missing;
  for (const auto& kind : call.required_parts) {
    // The first document of a kind carries its name (`support-letter`); further ones are numbered.
    if (std::none_of(documents.begin(), documents.end(), [&](const auto& document) { return document.part == kind; })) {
      missing.push_back(kind);
    }
  }
  return missing;
}

std::string missing_parts_message(const domain::Proposal& proposal, const std::vector<std::string>& missing)
{
  const auto ref = proposal.call_code + "/" + proposal.acronym;
  return fmt::format("call {} requires {} with a submission, and {} has no {}; attach {} with 'cfp proposal attach "
                     "{} FILE --part {}'{}",
                     proposal.call_code, missing.size() == 1 ? "the part " + missing.front() : "these parts: " +
                     util::join(missing, ", "),
                     proposal.acronym, util::join(missing, ", "), missing.size() == 1 ? "it" : "each", ref,
                     missing.front(), proposal.id == 0 ? " after recording the proposal as a --draft, then submit it" : "");
}

std::vector<std::string> missing_part_warnings(ReferenceData& reference, const domain::Proposal& proposal)
{
  const auto* call = reference.call(proposal.call_code);
  if (call == nullptr || proposal.status != domain::ProposalStatus::submitted) {
    return {};
  }
  const auto missing = missing_parts(call->call, proposal.documents);
  if (missing.empty()) {
    return {};
  }
  return {fmt::format("{} is submitted without {}, which call {} now requires; attach {} with 'cfp proposal attach "
                      "{}/{} FILE --part {}'",
                      proposal.acronym, util::join(missing, ", "), proposal.call_code,
                      missing.size() == 1 ? "it" : "each", proposal.call_code, proposal.acronym, missing.front())};
}

std::string audit_snapshot(const domain::Proposal& proposal)
{
  auto text = store::snapshot(proposal);
  if (proposal.documents.empty()) {
    return text;
  }
  auto record = nlohmann::ordered_json::parse(text);
  auto& documents = record["documents"] = nlohmann::ordered_json::array();
  for (const auto& document : proposal.documents) {
    documents.push_back({{"part", document.part},
                         {"file_name", document.file_name},
                         {"title", document.title ? nlohmann::ordered_json(*document.title) : nlohmann::ordered_json()},
                         {"size", document.size},
                         {"media_type", document.media_type},
                         {"sha256", document.sha256},
                         {"version", document.version}});
  }
  return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Assigns the cut-off a submission now belongs to, or refuses when none is open or a required
// part is missing.
void submit_now(ReferenceData& reference, domain::Proposal& proposal, domain::Instant now,
                const domain::Proposal* resubmitted)
{
  const auto* call = reference.call(proposal.call_code);
  if (call == nullptr) {
    throw Error(ErrorKind::internal, fmt::format("call {} vanished", proposal.call_code));
  }
  auto missing = missing_parts(call->call, proposal.documents);
  if (resubmitted != nullptr) {
    const auto lacked = missing_parts(call->call, resubmitted->documents);
    std::erase_if(missing, [&](const std::string& kind) {
      return std::find(lacked.begin(), lacked.end(), kind) != lacked.end();
    });
  }
  if (!missing.empty()) {
    throw Error(ErrorKind::refused,
                fmt::format("cannot submit {}: {}", proposal.acronym, missing_parts_message(proposal, missing)));
  }
  const auto cutoff = util::value_or_throw(submission_cutoff(reference, *call, proposal.fields, now),
                                           ErrorKind::refused, fmt::format("cannot submit {}", proposal.acronym));
  proposal.status = domain::ProposalStatus::submitted;
  proposal.submitted_at = now;
  proposal.cutoff_id = cutoff.id;
  proposal.cutoff_label = cutoff.label;
  proposal.cutoff_closes_at = cutoff.closes_at;
  proposal.withdrawal_reason.reset();
}

// Stores `after` as the next version of `before` and logs the change.
void save_version(const Session& session, store::Transaction& tx, const domain::Proposal& before, domain::Proposal& after,
                  const std::string& action)
{
  after.version = before.version + 1;
  tx.proposals().update(after, session.stamp());
  record_audit(session, tx,
               {subject_of(after), entity_of(after), action, audit_snapshot(before), audit_snapshot(after)});
}

// Throws one error listing every problem; alone, a problem keeps its own kind (a call not
// found, an acronym taken), together they are invalid input.
void throw_problems(const std::vector<Problem>& problems, std::string_view what)
{
  if (problems.empty()) {
    return;
  }
  if (problems.size() == 1) {
    throw Error(problems.front().kind,
                fmt::format("cannot {}: {}: {}", what, problems.front().field, problems.front().message));
  }
  std::vector<std::string> lines;
  for (const auto& problem : problems) {
    lines.push_back(problem.field + ": " + problem.message);
  }
  throw Error(ErrorKind::invalid_input,
              fmt::format("cannot {}; {} problems:\n  {}", what, problems.size(), util::join(lines, "\n  ")));
}

// Applies `input` onto `fields`, adding every broken rule to `problems`. When `unsubmittable` is
// given, fields that leave out the EU contribution (which a submission needs) break a rule too,
// and that is its message (unless the amount given was wrong: said already).
domain::ProposalFields applied_fields(const ReferenceData& reference, domain::ProposalFields fields,
                                      const ProposalInput& input, std::vector<Problem>& problems,
                                      const std::optional<std::string>& unsubmittable)
{
  const auto errors = apply_input(reference, fields, input);
  const auto missing = domain::check_submittable(fields);
  for (const auto& error : errors) {
    problems.push_back({input.label_of(error.field), error.message});
  }
  if (unsubmittable && missing &&
      std::none_of(errors.begin(), errors.end(),
                   [&](const domain::FieldError& error) { return error.field == missing->field; })) {
    problems.push_back({input.label_of(missing->field), *unsubmittable});
  }
  return fields;
}

// Applies `input` onto `fields`, or throws invalid_input listing every broken rule.
domain::ProposalFields checked_fields(const ReferenceData& reference, domain::ProposalFields fields,
                                      const ProposalInput& input, std::string_view what,
                                      const std::optional<std::string>& unsubmittable)
{
  std::vector<Problem> problems;
  fields = applied_fields(reference, std::move(fields), input, problems, unsubmittable);
  throw_problems(problems, what);
  return fields;
}

} // namespace cfp::core::detail

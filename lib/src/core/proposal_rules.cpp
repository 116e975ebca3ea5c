// SPDX-License-Identifier: EUPL-1.2
#include "proposal_rules.hpp"

#include <cfp/util/text.hpp>

#include <fmt/format.h>

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
  if (fields.host.empty() && !input.host) {
    errors.push_back({"host", "a host state is required"});
  }
  for (auto& error : domain::validate(fields)) {
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

} // namespace cfp::core::detail

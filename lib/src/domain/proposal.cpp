// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/proposal.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace cfp::domain {

std::string_view to_string(Plan plan)
{
  switch (plan) {
  case Plan::new_system:
    return "new";
  case Plan::upgrade:
    return "upgrade";
  case Plan::none:
    return "none";
  }
  return "none";
}

std::string_view to_string(ProposalStatus status)
{
  switch (status) {
  case ProposalStatus::draft:
    return "draft";
  case ProposalStatus::submitted:
    return "submitted";
  case ProposalStatus::withdrawn:
    return "withdrawn";
  }
  return "draft";
}

util::Result<Plan> parse_plan(std::string_view text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  for (const Plan plan : {Plan::new_system, Plan::upgrade, Plan::none}) {
    if (value == to_string(plan)) {
      return plan;
    }
  }
  return util::Failure{fmt::format("'{}' is not a plan; use new, upgrade or none", util::excerpt(text))};
}

util::Result<ProposalStatus> parse_status(std::string_view text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  for (const ProposalStatus status : {ProposalStatus::draft, ProposalStatus::submitted, ProposalStatus::withdrawn}) {
    if (value == to_string(status)) {
      return status;
    }
  }
  return util::Failure{fmt::format("'{}' is not a status; use draft, submitted or withdrawn", util::excerpt(text))};
}

std::string_view to_string(Outcome outcome)
{
  switch (outcome) {
  case Outcome::selected:
    return "selected";
  case Outcome::reserve:
    return "reserve";
  case Outcome::rejected:
    return "rejected";
  }
  return "rejected";
}

util::Result<Outcome> parse_outcome(std::string_view text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  for (const Outcome outcome : {Outcome::selected, Outcome::reserve, Outcome::rejected}) {
    if (value == to_string(outcome)) {
      return outcome;
    }
  }
  return util::Failure{fmt::format("'{}' is not an outcome; use selected, reserve or rejected", util::excerpt(text))};
}

util::Result<std::string> parse_sector(std::string_view text)
{
  const std::string value = util::to_lower_ascii(util::trim(text));
  for (const auto sector : k_sectors) {
    if (value == sector) {
      return std::string(sector);
    }
  }
  std::vector<std::string> names(k_sectors.begin(), k_sectors.end());
  return util::Failure{
      fmt::format("'{}' is not a sector; use one of {}", util::excerpt(text), util::join(names, ", "))};
}

std::optional<std::string> check_acronym(std::string_view acronym)
{
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  };
  if (acronym.empty() || acronym.size() > 32 || !std::all_of(acronym.begin(), acronym.end(), allowed)) {
    return fmt::format("'{}' is not a valid acronym: use 1 to 32 letters, digits, '-', '_' or '.'",
                       util::excerpt(acronym));
  }
  return std::nullopt;
}

std::optional<std::string> check_text(std::string_view text, std::string_view what)
{
  if (text.size() > k_max_text_bytes) {
    return fmt::format("the {} is longer than 1 MiB ({} bytes)", what, text.size());
  }
  if (text.find('\0') != std::string_view::npos) {
    return fmt::format("the {} contains a NUL character", what);
  }
  if (!util::is_valid_utf8(text)) {
    return fmt::format("the {} is not valid UTF-8 text", what);
  }
  if (util::trim(text).empty()) {
    return fmt::format("the {} must not be empty", what);
  }
  if (util::has_control_characters(text, "\t\n\r")) {
    return fmt::format("the {} contains a control character", what);
  }
  return std::nullopt;
}

std::vector<FieldError> validate(const ProposalFields& fields)
{
  std::vector<FieldError> errors;
  if (auto problem = check_text(fields.title, "title")) {
    errors.push_back({"title", *problem});
  }
  if (auto problem = check_text(fields.entity, "entity")) {
    errors.push_back({"entity", *problem});
  }
  // Names given twice are found in one pass, however many names a list holds.
  std::unordered_set<std::string_view> seen;
  for (const auto& partner : fields.partners) {
    if (partner == fields.host) {
      errors.push_back({"partners", fmt::format("{} is the host state and cannot also be a partner", partner)});
    } else if (!seen.insert(partner).second) {
      errors.push_back({"partners", fmt::format("{} is named twice as a partner", partner)});
    }
  }
  std::unordered_set<std::string_view> seen_sectors;
  for (const auto& sector : fields.sectors) {
    if (!seen_sectors.insert(sector).second) {
      errors.push_back({"sectors", fmt::format("{} is named twice as a sector", sector)});
    }
  }
  if (fields.eu_contribution && *fields.eu_contribution < 0) {
    errors.push_back({"eu_contribution_eur", "the EU contribution must be zero or more"});
  }
  if (fields.national_contribution && *fields.national_contribution < 0) {
    errors.push_back({"national_contribution_eur", "the national contribution must be zero or more"});
  }
  return errors;
}

std::optional<FieldError> check_submittable(const ProposalFields& fields)
{
  if (!fields.eu_contribution) {
    return FieldError{"eu_contribution_eur", "the EU contribution is required to submit"};
  }
  return std::nullopt;
}

void canonicalize(ProposalFields& fields)
{
  std::sort(fields.partners.begin(), fields.partners.end());
  const auto rank = [](const std::string& sector) {
    return std::find(k_sectors.begin(), k_sectors.end(), sector) - k_sectors.begin();
  };
  std::sort(fields.sectors.begin(), fields.sectors.end(),
            [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
}

} // namespace cfp::domain

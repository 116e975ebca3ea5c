// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/expert.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::domain {

namespace {

std::optional<std::string> check_name_like(std::string_view text, std::string_view what)
{
  if (!util::is_valid_utf8(text)) {
    return fmt::format("the {} is not valid UTF-8 text", what);
  }
  if (util::trim(text).empty()) {
    return fmt::format("the {} must not be empty", what);
  }
  if (util::trim(text).size() != text.size()) {
    return fmt::format("the {} must not begin or end with a space", what);
  }
  if (util::count_characters(text) > 200) {
    return fmt::format("the {} is longer than 200 characters", what);
  }
  if (util::has_control_characters(text)) {
    return fmt::format("the {} contains a control character", what);
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> check_expert_name(std::string_view name)
{
  return check_name_like(name, "name");
}

std::optional<std::string> check_organisation(std::string_view organisation)
{
  return check_name_like(organisation, "organisation");
}

std::optional<std::string> check_email(std::string_view email)
{
  const auto bad = [&] {
    return fmt::format("'{}' is not an e-mail address; write it like name@example.eu", util::excerpt(email));
  };
  if (email.size() > 254 || !util::is_valid_utf8(email) || util::has_control_characters(email) ||
      email.find_first_of(" \t") != std::string_view::npos) {
    return bad();
  }
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return bad();
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
      domain.find("..") != std::string_view::npos) {
    return bad();
  }
  return std::nullopt;
}

std::string_view to_string(ConflictCause cause)
{
  switch (cause) {
  case ConflictCause::host_state:
    return "host_state";
  case ConflictCause::partner_state:
    return "partner_state";
  case ConflictCause::organisation:
    return "organisation";
  case ConflictCause::declared:
    return "declared";
  }
  return "declared";
}

std::vector<Conflict> derived_conflicts(const Expert& expert, const ProposalFields& fields)
{
  std::vector<Conflict> conflicts;
  if (expert.state == fields.host) {
    conflicts.push_back({ConflictCause::host_state, fmt::format("{} hosts the proposal", expert.state)});
  }
  if (std::find(fields.partners.begin(), fields.partners.end(), expert.state) != fields.partners.end()) {
    conflicts.push_back({ConflictCause::partner_state, fmt::format("{} is a partner of the proposal", expert.state)});
  }
  if (expert.organisation && util::iequals(util::trim(*expert.organisation), util::trim(fields.entity))) {
    conflicts.push_back({ConflictCause::organisation,
                         fmt::format("the expert's organisation is the hosting entity, {}", fields.entity)});
  }
  return conflicts;
}

} // namespace cfp::domain

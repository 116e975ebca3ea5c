// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/expert.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::domain {

namespace {

std::optional<std::string> check_name_like(std::string_view text, std::string_view what)
{
  if (text.find('\0') != std::string_view::npos) {
    return fmt::format("the {} contains a NUL character", what);
  }
  if (!util::is_valid_utf8(text)) {
    return fmt::format("the {} is not valid UTF-8 text", what);
  }
  if (util::comparison_key(text).empty()) {
    return fmt::format("the {} must not be empty", what);
  }
  if (util::has_surrounding_space(text)) {
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
  const auto at = email.find('@');
  if (email.size() > 254 || at == 0 || at == std::string_view::npos || at > 64) {
    return bad();
  }
  // The local part: ASCII letters, digits and RFC 5322's specials, dots only between them.
  constexpr std::string_view k_local_specials = "!#$%&'*+/=?^_`{|}~-";
  const auto local = email.substr(0, at);
  for (std::size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const bool dot_between = c == '.' && i > 0 && i + 1 < local.size() && local[i - 1] != '.';
    if (!alnum && !dot_between && k_local_specials.find(c) == std::string_view::npos) {
      return bad();
    }
  }
  // The domain: two or more labels of ASCII letters, digits and inner '-'.
  const auto domain = email.substr(at + 1);
  std::size_t labels = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    const auto dot = domain.find('.', start);
    const auto label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return bad();
    }
    for (const char c : label) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
        return bad();
      }
    }
    ++labels;
    if (dot == std::string_view::npos) {
      break;
    }
    start = dot + 1;
  }
  return labels >= 2 ? std::nullopt : std::optional(bad());
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
  return derived_conflicts(
      expert, fields, expert.organisation ? std::optional(util::comparison_key(*expert.organisation)) : std::nullopt,
      expert.organisation ? util::comparison_key(fields.entity) : std::string{});
}

std::vector<Conflict> derived_conflicts(const Expert& expert, const ProposalFields& fields,
                                        const std::optional<std::string>& organisation_key,
                                        const std::string& entity_key)
{
  std::vector<Conflict> conflicts;
  if (expert.state == fields.host) {
    conflicts.push_back({ConflictCause::host_state, fmt::format("{} hosts the proposal", expert.state)});
  }
  if (std::find(fields.partners.begin(), fields.partners.end(), expert.state) != fields.partners.end()) {
    conflicts.push_back({ConflictCause::partner_state, fmt::format("{} is a partner of the proposal", expert.state)});
  }
  if (organisation_key && *organisation_key == entity_key) {
    conflicts.push_back({ConflictCause::organisation,
                         fmt::format("the expert's organisation is the hosting entity, {}", fields.entity)});
  }
  return conflicts;
}

} // namespace cfp::domain

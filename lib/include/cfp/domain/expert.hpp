// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/proposal.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// An independent expert who scores proposals.
struct Expert
{
  std::int64_t id = 0;
  std::string name;  ///< unique, compared by util::comparison_key (case and spacing ignored)
  std::string state; ///< state code of the expert's nationality or residence
  std::optional<std::string> organisation;
  std::optional<std::string> email;

  bool operator==(const Expert&) const = default;
};

/// Empty when `name` is a valid expert name (1 to 200 characters of text, no control
/// characters, no space at either end), else why not.
std::optional<std::string> check_expert_name(std::string_view name);

/// Empty when `organisation` is valid (as a name, up to 200 characters), else why not.
std::optional<std::string> check_organisation(std::string_view organisation);

/// Empty when `email` is an address of the common form (local@domain.tld in ASCII: letters,
/// digits, RFC 5322's specials and inner dots before the '@'; labels of letters, digits and
/// inner '-' after it; at most 254 bytes), else why not.
std::optional<std::string> check_email(std::string_view email);

/// Why an expert may not score a proposal.
enum class ConflictCause {
  host_state,    ///< the expert's state hosts the proposal
  partner_state, ///< the expert's state is a partner of the proposal
  organisation,  ///< the expert's organisation is the proposal's hosting entity
  declared,      ///< declared with `cfp expert conflict`
};

std::string_view to_string(ConflictCause cause);

/// One conflict of interest between an expert and a proposal, with what makes it one.
struct Conflict
{
  ConflictCause cause = ConflictCause::declared;
  std::string detail; ///< "FI hosts the proposal", or the declared reason
};

/// The conflicts the rules derive between `expert` and a proposal's `fields` (its state, its
/// partners, its entity, compared by util::comparison_key: case and spacing ignored, Unicode
/// too), in the order of ConflictCause.
std::vector<Conflict> derived_conflicts(const Expert& expert, const ProposalFields& fields);

/// The same, with the comparison keys of the expert's organisation (none without one) and of
/// the proposal's entity given, for a caller that compares many pairs and keeps them.
std::vector<Conflict> derived_conflicts(const Expert& expert, const ProposalFields& fields,
                                        const std::optional<std::string>& organisation_key,
                                        const std::string& entity_key);

} // namespace cfp::domain

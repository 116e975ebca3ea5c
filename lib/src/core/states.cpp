// SPDX-License-Identifier: EUPL-1.2
#include "reference_data.hpp"

#include <cfp/core/states.hpp>
#include <cfp/error.hpp>
#include <cfp/store/state_repository.hpp>

#include <fmt/format.h>

namespace cfp::core {

std::vector<domain::State> list_states(Session& session, StateSet set)
{
  return session.database.read("list the states", [&](const store::Transaction& tx) {
    return tx.states().list(set == StateSet::eu_only ? store::StateSet::eu_only : store::StateSet::all);
  });
}

std::string resolve_state(const store::Transaction& tx, std::string_view input, std::string_view field)
{
  const detail::ReferenceData reference(tx);
  if (auto code = reference.state_code(input)) {
    return *code;
  }
  throw Error(ErrorKind::invalid_input, fmt::format("{}: {}", field, reference.unknown_state(input)));
}

std::set<std::string> resolve_states(const store::Transaction& tx, const std::vector<std::string>& inputs,
                                     std::string_view field)
{
  const detail::ReferenceData reference(tx);
  std::set<std::string> codes;
  for (const auto& input : inputs) {
    auto code = reference.state_code(input);
    if (!code) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}: {}", field, reference.unknown_state(input)));
    }
    codes.insert(std::move(*code));
  }
  return codes;
}

} // namespace cfp::core

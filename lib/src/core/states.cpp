#include <cfp/core/states.hpp>

#include "proposal_rules.hpp"

#include <cfp/error.hpp>
#include <cfp/store/repositories.hpp>

#include <fmt/format.h>

namespace cfp::core {

std::vector<domain::State> list_states(Session& session, bool eu_only)
{
  std::vector<domain::State> states;
  session.database.read("list the states", [&] { states = store::StateRepository(session.database).list(eu_only); });
  return states;
}

std::string resolve_state(store::Database& database, std::string_view input, std::string_view field)
{
  const detail::ReferenceData reference(database);
  if (auto code = reference.state_code(input)) {
    return *code;
  }
  throw Error(ErrorKind::invalid_input, fmt::format("{}: {}", field, reference.unknown_state(input)));
}

} // namespace cfp::core

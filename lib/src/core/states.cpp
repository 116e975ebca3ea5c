#include <cfp/core/states.hpp>

#include <cfp/error.hpp>
#include <cfp/store/repositories.hpp>
#include <cfp/util/text.hpp>

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
  const std::string code = domain::normalize_state_code(input);
  store::StateRepository repository(database);
  const auto states = repository.list();
  for (const auto& state : states) {
    if (state.code == code) {
      return code;
    }
  }
  const auto suggestions = domain::suggest_states(input, states);
  std::string message = fmt::format("{}: '{}' is not a participating state", field, input);
  if (!suggestions.empty()) {
    message += fmt::format("; did you mean {}?", util::join(suggestions, ", "));
  } else {
    message += "; 'cfp state list' shows the codes";
  }
  throw Error(ErrorKind::invalid_input, message);
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#include "state_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

std::vector<domain::State> SqliteStateRepository::list(StateSet set) const
{
  static constexpr char k_sql[] = "SELECT code, name, eu, participating_since FROM state "
                                  "WHERE eu = 1 OR ?1 = 0 ORDER BY code";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, set == StateSet::eu_only ? 1 : 0);
  std::vector<domain::State> states;
  while (statement.executeStep()) {
    domain::State state;
    state.code = statement.getColumn(0).getString();
    state.name = statement.getColumn(1).getString();
    state.eu = statement.getColumn(2).getInt() != 0;
    if (!statement.getColumn(3).isNull()) {
      const auto day = util::value_or_throw(domain::parse_utc(statement.getColumn(3).getString() + "T00:00:00Z"),
                                            ErrorKind::storage, "a stored date");
      state.participating_since = date::year_month_day{date::floor<date::days>(day)};
    }
    states.push_back(std::move(state));
  }
  return states;
}

} // namespace cfp::store::sqlite

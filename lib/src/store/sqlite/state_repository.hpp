// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/state_repository.hpp>

namespace cfp::store::sqlite {

/// The participating states in the `state` table.
class SqliteStateRepository final : public StateRepository
{
public:
  explicit SqliteStateRepository(StatementCache& statements) : m_statements(statements) {}

  std::vector<domain::State> list(StateSet set) const override;

private:
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite

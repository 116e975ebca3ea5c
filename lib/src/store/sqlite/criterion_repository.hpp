// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/criterion_repository.hpp>

namespace cfp::store::sqlite {

/// The criteria of calls in the `criterion` table.
class SqliteCriterionRepository final : public CriterionRepository
{
public:
  explicit SqliteCriterionRepository(StatementCache& statements) : m_statements(statements) {}

  std::vector<domain::Criterion> of_call(std::int64_t call_id) const override;
  void replace(std::int64_t call_id, const std::vector<domain::Criterion>& criteria) override;

private:
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/expert_repository.hpp>

namespace cfp::store::sqlite {

/// Experts in the `expert` table, their declared conflicts in `declared_conflict`.
class SqliteExpertRepository final : public ExpertRepository
{
public:
  SqliteExpertRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  std::int64_t insert(const domain::Expert& expert, domain::Instant created_at) override;
  std::optional<domain::Expert> find(const std::string& name) const override;
  std::vector<domain::Expert> list() const override;
  void declare_conflict(const DeclaredConflict& conflict) override;
  std::optional<DeclaredConflict> declared(std::int64_t expert_id, std::int64_t proposal_id) const override;
  std::vector<DeclaredConflict> declared_conflicts(std::optional<std::int64_t> expert_id) const override;
  std::vector<DeclaredConflict> conflicts_with(std::int64_t proposal_id) const override;
  void remove_conflicts_with(std::int64_t proposal_id) override;

private:
  SQLite::Database& m_db;
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite

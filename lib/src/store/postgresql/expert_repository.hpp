// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/expert_repository.hpp>

namespace cfp::store::postgresql {

/// Experts in `expert` and the conflicts of interest declared for them in `declared_conflict`.
class PgExpertRepository final : public ExpertRepository
{
public:
  explicit PgExpertRepository(Connection& connection) : m_connection(connection) {}

  std::int64_t insert(const domain::Expert& expert, domain::Instant created_at) override;
  std::optional<domain::Expert> find(const std::string& name) const override;
  std::vector<domain::Expert> list() const override;
  void declare_conflict(const DeclaredConflict& conflict) override;
  std::optional<DeclaredConflict> declared(std::int64_t expert_id, std::int64_t proposal_id) const override;
  std::vector<DeclaredConflict> declared_conflicts(std::optional<std::int64_t> expert_id) const override;
  std::vector<DeclaredConflict> conflicts_with(std::int64_t proposal_id) const override;
  void remove_conflicts_with(std::int64_t proposal_id) override;

private:
  Connection& m_connection;
};

} // namespace cfp::store::postgresql

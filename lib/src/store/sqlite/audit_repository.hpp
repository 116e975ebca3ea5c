// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/audit_repository.hpp>

namespace cfp::store::sqlite {

/// The audit log in the `audit` table.
class SqliteAuditRepository final : public AuditRepository
{
public:
  explicit SqliteAuditRepository(StatementCache& statements) : m_statements(statements) {}

  void append(const domain::AuditEntry& entry) override;
  void for_each(const AuditFilter& filter, const Visitor& visit) const override;

private:
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite

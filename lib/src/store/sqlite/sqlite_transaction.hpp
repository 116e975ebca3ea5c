// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit_repository.hpp"
#include "call_repository.hpp"
#include "criterion_repository.hpp"
#include "document_repository.hpp"
#include "evaluation_repository.hpp"
#include "expert_repository.hpp"
#include "import_keys.hpp"
#include "proposal_repository.hpp"
#include "state_repository.hpp"
#include "statement_cache.hpp"

#include <cfp/store/transaction.hpp>

#include <memory>

namespace cfp::store::sqlite {

/// The repositories of one SQLite transaction. The transaction itself (BEGIN, COMMIT,
/// ROLLBACK) is run by SqliteDatabase around the lifetime of this object.
class SqliteTransaction final : public Transaction
{
public:
  SqliteTransaction(SQLite::Database& db, StatementCache& statements);
  ~SqliteTransaction() override;

  ImportKeys& import_keys() override;
  std::unique_ptr<Sorter> sorter() const override;
  DatabaseInfo info() const override;
  std::optional<std::int64_t> change_counter() const override;

private:
  SQLite::Database& m_db;
  StatementCache& m_statements;
  SqliteStateRepository m_states;
  SqliteCallRepository m_calls;
  SqliteProposalRepository m_proposals;
  SqliteAuditRepository m_audit;
  SqliteCriterionRepository m_criteria;
  SqliteExpertRepository m_experts;
  SqliteEvaluationRepository m_evaluations;
  SqliteDocumentRepository m_documents;
  std::unique_ptr<SqliteImportKeys> m_import_keys;
  mutable bool m_sorting = false; ///< a sorter of this transaction is in use
};

} // namespace cfp::store::sqlite

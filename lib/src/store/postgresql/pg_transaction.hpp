// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"
#include "evaluation_repository.hpp"
#include "expert_repository.hpp"
#include "import_keys.hpp"
#include "not_kept.hpp"
#include "proposal_repository.hpp"
#include "repositories.hpp"

#include <cfp/store/transaction.hpp>

#include <memory>

namespace cfp::store::postgresql {

/// The repositories of one PostgreSQL transaction, which PgDatabase begins and ends around the
/// lifetime of this object. The backend keeps the states, calls with their cut-offs and criteria,
/// proposals, experts, scores and the audit log; what it does not keep yet (not_kept.hpp) is found empty, and a change
/// to it throws cfp::Error (usage).
class PgTransaction final : public Transaction
{
public:
  PgTransaction(Connection& connection, bool writable);

  ImportKeys& import_keys() override;
  std::unique_ptr<Sorter> sorter() const override;
  DatabaseInfo info() const override;
  std::optional<std::int64_t> change_counter() const override { return std::nullopt; }

private:
  Connection& m_connection;
  bool m_writable;
  PgStateRepository m_states;
  PgCallRepository m_calls;
  PgProposalRepository m_proposals;
  PgCriterionRepository m_criteria;
  PgAuditRepository m_audit;
  PgExpertRepository m_experts;
  PgEvaluationRepository m_evaluations;
  PgDocumentsNotKept m_documents;
  std::unique_ptr<PgImportKeys> m_import_keys;
  mutable bool m_sorting = false; ///< a sorter of this transaction is in use
};

} // namespace cfp::store::postgresql

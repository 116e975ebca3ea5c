// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/audit_repository.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/state_repository.hpp>

namespace cfp::store::postgresql {

/// The participating states in `state`.
class PgStateRepository final : public StateRepository
{
public:
  explicit PgStateRepository(Connection& connection) : m_connection(connection) {}
  std::vector<domain::State> list(StateSet set) const override;

private:
  Connection& m_connection;
};

/// Calls in `call` and their cut-offs in `cutoff`.
class PgCallRepository final : public CallRepository
{
public:
  explicit PgCallRepository(Connection& connection) : m_connection(connection) {}

  std::int64_t insert(const domain::Call& call, domain::Instant created_at) override;
  void update(const domain::Call& call) override;
  std::optional<domain::Call> find(const std::string& code) const override;
  std::vector<domain::Call> list() const override;
  std::int64_t insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff) override;
  std::vector<domain::Cutoff> cutoffs(std::optional<std::int64_t> call_id) const override;
  void update_cutoff(const domain::Cutoff& cutoff) override;
  void remove_cutoff(std::int64_t cutoff_id) override;
  void remove(std::int64_t call_id) override;

private:
  Connection& m_connection;
};

/// The criteria of each call in `criterion`.
class PgCriterionRepository final : public CriterionRepository
{
public:
  explicit PgCriterionRepository(Connection& connection) : m_connection(connection) {}
  std::vector<domain::Criterion> of_call(std::int64_t call_id) const override;
  void replace(std::int64_t call_id, const std::vector<domain::Criterion>& criteria) override;

private:
  Connection& m_connection;
};

/// The audit log in `audit`, its seals in `audit_seal` and what an entry also concerns in
/// `audit_related`.
class PgAuditRepository final : public AuditRepository
{
public:
  explicit PgAuditRepository(Connection& connection) : m_connection(connection) {}

  std::int64_t append(const domain::AuditEntry& entry, Related related) override;
  using AuditRepository::append;
  void note_related(const domain::AuditSubject& subject) override;
  void for_each(const AuditFilter& filter, const AuditOrder& order, const Visitor& visit) const override;
  bool has_actor(const std::string& actor) const override;
  bool has_action(const std::string& action) const override;
  std::vector<std::string> actions() const override;
  void for_each_sealed(const SealedVisitor& visit) const override;

private:
  Connection& m_connection;
  bool m_noting = false; ///< the temporary table of the notes is there, and was emptied in this transaction
};

} // namespace cfp::store::postgresql

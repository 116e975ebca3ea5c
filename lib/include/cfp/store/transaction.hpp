// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace cfp::store {

class AuditRepository;
class CallRepository;
class CriterionRepository;
class DocumentRepository;
class EvaluationRepository;
class ExpertRepository;
class ImportKeys;
class ProposalRepository;
class Sorter;
class StateRepository;

/// Rows in the main tables, for `cfp db status`.
struct DatabaseCounts
{
  std::int64_t calls = 0;
  std::int64_t cutoffs = 0;
  std::int64_t proposals = 0;
  std::int64_t audit_entries = 0;
  std::int64_t simulated_audit_entries = 0; ///< recorded while "now" was simulated (CFP_NOW)
};

/// What a database says about itself, read inside a transaction.
struct DatabaseInfo
{
  int schema_version = 0;
  std::string journal_mode; ///< how commits are made durable ("wal")
  DatabaseCounts counts;
};

/// One unit of work on the database: hands out the repositories, which live exactly as long
/// as the transaction. A read closure gets it const, so that only the reading half of each
/// repository is reachable; a write closure gets it mutable.
class Transaction
{
public:
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  virtual ~Transaction() = default;

  StateRepository& states() { return held(m_states, "states"); }
  const StateRepository& states() const { return held(m_states, "states"); }
  CallRepository& calls() { return held(m_calls, "calls"); }
  const CallRepository& calls() const { return held(m_calls, "calls"); }
  ProposalRepository& proposals() { return held(m_proposals, "proposals"); }
  const ProposalRepository& proposals() const { return held(m_proposals, "proposals"); }
  AuditRepository& audit() { return held(m_audit, "audit"); }
  const AuditRepository& audit() const { return held(m_audit, "audit"); }
  CriterionRepository& criteria() { return held(m_repositories.criteria, "criteria"); }
  const CriterionRepository& criteria() const { return held(m_repositories.criteria, "criteria"); }
  ExpertRepository& experts() { return held(m_repositories.experts, "experts"); }
  const ExpertRepository& experts() const { return held(m_repositories.experts, "experts"); }
  EvaluationRepository& evaluations() { return held(m_repositories.evaluations, "evaluations"); }
  const EvaluationRepository& evaluations() const { return held(m_repositories.evaluations, "evaluations"); }
  DocumentRepository& documents() { return held(m_documents, "documents"); }
  const DocumentRepository& documents() const { return held(m_documents, "documents"); }

  /// The duplicate-key table of a batch import: made on first use, gone with the transaction.
  virtual ImportKeys& import_keys() = 0;

  /// An empty Sorter in the database's temporary storage, for a list too long to hold that must
  /// be read in an order the store cannot give (a ranking). A read may use it: it changes
  /// nothing stored. One at a time: it must go before the next is asked for, and before the
  /// transaction ends.
  virtual std::unique_ptr<Sorter> sorter() const = 0;

  /// The schema version, journal mode and row counts.
  virtual DatabaseInfo info() const = 0;

  /// A number that is the same in two transactions of this Database only when no other
  /// connection committed a change between the moments it was read; nullopt when the backend
  /// cannot tell. Read first thing in a transaction, it lets a later one know that what the
  /// first found still holds.
  virtual std::optional<std::int64_t> change_counter() const = 0;

  /// Ends the transaction with a rollback instead of a commit when the work returns: a dry run
  /// sees its own changes and leaves nothing behind.
  void discard_changes() { m_discard = true; }
  bool discarding() const { return m_discard; }

protected:
  Transaction() = default;

  /// The repositories of evaluation, which a backend owns.
  struct EvaluationRepositories
  {
    CriterionRepository* criteria = nullptr;
    ExpertRepository* experts = nullptr;
    EvaluationRepository* evaluations = nullptr;
  };

  /// Called once by the backend's constructor, with repositories it owns. A backend that does
  /// not store something yet passes nullptr: asking for that repository then throws cfp::Error
  /// (usage), naming what the backend does not store.
  void attach(StateRepository& states, CallRepository& calls, ProposalRepository& proposals, AuditRepository& audit,
              EvaluationRepositories evaluation)
  {
    m_states = &states;
    m_calls = &calls;
    m_proposals = &proposals;
    m_audit = &audit;
    m_repositories = evaluation;
  }

  /// Called once by the backend's constructor, with the document repository it owns.
  void attach(DocumentRepository& documents) { m_documents = &documents; }

private:
  template<typename Repository>
  static Repository& held(Repository* repository, const char* what)
  {
    if (repository == nullptr) {
      not_stored(what);
    }
    return *repository;
  }
  [[noreturn]] static void not_stored(const char* what);

  StateRepository* m_states = nullptr;
  CallRepository* m_calls = nullptr;
  ProposalRepository* m_proposals = nullptr;
  AuditRepository* m_audit = nullptr;
  EvaluationRepositories m_repositories;
  DocumentRepository* m_documents = nullptr;
  bool m_discard = false;
};

} // namespace cfp::store

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/audit_repository.hpp>

#include <cstddef>
#include <string>

namespace cfp::store::sqlite {

/// The audit log in the `audit` table.
class SqliteAuditRepository final : public AuditRepository
{
public:
  SqliteAuditRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  std::int64_t append(const domain::AuditEntry& entry, Related related) override;
  using AuditRepository::append;
  void note_related(const domain::AuditSubject& subject) override;
  void for_each(const AuditFilter& filter, const AuditOrder& order, const Visitor& visit) const override;
  bool has_actor(const std::string& actor) const override;
  bool has_action(const std::string& action) const override;
  std::vector<std::string> actions() const override;
  void for_each_sealed(const SealedVisitor& visit) const override;

  /// Seals the entries that have no seal yet, in order (the migration to schema 5 calls it for
  /// the entries written before seals existed).
  void seal_unsealed();

private:
  /// The seal of the newest sealed entry, or the first seal.
  std::string last_seal() const;
  /// Writes the notes gathered so far into the TEMP table.
  void flush_notes();

  static constexpr std::size_t k_notes_a_batch = 4096;

  SQLite::Database& m_db;
  StatementCache& m_statements;
  bool m_noting = false; ///< the TEMP table of the notes is there, and was emptied in this transaction
  std::string m_notes;   ///< notes not yet in the TEMP table, as a JSON array being written
  std::size_t m_note_count = 0;
};

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#include "audit_repository.hpp"

#include "audit_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/audit_chain.hpp>

#include <string>

namespace cfp::store::sqlite {

std::string SqliteAuditRepository::last_seal() const
{
  static constexpr char k_sql[] = "SELECT hash FROM audit_seal ORDER BY audit_id DESC LIMIT 1";
  auto& statement = m_statements.get(k_sql);
  const std::string seal = statement.executeStep() ? statement.getColumn(0).getString() : std::string(k_first_seal);
  statement.reset();
  return seal;
}

std::int64_t SqliteAuditRepository::append(const domain::AuditEntry& entry, Related related)
{
  const std::string previous = last_seal();
  static constexpr char k_sql[] =
      "INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id, before, after, real_at,"
      " simulated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, domain::format_utc(entry.at));
  statement.bind(2, entry.actor);
  statement.bind(3, entry.command);
  statement.bind(4, entry.entity);
  statement.bind(5, entry.action);
  statement.bind(6, std::string(domain::to_string(entry.subject.kind)));
  bind_optional(statement, 7, entry.subject.id);
  bind_optional(statement, 8, entry.before);
  bind_optional(statement, 9, entry.after);
  bind_instant(statement, 10, entry.real_at);
  statement.bind(11, entry.simulated ? 1 : 0);
  statement.exec();
  domain::AuditEntry stored = entry;
  stored.id = m_db.getLastInsertRowid();
  static constexpr char k_seal[] = "INSERT INTO audit_seal (audit_id, hash) VALUES (?1, ?2)";
  auto& seal = m_statements.get(k_seal);
  seal.bind(1, stored.id);
  seal.bind(2, audit_seal(previous, stored));
  seal.exec();
  if (related == Related::noted && m_noting) {
    flush_notes();
    static constexpr char k_related[] = "INSERT INTO audit_related (audit_id, subject_kind, subject_id)"
                                        " SELECT ?1, subject_kind, subject_id FROM temp.audit_pending"
                                        " ORDER BY subject_kind, subject_id";
    auto& link = m_statements.get(k_related);
    link.bind(1, stored.id);
    link.exec();
    static constexpr char k_taken[] = "DELETE FROM temp.audit_pending";
    m_statements.get(k_taken).exec();
  }
  return stored.id;
}

void SqliteAuditRepository::note_related(const domain::AuditSubject& subject)
{
  if (!subject.id) {
    throw Error(ErrorKind::internal, "an audit entry related to a subject without an id");
  }
  if (!m_noting) {
    // A TEMP table lives with the connection, and goes back with a transaction that rolls back;
    // notes an earlier transaction left unclaimed are dropped.
    m_db.exec("CREATE TEMP TABLE IF NOT EXISTS audit_pending (subject_kind TEXT NOT NULL, subject_id INTEGER NOT NULL,"
              " PRIMARY KEY (subject_kind, subject_id)) WITHOUT ROWID");
    m_db.exec("DELETE FROM temp.audit_pending");
    m_noting = true;
  }
  // Gathered a few thousand at a time, so that an import of many records runs one statement a
  // batch rather than one a record, with memory still flat.
  m_notes += m_notes.empty() ? "[" : ",";
  m_notes += "[\"";
  m_notes += domain::to_string(subject.kind);
  m_notes += "\",";
  m_notes += std::to_string(*subject.id);
  m_notes += "]";
  if (++m_note_count == k_notes_a_batch) {
    flush_notes();
  }
}

void SqliteAuditRepository::flush_notes()
{
  if (m_notes.empty()) {
    return;
  }
  m_notes += "]";
  static constexpr char k_note[] = "INSERT OR IGNORE INTO temp.audit_pending (subject_kind, subject_id)"
                                   " SELECT value ->> 0, value ->> 1 FROM json_each(?1)";
  auto& note = m_statements.get(k_note);
  note.bind(1, m_notes);
  note.exec();
  m_notes.clear();
  m_note_count = 0;
}

void SqliteAuditRepository::for_each_sealed(const SealedVisitor& visit) const
{
  // Entries with their seals, then seals whose entry is gone, in one order by id.
  static constexpr char k_sql[] =
      CFP_AUDIT_COLUMNS ", s.hash, a.id AS ord FROM audit a LEFT JOIN audit_seal s ON s.audit_id = a.id"
                        " UNION ALL"
                        " SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, s.hash,"
                        " s.audit_id AS ord FROM audit_seal s WHERE NOT EXISTS (SELECT 1 FROM audit WHERE id = s.audit_id)"
                        " ORDER BY ord";
  auto& statement = m_statements.get(k_sql);
  while (statement.executeStep()) {
    const auto id = statement.getColumn(13).getInt64();
    std::optional<domain::AuditEntry> entry;
    if (!statement.getColumn(0).isNull()) {
      entry = read_entry(statement);
    }
    visit(id, entry, column_optional_string(statement.getColumn(12)));
  }
}

void SqliteAuditRepository::seal_unsealed()
{
  std::string previous(k_first_seal);
  std::vector<std::pair<std::int64_t, std::string>> seals;
  for_each_sealed([&](std::int64_t, const std::optional<domain::AuditEntry>& entry,
                      const std::optional<std::string>& seal) {
    if (!entry) {
      return;
    }
    previous = seal ? *seal : audit_seal(previous, *entry);
    if (!seal) {
      seals.emplace_back(entry->id, previous);
    }
  });
  static constexpr char k_seal[] = "INSERT INTO audit_seal (audit_id, hash) VALUES (?1, ?2)";
  for (const auto& [id, hash] : seals) {
    auto& statement = m_statements.get(k_seal);
    statement.bind(1, id);
    statement.bind(2, hash);
    statement.exec();
  }
}

} // namespace cfp::store::sqlite

#undef CFP_AUDIT_COLUMNS

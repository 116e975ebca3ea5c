// SPDX-License-Identifier: EUPL-1.2
#include "audit_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/audit_chain.hpp>

namespace cfp::store::sqlite {

namespace {

#define CFP_AUDIT_COLUMNS                                                                                              \
  "SELECT a.id, a.at, a.actor, a.command, a.entity, a.action, a.subject_kind, a.subject_id, a.before, a.after,"        \
  " a.real_at, a.simulated"

// Reads the columns of CFP_AUDIT_COLUMNS.
domain::AuditEntry read_entry(const SQLite::Statement& statement)
{
  domain::AuditEntry entry;
  entry.id = statement.getColumn(0).getInt64();
  entry.at = column_instant(statement.getColumn(1));
  entry.actor = statement.getColumn(2).getString();
  entry.command = statement.getColumn(3).getString();
  entry.entity = statement.getColumn(4).getString();
  entry.action = statement.getColumn(5).getString();
  entry.subject.kind = util::value_or_throw(domain::parse_subject_kind(statement.getColumn(6).getString()),
                                            ErrorKind::storage, "a stored audit subject");
  entry.subject.id = column_optional_int64(statement.getColumn(7));
  entry.before = column_optional_string(statement.getColumn(8));
  entry.after = column_optional_string(statement.getColumn(9));
  entry.real_at = column_optional_instant(statement.getColumn(10));
  entry.simulated = statement.getColumn(11).getInt() != 0;
  return entry;
}

} // namespace

std::string SqliteAuditRepository::last_seal() const
{
  static constexpr char k_sql[] = "SELECT hash FROM audit_seal ORDER BY audit_id DESC LIMIT 1";
  auto& statement = m_statements.get(k_sql);
  const std::string seal = statement.executeStep() ? statement.getColumn(0).getString() : std::string(k_first_seal);
  statement.reset();
  return seal;
}

std::int64_t SqliteAuditRepository::append(const domain::AuditEntry& entry)
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
  return stored.id;
}

void SqliteAuditRepository::for_each(const AuditFilter& filter, const Visitor& visit) const
{
  // Two statements, so that the entries of one subject come from the audit_by_subject index
  // rather than a scan of the whole log ("?1 IS NULL OR ..." keeps SQLite from using it).
  static constexpr char k_all[] = CFP_AUDIT_COLUMNS " FROM audit a ORDER BY a.id DESC LIMIT ?3";
  static constexpr char k_of_subject[] =
      CFP_AUDIT_COLUMNS " FROM audit a WHERE a.subject_kind = ?1 AND a.subject_id IS ?2 ORDER BY a.id DESC LIMIT ?3";
  auto& statement = m_statements.get(filter.subject ? FixedSql(k_of_subject) : FixedSql(k_all));
  if (filter.subject) {
    statement.bind(1, std::string(domain::to_string(filter.subject->kind)));
    bind_optional(statement, 2, filter.subject->id);
  }
  statement.bind(3, filter.limit);
  while (statement.executeStep()) {
    visit(read_entry(statement));
  }
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

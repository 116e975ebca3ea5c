// SPDX-License-Identifier: EUPL-1.2
#include "audit_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

namespace cfp::store::sqlite {

void SqliteAuditRepository::append(const domain::AuditEntry& entry)
{
  static constexpr char k_sql[] = "INSERT INTO audit (at, actor, command, entity, action, subject_kind, subject_id,"
                                  " before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
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
  statement.exec();
}

void SqliteAuditRepository::for_each(const AuditFilter& filter, const Visitor& visit) const
{
  // Two statements, so that the entries of one subject come from the audit_by_subject index
  // rather than a scan of the whole log ("?1 IS NULL OR ..." keeps SQLite from using it).
#define CFP_AUDIT_COLUMNS "SELECT id, at, actor, command, entity, action, subject_kind, subject_id, before, after FROM audit"
  static constexpr char k_all[] = CFP_AUDIT_COLUMNS " ORDER BY id DESC LIMIT ?3";
  static constexpr char k_of_subject[] =
      CFP_AUDIT_COLUMNS " WHERE subject_kind = ?1 AND subject_id IS ?2 ORDER BY id DESC LIMIT ?3";
#undef CFP_AUDIT_COLUMNS
  auto& statement = m_statements.get(filter.subject ? k_of_subject : k_all);
  if (filter.subject) {
    statement.bind(1, std::string(domain::to_string(filter.subject->kind)));
    bind_optional(statement, 2, filter.subject->id);
  }
  statement.bind(3, filter.limit);
  while (statement.executeStep()) {
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
    visit(entry);
  }
}

} // namespace cfp::store::sqlite

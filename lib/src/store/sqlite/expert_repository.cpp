// SPDX-License-Identifier: EUPL-1.2
#include "expert_repository.hpp"

#include "values.hpp"

#include <cfp/util/text.hpp>

namespace cfp::store::sqlite {

namespace {

#define CFP_EXPERT_COLUMNS "SELECT id, name, state, organisation, email FROM expert"
#define CFP_CONFLICT_COLUMNS                                                                                           \
  "SELECT d.expert_id, e.name, d.proposal_id, c.code, p.acronym, d.reason, d.declared_at "                             \
  "FROM declared_conflict d JOIN expert e ON e.id = d.expert_id JOIN proposal p ON p.id = d.proposal_id "              \
  "JOIN call c ON c.id = p.call_id"

domain::Expert read_expert(const SQLite::Statement& statement)
{
  domain::Expert expert;
  expert.id = statement.getColumn(0).getInt64();
  expert.name = statement.getColumn(1).getString();
  expert.state = statement.getColumn(2).getString();
  expert.organisation = column_optional_string(statement.getColumn(3));
  expert.email = column_optional_string(statement.getColumn(4));
  return expert;
}

DeclaredConflict read_conflict(const SQLite::Statement& statement)
{
  DeclaredConflict conflict;
  conflict.expert_id = statement.getColumn(0).getInt64();
  conflict.expert_name = statement.getColumn(1).getString();
  conflict.proposal_id = statement.getColumn(2).getInt64();
  conflict.call_code = statement.getColumn(3).getString();
  conflict.acronym = statement.getColumn(4).getString();
  conflict.reason = statement.getColumn(5).getString();
  conflict.declared_at = column_instant(statement.getColumn(6));
  return conflict;
}

} // namespace

std::int64_t SqliteExpertRepository::insert(const domain::Expert& expert, domain::Instant created_at)
{
  static constexpr char k_sql[] = "INSERT INTO expert (name, state, organisation, email, created_at, name_key) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, expert.name);
  statement.bind(2, expert.state);
  bind_optional(statement, 3, expert.organisation);
  bind_optional(statement, 4, expert.email);
  statement.bind(5, domain::format_utc(created_at));
  statement.bind(6, util::comparison_key(expert.name));
  statement.exec();
  return m_db.getLastInsertRowid();
}

std::optional<domain::Expert> SqliteExpertRepository::find(const std::string& name) const
{
  static constexpr char k_sql[] = CFP_EXPERT_COLUMNS " WHERE name_key = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, util::comparison_key(name));
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return read_expert(statement);
}

std::vector<domain::Expert> SqliteExpertRepository::list() const
{
  static constexpr char k_sql[] = CFP_EXPERT_COLUMNS " ORDER BY name_key, id";
  auto& statement = m_statements.get(k_sql);
  std::vector<domain::Expert> experts;
  while (statement.executeStep()) {
    experts.push_back(read_expert(statement));
  }
  return experts;
}

void SqliteExpertRepository::declare_conflict(const DeclaredConflict& conflict)
{
  static constexpr char k_sql[] = "INSERT INTO declared_conflict (expert_id, proposal_id, reason, declared_at) "
                                  "VALUES (?1, ?2, ?3, ?4)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, conflict.expert_id);
  statement.bind(2, conflict.proposal_id);
  statement.bind(3, conflict.reason);
  statement.bind(4, domain::format_utc(conflict.declared_at));
  statement.exec();
}

std::optional<DeclaredConflict> SqliteExpertRepository::declared(std::int64_t expert_id, std::int64_t proposal_id) const
{
  static constexpr char k_sql[] = CFP_CONFLICT_COLUMNS " WHERE d.expert_id = ?1 AND d.proposal_id = ?2";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, expert_id);
  statement.bind(2, proposal_id);
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return read_conflict(statement);
}

std::vector<DeclaredConflict> SqliteExpertRepository::declared_conflicts(std::optional<std::int64_t> expert_id) const
{
  static constexpr char k_all[] =
      CFP_CONFLICT_COLUMNS " ORDER BY e.name_key, c.code COLLATE NOCASE, p.acronym COLLATE NOCASE";
  static constexpr char k_of_expert[] =
      CFP_CONFLICT_COLUMNS " WHERE d.expert_id = ?1 ORDER BY c.code COLLATE NOCASE, p.acronym COLLATE NOCASE";
  auto& statement = m_statements.get(expert_id ? FixedSql(k_of_expert) : FixedSql(k_all));
  if (expert_id) {
    statement.bind(1, *expert_id);
  }
  std::vector<DeclaredConflict> conflicts;
  while (statement.executeStep()) {
    conflicts.push_back(read_conflict(statement));
  }
  return conflicts;
}

std::vector<DeclaredConflict> SqliteExpertRepository::conflicts_with(std::int64_t proposal_id) const
{
  static constexpr char k_sql[] = CFP_CONFLICT_COLUMNS " WHERE d.proposal_id = ?1 ORDER BY e.name_key";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  std::vector<DeclaredConflict> conflicts;
  while (statement.executeStep()) {
    conflicts.push_back(read_conflict(statement));
  }
  return conflicts;
}

void SqliteExpertRepository::remove_conflicts_with(std::int64_t proposal_id)
{
  static constexpr char k_sql[] = "DELETE FROM declared_conflict WHERE proposal_id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.exec();
}

} // namespace cfp::store::sqlite

#undef CFP_EXPERT_COLUMNS
#undef CFP_CONFLICT_COLUMNS

// SPDX-License-Identifier: EUPL-1.2
#include "call_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::store::sqlite {

namespace {

// The id a new row of `table` gets: one more than the largest a row of it has, or an audit entry
// about one names (rows removed leave entries behind); NULL for the first, which lets SQLite
// choose. The audit log's subject ids then never name two things.
#define CFP_NEXT_ID(table)                                                                                             \
  "(SELECT max(n) + 1 FROM (SELECT max(id) AS n FROM " table                                                           \
  " UNION ALL SELECT max(subject_id) FROM audit WHERE subject_kind = '" table "'))"
#define CFP_CALL_COLUMNS "SELECT id, code, title, opens_at, budget_cents, overall_threshold, required_parts, document_limit_bytes FROM call"
#define CFP_CUTOFF_COLUMNS                                                                                             \
  "SELECT k.id, c.code, k.label, k.closes_at, k.wall_time, k.zone FROM cutoff k JOIN call c ON c.id = k.call_id"

// Reads the columns of CFP_CALL_COLUMNS.
domain::Call read_call(const SQLite::Statement& statement)
{
  domain::Call call;
  call.id = statement.getColumn(0).getInt64();
  call.code = statement.getColumn(1).getString();
  call.title = statement.getColumn(2).getString();
  call.opens_at = column_optional_instant(statement.getColumn(3));
  call.budget = column_optional_int64(statement.getColumn(4));
  call.overall_threshold = statement.getColumn(5).getInt64();
  const auto parts = statement.getColumn(6).getString();
  call.required_parts = parts.empty() ? std::vector<std::string>{} : split_list(parts, ',');
  call.document_limit = statement.getColumn(7).getInt64();
  return call;
}

} // namespace

std::int64_t SqliteCallRepository::insert(const domain::Call& call, domain::Instant created_at)
{
  // The id comes after any the audit log names (CFP_NEXT_ID), so that a removed call's is never reused.
  static constexpr char k_sql[] = "INSERT INTO call (id, code, title, opens_at, budget_cents, created_at, "
                                  "overall_threshold, required_parts, document_limit_bytes) VALUES (" CFP_NEXT_ID("call")
                                  ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call.code);
  statement.bind(2, call.title);
  bind_instant(statement, 3, call.opens_at);
  bind_optional(statement, 4, call.budget);
  statement.bind(5, domain::format_utc(created_at));
  statement.bind(6, call.overall_threshold);
  statement.bind(7, util::join(call.required_parts, ","));
  statement.bind(8, call.document_limit);
  statement.exec();
  return m_db.getLastInsertRowid();
}

void SqliteCallRepository::update(const domain::Call& call)
{
  static constexpr char k_sql[] =
      "UPDATE call SET title = ?2, opens_at = ?3, budget_cents = ?4, overall_threshold = ?5, required_parts = ?6, "
      "document_limit_bytes = ?7 WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call.id);
  statement.bind(2, call.title);
  bind_instant(statement, 3, call.opens_at);
  bind_optional(statement, 4, call.budget);
  statement.bind(5, call.overall_threshold);
  statement.bind(6, util::join(call.required_parts, ","));
  statement.bind(7, call.document_limit);
  statement.exec();
}

std::optional<domain::Call> SqliteCallRepository::find(const std::string& code) const
{
  static constexpr char k_sql[] = CFP_CALL_COLUMNS " WHERE code = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, code);
  if (!statement.executeStep()) {
    return std::nullopt;
  }
  return read_call(statement);
}

std::vector<domain::Call> SqliteCallRepository::list() const
{
  static constexpr char k_sql[] = CFP_CALL_COLUMNS " ORDER BY code";
  auto& statement = m_statements.get(k_sql);
  std::vector<domain::Call> calls;
  while (statement.executeStep()) {
    calls.push_back(read_call(statement));
  }
  return calls;
}

std::int64_t SqliteCallRepository::insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff)
{
  static constexpr char k_sql[] = "INSERT INTO cutoff (id, call_id, label, closes_at, wall_time, zone) "
                                  "VALUES (" CFP_NEXT_ID("cutoff") ", ?1, ?2, ?3, ?4, ?5)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  statement.bind(2, cutoff.label);
  statement.bind(3, domain::format_utc(cutoff.closes_at));
  statement.bind(4, domain::format_wall_time(cutoff.wall_time));
  statement.bind(5, cutoff.zone);
  statement.exec();
  return m_db.getLastInsertRowid();
}

std::vector<domain::Cutoff> SqliteCallRepository::cutoffs(std::optional<std::int64_t> call_id) const
{
  // Two statements, so that one call's cut-offs come from the (call_id, ...) index rather than
  // a scan of every cut-off ("?1 IS NULL OR ..." keeps SQLite from using it).
  static constexpr char k_all[] = CFP_CUTOFF_COLUMNS " ORDER BY k.closes_at, c.code";
  static constexpr char k_of_call[] = CFP_CUTOFF_COLUMNS " WHERE k.call_id = ?1 ORDER BY k.closes_at, c.code";
  auto& statement = m_statements.get(call_id ? FixedSql(k_of_call) : FixedSql(k_all));
  if (call_id) {
    statement.bind(1, *call_id);
  }
  std::vector<domain::Cutoff> cutoffs;
  while (statement.executeStep()) {
    domain::Cutoff cutoff;
    cutoff.id = statement.getColumn(0).getInt64();
    cutoff.call_code = statement.getColumn(1).getString();
    cutoff.label = statement.getColumn(2).getString();
    cutoff.closes_at = column_instant(statement.getColumn(3));
    cutoff.wall_time = util::value_or_throw(domain::parse_wall_time(statement.getColumn(4).getString()),
                                            ErrorKind::storage, "a stored wall time");
    cutoff.zone = statement.getColumn(5).getString();
    cutoffs.push_back(std::move(cutoff));
  }
  return cutoffs;
}

void SqliteCallRepository::update_cutoff(const domain::Cutoff& cutoff)
{
  static constexpr char k_sql[] =
      "UPDATE cutoff SET label = ?2, closes_at = ?3, wall_time = ?4, zone = ?5 WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, cutoff.id);
  statement.bind(2, cutoff.label);
  statement.bind(3, domain::format_utc(cutoff.closes_at));
  statement.bind(4, domain::format_wall_time(cutoff.wall_time));
  statement.bind(5, cutoff.zone);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal, fmt::format("cut-off {} vanished during an update", cutoff.id));
  }
}

void SqliteCallRepository::remove_cutoff(std::int64_t cutoff_id)
{
  static constexpr char k_sql[] = "DELETE FROM cutoff WHERE id = ?1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, cutoff_id);
  statement.exec();
}

void SqliteCallRepository::remove(std::int64_t call_id)
{
  static constexpr char k_cutoffs[] = "DELETE FROM cutoff WHERE call_id = ?1";
  auto& cutoffs = m_statements.get(k_cutoffs);
  cutoffs.bind(1, call_id);
  cutoffs.exec();
  static constexpr char k_call[] = "DELETE FROM call WHERE id = ?1";
  auto& call = m_statements.get(k_call);
  call.bind(1, call_id);
  call.exec();
}

} // namespace cfp::store::sqlite

#undef CFP_NEXT_ID
#undef CFP_CALL_COLUMNS
#undef CFP_CUTOFF_COLUMNS

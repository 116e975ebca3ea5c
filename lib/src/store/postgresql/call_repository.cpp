// SPDX-License-Identifier: EUPL-1.2
#include "repositories.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::store::postgresql {

namespace {

#define CFP_CALL_COLUMNS                                                                                               \
  "SELECT id, code, title, " CFP_PG_EPOCH("opens_at") ", budget_cents, overall_threshold, required_parts,"             \
                                                      " document_limit_bytes FROM call"
#define CFP_CUTOFF_COLUMNS                                                                                             \
  "SELECT k.id, c.code, k.label, " CFP_PG_EPOCH("k.closes_at") ", k.wall_time, k.zone FROM cutoff k"                   \
                                                               " JOIN call c ON c.id = k.call_id"

domain::Call read_call(const Result& rows, int row)
{
  domain::Call call;
  call.id = rows.int64(row, 0);
  call.code = rows.string(row, 1);
  call.title = rows.string(row, 2);
  call.opens_at = optional_instant_at(rows, row, 3);
  call.budget = rows.optional_int64(row, 4);
  call.overall_threshold = rows.int64(row, 5);
  // A list kept as "a,b,c", as on SQLite.
  auto parts = rows.text(row, 6);
  while (!parts.empty()) {
    const auto comma = parts.find(',');
    call.required_parts.emplace_back(parts.substr(0, comma));
    parts.remove_prefix(comma == std::string_view::npos ? parts.size() : comma + 1);
  }
  call.document_limit = rows.int64(row, 7);
  return call;
}

} // namespace

std::vector<domain::State> PgStateRepository::list(StateSet set) const
{
  const auto rows = m_connection.run("SELECT code, name, eu::int, participating_since::text FROM state"
                                     " WHERE eu OR $1 = 0 ORDER BY code",
                                     Params().int64(set == StateSet::eu_only ? 1 : 0));
  std::vector<domain::State> states;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::State state;
    state.code = rows.string(row, 0);
    state.name = rows.string(row, 1);
    state.eu = rows.int64(row, 2) != 0;
    if (!rows.is_null(row, 3)) {
      const auto day = util::value_or_throw(domain::parse_utc(rows.string(row, 3) + "T00:00:00Z"), ErrorKind::storage,
                                            "a stored date");
      state.participating_since = date::year_month_day{date::floor<date::days>(day)};
    }
    states.push_back(std::move(state));
  }
  return states;
}

std::int64_t PgCallRepository::insert(const domain::Call& call, domain::Instant created_at)
{
  Params params;
  params.text(call.code).text(call.title);
  add_instant(params, call.opens_at).optional_int64(call.budget);
  add_instant(params, created_at).int64(call.overall_threshold).text(util::join(call.required_parts, ","));
  params.int64(call.document_limit);
  return m_connection
      .run("INSERT INTO call (code, title, opens_at, budget_cents, created_at, overall_threshold, required_parts,"
           " document_limit_bytes) VALUES ($1, $2, to_timestamp($3), $4, to_timestamp($5), $6, $7, $8) RETURNING id",
           params)
      .int64(0, 0);
}

void PgCallRepository::update(const domain::Call& call)
{
  Params params;
  params.int64(call.id).text(call.title);
  add_instant(params, call.opens_at).optional_int64(call.budget);
  params.int64(call.overall_threshold).text(util::join(call.required_parts, ",")).int64(call.document_limit);
  m_connection.run("UPDATE call SET title = $2, opens_at = to_timestamp($3), budget_cents = $4, overall_threshold = $5,"
                   " required_parts = $6, document_limit_bytes = $7 WHERE id = $1",
                   params);
}

std::optional<domain::Call> PgCallRepository::find(const std::string& code) const
{
  // ASCII letters in either case, as the unique index compares codes.
  static constexpr char k_sql[] = CFP_CALL_COLUMNS " WHERE nocase(code) = nocase($1)";
  const auto rows = m_connection.run(k_sql, Params().text(code));
  if (rows.rows() == 0) {
    return std::nullopt;
  }
  return read_call(rows, 0);
}

std::vector<domain::Call> PgCallRepository::list() const
{
  static constexpr char k_sql[] = CFP_CALL_COLUMNS " ORDER BY nocase(code), code";
  const auto rows = m_connection.run(k_sql);
  std::vector<domain::Call> calls;
  for (int row = 0; row < rows.rows(); ++row) {
    calls.push_back(read_call(rows, row));
  }
  return calls;
}

std::int64_t PgCallRepository::insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff)
{
  Params params;
  params.int64(call_id).text(cutoff.label);
  add_instant(params, cutoff.closes_at).text(domain::format_wall_time(cutoff.wall_time)).text(cutoff.zone);
  return m_connection
      .run("INSERT INTO cutoff (call_id, label, closes_at, wall_time, zone)"
           " VALUES ($1, $2, to_timestamp($3), $4, $5) RETURNING id",
           params)
      .int64(0, 0);
}

std::vector<domain::Cutoff> PgCallRepository::cutoffs(std::optional<std::int64_t> call_id) const
{
  static constexpr char k_sql[] =
      CFP_CUTOFF_COLUMNS " WHERE $1::bigint IS NULL OR k.call_id = $1 ORDER BY k.closes_at, nocase(c.code)";
  const auto rows = m_connection.run(k_sql, Params().optional_int64(call_id));
  std::vector<domain::Cutoff> cutoffs;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::Cutoff cutoff;
    cutoff.id = rows.int64(row, 0);
    cutoff.call_code = rows.string(row, 1);
    cutoff.label = rows.string(row, 2);
    cutoff.closes_at = instant_at(rows, row, 3);
    cutoff.wall_time =
        util::value_or_throw(domain::parse_wall_time(rows.string(row, 4)), ErrorKind::storage, "a stored wall time");
    cutoff.zone = rows.string(row, 5);
    cutoffs.push_back(std::move(cutoff));
  }
  return cutoffs;
}

void PgCallRepository::update_cutoff(const domain::Cutoff& cutoff)
{
  Params params;
  params.int64(cutoff.id).text(cutoff.label);
  add_instant(params, cutoff.closes_at).text(domain::format_wall_time(cutoff.wall_time)).text(cutoff.zone);
  const auto done = m_connection.run(
      "UPDATE cutoff SET label = $2, closes_at = to_timestamp($3), wall_time = $4, zone = $5 WHERE id = $1", params);
  if (done.affected() != 1) {
    throw Error(ErrorKind::internal, fmt::format("cut-off {} vanished during an update", cutoff.id));
  }
}

void PgCallRepository::remove_cutoff(std::int64_t cutoff_id)
{
  m_connection.run("DELETE FROM cutoff WHERE id = $1", Params().int64(cutoff_id));
}

void PgCallRepository::remove(std::int64_t call_id)
{
  m_connection.run("DELETE FROM cutoff WHERE call_id = $1", Params().int64(call_id));
  m_connection.run("DELETE FROM call WHERE id = $1", Params().int64(call_id));
}

std::vector<domain::Criterion> PgCriterionRepository::of_call(std::int64_t call_id) const
{
  const auto rows = m_connection.run("SELECT k.id, c.code, k.key, k.name, k.weight, k.threshold, k.position"
                                     " FROM criterion k JOIN call c ON c.id = k.call_id"
                                     " WHERE k.call_id = $1 ORDER BY k.position",
                                     Params().int64(call_id));
  std::vector<domain::Criterion> criteria;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::Criterion criterion;
    criterion.id = rows.int64(row, 0);
    criterion.call_code = rows.string(row, 1);
    criterion.key = rows.string(row, 2);
    criterion.name = rows.string(row, 3);
    criterion.weight = rows.int64(row, 4);
    criterion.threshold = rows.int64(row, 5);
    criterion.position = static_cast<int>(rows.int64(row, 6));
    criteria.push_back(std::move(criterion));
  }
  return criteria;
}

void PgCriterionRepository::replace(std::int64_t call_id, const std::vector<domain::Criterion>& criteria)
{
  // Removed and written again, as on SQLite, so that positions can move; a criterion keeps its
  // id, and a new one takes the next of the sequence, which no kept id can be.
  m_connection.run("DELETE FROM criterion WHERE call_id = $1", Params().int64(call_id));
  for (const auto& criterion : criteria) {
    Params params;
    params.int64(call_id).text(criterion.key).text(criterion.name).int64(criterion.weight).int64(criterion.threshold);
    params.int64(criterion.position);
    if (criterion.id != 0) {
      params.int64(criterion.id);
      m_connection.run("INSERT INTO criterion (call_id, key, name, weight, threshold, position, id)"
                       " VALUES ($1, $2, $3, $4, $5, $6, $7)",
                       params);
    } else {
      m_connection.run("INSERT INTO criterion (call_id, key, name, weight, threshold, position)"
                       " VALUES ($1, $2, $3, $4, $5, $6)",
                       params);
    }
  }
}

} // namespace cfp::store::postgresql

#undef CFP_CALL_COLUMNS
#undef CFP_CUTOFF_COLUMNS

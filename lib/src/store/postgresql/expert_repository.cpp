// SPDX-License-Identifier: EUPL-1.2
#include "expert_repository.hpp"

#include "values.hpp"

#include <cfp/util/text.hpp>

namespace cfp::store::postgresql {

namespace {

#define CFP_PG_EXPERT_COLUMNS "SELECT id, name, state, organisation, email FROM expert"
#define CFP_PG_CONFLICT_COLUMNS                                                                                        \
  "SELECT d.expert_id, e.name, d.proposal_id, c.code, p.acronym, d.reason, " CFP_PG_EPOCH(                             \
      "d.declared_at") " FROM declared_conflict d JOIN expert e ON e.id = d.expert_id JOIN proposal p ON p.id = "      \
                       "d.proposal_id"                                                                                 \
                       " JOIN call c ON c.id = p.call_id"

domain::Expert read_expert(const Result& rows, int row)
{
  domain::Expert expert;
  expert.id = rows.int64(row, 0);
  expert.name = rows.string(row, 1);
  expert.state = rows.string(row, 2);
  expert.organisation = rows.optional_string(row, 3);
  expert.email = rows.optional_string(row, 4);
  return expert;
}

std::vector<DeclaredConflict> read_conflicts(const Result& rows)
{
  std::vector<DeclaredConflict> conflicts;
  for (int row = 0; row < rows.rows(); ++row) {
    conflicts.push_back({rows.int64(row, 0), rows.string(row, 1), rows.int64(row, 2), rows.string(row, 3),
                         rows.string(row, 4), rows.string(row, 5), instant_at(rows, row, 6)});
  }
  return conflicts;
}

} // namespace

std::int64_t PgExpertRepository::insert(const domain::Expert& expert, domain::Instant created_at)
{
  Params params;
  params.text(expert.name).text(expert.state).optional_text(expert.organisation).optional_text(expert.email);
  add_instant(params, created_at).text(util::comparison_key(expert.name));
  // The next id after the largest, as SQLite gives it: the same ids on both backends.
  return m_connection
      .run("INSERT INTO expert (id, name, state, organisation, email, created_at, name_key)"
           " VALUES ((SELECT coalesce(max(id), 0) + 1 FROM expert), $1, $2, $3, $4, to_timestamp($5), $6)"
           " RETURNING id",
           params)
      .int64(0, 0);
}

std::optional<domain::Expert> PgExpertRepository::find(const std::string& name) const
{
  const auto rows =
      m_connection.run(CFP_PG_EXPERT_COLUMNS " WHERE name_key = $1", Params().text(util::comparison_key(name)));
  return rows.rows() == 0 ? std::nullopt : std::optional<domain::Expert>(read_expert(rows, 0));
}

std::vector<domain::Expert> PgExpertRepository::list() const
{
  const auto rows = m_connection.run(CFP_PG_EXPERT_COLUMNS " ORDER BY name_key, id");
  std::vector<domain::Expert> experts;
  for (int row = 0; row < rows.rows(); ++row) {
    experts.push_back(read_expert(rows, row));
  }
  return experts;
}

void PgExpertRepository::declare_conflict(const DeclaredConflict& conflict)
{
  Params params;
  params.int64(conflict.expert_id).int64(conflict.proposal_id).text(conflict.reason);
  m_connection.run("INSERT INTO declared_conflict (expert_id, proposal_id, reason, declared_at)"
                   " VALUES ($1, $2, $3, to_timestamp($4))",
                   add_instant(params, conflict.declared_at));
}

std::optional<DeclaredConflict> PgExpertRepository::declared(std::int64_t expert_id, std::int64_t proposal_id) const
{
  auto conflicts =
      read_conflicts(m_connection.run(CFP_PG_CONFLICT_COLUMNS " WHERE d.expert_id = $1 AND d.proposal_id = $2",
                                      Params().int64(expert_id).int64(proposal_id)));
  return conflicts.empty() ? std::nullopt : std::optional<DeclaredConflict>(std::move(conflicts.front()));
}

std::vector<DeclaredConflict> PgExpertRepository::declared_conflicts(std::optional<std::int64_t> expert_id) const
{
  return read_conflicts(m_connection.run(CFP_PG_CONFLICT_COLUMNS
                                         " WHERE $1::bigint IS NULL OR d.expert_id = $1"
                                         " ORDER BY e.name_key, nocase(c.code), nocase(p.acronym)",
                                         Params().optional_int64(expert_id)));
}

std::vector<DeclaredConflict> PgExpertRepository::conflicts_with(std::int64_t proposal_id) const
{
  return read_conflicts(m_connection.run(CFP_PG_CONFLICT_COLUMNS " WHERE d.proposal_id = $1 ORDER BY e.name_key",
                                         Params().int64(proposal_id)));
}

void PgExpertRepository::remove_conflicts_with(std::int64_t proposal_id)
{
  m_connection.run("DELETE FROM declared_conflict WHERE proposal_id = $1", Params().int64(proposal_id));
}

} // namespace cfp::store::postgresql

#undef CFP_PG_EXPERT_COLUMNS
#undef CFP_PG_CONFLICT_COLUMNS

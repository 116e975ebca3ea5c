// SPDX-License-Identifier: EUPL-1.2
#include "cursor.hpp"
#include "repositories.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/audit_chain.hpp>

#include <array>
#include <iterator>
#include <string>

namespace cfp::store::postgresql {

namespace {

// The columns of an entry `a`, in the order read_entry reads them.
#define CFP_AUDIT_COLUMNS                                                                                              \
  "SELECT a.id, " CFP_PG_EPOCH("a.at") ", a.actor, a.command, a.entity, a.action, a.subject_kind, a.subject_id,"       \
                                       " a.before, a.after, " CFP_PG_EPOCH("a.real_at") ", a.simulated::int"
#define CFP_AUDIT_SUMMARY_COLUMNS                                                                                      \
  "SELECT a.id, " CFP_PG_EPOCH("a.at") ", a.actor, a.command, a.entity, a.action, a.subject_kind, a.subject_id,"       \
                                       " NULL, NULL, " CFP_PG_EPOCH("a.real_at") ", a.simulated::int"

// $2 call ids, $3 actors, $4 actions (ASCII case ignored), $5 since, $6 until; $1 (the
// proposals) is named in every statement, so that the server knows its type.
#define CFP_PG_AUDIT_FILTERS                                                                                           \
  " ($2::json IS NULL"                                                                                                 \
  "  OR (a.subject_kind = 'call' AND a.subject_id IN (SELECT value::bigint FROM json_array_elements_text($2)))"        \
  "  OR (a.subject_kind = 'cutoff' AND a.subject_id IN (SELECT k.id FROM cutoff k WHERE k.call_id IN"                  \
  "      (SELECT value::bigint FROM json_array_elements_text($2))))"                                                   \
  "  OR (a.subject_kind = 'criterion' AND a.subject_id IN (SELECT r.id FROM criterion r WHERE r.call_id IN"            \
  "      (SELECT value::bigint FROM json_array_elements_text($2))))"                                                   \
  "  OR (a.subject_kind = 'proposal' AND a.subject_id IN (SELECT p.id FROM proposal p WHERE p.call_id IN"              \
  "      (SELECT value::bigint FROM json_array_elements_text($2))))"                                                   \
  "  OR EXISTS (SELECT 1 FROM audit_related ar WHERE ar.audit_id = a.id"                                               \
  "      AND ((ar.subject_kind = 'call' AND ar.subject_id IN (SELECT value::bigint FROM "                              \
  "json_array_elements_text($2)))"                                                                                     \
  "        OR (ar.subject_kind = 'proposal' AND ar.subject_id IN (SELECT p.id FROM proposal p WHERE p.call_id IN"      \
  "            (SELECT value::bigint FROM json_array_elements_text($2)))))))"                                          \
  " AND ($3::json IS NULL OR nocase(a.actor) IN (SELECT nocase(value) FROM json_array_elements_text($3)))"             \
  " AND ($4::json IS NULL OR nocase(a.action) IN (SELECT nocase(value) FROM json_array_elements_text($4)))"            \
  " AND ($5::bigint IS NULL OR a.at >= to_timestamp($5))"                                                              \
  " AND ($6::bigint IS NULL OR a.at <= to_timestamp($6))"

// Every entry the filters pass, walking the log.
#define CFP_PG_AUDIT_ALL_OF(columns, order)                                                                            \
  columns " FROM audit a WHERE $1::json IS NULL AND" CFP_PG_AUDIT_FILTERS " ORDER BY " order " LIMIT $7"

// The entries of the proposals $1 (about them, or related to them) that the filters pass.
#define CFP_PG_AUDIT_OF_PROPOSALS_OF(columns, order)                                                                   \
  columns " FROM audit a"                                                                                              \
          " WHERE a.id IN (SELECT s.id FROM audit s WHERE s.subject_kind = 'proposal'"                                 \
          "   AND s.subject_id IN (SELECT value::bigint FROM json_array_elements_text($1))"                            \
          " UNION SELECT ar.audit_id FROM audit_related ar WHERE ar.subject_kind = 'proposal'"                         \
          "   AND ar.subject_id IN (SELECT value::bigint FROM json_array_elements_text($1)))"                          \
          " AND" CFP_PG_AUDIT_FILTERS " ORDER BY " order " LIMIT $7"

// Each list in an order: reading entries whole, then their summary (AuditDetail).
// Read through a cursor: the log grows with every change.
#define CFP_PG_AUDIT_ALL(order)                                                                                        \
  {                                                                                                                    \
    CFP_PG_CURSOR("cfp_audit", CFP_PG_AUDIT_ALL_OF(CFP_AUDIT_COLUMNS, order)),                                         \
        CFP_PG_CURSOR("cfp_audit", CFP_PG_AUDIT_ALL_OF(CFP_AUDIT_SUMMARY_COLUMNS, order))                              \
  }
#define CFP_PG_AUDIT_OF_PROPOSALS(order)                                                                               \
  {                                                                                                                    \
    CFP_PG_CURSOR("cfp_audit", CFP_PG_AUDIT_OF_PROPOSALS_OF(CFP_AUDIT_COLUMNS, order)),                                \
        CFP_PG_CURSOR("cfp_audit", CFP_PG_AUDIT_OF_PROPOSALS_OF(CFP_AUDIT_SUMMARY_COLUMNS, order))                     \
  }

struct SortedSql
{
  std::array<CursorSql, 2> ascending;
  std::array<CursorSql, 2> descending;
};

// By a key, then newest first; a missing value (NULL) last either way. Text is ordered as SQLite
// orders it: bytes (the columns' collation "C"), ASCII case folded where it ignores case.
#define CFP_PG_BY(list, key)                                                                                           \
  {                                                                                                                    \
    list(key ", a.id DESC"), list(key " DESC, a.id DESC")                                                              \
  }
#define CFP_PG_BY_NULLABLE(list, key)                                                                                  \
  {                                                                                                                    \
    list(key " IS NULL, " key ", a.id DESC"), list(key " IS NULL, " key " DESC, a.id DESC")                            \
  }
// One entry an AuditSort, in its order.
#define CFP_PG_AUDIT_ORDERS(list)                                                                                      \
  {                                                                                                                    \
    {list("a.id DESC"), list("a.id")}, CFP_PG_BY(list, "a.at"), CFP_PG_BY(list, "nocase(a.actor)"),                    \
        CFP_PG_BY(list, "nocase(a.command)"), CFP_PG_BY(list, "nocase(a.entity)"),                                     \
        CFP_PG_BY(list, "nocase(a.action)"), CFP_PG_BY_NULLABLE(list, "a.before"),                                     \
        CFP_PG_BY_NULLABLE(list, "a.after"), CFP_PG_BY_NULLABLE(list, "a.real_at"), CFP_PG_BY(list, "a.simulated")     \
  }

constexpr SortedSql k_all[] = CFP_PG_AUDIT_ORDERS(CFP_PG_AUDIT_ALL);
constexpr SortedSql k_of_proposals[] = CFP_PG_AUDIT_ORDERS(CFP_PG_AUDIT_OF_PROPOSALS);
static_assert(std::size(k_all) == static_cast<std::size_t>(AuditSort::simulated) + 1, "one pair an AuditSort");
static_assert(std::size(k_of_proposals) == std::size(k_all), "one pair an AuditSort");

#undef CFP_PG_AUDIT_ORDERS
#undef CFP_PG_BY_NULLABLE
#undef CFP_PG_BY
#undef CFP_PG_AUDIT_OF_PROPOSALS
#undef CFP_PG_AUDIT_ALL
#undef CFP_PG_AUDIT_OF_PROPOSALS_OF
#undef CFP_PG_AUDIT_ALL_OF
#undef CFP_PG_AUDIT_FILTERS

domain::AuditEntry read_entry(const Result& rows, int row)
{
  domain::AuditEntry entry;
  entry.id = rows.int64(row, 0);
  entry.at = instant_at(rows, row, 1);
  entry.actor = rows.string(row, 2);
  entry.command = rows.string(row, 3);
  entry.entity = rows.string(row, 4);
  entry.action = rows.string(row, 5);
  entry.subject.kind = util::value_or_throw(domain::parse_subject_kind(rows.string(row, 6)), ErrorKind::storage,
                                            "a stored audit subject");
  entry.subject.id = rows.optional_int64(row, 7);
  entry.before = rows.optional_string(row, 8);
  entry.after = rows.optional_string(row, 9);
  entry.real_at = optional_instant_at(rows, row, 10);
  entry.simulated = rows.int64(row, 11) != 0;
  return entry;
}

} // namespace

std::int64_t PgAuditRepository::append(const domain::AuditEntry& entry, Related related)
{
  // Entries are numbered without gaps, as the chain's check expects (a sequence leaves one at
  // each rolled-back write). Writers queue for the write lock (PgDatabase::attempt), and one
  // that read the same last seal or number as another could not commit: it is serializable.
  const auto last = m_connection.run("SELECT hash FROM audit_seal ORDER BY audit_id DESC LIMIT 1");
  const std::string previous = last.rows() == 0 ? std::string(k_first_seal) : last.string(0, 0);
  Params params;
  add_instant(params, entry.at).text(entry.actor).text(entry.command).text(entry.entity).text(entry.action);
  params.text(domain::to_string(entry.subject.kind)).optional_int64(entry.subject.id);
  params.optional_text(entry.before).optional_text(entry.after);
  add_instant(params, entry.real_at).text(entry.simulated ? "true" : "false");
  domain::AuditEntry stored = entry;
  stored.id = m_connection
                  .run("INSERT INTO audit (id, at, actor, command, entity, action, subject_kind, subject_id, before,"
                       " after, real_at, simulated) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM audit),"
                       " to_timestamp($1), $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10), $11) RETURNING id",
                       params)
                  .int64(0, 0);
  m_connection.run("INSERT INTO audit_seal (audit_id, hash) VALUES ($1, $2)",
                   Params().int64(stored.id).text(audit_seal(previous, stored)));
  if (related == Related::noted && m_noting) {
    m_connection.run("INSERT INTO audit_related (audit_id, subject_kind, subject_id) SELECT $1, subject_kind, "
                     "subject_id FROM pg_temp.audit_pending ORDER BY subject_kind, subject_id",
                     Params().int64(stored.id));
    m_connection.run("DELETE FROM pg_temp.audit_pending");
  }
  return stored.id;
}

void PgAuditRepository::note_related(const domain::AuditSubject& subject)
{
  if (!subject.id) {
    throw Error(ErrorKind::internal, "an audit entry related to a subject without an id");
  }
  if (!m_noting) {
    // A temporary table lives with the session; its rows go with each transaction's end.
    m_connection.run("CREATE TEMP TABLE IF NOT EXISTS audit_pending (subject_kind text NOT NULL, subject_id bigint "
                     "NOT NULL, PRIMARY KEY (subject_kind, subject_id)) ON COMMIT DELETE ROWS");
    m_connection.run("DELETE FROM pg_temp.audit_pending");
    m_noting = true;
  }
  m_connection.run(
      "INSERT INTO pg_temp.audit_pending (subject_kind, subject_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      Params().text(domain::to_string(subject.kind)).int64(*subject.id));
}

void PgAuditRepository::for_each(const AuditFilter& filter, const AuditOrder& order, const Visitor& visit) const
{
  const auto index = static_cast<std::size_t>(order.key);
  if (index >= std::size(k_all)) {
    throw Error(ErrorKind::internal, "an audit list in an order the store does not know");
  }
  const auto& sql = filter.proposal_ids.empty() ? k_all[index] : k_of_proposals[index];
  const auto& pair = order.direction == Direction::ascending ? sql.ascending : sql.descending;
  Params params;
  add_set(params, filter.proposal_ids);
  add_set(params, filter.call_ids);
  add_set(params, filter.actors);
  add_set(params, filter.actions);
  add_instant(params, filter.since);
  add_instant(params, filter.until);
  params.optional_int64(order.limit);
  for_each_row(m_connection, pair[filter.detail == AuditDetail::whole ? 0 : 1], params,
               [&](const Result& rows, int row) { visit(read_entry(rows, row)); });
}

bool PgAuditRepository::has_actor(const std::string& actor) const
{
  return m_connection.run("SELECT 1 FROM audit WHERE nocase(actor) = nocase($1) LIMIT 1", Params().text(actor))
             .rows() != 0;
}

bool PgAuditRepository::has_action(const std::string& action) const
{
  return m_connection.run("SELECT 1 FROM audit WHERE nocase(action) = nocase($1) LIMIT 1", Params().text(action))
             .rows() != 0;
}

std::vector<std::string> PgAuditRepository::actions() const
{
  // One spelling of each action, as SQLite's DISTINCT under NOCASE keeps one.
  const auto rows =
      m_connection.run("SELECT min(action) FROM audit GROUP BY nocase(action) ORDER BY nocase(min(action))");
  std::vector<std::string> actions;
  for (int row = 0; row < rows.rows(); ++row) {
    actions.push_back(rows.string(row, 0));
  }
  return actions;
}

void PgAuditRepository::for_each_sealed(const SealedVisitor& visit) const
{
  static constexpr CursorSql k_sql =
      CFP_PG_CURSOR("cfp_sealed", CFP_AUDIT_COLUMNS
                    ", s.hash, a.id AS ord FROM audit a LEFT JOIN audit_seal s ON s.audit_id = a.id"
                    " UNION ALL"
                    " SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, s.hash,"
                    " s.audit_id AS ord FROM audit_seal s WHERE NOT EXISTS (SELECT 1 FROM audit WHERE id = s.audit_id)"
                    " ORDER BY ord");
  for_each_row(m_connection, k_sql, Params(), [&](const Result& rows, int row) {
    std::optional<domain::AuditEntry> entry;
    if (!rows.is_null(row, 0)) {
      entry = read_entry(rows, row);
    }
    visit(rows.int64(row, 13), entry, rows.optional_string(row, 12));
  });
}

} // namespace cfp::store::postgresql

#undef CFP_AUDIT_COLUMNS
#undef CFP_AUDIT_SUMMARY_COLUMNS

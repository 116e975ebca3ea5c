// SPDX-License-Identifier: EUPL-1.2
// `AuditRepository::for_each` and what `log` checks its filters against: the entries a filter
// selects, in the order asked for, one statement an order. Each filter is a set bound as a JSON
// array (NULL: no filter). Entries of some proposals (`log --ref`) come from the indexes of the
// subjects and of audit_related; any other list walks the log newest first, so that the default
// order needs no sort and the limit stops it early.

#include "audit_repository.hpp"
#include "audit_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>

#include <array>
#include <iterator>

namespace cfp::store::sqlite {

namespace {

// ?2 call ids: entries about the call, its cut-offs, criteria and proposals, or related to the
// call or one of its proposals (the imports into it); ?3 actors and ?4 actions (as the columns'
// indexes compare them: ignoring ASCII case); ?5 since and ?6 until (UTC text sorts as time).
#define CFP_AUDIT_FILTERS                                                                                              \
  " (?2 IS NULL"                                                                                                       \
  "  OR (a.subject_kind = 'call' AND a.subject_id IN (SELECT value FROM json_each(?2)))"                               \
  "  OR (a.subject_kind = 'cutoff'"                                                                                    \
  "      AND a.subject_id IN (SELECT k.id FROM cutoff k WHERE k.call_id IN (SELECT value FROM json_each(?2))))"        \
  "  OR (a.subject_kind = 'criterion'"                                                                                 \
  "      AND a.subject_id IN (SELECT r.id FROM criterion r WHERE r.call_id IN (SELECT value FROM json_each(?2))))"     \
  "  OR (a.subject_kind = 'proposal'"                                                                                  \
  "      AND a.subject_id IN (SELECT p.id FROM proposal p WHERE p.call_id IN (SELECT value FROM json_each(?2))))"      \
  "  OR EXISTS (SELECT 1 FROM audit_related ar WHERE ar.audit_id = a.id"                                               \
  "             AND ((ar.subject_kind = 'call' AND ar.subject_id IN (SELECT value FROM json_each(?2)))"                \
  "                  OR (ar.subject_kind = 'proposal' AND ar.subject_id IN"                                            \
  "                      (SELECT p.id FROM proposal p WHERE p.call_id IN (SELECT value FROM json_each(?2)))))))"       \
  " AND (?3 IS NULL OR a.actor COLLATE NOCASE IN (SELECT value FROM json_each(?3)))"                                   \
  " AND (?4 IS NULL OR a.action COLLATE NOCASE IN (SELECT value FROM json_each(?4)))"                                  \
  " AND (?5 IS NULL OR a.at >= ?5)"                                                                                    \
  " AND (?6 IS NULL OR a.at <= ?6)"

// The columns of CFP_AUDIT_COLUMNS, in its order, without the before and after documents
// (AuditDetail::summary).
#define CFP_AUDIT_SUMMARY_COLUMNS                                                                                      \
  "SELECT a.id, a.at, a.actor, a.command, a.entity, a.action, a.subject_kind, a.subject_id, NULL, NULL,"               \
  " a.real_at, a.simulated"

// Every entry the filters pass, walking the log.
#define CFP_AUDIT_ALL_OF(columns, order) columns " FROM audit a WHERE" CFP_AUDIT_FILTERS " ORDER BY " order " LIMIT ?7"

// The entries of the proposals ?1 (about them, or related to them) that the filters pass.
#define CFP_AUDIT_OF_PROPOSALS_OF(columns, order)                                                                      \
  columns                                                                                                              \
      " FROM audit a"                                                                                                  \
      " WHERE a.id IN (SELECT s.id FROM audit s WHERE s.subject_kind = 'proposal'"                                     \
      "                  AND s.subject_id IN (SELECT value FROM json_each(?1))"                                        \
      "                UNION SELECT ar.audit_id FROM audit_related ar WHERE ar.subject_kind = 'proposal'"              \
      "                  AND ar.subject_id IN (SELECT value FROM json_each(?1)))"                                      \
      " AND" CFP_AUDIT_FILTERS " ORDER BY " order " LIMIT ?7"

// Each list in an order: reading entries whole, then their summary (AuditDetail).
#define CFP_AUDIT_ALL(order)                                                                                           \
  {                                                                                                                    \
    CFP_AUDIT_ALL_OF(CFP_AUDIT_COLUMNS, order), CFP_AUDIT_ALL_OF(CFP_AUDIT_SUMMARY_COLUMNS, order)                     \
  }
#define CFP_AUDIT_OF_PROPOSALS(order)                                                                                  \
  {                                                                                                                    \
    CFP_AUDIT_OF_PROPOSALS_OF(CFP_AUDIT_COLUMNS, order), CFP_AUDIT_OF_PROPOSALS_OF(CFP_AUDIT_SUMMARY_COLUMNS, order)   \
  }

struct SortedSql
{
  std::array<FixedSql, 2> ascending;
  std::array<FixedSql, 2> descending;
};

// By a key, then newest first; a missing value (NULL) last either way.
#define CFP_BY(list, key)                                                                                              \
  {                                                                                                                    \
    list(key ", a.id DESC"), list(key " DESC, a.id DESC")                                                              \
  }
#define CFP_BY_NULLABLE(list, key)                                                                                     \
  {                                                                                                                    \
    list(key " IS NULL, " key ", a.id DESC"), list(key " IS NULL, " key " DESC, a.id DESC")                            \
  }
// One entry an AuditSort, in its order.
#define CFP_AUDIT_ORDERS(list)                                                                                         \
  {                                                                                                                    \
    {list("a.id DESC"), list("a.id")}, CFP_BY(list, "a.at"), CFP_BY(list, "a.actor COLLATE NOCASE"),                   \
        CFP_BY(list, "a.command COLLATE NOCASE"), CFP_BY(list, "a.entity COLLATE NOCASE"),                             \
        CFP_BY(list, "a.action COLLATE NOCASE"), CFP_BY_NULLABLE(list, "a.before"), CFP_BY_NULLABLE(list, "a.after"),  \
        CFP_BY_NULLABLE(list, "a.real_at"), CFP_BY(list, "a.simulated")                                                \
  }

constexpr SortedSql k_all[] = CFP_AUDIT_ORDERS(CFP_AUDIT_ALL);
constexpr SortedSql k_of_proposals[] = CFP_AUDIT_ORDERS(CFP_AUDIT_OF_PROPOSALS);
static_assert(std::size(k_all) == static_cast<std::size_t>(AuditSort::simulated) + 1, "one pair an AuditSort");
static_assert(std::size(k_of_proposals) == std::size(k_all), "one pair an AuditSort");

#undef CFP_AUDIT_ORDERS
#undef CFP_BY_NULLABLE
#undef CFP_BY
#undef CFP_AUDIT_OF_PROPOSALS
#undef CFP_AUDIT_ALL
#undef CFP_AUDIT_OF_PROPOSALS_OF
#undef CFP_AUDIT_ALL_OF
#undef CFP_AUDIT_SUMMARY_COLUMNS
#undef CFP_AUDIT_FILTERS

} // namespace

void SqliteAuditRepository::for_each(const AuditFilter& filter, const AuditOrder& order, const Visitor& visit) const
{
  const auto index = static_cast<std::size_t>(order.key);
  if (index >= std::size(k_all)) {
    throw Error(ErrorKind::internal, "an audit list in an order the store does not know");
  }
  const auto& sql = filter.proposal_ids.empty() ? k_all[index] : k_of_proposals[index];
  const auto& pair = order.direction == Direction::ascending ? sql.ascending : sql.descending;
  auto& statement = m_statements.get(pair[filter.detail == AuditDetail::whole ? 0 : 1]);
  if (!filter.proposal_ids.empty()) {
    bind_set(statement, 1, filter.proposal_ids);
  }
  bind_set(statement, 2, filter.call_ids);
  bind_set(statement, 3, filter.actors);
  bind_set(statement, 4, filter.actions);
  bind_instant(statement, 5, filter.since);
  bind_instant(statement, 6, filter.until);
  statement.bind(7, order.limit.value_or(-1));
  while (statement.executeStep()) {
    visit(read_entry(statement));
  }
}

bool SqliteAuditRepository::has_actor(const std::string& actor) const
{
  static constexpr char k_sql[] = "SELECT 1 FROM audit WHERE actor = ?1 COLLATE NOCASE LIMIT 1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, actor);
  const bool found = statement.executeStep();
  statement.reset();
  return found;
}

bool SqliteAuditRepository::has_action(const std::string& action) const
{
  static constexpr char k_sql[] = "SELECT 1 FROM audit WHERE action = ?1 COLLATE NOCASE LIMIT 1";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, action);
  const bool found = statement.executeStep();
  statement.reset();
  return found;
}

std::vector<std::string> SqliteAuditRepository::actions() const
{
  static constexpr char k_sql[] = "SELECT DISTINCT action COLLATE NOCASE FROM audit ORDER BY 1";
  auto& statement = m_statements.get(k_sql);
  std::vector<std::string> actions;
  while (statement.executeStep()) {
    actions.push_back(statement.getColumn(0).getString());
  }
  return actions;
}

} // namespace cfp::store::sqlite

#undef CFP_AUDIT_COLUMNS

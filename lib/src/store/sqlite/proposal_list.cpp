// SPDX-License-Identifier: EUPL-1.2
// `ProposalRepository::for_each`: the proposals a filter selects, in the order asked for, one
// statement an order. Each filter is a set bound as a JSON array (NULL: no filter), so the text
// is fixed whatever is asked. Calls come first, by code (their index), and each call's proposals
// from the (call_id, acronym) index, so that the default order needs no sort and a --call
// filter skips the other calls whole; another order sorts the rows that pass.

#include "proposal_repository.hpp"
#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>

#include <array>
#include <iterator>

namespace cfp::store::sqlite {

namespace {

// The columns of CFP_PROPOSAL_COLUMNS, in its order, with those that `proposal list`'s table
// does not show left empty (ProposalDetail::summary): no lookup of the sectors, no instants.
#define CFP_PROPOSAL_SUMMARY_COLUMNS                                                                                   \
  "SELECT p.id, c.code, p.acronym, p.title, p.host,"                                                                   \
  " (SELECT group_concat(state_code, ',') FROM proposal_partner WHERE proposal_id = p.id),"                            \
  " p.entity, p.plan, 0, p.eu_contribution_cents, NULL, NULL,"                                                         \
  " p.status, p.cutoff_id, k.label, NULL, NULL, NULL, p.version, NULL"

// ?1 call ids, ?2 cut-off labels (compared as the column is: ignoring ASCII case), ?3 hosts,
// ?4 states as host or partner, ?5 statuses, ?6 sectors, ?7 outcomes, ?8 the limit (-1: none).
#define CFP_PROPOSAL_LIST_OF(columns, order)                                                                           \
  columns                                                                                                              \
  " FROM call c CROSS JOIN proposal p ON p.call_id = c.id LEFT JOIN cutoff k ON k.id = p.cutoff_id"                    \
  " WHERE (?1 IS NULL OR c.id IN (SELECT value FROM json_each(?1)))"                                                   \
  "   AND (?2 IS NULL OR k.label IN (SELECT value FROM json_each(?2)))"                                                \
  "   AND (?3 IS NULL OR p.host IN (SELECT value FROM json_each(?3)))"                                                 \
  "   AND (?4 IS NULL OR p.host IN (SELECT value FROM json_each(?4))"                                                  \
  "        OR EXISTS (SELECT 1 FROM proposal_partner pp"                                                               \
  "                   WHERE pp.proposal_id = p.id AND pp.state_code IN (SELECT value FROM json_each(?4))))"            \
  "   AND (?5 IS NULL OR p.status IN (SELECT value FROM json_each(?5)))"                                               \
  "   AND (?6 IS NULL OR EXISTS (SELECT 1 FROM proposal_sector ps"                                                     \
  "                              WHERE ps.proposal_id = p.id AND ps.sector IN (SELECT value FROM json_each(?6))))"     \
  "   AND (?7 IS NULL OR p.outcome IN (SELECT value FROM json_each(?7)))"                                              \
  " ORDER BY " order " LIMIT ?8"
#define CFP_PROPOSAL_LIST(order)                                                                                       \
  CFP_PROPOSAL_LIST_OF(CFP_PROPOSAL_COLUMNS, order), CFP_PROPOSAL_LIST_OF(CFP_PROPOSAL_SUMMARY_COLUMNS, order)

// By a key that every proposal has, then the default order.
#define CFP_BY(key)                                                                                                    \
  {                                                                                                                    \
    {CFP_PROPOSAL_LIST(key ", c.code, p.acronym")}, {CFP_PROPOSAL_LIST(key " DESC, c.code, p.acronym")}                \
  }
// By a key that may be missing (NULL), which goes last either way.
#define CFP_BY_NULLABLE(key)                                                                                           \
  {                                                                                                                    \
    {CFP_PROPOSAL_LIST(key " IS NULL, " key ", c.code, p.acronym")},                                                   \
        {CFP_PROPOSAL_LIST(key " IS NULL, " key " DESC, c.code, p.acronym")}                                           \
  }

// Each order's statements: reading the whole proposal, then its summary (ProposalDetail).
struct SortedSql
{
  std::array<FixedSql, 2> ascending;
  std::array<FixedSql, 2> descending;
};

// One entry a ProposalSort, in its order. A list sorts as its items joined with ',', which
// sorts before every character of a state code or a sector: item by item, an empty list (NULL)
// first, as the smallest.
constexpr SortedSql k_sorted[] = {
    {{CFP_PROPOSAL_LIST("c.code, p.acronym")}, {CFP_PROPOSAL_LIST("c.code DESC, p.acronym DESC")}},
    CFP_BY("p.id"),
    CFP_BY("c.code"),
    CFP_BY("p.acronym"),
    CFP_BY("p.title COLLATE NOCASE"),
    CFP_BY("p.host"),
    CFP_BY("(SELECT group_concat(state_code, ',') FROM proposal_partner WHERE proposal_id = p.id)"),
    CFP_BY("p.entity COLLATE NOCASE"),
    CFP_BY("p.plan"),
    CFP_BY("p.experimental_platform"),
    CFP_BY("p.eu_contribution_cents"),
    CFP_BY("p.national_contribution_cents"),
    // The sectors in the order a proposal keeps them (the sectors' positions), not by name.
    CFP_BY("(SELECT group_concat(name, ',') FROM (SELECT s.name FROM proposal_sector ps2"
           " JOIN sector s ON s.name = ps2.sector WHERE ps2.proposal_id = p.id ORDER BY s.position))"),
    CFP_BY("p.status"),
    CFP_BY_NULLABLE("k.label"),
    CFP_BY_NULLABLE("k.closes_at"),
    CFP_BY_NULLABLE("p.submitted_at"),
    CFP_BY("p.version"),
    CFP_BY_NULLABLE("p.withdrawal_reason COLLATE NOCASE"),
    CFP_BY_NULLABLE("p.outcome"),
};
static_assert(std::size(k_sorted) == static_cast<std::size_t>(ProposalSort::outcome) + 1,
              "one statement pair a ProposalSort");

#undef CFP_BY_NULLABLE
#undef CFP_BY
#undef CFP_PROPOSAL_LIST
#undef CFP_PROPOSAL_LIST_OF
#undef CFP_PROPOSAL_SUMMARY_COLUMNS

template<typename Enum>
std::set<std::string> names_of(const std::set<Enum>& values)
{
  std::set<std::string> names;
  for (const auto value : values) {
    names.emplace(domain::to_string(value));
  }
  return names;
}

} // namespace

void SqliteProposalRepository::for_each(const ProposalFilter& filter, const ProposalOrder& order,
                                        const Visitor& visit) const
{
  const auto index = static_cast<std::size_t>(order.key);
  if (index >= std::size(k_sorted)) {
    throw Error(ErrorKind::internal, "a proposal list in an order the store does not know");
  }
  const auto& sql = k_sorted[index];
  const auto& pair = order.direction == Direction::ascending ? sql.ascending : sql.descending;
  auto& statement = m_statements.get(pair[filter.detail == ProposalDetail::whole ? 0 : 1]);
  bind_set(statement, 1, filter.call_ids);
  bind_set(statement, 2, filter.cutoff_labels);
  bind_set(statement, 3, filter.hosts);
  bind_set(statement, 4, filter.states);
  bind_set(statement, 5, names_of(filter.statuses));
  bind_set(statement, 6, filter.sectors);
  bind_set(statement, 7, names_of(filter.outcomes));
  statement.bind(8, order.limit.value_or(-1));
  while (auto proposal = next_proposal(statement)) {
    visit(*proposal);
  }
}

} // namespace cfp::store::sqlite

#undef CFP_PROPOSAL_SELECT
#undef CFP_PROPOSAL_COLUMNS

// SPDX-License-Identifier: EUPL-1.2
// `ProposalRepository::for_each`: the proposals a filter selects, in the order asked for, one
// statement an order, read through a cursor. Each filter is a set passed as a JSON array (NULL:
// no filter), so the text is fixed whatever is asked. The orders are SQLite's, written out:
// text that SQLite compares ignoring ASCII case goes through nocase(), and an absent value sorts
// first going up and last going down, as SQLite sorts NULL.

#include "cursor.hpp"
#include "proposal_repository.hpp"
#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>

#include <array>
#include <iterator>

namespace cfp::store::postgresql {

namespace {

// The columns of CFP_PG_PROPOSAL_COLUMNS, in its order, with those that `proposal list`'s table
// does not show left empty (ProposalDetail::summary).
#define CFP_PG_PROPOSAL_SUMMARY_COLUMNS                                                                                \
  "SELECT p.id, c.code, p.acronym, p.title, p.host, " CFP_PG_PARTNERS ","                                              \
  " p.entity, p.plan, false, p.eu_contribution_cents, NULL, NULL,"                                                     \
  " p.status, p.cutoff_id, k.label, NULL, NULL, NULL, p.version, NULL"

// A set of text passed as a JSON array, compared as the column is ("C").
#define CFP_PG_SET(n) "(SELECT value COLLATE \"C\" FROM json_array_elements_text($" n "::json))"

// $1 call ids, $2 cut-off labels (ASCII case ignored, as the column is on SQLite), $3 hosts,
// $4 states as host or partner, $5 statuses, $6 sectors, $7 outcomes, $8 the limit (NULL: none).
#define CFP_PG_PROPOSAL_LIST_OF(columns, order)                                                                        \
  columns                                                                                                              \
      " FROM call c JOIN proposal p ON p.call_id = c.id LEFT JOIN cutoff k ON k.id = p.cutoff_id"                      \
      " WHERE ($1::json IS NULL OR c.id IN (SELECT value::bigint FROM json_array_elements_text($1::json)))"            \
      "   AND ($2::json IS NULL OR nocase(k.label) IN (SELECT nocase(value) FROM json_array_elements_text($2::json)))" \
      "   AND ($3::json IS NULL OR p.host IN " CFP_PG_SET(                                                             \
          "3") ")"                                                                                                     \
               "   AND ($4::json IS NULL OR p.host IN " CFP_PG_SET(                                                    \
                   "4") "        OR EXISTS (SELECT 1 FROM proposal_partner pp"                                         \
                        "                   WHERE pp.proposal_id = p.id AND pp.state_code IN " CFP_PG_SET(             \
                            "4") "))"                                                                                  \
                                 "   AND ($5::json IS NULL OR p.status IN " CFP_PG_SET(                                \
                                     "5") ")"                                                                          \
                                          "   AND ($6::json IS NULL OR EXISTS (SELECT 1 FROM proposal_sector ps"       \
                                          "                                    WHERE ps.proposal_id = p.id AND "       \
                                          "ps.sector IN " CFP_PG_SET(                                                  \
                                              "6") "))"                                                                \
                                                   "   AND ($7::json IS NULL OR p.outcome IN " CFP_PG_SET(             \
                                                       "7") ")"                                                        \
                                                            " ORDER BY " order " LIMIT $8::bigint"
#define CFP_PG_PROPOSAL_LIST(order)                                                                                    \
  CFP_PG_CURSOR("cfp_proposals", CFP_PG_PROPOSAL_LIST_OF(CFP_PG_PROPOSAL_COLUMNS, order)),                             \
      CFP_PG_CURSOR("cfp_proposals", CFP_PG_PROPOSAL_LIST_OF(CFP_PG_PROPOSAL_SUMMARY_COLUMNS, order))

// The default order, which SQLite compares ignoring ASCII case.
#define CFP_PG_BY_CALL " nocase(c.code), nocase(p.acronym)"

// By a key, then the default order; an absent key first going up, last going down.
#define CFP_PG_BY(key)                                                                                                 \
  {                                                                                                                    \
    {CFP_PG_PROPOSAL_LIST(key " NULLS FIRST," CFP_PG_BY_CALL)},                                                        \
    {                                                                                                                  \
      CFP_PG_PROPOSAL_LIST(key " DESC NULLS LAST," CFP_PG_BY_CALL)                                                     \
    }                                                                                                                  \
  }
// By a key that may be missing, which goes last either way.
#define CFP_PG_BY_NULLABLE(key)                                                                                        \
  {                                                                                                                    \
    {CFP_PG_PROPOSAL_LIST("(" key ") IS NULL, " key "," CFP_PG_BY_CALL)},                                              \
    {                                                                                                                  \
      CFP_PG_PROPOSAL_LIST("(" key ") IS NULL, " key " DESC," CFP_PG_BY_CALL)                                          \
    }                                                                                                                  \
  }

// Each order's cursors: reading the whole proposal, then its summary (ProposalDetail).
struct SortedSql
{
  std::array<CursorSql, 2> ascending;
  std::array<CursorSql, 2> descending;
};

// One entry a ProposalSort, in its order, as on SQLite.
constexpr SortedSql k_sorted[] = {
    {{CFP_PG_PROPOSAL_LIST(CFP_PG_BY_CALL)}, {CFP_PG_PROPOSAL_LIST("nocase(c.code) DESC, nocase(p.acronym) DESC")}},
    CFP_PG_BY("p.id"),
    CFP_PG_BY("nocase(c.code)"),
    CFP_PG_BY("nocase(p.acronym)"),
    CFP_PG_BY("nocase(p.title)"),
    CFP_PG_BY("p.host"),
    CFP_PG_BY(CFP_PG_PARTNERS),
    CFP_PG_BY("nocase(p.entity)"),
    CFP_PG_BY("p.plan"),
    CFP_PG_BY("p.experimental_platform"),
    CFP_PG_BY("p.eu_contribution_cents"),
    CFP_PG_BY("p.national_contribution_cents"),
    // The sectors in the order a proposal keeps them (the sectors' positions), not by name.
    CFP_PG_BY("(SELECT string_agg(s.name, ',' ORDER BY s.position) FROM proposal_sector ps2"
              " JOIN sector s ON s.name = ps2.sector WHERE ps2.proposal_id = p.id)"),
    CFP_PG_BY("p.status"),
    CFP_PG_BY_NULLABLE("nocase(k.label)"),
    CFP_PG_BY_NULLABLE("k.closes_at"),
    CFP_PG_BY_NULLABLE("p.submitted_at"),
    CFP_PG_BY("p.version"),
    CFP_PG_BY_NULLABLE("nocase(p.withdrawal_reason)"),
    CFP_PG_BY_NULLABLE("p.outcome"),
};
static_assert(std::size(k_sorted) == static_cast<std::size_t>(ProposalSort::outcome) + 1,
              "one statement pair a ProposalSort");

#undef CFP_PG_BY_NULLABLE
#undef CFP_PG_BY
#undef CFP_PG_BY_CALL
#undef CFP_PG_PROPOSAL_LIST
#undef CFP_PG_PROPOSAL_LIST_OF
#undef CFP_PG_SET
#undef CFP_PG_PROPOSAL_SUMMARY_COLUMNS

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

void PgProposalRepository::for_each(const ProposalFilter& filter, const ProposalOrder& order,
                                    const Visitor& visit) const
{
  const auto index = static_cast<std::size_t>(order.key);
  if (index >= std::size(k_sorted)) {
    throw Error(ErrorKind::internal, "a proposal list in an order the store does not know");
  }
  const auto& sql = k_sorted[index];
  const auto& pair = order.direction == Direction::ascending ? sql.ascending : sql.descending;
  Params params;
  add_set(params, filter.call_ids);
  add_set(params, filter.cutoff_labels);
  add_set(params, filter.hosts);
  add_set(params, filter.states);
  add_set(params, names_of(filter.statuses));
  add_set(params, filter.sectors);
  add_set(params, names_of(filter.outcomes));
  params.optional_int64(order.limit);
  for_each_row(m_connection, pair[filter.detail == ProposalDetail::whole ? 0 : 1], params,
               [&](const Result& rows, int row) { visit(read_proposal(rows, row)); });
}

} // namespace cfp::store::postgresql

#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS

// SPDX-License-Identifier: EUPL-1.2
// The proposals counted for the reports: by call, cut-off and status; by participating state.
#include "proposal_repository.hpp"
#include "proposal_rows.hpp"

#include <cfp/error.hpp>

#include <map>

namespace cfp::store::postgresql {

namespace {

// A sum of cents, which PostgreSQL adds up as numeric (it never overflows there); the total
// must fit Cents, or the report is refused, as on SQLite. The sum of none (NULL) is 0.
domain::Cents sum_of_cents(const Result& rows, int row, int column)
{
  if (rows.is_null(row, column)) {
    return 0;
  }
  const auto text = rows.text(row, column);
  const bool negative = !text.empty() && text.front() == '-';
  const auto digits = text.substr(negative ? 1 : 0);
  __extension__ using Wide = __int128;
  Wide total = 0;
  for (const char digit : digits) {
    if (digit < '0' || digit > '9') {
      throw Error(ErrorKind::storage, "the server returned a sum of cents that is not a whole number");
    }
    total = total * 10 + (digit - '0');
    if (total > domain::k_max_cents) {
      throw Error(ErrorKind::refused, std::string(domain::k_sum_too_large));
    }
  }
  return static_cast<domain::Cents>(negative ? -total : total);
}

} // namespace

std::vector<CutoffTally> PgProposalRepository::tally(std::optional<std::int64_t> call_id) const
{
  const auto rows =
      m_connection.run("SELECT call_id, cutoff_id, status, count(*), sum(eu_contribution_cents) FROM proposal"
                       " WHERE $1::bigint IS NULL OR call_id = $1 GROUP BY call_id, cutoff_id, status",
                       Params().optional_int64(call_id));
  std::vector<CutoffTally> tallies;
  for (int row = 0; row < rows.rows(); ++row) {
    tallies.push_back({rows.int64(row, 0), rows.optional_int64(row, 1), status_at(rows, row, 2), rows.int64(row, 3),
                       sum_of_cents(rows, row, 4)});
  }
  return tallies;
}

std::vector<std::pair<domain::ProposalStatus, int>> PgProposalRepository::count_by_status(std::int64_t call_id) const
{
  const auto rows =
      m_connection.run("SELECT status, count(*) FROM proposal WHERE call_id = $1 GROUP BY status ORDER BY status",
                       Params().int64(call_id));
  std::vector<std::pair<domain::ProposalStatus, int>> counts;
  for (int row = 0; row < rows.rows(); ++row) {
    counts.emplace_back(status_at(rows, row, 0), static_cast<int>(rows.int64(row, 1)));
  }
  return counts;
}

std::vector<StateTally> PgProposalRepository::tally_states(std::optional<std::int64_t> call_id,
                                                           std::optional<std::int64_t> cutoff_id) const
{
  // One pass over the proposals by host, one over the partnerships; drafts have no cut-off and
  // are counted for the call.
  const auto scope = Params().optional_int64(call_id).optional_int64(cutoff_id);
  const auto hosts = m_connection.run(
      "SELECT host, count(*) FILTER (WHERE status = 'submitted'), count(*) FILTER (WHERE status = 'draft'),"
      " count(*) FILTER (WHERE status = 'submitted' AND outcome = 'selected'),"
      " sum(eu_contribution_cents) FILTER (WHERE status = 'submitted'),"
      " sum(national_contribution_cents) FILTER (WHERE status = 'submitted'),"
      " sum(eu_contribution_cents) FILTER (WHERE status = 'submitted' AND outcome = 'selected')"
      " FROM proposal WHERE ($1::bigint IS NULL OR call_id = $1)"
      " AND ($2::bigint IS NULL OR cutoff_id = $2 OR status = 'draft') GROUP BY host",
      scope);
  std::map<std::string, StateTally> by_state;
  for (int row = 0; row < hosts.rows(); ++row) {
    auto& tally = by_state[hosts.string(row, 0)];
    tally.hosted = hosts.int64(row, 1);
    tally.drafts = hosts.int64(row, 2);
    tally.selected = hosts.int64(row, 3);
    tally.eu_requested = sum_of_cents(hosts, row, 4);
    tally.national_committed = sum_of_cents(hosts, row, 5);
    tally.eu_selected = sum_of_cents(hosts, row, 6);
  }
  const auto partners = m_connection.run(
      "SELECT pp.state_code, count(*) FROM proposal p JOIN proposal_partner pp ON pp.proposal_id = p.id"
      " WHERE p.status = 'submitted' AND ($1::bigint IS NULL OR p.call_id = $1)"
      " AND ($2::bigint IS NULL OR p.cutoff_id = $2) GROUP BY pp.state_code",
      scope);
  for (int row = 0; row < partners.rows(); ++row) {
    by_state[partners.string(row, 0)].partnered = partners.int64(row, 1);
  }
  std::vector<StateTally> tallies;
  tallies.reserve(by_state.size());
  for (auto& [state, tally] : by_state) {
    tally.state = state;
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

} // namespace cfp::store::postgresql

#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS

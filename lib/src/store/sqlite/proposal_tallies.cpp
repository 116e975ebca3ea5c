// SPDX-License-Identifier: EUPL-1.2
// The proposals counted for the reports: by call, cut-off and status; by participating state.
#include "proposal_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

#include <map>

namespace cfp::store::sqlite {

namespace {

// A sum of cents as two columns, the whole billions of cents and the rest (SUM_CENTS below), so
// that SQLite, which stops with "integer overflow" past 2^63, never overflows; the total must
// fit Cents, or the report is refused. An absent amount (NULL) is skipped, as sum() skips NULL;
// the sum of none is 0.
#define SUM_CENTS(expression) "sum((" expression ") / 1000000000), sum((" expression ") % 1000000000)"

domain::Cents sum_of_cents(const SQLite::Statement& statement, int high)
{
  __extension__ using Wide = __int128;
  const Wide total =
      Wide{statement.getColumn(high).getInt64()} * 1'000'000'000 + statement.getColumn(high + 1).getInt64();
  if (total > domain::k_max_cents || total < -Wide{domain::k_max_cents}) {
    throw Error(ErrorKind::refused, std::string(domain::k_sum_too_large));
  }
  return static_cast<domain::Cents>(total);
}

} // namespace

std::vector<CutoffTally> SqliteProposalRepository::tally(std::optional<std::int64_t> call_id) const
{
  // NOT INDEXED: for the GROUP BY SQLite would walk the (call_id, acronym) index and look up
  // each row in the table, 1.5 times as slow at 100,000 proposals as a scan and a sort.
  static constexpr char k_all[] = "SELECT call_id, cutoff_id, status, count(*), " SUM_CENTS("eu_contribution_cents")
                                  " FROM proposal NOT INDEXED GROUP BY call_id, cutoff_id, status";
  static constexpr char k_of_call[] = "SELECT call_id, cutoff_id, status, count(*), " SUM_CENTS("eu_contribution_cents")
                                      " FROM proposal WHERE call_id = ?1 GROUP BY call_id, cutoff_id, status";
  auto& statement = m_statements.get(call_id ? FixedSql(k_of_call) : FixedSql(k_all));
  if (call_id) {
    statement.bind(1, *call_id);
  }
  std::vector<CutoffTally> tallies;
  while (statement.executeStep()) {
    tallies.push_back({statement.getColumn(0).getInt64(), column_optional_int64(statement.getColumn(1)),
                       util::value_or_throw(domain::parse_status(statement.getColumn(2).getString()),
                                            ErrorKind::storage, "a stored status"),
                       statement.getColumn(3).getInt64(), sum_of_cents(statement, 4)});
  }
  return tallies;
}

std::vector<std::pair<domain::ProposalStatus, int>>
SqliteProposalRepository::count_by_status(std::int64_t call_id) const
{
  static constexpr char k_sql[] = "SELECT status, count(*) FROM proposal WHERE call_id = ?1 GROUP BY status"
                                  " ORDER BY status";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  std::vector<std::pair<domain::ProposalStatus, int>> counts;
  while (statement.executeStep()) {
    counts.emplace_back(util::value_or_throw(domain::parse_status(statement.getColumn(0).getString()),
                                             ErrorKind::storage, "a stored status"),
                        statement.getColumn(1).getInt());
  }
  return counts;
}

std::vector<StateTally> SqliteProposalRepository::tally_states(std::optional<std::int64_t> call_id,
                                                               std::optional<std::int64_t> cutoff_id) const
{
  // One pass over the proposals by host, one over the partnerships; drafts have no cut-off and
  // are counted for the call. Both scan the proposals in table order: left to itself SQLite walks
  // the index by host, or that of the partners by state, and looks up every proposal at random,
  // twice as slow at 100,000 proposals (NOT INDEXED, CROSS JOIN keep the order of the tables).
  static constexpr char k_hosts[] =
      "SELECT host, sum(status = 'submitted'), sum(status = 'draft'), sum(status = 'submitted' AND outcome = "
      "'selected'), " SUM_CENTS("CASE WHEN status = 'submitted' THEN eu_contribution_cents ELSE 0 END") ", "
      SUM_CENTS("CASE WHEN status = 'submitted' THEN national_contribution_cents ELSE 0 END") ", "
      SUM_CENTS("CASE WHEN status = 'submitted' AND outcome = 'selected' THEN eu_contribution_cents ELSE 0 END")
      " FROM proposal NOT INDEXED"
      " WHERE (?1 IS NULL OR call_id = ?1) AND (?2 IS NULL OR cutoff_id = ?2 OR status = 'draft') GROUP BY host";
  static constexpr char k_partners[] =
      "SELECT pp.state_code, count(*) FROM proposal p CROSS JOIN proposal_partner pp ON pp.proposal_id = p.id"
      " WHERE p.status = 'submitted' AND (?1 IS NULL OR p.call_id = ?1) AND (?2 IS NULL OR p.cutoff_id = ?2)"
      " GROUP BY pp.state_code";
  const auto bind_scope = [&](SQLite::Statement& statement) {
    if (call_id) {
      statement.bind(1, *call_id);
    } else {
      statement.bind(1);
    }
    if (cutoff_id) {
      statement.bind(2, *cutoff_id);
    } else {
      statement.bind(2);
    }
  };
  std::map<std::string, StateTally> by_state;
  auto& hosts = m_statements.get(k_hosts);
  bind_scope(hosts);
  while (hosts.executeStep()) {
    auto& tally = by_state[hosts.getColumn(0).getString()];
    tally.hosted = hosts.getColumn(1).getInt64();
    tally.drafts = hosts.getColumn(2).getInt64();
    tally.selected = hosts.getColumn(3).getInt64();
    tally.eu_requested = sum_of_cents(hosts, 4);
    tally.national_committed = sum_of_cents(hosts, 6);
    tally.eu_selected = sum_of_cents(hosts, 8);
  }
  auto& partners = m_statements.get(k_partners);
  bind_scope(partners);
  while (partners.executeStep()) {
    by_state[partners.getColumn(0).getString()].partnered = partners.getColumn(1).getInt64();
  }
  std::vector<StateTally> tallies;
  tallies.reserve(by_state.size());
  for (auto& [state, tally] : by_state) {
    tally.state = state;
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

} // namespace cfp::store::sqlite

#undef SUM_CENTS

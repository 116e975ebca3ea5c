// SPDX-License-Identifier: EUPL-1.2
// The earlier rounds of resubmitted proposals: the cut-offs they took part in before the one
// they are in now.
#include "cursor.hpp"
#include "proposal_repository.hpp"
#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/store/snapshot.hpp>

namespace cfp::store::postgresql {

namespace {

Params& add_outcome(Params& params, std::optional<domain::Outcome> outcome)
{
  return outcome ? params.text(domain::to_string(*outcome)) : params.null();
}

} // namespace

void PgProposalRepository::add_round(std::int64_t proposal_id, std::int64_t cutoff_id, int version,
                                     domain::ProposalStatus status, std::optional<domain::Outcome> outcome)
{
  Params params;
  params.int64(proposal_id).int64(cutoff_id).int64(version).text(domain::to_string(status));
  m_connection.run("INSERT INTO proposal_round (proposal_id, cutoff_id, version, status, outcome)"
                   " VALUES ($1, $2, $3, $4, $5)",
                   add_outcome(params, outcome));
}

void PgProposalRepository::for_each_round(std::optional<std::int64_t> call_id, std::optional<std::int64_t> cutoff_id,
                                          const Visitor& visit) const
{
  static constexpr CursorSql k_sql = CFP_PG_CURSOR(
      "cfp_rounds",
      "SELECT r.proposal_id, r.cutoff_id, r.status, r.outcome, v.snapshot, v.snapshot_format, k.label, " CFP_PG_EPOCH(
          "k.closes_at") " FROM proposal_round r"
                         " JOIN proposal_version v ON v.proposal_id = r.proposal_id AND v.version = r.version"
                         " JOIN cutoff k ON k.id = r.cutoff_id"
                         " JOIN call c ON c.id = k.call_id"
                         " JOIN proposal p ON p.id = r.proposal_id"
                         " WHERE ($1::bigint IS NULL OR k.call_id = $1) AND ($2::bigint IS NULL OR r.cutoff_id = $2)"
                         " ORDER BY nocase(c.code), nocase(p.acronym), k.closes_at");
  for_each_row(m_connection, k_sql, Params().optional_int64(call_id).optional_int64(cutoff_id),
               [&](const Result& rows, int row) {
                 auto proposal = proposal_from_snapshot(rows.text(row, 4), static_cast<int>(rows.int64(row, 5)));
                 proposal.id = rows.int64(row, 0);
                 proposal.cutoff_id = rows.int64(row, 1);
                 proposal.status = status_at(rows, row, 2);
                 proposal.outcome = outcome_at(rows, row, 3);
                 proposal.cutoff_label = rows.string(row, 6);
                 proposal.cutoff_closes_at = instant_at(rows, row, 7);
                 visit(proposal);
               });
}

void PgProposalRepository::set_round_outcome(std::int64_t proposal_id, std::int64_t cutoff_id,
                                             std::optional<domain::Outcome> outcome)
{
  Params params;
  params.int64(proposal_id).int64(cutoff_id);
  m_connection.run("UPDATE proposal_round SET outcome = $3 WHERE proposal_id = $1 AND cutoff_id = $2",
                   add_outcome(params, outcome));
}

} // namespace cfp::store::postgresql

#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS

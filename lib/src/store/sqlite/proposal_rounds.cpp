// SPDX-License-Identifier: EUPL-1.2
// The earlier rounds of resubmitted proposals: the cut-offs they took part in before the one
// they are in now.
#include "proposal_repository.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/result.hpp>

namespace cfp::store::sqlite {

void SqliteProposalRepository::add_round(std::int64_t proposal_id, std::int64_t cutoff_id, int version,
                                         domain::ProposalStatus status, std::optional<domain::Outcome> outcome)
{
  static constexpr char k_sql[] = "INSERT INTO proposal_round (proposal_id, cutoff_id, version, status, outcome)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  statement.bind(3, version);
  statement.bind(4, std::string(domain::to_string(status)));
  if (outcome) {
    statement.bind(5, std::string(domain::to_string(*outcome)));
  }
  statement.exec();
}

void SqliteProposalRepository::for_each_round(std::optional<std::int64_t> call_id,
                                              std::optional<std::int64_t> cutoff_id, const Visitor& visit) const
{
  static constexpr char k_sql[] =
      "SELECT r.proposal_id, r.cutoff_id, r.status, r.outcome, v.snapshot, v.snapshot_format, k.label, k.closes_at"
      " FROM proposal_round r"
      " JOIN proposal_version v ON v.proposal_id = r.proposal_id AND v.version = r.version"
      " JOIN cutoff k ON k.id = r.cutoff_id"
      " JOIN call c ON c.id = k.call_id"
      " JOIN proposal p ON p.id = r.proposal_id"
      " WHERE (?1 IS NULL OR k.call_id = ?1) AND (?2 IS NULL OR r.cutoff_id = ?2)"
      " ORDER BY c.code, p.acronym, k.closes_at";
  auto& statement = m_statements.get(k_sql);
  bind_optional(statement, 1, call_id);
  bind_optional(statement, 2, cutoff_id);
  while (statement.executeStep()) {
    auto proposal = proposal_from_snapshot(statement.getColumn(4).getString(), statement.getColumn(5).getInt());
    proposal.id = statement.getColumn(0).getInt64();
    proposal.cutoff_id = statement.getColumn(1).getInt64();
    proposal.status = util::value_or_throw(domain::parse_status(statement.getColumn(2).getString()), ErrorKind::storage,
                                           "a stored round");
    proposal.outcome.reset();
    if (auto outcome = column_optional_string(statement.getColumn(3))) {
      proposal.outcome =
          util::value_or_throw(domain::parse_outcome(*outcome), ErrorKind::storage, "a stored round's outcome");
    }
    proposal.cutoff_label = statement.getColumn(6).getString();
    proposal.cutoff_closes_at = column_instant(statement.getColumn(7));
    visit(proposal);
  }
  statement.reset();
}

void SqliteProposalRepository::set_round_outcome(std::int64_t proposal_id, std::int64_t cutoff_id,
                                                 std::optional<domain::Outcome> outcome)
{
  static constexpr char k_sql[] = "UPDATE proposal_round SET outcome = ?3 WHERE proposal_id = ?1 AND cutoff_id = ?2";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  if (outcome) {
    statement.bind(3, std::string(domain::to_string(*outcome)));
  }
  statement.exec();
}

} // namespace cfp::store::sqlite

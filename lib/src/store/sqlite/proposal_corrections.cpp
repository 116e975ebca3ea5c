// SPDX-License-Identifier: EUPL-1.2
// What the corrections of calls, cut-offs and drafts need of the proposals: every submission
// made to a call, from the current versions and the history, and the removal of a draft.
#include "proposal_repository.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace cfp::store::sqlite {

std::vector<Submission> SqliteProposalRepository::submissions(std::int64_t call_id) const
{
  std::vector<Submission> found;
  static constexpr char k_current[] = "SELECT p.id, p.acronym, p.version, p.status, k.label, p.submitted_at"
                                      " FROM proposal p JOIN cutoff k ON k.id = p.cutoff_id WHERE p.call_id = ?1";
  auto& current = m_statements.get(k_current);
  current.bind(1, call_id);
  while (current.executeStep()) {
    found.push_back({current.getColumn(0).getInt64(), current.getColumn(1).getString(), current.getColumn(2).getInt(),
                     true,
                     util::value_or_throw(domain::parse_status(current.getColumn(3).getString()), ErrorKind::storage,
                                          "a stored status"),
                     current.getColumn(4).getString(), column_instant(current.getColumn(5))});
  }
  // Earlier versions keep their cut-off by label in their snapshot: labels are unique within a
  // call, and a cut-off that any submission names never changes.
  static constexpr char k_history[] = "SELECT p.id, p.acronym, v.snapshot, v.snapshot_format"
                                      " FROM proposal_version v JOIN proposal p ON p.id = v.proposal_id"
                                      " WHERE p.call_id = ?1";
  auto& history = m_statements.get(k_history);
  history.bind(1, call_id);
  while (history.executeStep()) {
    const auto version = proposal_from_snapshot(history.getColumn(2).getString(), history.getColumn(3).getInt());
    if (version.status == domain::ProposalStatus::draft || !version.submitted_at) {
      continue;
    }
    found.push_back({history.getColumn(0).getInt64(), history.getColumn(1).getString(), version.version, false,
                     version.status, version.cutoff_label.value_or(""), *version.submitted_at});
  }
  // By acronym ignoring case, as the proposals are listed, then version.
  std::sort(found.begin(), found.end(), [](const Submission& a, const Submission& b) {
    return std::tuple(util::to_lower_ascii(a.acronym), a.acronym, a.version) <
           std::tuple(util::to_lower_ascii(b.acronym), b.acronym, b.version);
  });
  return found;
}

void SqliteProposalRepository::remove(std::int64_t id)
{
  // Children first, for the foreign keys; the schema refuses to remove the history of a
  // proposal that is not a draft (migration 0008).
  static constexpr char k_partners[] = "DELETE FROM proposal_partner WHERE proposal_id = ?1";
  static constexpr char k_sectors[] = "DELETE FROM proposal_sector WHERE proposal_id = ?1";
  static constexpr char k_versions[] = "DELETE FROM proposal_version WHERE proposal_id = ?1";
  for (const FixedSql sql : {FixedSql(k_partners), FixedSql(k_sectors), FixedSql(k_versions)}) {
    auto& statement = m_statements.get(sql);
    statement.bind(1, id);
    statement.exec();
  }
  static constexpr char k_proposal[] = "DELETE FROM proposal WHERE id = ?1";
  auto& statement = m_statements.get(k_proposal);
  statement.bind(1, id);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished while it was deleted", id));
  }
}

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
// What the corrections of calls, cut-offs and drafts need of the proposals: every submission
// made to a call, from the current versions and the history, and the removal of a draft.
#include "proposal_repository.hpp"
#include "proposal_rows.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace cfp::store::postgresql {

std::vector<Submission> PgProposalRepository::submissions(std::int64_t call_id) const
{
  std::vector<Submission> found;
  const auto current =
      m_connection.run("SELECT p.id, p.acronym, p.version, p.status, k.label, " CFP_PG_EPOCH(
                           "p.submitted_at") " FROM proposal p"
                                             " JOIN cutoff k ON k.id = p.cutoff_id WHERE p.call_id = $1",
                       Params().int64(call_id));
  for (int row = 0; row < current.rows(); ++row) {
    found.push_back({current.int64(row, 0), current.string(row, 1), static_cast<int>(current.int64(row, 2)), true,
                     status_at(current, row, 3), current.string(row, 4), instant_at(current, row, 5)});
  }
  // Earlier versions keep their cut-off by label in their snapshot: labels are unique within a
  // call, and a cut-off that any submission names never changes.
  const auto history = m_connection.run("SELECT p.id, p.acronym, v.snapshot, v.snapshot_format"
                                        " FROM proposal_version v JOIN proposal p ON p.id = v.proposal_id"
                                        " WHERE p.call_id = $1",
                                        Params().int64(call_id));
  for (int row = 0; row < history.rows(); ++row) {
    const auto version = proposal_from_snapshot(history.text(row, 2), static_cast<int>(history.int64(row, 3)));
    if (version.status == domain::ProposalStatus::draft || !version.submitted_at) {
      continue;
    }
    found.push_back({history.int64(row, 0), history.string(row, 1), version.version, false, version.status,
                     version.cutoff_label.value_or(""), *version.submitted_at});
  }
  // By acronym ignoring case, as the proposals are listed, then version.
  std::sort(found.begin(), found.end(), [](const Submission& a, const Submission& b) {
    return std::tuple(util::to_lower_ascii(a.acronym), a.acronym, a.version) <
           std::tuple(util::to_lower_ascii(b.acronym), b.acronym, b.version);
  });
  return found;
}

void PgProposalRepository::remove(std::int64_t id)
{
  // Children first, for the foreign keys; the schema refuses to remove the history of a
  // proposal that is not a draft.
  m_connection.run("DELETE FROM proposal_partner WHERE proposal_id = $1", Params().int64(id));
  m_connection.run("DELETE FROM proposal_sector WHERE proposal_id = $1", Params().int64(id));
  m_connection.run("DELETE FROM proposal_version WHERE proposal_id = $1", Params().int64(id));
  if (m_connection.run("DELETE FROM proposal WHERE id = $1", Params().int64(id)).affected() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} vanished while it was deleted", id));
  }
}

} // namespace cfp::store::postgresql

#undef CFP_PG_PROPOSAL_SELECT
#undef CFP_PG_PROPOSAL_COLUMNS
#undef CFP_PG_PARTNERS

// SPDX-License-Identifier: EUPL-1.2
// `ProposalRepository::for_each_version`: a proposal's versions, oldest first, one at a time.
#include "proposal_repository.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>

namespace cfp::store::sqlite {

void SqliteProposalRepository::for_each_version(
    std::int64_t id, const std::function<void(const domain::ProposalVersion&)>& visit) const
{
  // The earlier versions are snapshots; the current one is the proposal row.
  static constexpr char k_earlier[] =
      "SELECT recorded_at, recorded_by, snapshot, snapshot_format, recorded_real_at, recorded_simulated"
      " FROM proposal_version WHERE proposal_id = ?1 ORDER BY version";
  auto& earlier = m_statements.get(k_earlier);
  earlier.bind(1, id);
  while (earlier.executeStep()) {
    visit({proposal_from_snapshot(earlier.getColumn(2).getString(), earlier.getColumn(3).getInt()),
           column_instant(earlier.getColumn(0)), earlier.getColumn(1).getString(),
           column_optional_instant(earlier.getColumn(4)), earlier.getColumn(5).getInt() != 0});
  }
  earlier.reset();
  if (auto current = find(id)) {
    auto recorded = recorded_of(id);
    if (!recorded) {
      throw Error(ErrorKind::internal, fmt::format("proposal {} vanished while its history was read", id));
    }
    visit({std::move(*current), recorded->at, std::move(recorded->by), recorded->real_at, recorded->simulated});
  }
}

} // namespace cfp::store::sqlite

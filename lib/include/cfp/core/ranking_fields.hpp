// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of a ranking's rows, described once for `cfp rank` and the dashboard.

#include <cfp/core/field.hpp>
#include <cfp/core/ranking.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cfp::core {

/// The fields of a ranking: rank acronym host total weighted_total, one a criterion key, then
/// eu_contribution_eur cumulative_eur status reason. A field's name is a view: the criterion keys
/// it names live here, beside the fields.
struct RankFields
{
  std::vector<std::unique_ptr<std::string>> keys;
  Fields<RankedProposal> fields;
};

RankFields rank_fields(const std::vector<domain::Criterion>& criteria);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The dashboard's charts as inline SVG: shapes in greys and patterns that stay apart in grey
// print, every text escaped, and data-* attributes that say what each mark shows.

#include <cfp/core/dashboard.hpp>

#include <date/tz.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cfp::cli {

/// The cut-offs on a time axis, a lane a call: each a mark by status with a bar and the number of
/// proposals submitted to it, and a line at the report time.
std::string timeline_chart(const core::Dashboard& dashboard, const date::time_zone& zone);

/// The EU contribution requested by each hosting state, as horizontal bars, largest first, on a
/// labelled axis of million euros.
std::string states_chart(const core::StateReport& states);

/// The most proposals a ranking's chart shows: the first ones (the table lists them all).
inline constexpr std::size_t k_ranking_chart_rows = 100;

/// A ranking as horizontal bars of each proposal's total (`first`: its first k_ranking_chart_rows
/// rows), with the overall threshold across them and the funding line under the last funded
/// proposal (the `funded` ones come first) when the chart shows it. `index` keeps ids apart.
std::string ranking_chart(const core::Ranking& ranking, const std::vector<core::RankedProposal>& first,
                          std::int64_t funded, std::size_t index);

} // namespace cfp::cli

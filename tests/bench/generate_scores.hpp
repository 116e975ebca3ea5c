// SPDX-License-Identifier: EUPL-1.2
// The evaluation benchmark's experts and scores (cfp_generate --experts, --scores): a pool of
// experts, and three experts' scores of each generated proposal, free of conflicts of interest.
#pragma once

#include "generator.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace cfp::bench {

/// The header line of the scores CSV, the columns of `cfp import scores`.
inline constexpr std::string_view k_scores_header = "call,acronym,expert,criterion,score,comment\n";

/// The pool of experts as tab-separated lines `name state organisation` under a header line,
/// for `cfp expert add NAME --state STATE --organisation ORGANISATION`.
std::string experts_tsv();

/// Appends the scores of proposal `number` (whose parties are `parties`) as CSV lines in the
/// order of k_scores_header, drawing from `random`.
void append_scores(std::string& lines, std::uint64_t number, const Parties& parties, Random& random);

} // namespace cfp::bench

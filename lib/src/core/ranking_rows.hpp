// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The rules of a ranking's order as bytes (private to core): each considered proposal
// classified, its place in the order as a sort key (util::SortKey) and its row packed
// (util::ByteWriter), for a store::Sorter to give back in order; and why a passing proposal is
// below the one before it.

#include <cfp/core/ranking.hpp>
#include <cfp/util/byte_record.hpp>

#include <string>
#include <string_view>

namespace cfp::core::detail {

/// `scores` as a ranking considers it: incomplete when a criterion has fewer than `min_experts`
/// scores (the reason names the first), else below_threshold when a criterion's consensus misses
/// its threshold (the first) or the total the overall one, else passing (for now: the funding
/// line is drawn in order).
RankedProposal classify(const ProposalScores& scores, int min_experts, bool round);

/// Where `ranked` goes in the order of a ranking: the passing proposals first, by weighted
/// total (highest first), each criterion's consensus in position order (highest first), earlier
/// submission, then acronym ignoring ASCII case; then those below a threshold by weighted total
/// (highest first); then the incomplete ones; each part then in the order considered
/// (`sequence`).
void ranking_key(const RankedProposal& ranked, std::int64_t sequence, util::SortKey& key);

/// `ranked` as bytes, for read_ranked.
void pack_ranked(const RankedProposal& ranked, util::ByteWriter& row);
/// What pack_ranked packed.
RankedProposal read_ranked(std::string_view row);

/// Why the passing proposal `below` is not above `above` when their weighted totals tie: the
/// first rule of the order that tells them apart, or empty when the totals differ.
std::string tie_reason(const RankedProposal& above, const RankedProposal& below,
                       const std::vector<domain::Criterion>& criteria);

} // namespace cfp::core::detail

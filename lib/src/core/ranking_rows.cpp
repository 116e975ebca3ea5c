// SPDX-License-Identifier: EUPL-1.2
#include "ranking_rows.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <limits>

namespace cfp::core::detail {

namespace {

// The parts of a ranking, in the order they are listed.
enum class Part : std::int64_t { passing, below_threshold, incomplete };

Part part_of(RankStatus status)
{
  return status == RankStatus::below_threshold ? Part::below_threshold
         : status == RankStatus::incomplete    ? Part::incomplete
                                               : Part::passing;
}

RankStatus status_of(std::int64_t part)
{
  switch (static_cast<Part>(part)) {
  case Part::passing:
    return RankStatus::passing;
  case Part::below_threshold:
    return RankStatus::below_threshold;
  case Part::incomplete:
    return RankStatus::incomplete;
  }
  throw Error(ErrorKind::internal, "a ranked row of no part");
}

std::optional<std::int64_t> seconds_of(const std::optional<domain::Instant>& instant)
{
  return instant ? std::optional(instant->time_since_epoch().count()) : std::nullopt;
}

} // namespace

RankedProposal classify(const ProposalScores& scores, int min_experts, bool round)
{
  const auto& proposal = scores.proposal;
  RankedProposal ranked;
  ranked.proposal_id = proposal.id;
  ranked.cutoff_id = proposal.cutoff_id.value_or(0);
  ranked.round = round;
  ranked.acronym = proposal.acronym;
  ranked.host = proposal.fields.host;
  ranked.eu_contribution = proposal.fields.eu_contribution;
  ranked.submitted_at = proposal.submitted_at;
  ranked.outcome = proposal.outcome;
  ranked.totals = totals_of(scores);
  for (const auto& criterion : scores.criteria) {
    ranked.consensus.push_back(criterion.consensus);
  }
  for (const auto& criterion : scores.criteria) {
    if (static_cast<int>(criterion.scores.size()) < min_experts) {
      ranked.status = RankStatus::incomplete;
      ranked.reason = fmt::format("{}: {} expert{}, fewer than {}", criterion.criterion.key, criterion.scores.size(),
                                  criterion.scores.size() == 1 ? "" : "s", min_experts);
      return ranked;
    }
  }
  ranked.status = RankStatus::passing;
  for (const auto& criterion : scores.criteria) {
    if (!passes(criterion)) {
      ranked.status = RankStatus::below_threshold;
      ranked.reason = fmt::format("{} {} < {}", criterion.criterion.key, domain::format_points(*criterion.consensus),
                                  domain::format_points(criterion.criterion.threshold));
      return ranked;
    }
  }
  if (*ranked.totals.total < scores.overall_threshold) {
    ranked.status = RankStatus::below_threshold;
    ranked.reason = fmt::format("total {} < {}", domain::format_points(*ranked.totals.total),
                                domain::format_points(scores.overall_threshold));
  }
  return ranked;
}

void ranking_key(const RankedProposal& ranked, std::int64_t sequence, util::SortKey& key)
{
  const auto part = part_of(ranked.status);
  key.ascending(static_cast<std::int64_t>(part));
  if (part == Part::passing) {
    // Every criterion of a passing proposal has a consensus and it has a total (it was scored by
    // at least one expert a criterion), and it was submitted.
    key.descending(*ranked.totals.weighted_total);
    for (const auto& consensus : ranked.consensus) {
      key.descending(*consensus);
    }
    key.ascending(seconds_of(ranked.submitted_at).value_or(std::numeric_limits<std::int64_t>::min()));
    key.text(util::to_lower_ascii(ranked.acronym));
  } else if (part == Part::below_threshold) {
    key.descending(ranked.totals.weighted_total.value_or(0));
  }
  key.ascending(sequence);
}

void pack_ranked(const RankedProposal& ranked, util::ByteWriter& row)
{
  row.integer(static_cast<std::int64_t>(part_of(ranked.status)));
  row.integer(ranked.proposal_id);
  row.integer(ranked.cutoff_id);
  row.flag(ranked.round);
  row.text(ranked.acronym);
  row.text(ranked.host);
  row.optional_integer(ranked.eu_contribution);
  row.optional_integer(seconds_of(ranked.submitted_at));
  row.optional_integer(ranked.outcome ? std::optional(static_cast<std::int64_t>(*ranked.outcome)) : std::nullopt);
  row.integer(static_cast<std::int64_t>(ranked.consensus.size()));
  for (const auto& consensus : ranked.consensus) {
    row.optional_integer(consensus);
  }
  row.optional_integer(ranked.totals.total);
  row.optional_integer(ranked.totals.weighted_total);
  row.flag(ranked.totals.passed);
  row.text(ranked.reason);
}

RankedProposal read_ranked(std::string_view bytes)
{
  util::ByteReader row(bytes);
  RankedProposal ranked;
  ranked.status = status_of(row.integer());
  ranked.proposal_id = row.integer();
  ranked.cutoff_id = row.integer();
  ranked.round = row.flag();
  ranked.acronym = row.text();
  ranked.host = row.text();
  ranked.eu_contribution = row.optional_integer();
  if (const auto seconds = row.optional_integer()) {
    ranked.submitted_at = domain::Instant{std::chrono::seconds{*seconds}};
  }
  if (const auto outcome = row.optional_integer()) {
    ranked.outcome = static_cast<domain::Outcome>(*outcome);
  }
  const auto criteria = row.integer();
  for (std::int64_t i = 0; i < criteria; ++i) {
    ranked.consensus.push_back(row.optional_integer());
  }
  ranked.totals.total = row.optional_integer();
  ranked.totals.weighted_total = row.optional_integer();
  ranked.totals.passed = row.flag();
  ranked.reason = row.text();
  if (!row.done()) {
    throw Error(ErrorKind::internal, "a ranked row holds more than it should");
  }
  return ranked;
}

std::string tie_reason(const RankedProposal& above, const RankedProposal& below,
                       const std::vector<domain::Criterion>& criteria)
{
  if (above.totals.weighted_total != below.totals.weighted_total) {
    return {};
  }
  for (std::size_t i = 0; i < below.consensus.size() && i < criteria.size(); ++i) {
    const auto mine = *below.consensus[i];
    const auto theirs = *above.consensus[i];
    if (mine != theirs) {
      return fmt::format("{} {} < {}", criteria[i].key, domain::format_points(mine), domain::format_points(theirs));
    }
  }
  if (below.submitted_at != above.submitted_at) {
    return fmt::format("submitted later: {} > {}", domain::format_utc(*below.submitted_at),
                       domain::format_utc(*above.submitted_at));
  }
  return fmt::format("acronym {} after {}", below.acronym, above.acronym);
}

} // namespace cfp::core::detail

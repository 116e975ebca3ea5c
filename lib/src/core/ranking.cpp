// SPDX-License-Identifier: EUPL-1.2
// RankedList: a call's ranking, each considered proposal read once with its scores and put in
// order by the store (its key in a store::Sorter), then listed in that order, as often as
// needed, with the rank, the cumulative EU contribution and the funding line drawn on the way.
#include "ranking_rows.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/error.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/sorter.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <charconv>

namespace cfp::core {

namespace {

int parse_min_experts(const std::string& text)
{
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || text[0] == '0' || value < 1 ||
      value > 100) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("--min-experts '{}': give a number of experts from 1 to 100", util::excerpt(text)));
  }
  return value;
}

} // namespace

RankedList::RankedList(const Session& session, const store::Transaction& tx, const RankRequest& request)
{
  auto& ranking = m_ranking;
  ranking.call = require_call(tx, request.call);
  ranking.criteria = tx.criteria().of_call(ranking.call.id);
  ranking.min_experts = request.min_experts ? parse_min_experts(*request.min_experts) : k_default_min_experts;
  ranking.budget = request.budget ? std::optional(util::value_or_throw(domain::parse_money(*request.budget),
                                                                       ErrorKind::invalid_input, "--budget"))
                                  : ranking.call.budget;
  store::ProposalFilter filter;
  std::optional<std::int64_t> cutoff_id;
  if (request.cutoff) {
    const auto cutoff = require_cutoff(tx, ranking.call, *request.cutoff);
    ranking.cutoff = cutoff.label;
    cutoff_id = cutoff.id;
    filter.cutoff_labels = {*request.cutoff};
  }
  filter.statuses = {domain::ProposalStatus::submitted};
  m_sorter = tx.sorter();
  util::SortKey key;
  util::ByteWriter row;
  std::int64_t sequence = 0;
  domain::Cents requested = 0;
  bool overflows = false;
  const auto consider = [&](const ProposalScores& scores, bool round) {
    for (const auto& criterion : scores.criteria) {
      ranking.scored = ranking.scored || !criterion.scores.empty();
    }
    const auto ranked = detail::classify(scores, ranking.min_experts, round);
    switch (ranked.status) {
    case RankStatus::below_threshold:
      ++ranking.below_threshold;
      break;
    case RankStatus::incomplete:
      ++ranking.incomplete;
      break;
    default:
      ++ranking.ranked;
      // A sum too large to count is refused before any row is listed (the rows say where).
      overflows = overflows || __builtin_add_overflow(requested, ranked.eu_contribution.value_or(0), &requested);
      break;
    }
    key.clear();
    row.clear();
    detail::ranking_key(ranked, sequence++, key);
    detail::pack_ranked(ranked, row);
    m_sorter->add(key.bytes(), row.bytes());
  };
  const auto now = session.clock.now();
  for_each_proposal_scores(
      tx, ranking.call, filter, [&](const ProposalScores& scores) { consider(scores, false); },
      [&](const domain::Proposal& proposal) { return proposal.cutoff_closes_at && *proposal.cutoff_closes_at < now; });
  // A cut-off's ranking keeps the proposals submitted there that were resubmitted to a later
  // one since, as they stood there, with their scores there.
  if (cutoff_id) {
    tx.proposals().for_each_round(ranking.call.id, cutoff_id, [&](const domain::Proposal& round) {
      if (round.status == domain::ProposalStatus::submitted) {
        consider(round_scores_of(tx, ranking.call, round), true);
      }
    });
  }
  if (overflows) {
    for_each([](const RankedProposal&) {}); // throws at the proposal where the sum overflows
  }
}

RankedList::~RankedList() = default;

void RankedList::for_each(const std::function<void(const RankedProposal&)>& visit) const
{
  const auto& ranking = m_ranking;
  int rank = 0;
  domain::Cents cumulative = 0;
  bool fits = true;
  std::optional<RankedProposal> above; // the passing proposal before, for the tie-breaks
  m_sorter->for_each([&](std::string_view bytes) {
    auto ranked = detail::read_ranked(bytes);
    if (ranked.status != RankStatus::passing) {
      visit(ranked);
      return;
    }
    ranked.rank = ++rank;
    // Only submitted proposals are ranked, and a submission states its EU contribution.
    if (__builtin_add_overflow(cumulative, ranked.eu_contribution.value_or(0), &cumulative)) {
      throw Error(ErrorKind::refused,
                  fmt::format("the EU contributions requested in call {} add up to more than cfp can count (about "
                              "92 million billion euros) at {}; check the amounts with 'cfp proposal list --call {}'",
                              ranking.call.code, ranked.acronym, ranking.call.code));
    }
    ranked.cumulative = cumulative;
    if (above) {
      ranked.reason = detail::tie_reason(*above, ranked, ranking.criteria);
    }
    if (ranking.budget) {
      if (fits && cumulative > *ranking.budget) {
        fits = false;
        const auto over = fmt::format("over the budget: {} > {}", domain::format_money_plain(cumulative),
                                      domain::format_money_plain(*ranking.budget));
        ranked.reason = ranked.reason.empty() ? over : ranked.reason + "; " + over;
      }
      ranked.status = fits ? RankStatus::funded : RankStatus::reserve;
    }
    visit(ranked);
    above = std::move(ranked);
  });
}

} // namespace cfp::core

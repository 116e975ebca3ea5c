// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/ranking.hpp>
#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
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

// Why a ranked proposal is not above `above` when their weighted totals tie: the first rule of
// the order that tells them apart, or empty when the totals differ.
std::string tie_reason(const RankedProposal& above, const RankedProposal& below)
{
  if (above.totals.weighted_total != below.totals.weighted_total) {
    return {};
  }
  for (std::size_t i = 0; i < below.scores.criteria.size(); ++i) {
    const auto mine = *below.scores.criteria[i].consensus;
    const auto theirs = *above.scores.criteria[i].consensus;
    if (mine != theirs) {
      return fmt::format("{} {} < {}", below.scores.criteria[i].criterion.key, domain::format_points(mine),
                         domain::format_points(theirs));
    }
  }
  const auto& mine = below.scores.proposal;
  const auto& theirs = above.scores.proposal;
  if (mine.submitted_at != theirs.submitted_at) {
    return fmt::format("submitted later: {} > {}", domain::format_utc(*mine.submitted_at),
                       domain::format_utc(*theirs.submitted_at));
  }
  return fmt::format("acronym {} after {}", mine.acronym, theirs.acronym);
}

// Whether `a` ranks above `b` (both passing): by weighted total, each criterion's consensus in
// position order, earlier submission, then acronym.
bool ranks_above(const RankedProposal& a, const RankedProposal& b)
{
  if (a.totals.weighted_total != b.totals.weighted_total) {
    return *a.totals.weighted_total > *b.totals.weighted_total;
  }
  for (std::size_t i = 0; i < a.scores.criteria.size(); ++i) {
    if (*a.scores.criteria[i].consensus != *b.scores.criteria[i].consensus) {
      return *a.scores.criteria[i].consensus > *b.scores.criteria[i].consensus;
    }
  }
  if (a.scores.proposal.submitted_at != b.scores.proposal.submitted_at) {
    return *a.scores.proposal.submitted_at < *b.scores.proposal.submitted_at;
  }
  return util::to_lower_ascii(a.scores.proposal.acronym) < util::to_lower_ascii(b.scores.proposal.acronym);
}

// Classifies one proposal: incomplete, below a threshold, or passing (for now).
RankedProposal classify(ProposalScores scores, int min_experts)
{
  RankedProposal ranked;
  ranked.totals = totals_of(scores);
  for (const auto& criterion : scores.criteria) {
    if (static_cast<int>(criterion.scores.size()) < min_experts) {
      ranked.status = RankStatus::incomplete;
      ranked.reason = fmt::format("{}: {} expert{}, fewer than {}", criterion.criterion.key, criterion.scores.size(),
                                  criterion.scores.size() == 1 ? "" : "s", min_experts);
      ranked.scores = std::move(scores);
      return ranked;
    }
  }
  ranked.status = RankStatus::passing;
  for (const auto& criterion : scores.criteria) {
    if (!passes(criterion)) {
      ranked.status = RankStatus::below_threshold;
      ranked.reason = fmt::format("{} {} < {}", criterion.criterion.key, domain::format_points(*criterion.consensus),
                                  domain::format_points(criterion.criterion.threshold));
      break;
    }
  }
  if (ranked.status == RankStatus::passing && *ranked.totals.total < scores.overall_threshold) {
    ranked.status = RankStatus::below_threshold;
    ranked.reason = fmt::format("total {} < {}", domain::format_points(*ranked.totals.total),
                                domain::format_points(scores.overall_threshold));
  }
  ranked.scores = std::move(scores);
  return ranked;
}

std::optional<domain::Outcome> outcome_of(RankStatus status)
{
  switch (status) {
  case RankStatus::funded:
  case RankStatus::passing:
    return domain::Outcome::selected;
  case RankStatus::reserve:
    return domain::Outcome::reserve;
  case RankStatus::below_threshold:
    return domain::Outcome::rejected;
  case RankStatus::incomplete:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

Ranking rank_proposals(const Session& session, const store::Transaction& tx, const RankRequest& request)
{
  Ranking ranking;
  ranking.call = require_call(tx, request.call);
  ranking.criteria = tx.criteria().of_call(ranking.call.id);
  ranking.min_experts = request.min_experts ? parse_min_experts(*request.min_experts) : k_default_min_experts;
  ranking.budget = request.budget ? std::optional(util::value_or_throw(domain::parse_money(*request.budget),
                                                                       ErrorKind::invalid_input, "--budget"))
                                  : ranking.call.budget;
  store::ProposalFilter filter;
  filter.call_ids = {ranking.call.id};
  if (request.cutoff) {
    filter.cutoff_labels = {*request.cutoff};
  }
  filter.statuses = {domain::ProposalStatus::submitted};
  std::vector<domain::Proposal> considered;
  const auto now = session.clock.now();
  std::optional<std::int64_t> cutoff_id;
  if (request.cutoff) {
    const auto cutoff = require_cutoff(tx, ranking.call, *request.cutoff);
    ranking.cutoff = cutoff.label;
    cutoff_id = cutoff.id;
  }
  tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
    if (proposal.cutoff_closes_at && *proposal.cutoff_closes_at < now) {
      considered.push_back(proposal);
    }
  });
  // A cut-off's ranking keeps the proposals submitted there that were resubmitted to a later
  // one since, as they stood there, with their scores there.
  auto scored = scores_of(tx, ranking.call, considered);
  if (cutoff_id) {
    for (const auto& round : tx.proposals().rounds(ranking.call.id, cutoff_id)) {
      if (round.status == domain::ProposalStatus::submitted) {
        scored.push_back(round_scores_of(tx, ranking.call, round));
      }
    }
  }
  std::vector<RankedProposal> passing;
  std::vector<RankedProposal> below;
  std::vector<RankedProposal> incomplete;
  for (auto& scores : scored) {
    auto ranked = classify(std::move(scores), ranking.min_experts);
    auto& list = ranked.status == RankStatus::passing           ? passing
                 : ranked.status == RankStatus::below_threshold ? below
                                                                : incomplete;
    list.push_back(std::move(ranked));
  }
  std::sort(passing.begin(), passing.end(), ranks_above);
  domain::Cents cumulative = 0;
  bool fits = true;
  for (std::size_t i = 0; i < passing.size(); ++i) {
    auto& ranked = passing[i];
    ranked.rank = static_cast<int>(i + 1);
    // Only submitted proposals are ranked, and a submission states its EU contribution.
    const auto requested = ranked.scores.proposal.fields.eu_contribution.value_or(0);
    if (__builtin_add_overflow(cumulative, requested, &cumulative)) {
      throw Error(ErrorKind::refused,
                  fmt::format("the EU contributions requested in call {} add up to more than cfp can count (about "
                              "92 million billion euros) at {}; check the amounts with 'cfp proposal list --call {}'",
                              ranking.call.code, ranked.scores.proposal.acronym, ranking.call.code));
    }
    ranked.cumulative = cumulative;
    if (i > 0) {
      ranked.reason = tie_reason(passing[i - 1], ranked);
    }
    if (!ranking.budget) {
      continue;
    }
    if (fits && cumulative > *ranking.budget) {
      fits = false;
      const auto over = fmt::format("over the budget: {} > {}", domain::format_money_plain(cumulative),
                                    domain::format_money_plain(*ranking.budget));
      ranked.reason = ranked.reason.empty() ? over : ranked.reason + "; " + over;
    }
    ranked.status = fits ? RankStatus::funded : RankStatus::reserve;
  }
  std::stable_sort(below.begin(), below.end(), [](const RankedProposal& a, const RankedProposal& b) {
    return a.totals.weighted_total.value_or(0) > b.totals.weighted_total.value_or(0);
  });
  for (auto* list : {&passing, &below, &incomplete}) {
    std::move(list->begin(), list->end(), std::back_inserter(ranking.proposals));
  }
  return ranking;
}

std::string_view to_string(RankStatus status)
{
  switch (status) {
  case RankStatus::funded:
    return "funded";
  case RankStatus::reserve:
    return "reserve";
  case RankStatus::passing:
    return "passing";
  case RankStatus::below_threshold:
    return "below_threshold";
  case RankStatus::incomplete:
    return "incomplete";
  }
  return "incomplete";
}

Ranking rank_proposals(Session& session, const RankRequest& request)
{
  if (!request.apply) {
    return session.database.read("rank the proposals",
                                 [&](const store::Transaction& tx) { return rank_proposals(session, tx, request); });
  }
  return session.database.write(fmt::format("apply the ranking of call {}", request.call), [&](store::Transaction& tx) {
    auto ranking = rank_proposals(session, tx, request);
    std::vector<std::string> incomplete;
    for (const auto& ranked : ranking.proposals) {
      if (ranked.status == RankStatus::incomplete) {
        incomplete.push_back(ranked.scores.proposal.acronym);
      }
    }
    if (!incomplete.empty()) {
      throw Error(ErrorKind::refused,
                  fmt::format("cannot apply the ranking of call {}: {} incomplete ({}); score {} first, or rank "
                              "with a lower --min-experts",
                              ranking.call.code, incomplete.size() == 1 ? "a proposal is" : "proposals are",
                              util::join(incomplete, ", "), incomplete.size() == 1 ? "it" : "them"));
    }
    if (ranking.proposals.empty()) {
      throw Error(ErrorKind::refused, fmt::format("call {} has no proposal to rank: none submitted to a cut-off "
                                                  "that has passed",
                                                  ranking.call.code));
    }
    const auto outcome_json = [](std::optional<domain::Outcome> outcome) {
      return nlohmann::ordered_json{
          {"outcome", outcome ? nlohmann::ordered_json(std::string(domain::to_string(*outcome))) : nullptr}}
          .dump();
    };
    for (const auto& ranked : ranking.proposals) {
      const auto& proposal = ranked.scores.proposal;
      const auto outcome = outcome_of(ranked.status);
      if (outcome == proposal.outcome) {
        continue;
      }
      // A round at an earlier cut-off keeps its own outcome; the proposal's is its current one's.
      if (const auto current = tx.proposals().find(proposal.id); current && current->cutoff_id != proposal.cutoff_id) {
        tx.proposals().set_round_outcome(proposal.id, *proposal.cutoff_id, outcome);
      } else {
        tx.proposals().set_outcome(proposal.id, outcome);
      }
      ++ranking.outcomes_changed;
      record_audit(session, tx,
                   {{domain::SubjectKind::proposal, proposal.id},
                    "proposal " + proposal.call_code + "/" + proposal.acronym,
                    "set outcome",
                    outcome_json(proposal.outcome),
                    outcome_json(outcome)});
    }
    ranking.applied = true;
    return ranking;
  });
}

EvaluationSummary evaluation_summary(Session& session, const std::string& ref)
{
  return session.database.read(fmt::format("summarise the evaluation of {}", ref), [&](const store::Transaction& tx) {
    const auto proposal = resolve_proposal(tx, ref);
    if (proposal.status != domain::ProposalStatus::submitted) {
      throw Error(ErrorKind::refused,
                  fmt::format("{}/{} is {}: only a submitted proposal is evaluated", proposal.call_code,
                              proposal.acronym, domain::to_string(proposal.status)));
    }
    EvaluationSummary summary;
    const auto ranking = rank_proposals(session, tx, {proposal.call_code, proposal.cutoff_label, {}, {}, false});
    for (const auto& ranked : ranking.proposals) {
      summary.passing += ranked.rank ? 1 : 0;
      if (ranked.scores.proposal.id == proposal.id) {
        summary.scores = ranked.scores;
        summary.rank = ranked.rank;
        summary.status = ranked.status;
        summary.reason = ranked.reason;
      }
    }
    if (!summary.status) { // its cut-off has not passed: not ranked yet
      summary.scores = scores_of(tx, require_call(tx, proposal.call_code), {proposal}).front();
    }
    return summary;
  });
}

} // namespace cfp::core

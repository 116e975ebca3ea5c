// SPDX-License-Identifier: EUPL-1.2
// `cfp rank` (listing a ranking, and with --apply recording each outcome as it is listed) and
// `score summary` (where one proposal stands in its cut-off's ranking).
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/ranking.hpp>
#include <cfp/error.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cfp::core {

namespace {

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

// Refuses to apply a ranking with an incomplete proposal (naming each) or none at all.
void require_appliable(const RankedList& list)
{
  const auto& ranking = list.ranking();
  if (ranking.incomplete > 0) {
    std::vector<std::string> incomplete;
    list.for_each([&](const RankedProposal& ranked) {
      if (ranked.status == RankStatus::incomplete) {
        incomplete.push_back(ranked.acronym);
      }
    });
    throw Error(ErrorKind::refused,
                fmt::format("cannot apply the ranking of call {}: {} incomplete ({}); score {} first, or rank "
                            "with a lower --min-experts",
                            ranking.call.code, incomplete.size() == 1 ? "a proposal is" : "proposals are",
                            util::join(incomplete, ", "), incomplete.size() == 1 ? "it" : "them"));
  }
  if (ranking.size() == 0) {
    throw Error(ErrorKind::refused, fmt::format("call {} has no proposal to rank: none submitted to a cut-off "
                                                "that has passed",
                                                ranking.call.code));
  }
}

// Records the outcome the ranking gives `ranked`, when it is not the one recorded, with an
// audit entry; returns whether it changed.
bool apply_outcome(Session& session, store::Transaction& tx, const Ranking& ranking, const RankedProposal& ranked)
{
  const auto outcome = outcome_of(ranked.status);
  if (outcome == ranked.outcome) {
    return false;
  }
  // A round at an earlier cut-off keeps its own outcome; the proposal's is its current one's.
  if (ranked.round) {
    tx.proposals().set_round_outcome(ranked.proposal_id, ranked.cutoff_id, outcome);
  } else {
    tx.proposals().set_outcome(ranked.proposal_id, outcome);
  }
  const auto outcome_json = [](std::optional<domain::Outcome> value) {
    return nlohmann::ordered_json{
        {"outcome", value ? nlohmann::ordered_json(std::string(domain::to_string(*value))) : nullptr}}
        .dump();
  };
  record_audit(session, tx,
               {{domain::SubjectKind::proposal, ranked.proposal_id},
                "proposal " + ranking.call.code + "/" + ranked.acronym,
                "set outcome",
                outcome_json(ranked.outcome),
                outcome_json(outcome)});
  return true;
}

} // namespace

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

RankSummary rank_proposals(Session& session, const RankRequest& request, const RankVisitor& visitor)
{
  // Lists the rows `passes` times; the first time, counts them and (with `apply`) records
  // their outcomes.
  const auto list_rows = [&](const RankedList& list, RankSummary& summary,
                             const std::function<void(const RankedProposal&)>& apply) {
    summary.ranking = list.ranking();
    const auto passes = visitor.begin(summary.ranking);
    bool first = true;
    run_passes({passes.count, [&] {
                  first = false;
                  if (passes.between) {
                    passes.between();
                  }
                }},
               [&] {
                 list.for_each([&](const RankedProposal& ranked) {
                   if (first) {
                     ++summary.statuses[static_cast<std::size_t>(ranked.status)];
                     if (apply) {
                       apply(ranked);
                     }
                   }
                   visitor.visit(ranked);
                 });
               });
  };
  if (!request.apply) {
    return session.database.read("rank the proposals", [&](const store::Transaction& tx) {
      RankSummary summary;
      list_rows(RankedList(session, tx, request), summary, {});
      return summary;
    });
  }
  return session.database.write(fmt::format("apply the ranking of call {}", request.call), [&](store::Transaction& tx) {
    RankSummary summary;
    const RankedList list(session, tx, request);
    require_appliable(list);
    list_rows(list, summary, [&](const RankedProposal& ranked) {
      summary.outcomes_changed += apply_outcome(session, tx, list.ranking(), ranked) ? 1 : 0;
    });
    summary.applied = true;
    return summary;
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
    const RankedList list(session, tx, {proposal.call_code, proposal.cutoff_label, {}, {}, false});
    summary.passing = list.ranking().ranked;
    list.for_each([&](const RankedProposal& ranked) {
      if (!ranked.round && ranked.proposal_id == proposal.id) {
        summary.rank = ranked.rank;
        summary.status = ranked.status;
        summary.reason = ranked.reason;
      }
    });
    summary.scores = scores_of(tx, require_call(tx, proposal.call_code), proposal);
    return summary;
  });
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/core/audit.hpp>
#include <cfp/core/calls.hpp>
#include <cfp/core/experts.hpp>
#include <cfp/core/proposals.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/error.hpp>
#include <cfp/store/criterion_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace cfp::core {

namespace {

std::string reference(const domain::Proposal& proposal)
{
  return proposal.call_code + "/" + proposal.acronym;
}

// The scores `assignments` give, by criterion key; with `all`, every criterion must be given.
std::map<std::string, domain::HalfPoints> parse_assignments(const std::vector<domain::Criterion>& criteria,
                                                            const std::vector<std::string>& assignments, bool all)
{
  std::vector<std::string> keys;
  for (const auto& criterion : criteria) {
    keys.push_back(criterion.key);
  }
  if (assignments.empty()) {
    throw Error(ErrorKind::invalid_input, fmt::format("give a score a criterion, like {}=4.5 (the criteria: {})",
                                                      keys.front(), util::join(keys, ", ")));
  }
  std::map<std::string, domain::HalfPoints> scores;
  for (const auto& text : assignments) {
    const auto assignment = util::value_or_throw(domain::parse_assignment(text), ErrorKind::invalid_input, "score");
    if (std::find(keys.begin(), keys.end(), assignment.key) == keys.end()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("score '{}': the call has no criterion '{}'; its criteria: {}", util::excerpt(text),
                              util::excerpt(assignment.key), util::join(keys, ", ")));
    }
    if (scores.contains(assignment.key)) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("score '{}': {} is given twice", util::excerpt(text), assignment.key));
    }
    scores[assignment.key] = util::value_or_throw(domain::parse_score(assignment.value), ErrorKind::invalid_input,
                                                  fmt::format("score of {}", assignment.key));
  }
  if (all) {
    std::vector<std::string> missing;
    for (const auto& key : keys) {
      if (!scores.contains(key)) {
        missing.push_back(key);
      }
    }
    if (!missing.empty()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("no score for {}: every criterion of the call needs one", util::join(missing, ", ")));
    }
  }
  return scores;
}

// A proposal may be evaluated once it is submitted and its cut-off has passed: until then its
// content can still change.
void require_evaluable(const domain::Proposal& proposal, domain::Instant now)
{
  if (proposal.status != domain::ProposalStatus::submitted) {
    throw Error(ErrorKind::refused, fmt::format("{} is {}: only a submitted proposal is evaluated", reference(proposal),
                                                domain::to_string(proposal.status)));
  }
  if (!proposal.cutoff_closes_at || now <= *proposal.cutoff_closes_at) {
    throw Error(ErrorKind::refused,
                fmt::format("the cut-off {} of {} has not passed yet (it closes at {}): its content can still change",
                            proposal.cutoff_label.value_or("?"), reference(proposal),
                            proposal.cutoff_closes_at ? domain::format_utc(*proposal.cutoff_closes_at) : "?"));
  }
}

std::optional<std::string> checked_comment(const std::optional<std::string>& comment)
{
  if (comment) {
    if (auto problem = domain::check_text(*comment, "comment")) {
      throw Error(ErrorKind::invalid_input, fmt::format("--comment: {}", *problem));
    }
  }
  return comment;
}

std::vector<CriterionScores> criterion_scores(const std::vector<domain::Criterion>& criteria,
                                              const std::vector<domain::Evaluation>& evaluations,
                                              const std::vector<domain::ConsensusScore>& consensus)
{
  std::vector<CriterionScores> result;
  for (const auto& criterion : criteria) {
    CriterionScores scores{criterion, {}, std::nullopt, ConsensusSource::none, std::nullopt, 0};
    std::vector<domain::HalfPoints> values;
    for (const auto& evaluation : evaluations) {
      const auto found = std::find_if(evaluation.scores.begin(), evaluation.scores.end(),
                                      [&](const auto& score) { return score.first == criterion.key; });
      if (found != evaluation.scores.end()) {
        scores.scores.push_back({evaluation.expert, found->second, evaluation.comment});
        values.push_back(found->second);
      }
    }
    if (!values.empty()) {
      const auto [low, high] = std::minmax_element(values.begin(), values.end());
      scores.spread = *high - *low;
      scores.consensus = domain::median(values);
      scores.source = ConsensusSource::median;
    }
    const auto agreed = std::find_if(consensus.begin(), consensus.end(),
                                     [&](const domain::ConsensusScore& c) { return c.key == criterion.key; });
    if (agreed != consensus.end()) {
      scores.consensus = agreed->score;
      scores.source = ConsensusSource::set;
      scores.comment = agreed->comment;
    }
    result.push_back(std::move(scores));
  }
  return result;
}

ProposalScores scores_of(const store::Transaction& tx, const domain::Call& call, const domain::Proposal& proposal,
                         const std::vector<domain::Criterion>& criteria,
                         const std::vector<domain::Evaluation>& evaluations)
{
  const auto consensus = tx.evaluations().consensus(proposal.id, proposal.cutoff_id.value_or(0));
  return {proposal, criterion_scores(criteria, evaluations, consensus), call.overall_threshold};
}

} // namespace

std::string_view to_string(ConsensusSource source)
{
  switch (source) {
  case ConsensusSource::set:
    return "set";
  case ConsensusSource::median:
    return "median";
  case ConsensusSource::none:
    return "none";
  }
  return "none";
}

bool passes(const CriterionScores& scores)
{
  return scores.consensus && *scores.consensus >= scores.criterion.threshold;
}

Totals totals_of(const ProposalScores& scores)
{
  Totals totals;
  domain::HalfPoints total = 0;
  std::int64_t weighted_total = 0;
  bool every_threshold = true;
  for (const auto& criterion : scores.criteria) {
    if (!criterion.consensus) {
      return totals;
    }
    total += *criterion.consensus;
    weighted_total += domain::weighted(*criterion.consensus, criterion.criterion.weight);
    every_threshold = every_threshold && passes(criterion);
  }
  totals.total = total;
  totals.weighted_total = weighted_total;
  totals.passed = every_threshold && total >= scores.overall_threshold;
  return totals;
}

ProposalScores scores_of(const store::Transaction& tx, const domain::Call& call, const domain::Proposal& proposal)
{
  std::vector<domain::Evaluation> evaluations;
  tx.evaluations().for_each(call.id, proposal.id,
                            [&](const domain::Evaluation& evaluation) { evaluations.push_back(evaluation); });
  return scores_of(tx, call, proposal, tx.criteria().of_call(call.id), evaluations);
}

void for_each_proposal_scores(const store::Transaction& tx, const domain::Call& call, store::ProposalFilter filter,
                              const std::function<void(const ProposalScores&)>& visit,
                              const std::function<bool(const domain::Proposal&)>& wanted)
{
  const auto criteria = tx.criteria().of_call(call.id);
  const auto evaluations = tx.evaluations().reader(call.id);
  filter.call_ids = {call.id};
  tx.proposals().for_each(filter, [&](const domain::Proposal& proposal) {
    if (!wanted || wanted(proposal)) {
      visit(scores_of(tx, call, proposal, criteria, evaluations->of(proposal)));
    }
  });
}

ProposalScores round_scores_of(const store::Transaction& tx, const domain::Call& call, const domain::Proposal& round)
{
  std::vector<domain::Evaluation> evaluations;
  tx.evaluations().for_each_at(round.id, round.cutoff_id.value_or(0),
                               [&](const domain::Evaluation& evaluation) { evaluations.push_back(evaluation); });
  return scores_of(tx, call, round, tx.criteria().of_call(call.id), evaluations);
}

namespace {

// What scoring a proposal starts from: the proposal REF names, its call's criteria and the
// scores given for them (`all`: for every one); refused unless it may be evaluated now.
struct Target
{
  domain::Proposal proposal;
  domain::Call call;
  std::vector<domain::Criterion> criteria;
  std::map<std::string, domain::HalfPoints> scores;
};

Target evaluation_target(const Session& session, const store::Transaction& tx, const std::string& ref,
                         const std::vector<std::string>& assignments, bool all)
{
  Target target{resolve_proposal(tx, ref), {}, {}, {}};
  target.call = require_call(tx, target.proposal.call_code);
  target.criteria = tx.criteria().of_call(target.call.id);
  target.scores = parse_assignments(target.criteria, assignments, all);
  require_evaluable(target.proposal, session.clock.now());
  return target;
}

} // namespace

ScoreOutcome add_score(Session& session, const ScoreRequest& request)
{
  const auto comment = checked_comment(request.comment);
  return session.database.write(fmt::format("record the scores of {}", request.ref), [&](store::Transaction& tx) {
    const auto [proposal, call, criteria, scores] =
        evaluation_target(session, tx, request.ref, request.assignments, true);
    const auto expert = require_expert(tx, request.expert);
    const auto conflicts = conflicts_between(tx, expert, proposal);
    if (!conflicts.empty()) {
      std::vector<std::string> causes;
      for (const auto& conflict : conflicts) {
        causes.push_back(fmt::format("{} ({})", conflict.detail, domain::to_string(conflict.cause)));
      }
      throw Error(ErrorKind::refused, fmt::format("{} may not score {}: a conflict of interest: {}", expert.name,
                                                  reference(proposal), util::join(causes, "; ")));
    }
    domain::Evaluation evaluation;
    evaluation.proposal_id = proposal.id;
    evaluation.cutoff_id = *proposal.cutoff_id;
    evaluation.expert_id = expert.id;
    evaluation.expert = expert.name;
    for (const auto& criterion : criteria) {
      evaluation.scores.emplace_back(criterion.key, scores.at(criterion.key));
    }
    evaluation.comment = comment;
    const auto earlier = tx.evaluations().find(proposal.id, *proposal.cutoff_id, expert.id);
    if (earlier && earlier->scores == evaluation.scores && earlier->comment == evaluation.comment) {
      return ScoreOutcome{proposal, *earlier, false, false};
    }
    const auto stamp = session.stamp();
    evaluation.id = tx.evaluations().save(evaluation, earlier, stamp);
    evaluation.version = earlier ? earlier->version + 1 : 1;
    evaluation.recorded_at = stamp.at;
    evaluation.recorded_by = stamp.actor;
    // About the proposal, so that `log --ref` lists its scores with its versions.
    record_audit(session, tx,
                 {{domain::SubjectKind::proposal, proposal.id},
                  fmt::format("score {} by {}", reference(proposal), expert.name),
                  earlier ? "replace" : "add",
                  earlier ? std::optional(store::snapshot(*earlier)) : std::nullopt,
                  store::snapshot(evaluation)});
    return ScoreOutcome{proposal, evaluation, earlier.has_value(), true};
  });
}

ConsensusOutcome set_consensus(Session& session, const ConsensusRequest& request)
{
  const auto comment = checked_comment(request.comment);
  return session.database.write(fmt::format("record the consensus of {}", request.ref), [&](store::Transaction& tx) {
    const auto [proposal, call, criteria, scores] =
        evaluation_target(session, tx, request.ref, request.assignments, false);
    bool scored = false;
    tx.evaluations().for_each(call.id, proposal.id, [&](const domain::Evaluation&) { scored = true; });
    if (!scored) {
      throw Error(ErrorKind::refused, fmt::format("no expert has scored {} yet: a consensus is what the experts who "
                                                  "scored it agree on ('cfp score add' records their scores)",
                                                  reference(proposal)));
    }
    const auto before = tx.evaluations().consensus(proposal.id, *proposal.cutoff_id);
    const auto stamp = session.stamp();
    ConsensusOutcome outcome{proposal, {}, false};
    for (const auto& criterion : criteria) {
      const auto found = scores.find(criterion.key);
      if (found == scores.end()) {
        continue;
      }
      const auto earlier = std::find_if(before.begin(), before.end(),
                                        [&](const domain::ConsensusScore& c) { return c.key == criterion.key; });
      // Without --comment, an agreed score keeps the comment it had.
      const auto kept_comment = comment ? comment : earlier != before.end() ? earlier->comment : std::nullopt;
      if (earlier != before.end() && earlier->score == found->second && earlier->comment == kept_comment) {
        outcome.recorded.push_back(*earlier);
        continue;
      }
      domain::ConsensusScore score{criterion.key, found->second, kept_comment, stamp.at, stamp.actor};
      tx.evaluations().set_consensus(proposal.id, *proposal.cutoff_id, score);
      outcome.recorded.push_back(std::move(score));
      outcome.changed = true;
    }
    if (!outcome.changed) {
      return outcome;
    }
    const auto json_of = [](const std::vector<domain::ConsensusScore>& consensus) -> std::optional<std::string> {
      if (consensus.empty()) {
        return std::nullopt;
      }
      auto object = nlohmann::ordered_json::object();
      for (const auto& score : consensus) {
        object[score.key] = {{"score", domain::format_points(score.score)},
                             {"comment", score.comment ? nlohmann::ordered_json(*score.comment) : nullptr}};
      }
      return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    };
    record_audit(session, tx,
                 {{domain::SubjectKind::proposal, proposal.id},
                  "proposal " + reference(proposal),
                  "set consensus",
                  json_of(before),
                  json_of(tx.evaluations().consensus(proposal.id, *proposal.cutoff_id))});
    return outcome;
  });
}

void for_each_scored(Session& session, const ScoreQuery& query, const std::function<void(const ProposalScores&)>& visit,
                     const ListPasses& passes)
{
  session.database.read("list the scores", [&](const store::Transaction& tx) {
    if (query.ref) {
      const auto proposal = resolve_proposal(tx, *query.ref);
      if (proposal.status != domain::ProposalStatus::submitted) {
        throw Error(ErrorKind::refused, fmt::format("{} is {}: only a submitted proposal is evaluated",
                                                    reference(proposal), domain::to_string(proposal.status)));
      }
      const auto scores = scores_of(tx, require_call(tx, proposal.call_code), proposal);
      run_passes(passes, [&] { visit(scores); });
      return 0;
    }
    // A call at a time: the criteria are the call's.
    const auto calls = require_calls(tx, query.calls);
    store::ProposalFilter filter;
    filter.statuses = {domain::ProposalStatus::submitted};
    run_passes(passes, [&] {
      for (const auto& call : calls) {
        for_each_proposal_scores(tx, call, filter, visit);
      }
    });
    return 0;
  });
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/evaluation_fields.hpp>
#include <cfp/core/scores.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

std::string reference(const domain::Proposal& proposal)
{
  return proposal.call_code + "/" + proposal.acronym;
}

std::string points_or_blank(std::optional<domain::HalfPoints> points)
{
  return points ? domain::format_points(*points) : std::string();
}

void run_add(Context& context, const core::ScoreRequest& request)
{
  auto session = context.session(store::Access::read_write);
  const auto outcome = core::add_score(session, request);
  if (!outcome.changed) {
    context.note(fmt::format("the scores of {} by {} unchanged: the values given are the current ones",
                             reference(outcome.proposal), outcome.evaluation.expert));
  } else {
    context.note(fmt::format(
        "{} the scores of {} by {} at cut-off {}{}", outcome.replaced ? "replaced" : "recorded",
        reference(outcome.proposal), outcome.evaluation.expert, outcome.proposal.cutoff_label.value_or(""),
        outcome.replaced ? fmt::format(" (version {}; the earlier ones are kept)", outcome.evaluation.version)
                         : std::string()));
  }
  std::vector<Line> lines{{"proposal", reference(outcome.proposal)}, {"expert", outcome.evaluation.expert}};
  for (const auto& [key, score] : outcome.evaluation.scores) {
    lines.emplace_back(key, domain::format_points(score));
  }
  if (outcome.evaluation.comment) {
    lines.emplace_back("comment", *outcome.evaluation.comment);
  }
  lines.emplace_back("version", std::to_string(outcome.evaluation.version));
  static const core::Fields<core::ScoreOutcome> fields{
      {"call", core::FieldKind::text,
       [](const core::ScoreOutcome& o, const core::Display&) { return domain::Value(o.proposal.call_code); }},
      {"acronym", core::FieldKind::text,
       [](const core::ScoreOutcome& o, const core::Display&) { return domain::Value(o.proposal.acronym); }},
      {"cutoff", core::FieldKind::text,
       [](const core::ScoreOutcome& o, const core::Display&) {
         return domain::Value(o.proposal.cutoff_label.value_or(""));
       }},
      {"expert", core::FieldKind::text,
       [](const core::ScoreOutcome& o, const core::Display&) { return domain::Value(o.evaluation.expert); }},
      {"scores", core::FieldKind::json,
       [](const core::ScoreOutcome& o, const core::Display&) {
         auto scores = nlohmann::ordered_json::object();
         for (const auto& [key, score] : o.evaluation.scores) {
           scores[key] = nlohmann::ordered_json::parse(domain::format_points(score));
         }
         return domain::Value(domain::JsonText{dump_json(scores)});
       }},
      {"comment", core::FieldKind::text,
       [](const core::ScoreOutcome& o, const core::Display&) {
         return o.evaluation.comment ? domain::Value(*o.evaluation.comment) : domain::Value();
       }},
      {"version", core::FieldKind::integer,
       [](const core::ScoreOutcome& o, const core::Display&) {
         return domain::Value(std::int64_t{o.evaluation.version});
       }},
  };
  print_one(context.format(), context.out(), context.display(), fields, outcome, lines);
}

struct ListOptions
{
  core::ScoreQuery query;
  OrderOptions order;
};

void run_list(Context& context, const ListOptions& options)
{
  const auto& query = options.query;
  if (query.ref.has_value() == !query.calls.empty()) {
    throw Error(ErrorKind::usage, "score list: give either REF or --call CODE");
  }
  const auto& fields = core::score_row_fields();
  const auto order = options.order.order(fields);
  auto session = context.session(store::Access::read_only);
  ListPrinter<core::ScoreRow> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "acronym", "ACRONYM"),
       field_column(fields, "cutoff", "CUT-OFF"),
       field_column(fields, "criterion", "CRITERION"),
       {"SCORES",
        [](const core::ScoreRow& row, const core::Display&) {
          std::vector<std::string> scores;
          for (const auto& expert : row.scores.scores) {
            scores.push_back(domain::format_points(expert.score));
          }
          return util::join(scores, " ");
        }},
       {"CONSENSUS",
        [](const core::ScoreRow& row, const core::Display&) {
          return row.scores.consensus ? fmt::format("{} ({})", domain::format_points(*row.scores.consensus),
                                                    to_string(row.scores.source))
                                      : std::string();
        }},
       {"SPREAD",
        [](const core::ScoreRow& row, const core::Display&) {
          if (row.scores.scores.empty()) {
            return std::string();
          }
          return domain::format_points(row.scores.spread) + (row.scores.spread >= domain::k_wide_spread ? " !" : "");
        },
        Align::right}});
  printer.fit(context.table_width());
  printer.order(order);
  core::for_each_scored(
      session, query,
      [&](const core::ProposalScores& proposal) {
        for (const auto& criterion : proposal.criteria) {
          printer.add({proposal.proposal.call_code, proposal.proposal.acronym,
                       proposal.proposal.cutoff_label.value_or(""), criterion});
        }
      },
      printer.passes());
  printer.finish();
}

void run_history(Context& context, const std::string& ref, const std::optional<std::string>& expert)
{
  auto session = context.session(store::Access::read_only);
  const auto& fields = core::evaluation_version_fields();
  ListPrinter<core::EvaluationVersion> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "cutoff", "CUT-OFF"),
       field_column(fields, "expert", "EXPERT"),
       {"VERSION",
        [](const core::EvaluationVersion& v, const core::Display&) {
          return std::to_string(v.evaluation.version) + (v.current ? v.set_aside ? " (set aside)" : " (current)" : "");
        }},
       field_column(fields, "recorded_at", "RECORDED"),
       field_column(fields, "recorded_by", "BY"),
       {"SCORES",
        [](const core::EvaluationVersion& v, const core::Display&) {
          std::vector<std::string> scores;
          for (const auto& [key, score] : v.evaluation.scores) {
            scores.push_back(key + "=" + domain::format_points(score));
          }
          return util::join(scores, " ");
        }},
       field_column(fields, "comment", "COMMENT")});
  printer.fit(context.table_width());
  core::for_each_evaluation_version(
      session, ref, expert, [&](const core::EvaluationVersion& version) { printer.add(version); }, printer.passes());
  printer.finish();
}

// Where the proposal stands in its cut-off's ranking, in words.
std::string standing(const core::EvaluationSummary& summary)
{
  if (!summary.status) {
    return "not ranked: its cut-off has not passed";
  }
  switch (*summary.status) {
  case core::RankStatus::funded:
  case core::RankStatus::reserve:
  case core::RankStatus::passing: {
    const auto where = fmt::format("{} of {} passing at cut-off {}", *summary.rank, summary.passing,
                                   summary.scores.proposal.cutoff_label.value_or("?"));
    const auto line = *summary.status == core::RankStatus::funded    ? " (funded within the call's budget)"
                      : *summary.status == core::RankStatus::reserve ? " (reserve: over the call's budget)"
                                                                     : "";
    return where + line + (summary.reason.empty() ? "" : "; " + summary.reason);
  }
  case core::RankStatus::below_threshold:
    return "not ranked: below a threshold (" + summary.reason + ")";
  case core::RankStatus::incomplete:
    return "not ranked: incomplete (" + summary.reason + ")";
  }
  return "";
}

void run_summary(Context& context, const std::string& ref)
{
  auto session = context.session(store::Access::read_only);
  const auto evaluation = core::evaluation_summary(session, ref);
  const auto& summary = evaluation.scores;
  const auto totals = core::totals_of(summary);
  std::vector<Line> lines{{"proposal", reference(summary.proposal)},
                          {"cut-off", summary.proposal.cutoff_label.value_or("")}};
  for (const auto& criterion : summary.criteria) {
    lines.emplace_back(
        criterion.criterion.name,
        criterion.consensus
            ? fmt::format("{} (threshold {}: {}{})", domain::format_points(*criterion.consensus),
                          domain::format_points(criterion.criterion.threshold),
                          core::passes(criterion) ? "passed" : "not reached",
                          criterion.source == core::ConsensusSource::median ? "; median of the experts" : "")
            : std::string("no score yet"));
  }
  lines.emplace_back("total", totals.total ? fmt::format("{} (overall threshold {})", points_or_blank(totals.total),
                                                         domain::format_points(summary.overall_threshold))
                                           : std::string("not every criterion has a consensus yet"));
  lines.emplace_back("weighted total", totals.weighted_total ? domain::format_weighted(*totals.weighted_total) : "");
  lines.emplace_back("result", !totals.total   ? std::string("incomplete")
                               : totals.passed ? std::string("passes every threshold")
                                               : std::string("below a threshold"));
  lines.emplace_back("rank", standing(evaluation));
  lines.emplace_back("outcome", summary.proposal.outcome
                                    ? std::string(domain::to_string(*summary.proposal.outcome))
                                    : std::string("not decided ('cfp rank --apply' records it)"));
  for (const auto& criterion : summary.criteria) {
    if (criterion.comment) {
      lines.emplace_back("comment on " + criterion.criterion.key, *criterion.comment);
    }
  }
  print_one(context.format(), context.out(), context.display(), core::summary_fields(), evaluation, lines);
}

} // namespace

void register_score_commands(CLI::App& app, Registry& registry)
{
  const std::string ref_help = "The proposal: its acronym, CALL/ACRONYM, or its numeric id";
  auto* score = add_group(app, "score", "Experts' scores of proposals, and their consensus");

  auto add_request = std::make_shared<core::ScoreRequest>();
  auto* add = score->add_subcommand("add", "Record one expert's scores of a proposal, a score a criterion");
  add->add_option("REF", add_request->ref, ref_help)->required();
  add->add_option("SCORES", add_request->assignments, "CRITERION=SCORE, one a criterion: excellence=4.5 ...")
      ->required();
  add->add_option("--expert", add_request->expert, "The expert who scores")->required();
  add->add_option("--comment", add_request->comment, "The expert's comment");
  registry.on_change(add, [add_request](Context& context) { run_add(context, *add_request); });

  auto list_options = std::make_shared<ListOptions>();
  auto* list = score->add_subcommand("list", "List the scores, the consensus and the spread of each criterion");
  list->add_option("REF", list_options->query.ref, ref_help);
  add_filter(*list, "--call", list_options->query.calls, "Every submitted proposal of these calls");
  add_order_options(*list, list_options->order);
  registry.on(list, [list_options](Context& context) { run_list(context, *list_options); });

  struct HistoryRequest
  {
    std::string ref;
    std::optional<std::string> expert;
  };
  auto history_request = std::make_shared<HistoryRequest>();
  auto* history = score->add_subcommand(
      "history", "Every version of each expert's scores of a proposal, the replaced ones too, at every cut-off");
  history->add_option("REF", history_request->ref, ref_help)->required();
  history->add_option("--expert", history_request->expert, "Only this expert's");
  registry.on(history, [history_request](Context& context) {
    run_history(context, history_request->ref, history_request->expert);
  });

  auto summary_ref = std::make_shared<std::string>();
  auto* summary = score->add_subcommand("summary", "A proposal's evaluation summary: consensus, thresholds, totals");
  summary->add_option("REF", *summary_ref, ref_help)->required();
  registry.on(summary, [summary_ref](Context& context) { run_summary(context, *summary_ref); });

  auto* consensus = add_group(app, "consensus", "The experts' agreed scores");
  auto consensus_request = std::make_shared<core::ConsensusRequest>();
  auto* set = consensus->add_subcommand("set", "Record the agreed score of one or more criteria of a proposal");
  set->add_option("REF", consensus_request->ref, ref_help)->required();
  set->add_option("SCORES", consensus_request->assignments, "CRITERION=SCORE: excellence=4 ...")->required();
  set->add_option("--comment", consensus_request->comment, "The consensus comment, as the summary report gives it");
  registry.on_change(set, [consensus_request](Context& context) {
    auto session = context.session(store::Access::read_write);
    const auto outcome = core::set_consensus(session, *consensus_request);
    const auto& recorded = outcome.recorded;
    std::vector<std::string> parts;
    std::vector<Line> lines{{"proposal", reference(outcome.proposal)}};
    for (const auto& agreed : recorded) {
      parts.push_back(agreed.key + "=" + domain::format_points(agreed.score));
      lines.emplace_back(agreed.key, domain::format_points(agreed.score));
    }
    context.note(outcome.changed ? fmt::format("recorded the consensus of {}: {}", reference(outcome.proposal),
                                               util::join(parts, " "))
                                 : fmt::format("the consensus of {} unchanged: the values given are the current ones",
                                               reference(outcome.proposal)));
    using core::ConsensusOutcome;
    static const core::Fields<ConsensusOutcome> fields{
        {"call", core::FieldKind::text,
         [](const ConsensusOutcome& o, const core::Display&) { return domain::Value(o.proposal.call_code); }},
        {"acronym", core::FieldKind::text,
         [](const ConsensusOutcome& o, const core::Display&) { return domain::Value(o.proposal.acronym); }},
        {"cutoff", core::FieldKind::text,
         [](const ConsensusOutcome& o, const core::Display&) {
           return domain::Value(o.proposal.cutoff_label.value_or(""));
         }},
        {"consensus", core::FieldKind::json,
         [](const ConsensusOutcome& o, const core::Display&) {
           auto object = nlohmann::ordered_json::object();
           for (const auto& s : o.recorded) {
             object[s.key] = {{"score", nlohmann::ordered_json::parse(domain::format_points(s.score))},
                              {"comment", s.comment ? nlohmann::ordered_json(*s.comment) : nlohmann::ordered_json()}};
           }
           return domain::Value(domain::JsonText{dump_json(object)});
         }},
    };
    for (const auto& agreed : recorded) {
      if (agreed.comment) {
        lines.emplace_back("comment on " + agreed.key, *agreed.comment);
      }
    }
    print_one(context.format(), context.out(), context.display(), fields, outcome, lines);
  });
}

} // namespace cfp::cli

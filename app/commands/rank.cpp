// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/ranking.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <memory>
#include <tuple>

namespace cfp::cli {

namespace {

using core::RankedProposal;
using domain::Value;

Value points(std::optional<domain::HalfPoints> value)
{
  return value ? Value(domain::Decimal{domain::format_points(*value)}) : Value();
}

// The fields of a ranking: rank acronym host total weighted_total, one a criterion key, then
// eu_contribution_eur cumulative_eur status reason. A field's name is a view: the criterion keys
// it names live here, beside the fields.
struct RankFields
{
  std::vector<std::unique_ptr<std::string>> keys;
  core::Fields<RankedProposal> fields;
};

RankFields rank_fields(const std::vector<domain::Criterion>& criteria)
{
  using core::FieldKind;
  RankFields result;
  auto& fields = result.fields;
  fields = {
      {"rank", FieldKind::integer,
       [](const RankedProposal& r, const core::Display&) { return r.rank ? Value(std::int64_t{*r.rank}) : Value(); }},
      {"acronym", FieldKind::text,
       [](const RankedProposal& r, const core::Display&) { return Value(r.scores.proposal.acronym); }},
      {"host", FieldKind::text,
       [](const RankedProposal& r, const core::Display&) { return Value(r.scores.proposal.fields.host); }},
      {"total", FieldKind::text, [](const RankedProposal& r, const core::Display&) { return points(r.totals.total); }},
      {"weighted_total", FieldKind::text,
       [](const RankedProposal& r, const core::Display&) {
         return r.totals.weighted_total ? Value(domain::Decimal{domain::format_weighted(*r.totals.weighted_total)})
                                        : Value();
       }},
  };
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    result.keys.push_back(std::make_unique<std::string>(criteria[i].key));
    fields.push_back({*result.keys.back(), FieldKind::text, [i](const RankedProposal& r, const core::Display&) {
                        return i < r.scores.criteria.size() ? points(r.scores.criteria[i].consensus) : Value();
                      }});
  }
  fields.push_back({"eu_contribution_eur", FieldKind::money, [](const RankedProposal& r, const core::Display&) {
                      return Value(domain::Money{r.scores.proposal.fields.eu_contribution});
                    }});
  fields.push_back({"cumulative_eur", FieldKind::money, [](const RankedProposal& r, const core::Display&) {
                      return r.cumulative ? Value(domain::Money{*r.cumulative}) : Value();
                    }});
  fields.push_back({"status", FieldKind::text, [](const RankedProposal& r, const core::Display&) {
                      return Value(std::string(core::to_string(r.status)));
                    }});
  fields.push_back({"reason", FieldKind::text, [](const RankedProposal& r, const core::Display&) {
                      return r.reason.empty() ? Value() : Value(r.reason);
                    }});
  return result;
}

void run_rank(Context& context, const core::RankRequest& request)
{
  auto session = context.session(request.apply ? store::Access::read_write : store::Access::read_only);
  const auto ranking = core::rank_proposals(session, request);
  const auto rank = rank_fields(ranking.criteria);
  const auto& fields = rank.fields;
  std::vector<Column<RankedProposal>> columns{
      field_column(fields, "rank", "RANK", Align::right), field_column(fields, "acronym", "ACRONYM"),
      field_column(fields, "host", "HOST"), field_column(fields, "total", "TOTAL", Align::right),
      field_column(fields, "weighted_total", "WEIGHTED", Align::right)};
  for (const auto& criterion : ranking.criteria) {
    columns.push_back(field_column(fields, criterion.key, util::to_upper_ascii(criterion.key), Align::right));
  }
  for (const auto& [name, header, align] :
       std::vector<std::tuple<std::string, std::string, Align>>{{"eu_contribution_eur", "EU EUR", Align::right},
                                                                {"cumulative_eur", "CUMULATIVE EUR", Align::right},
                                                                {"status", "STATUS", Align::left},
                                                                {"reason", "REASON", Align::left}}) {
    columns.push_back(field_column(fields, name, header, align));
  }
  ListPrinter<RankedProposal> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                      std::move(columns));
  int counts[5] = {};
  for (const auto& ranked : ranking.proposals) {
    printer.add(ranked);
    ++counts[static_cast<int>(ranked.status)];
  }
  printer.finish();
  context.note(fmt::format(
      "{} proposals of {}{}: {} funded, {} reserve, {} passing, {} below a threshold, {} "
      "incomplete; budget {}{}",
      ranking.proposals.size(), ranking.call.code, ranking.cutoff ? " at cut-off " + *ranking.cutoff : std::string(),
      counts[0], counts[1], counts[2], counts[3], counts[4],
      ranking.budget ? domain::format_money_grouped(*ranking.budget) + " EUR" : "none",
      !ranking.applied                ? std::string()
      : ranking.outcomes_changed == 0 ? std::string("; outcomes unchanged")
                                      : fmt::format("; {} outcome{} recorded", ranking.outcomes_changed,
                                                    ranking.outcomes_changed == 1 ? "" : "s")));
}

} // namespace

void register_rank_command(CLI::App& app, Registry& registry)
{
  auto request = std::make_shared<core::RankRequest>();
  auto* rank = app.add_subcommand("rank", "Rank a call's evaluated proposals and draw the funding line");
  rank->add_option("CALL", request->call, "Call code")->required();
  rank->add_option("--cutoff", request->cutoff, "Only the proposals of this cut-off (its label)");
  rank->add_option("--budget", request->budget, "EU budget to fund from (default: the call's budget)");
  rank->add_option("--min-experts", request->min_experts, "Experts each criterion needs (default 3)");
  rank->add_flag("--apply", request->apply, "Record each proposal's outcome: selected, reserve or rejected");
  registry.on(rank, [request](Context& context) { run_rank(context, *request); });
}

} // namespace cfp::cli

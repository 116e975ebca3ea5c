// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/ranking.hpp>
#include <cfp/core/ranking_fields.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <memory>
#include <tuple>

namespace cfp::cli {

namespace {

using core::RankedProposal;

void run_rank(Context& context, const core::RankRequest& request)
{
  auto session = context.session(request.apply ? store::Access::read_write : store::Access::read_only);
  const auto ranking = core::rank_proposals(session, request);
  const auto rank = core::rank_fields(ranking.criteria);
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
  registry.on_change(rank, [request](Context& context) { run_rank(context, *request); });
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/ranking.hpp>
#include <cfp/core/ranking_fields.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <tuple>

namespace cfp::cli {

namespace {

using core::RankedProposal;

// The table's columns: the ranking's fields, a column a criterion.
std::vector<Column<RankedProposal>> rank_columns(const core::Fields<RankedProposal>& fields,
                                                 const std::vector<domain::Criterion>& criteria)
{
  std::vector<Column<RankedProposal>> columns{
      field_column(fields, "rank", "RANK", Align::right), field_column(fields, "acronym", "ACRONYM"),
      field_column(fields, "host", "HOST"), field_column(fields, "total", "TOTAL", Align::right),
      field_column(fields, "weighted_total", "WEIGHTED", Align::right)};
  for (const auto& criterion : criteria) {
    columns.push_back(field_column(fields, criterion.key, util::to_upper_ascii(criterion.key), Align::right));
  }
  for (const auto& [name, header, align] :
       std::vector<std::tuple<std::string, std::string, Align>>{{"eu_contribution_eur", "EU EUR", Align::right},
                                                                {"cumulative_eur", "CUMULATIVE EUR", Align::right},
                                                                {"status", "STATUS", Align::left},
                                                                {"reason", "REASON", Align::left}}) {
    columns.push_back(field_column(fields, name, header, align));
  }
  return columns;
}

void run_rank(Context& context, const core::RankRequest& request)
{
  auto session = context.session(request.apply ? store::Access::read_write : store::Access::read_only);
  // The printer is made once the criteria are known, inside the read, and given the rows as
  // they are read (a table twice: measured, then printed).
  std::optional<core::RankFields> rank;
  std::optional<ListPrinter<RankedProposal>> printer;
  const auto summary = core::rank_proposals(
      session, request,
      {[&](const core::Ranking& ranking) {
         rank.emplace(core::rank_fields(ranking.criteria));
         printer.emplace(context.format(), context.out(), context.err(), context.display(), rank->fields,
                         rank_columns(rank->fields, ranking.criteria));
         printer->fit(context.table_width());
         return printer->passes();
       },
       [&](const RankedProposal& ranked) { printer->add(ranked); }});
  printer->finish();
  const auto& ranking = summary.ranking;
  const auto& counts = summary.statuses;
  context.note(fmt::format(
      "{} proposals of {}{}: {} funded, {} reserve, {} passing, {} below a threshold, {} "
      "incomplete; budget {}{}",
      ranking.size(), ranking.call.code, ranking.cutoff ? " at cut-off " + *ranking.cutoff : std::string(), counts[0],
      counts[1], counts[2], counts[3], counts[4],
      ranking.budget ? domain::format_money_grouped(*ranking.budget) + " EUR" : "none",
      !summary.applied                ? std::string()
      : summary.outcomes_changed == 0 ? std::string("; outcomes unchanged")
                                      : fmt::format("; {} outcome{} recorded", summary.outcomes_changed,
                                                    summary.outcomes_changed == 1 ? "" : "s")));
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

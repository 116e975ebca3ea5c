// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/util/text.hpp>

namespace cfp::cli {

namespace {

struct ListOptions
{
  core::ProposalQuery query;
  OrderOptions order;
};

void run_list(Context& context, const ListOptions& options)
{
  const auto order = options.order.order();
  auto session = context.session(store::Access::read_only);
  const auto& fields = core::proposal_fields();
  std::vector<Column<domain::Proposal>> columns{
      field_column(fields, "id", "ID", Align::right),
      field_column(fields, "call", "CALL"),
      field_column(fields, "acronym", "ACRONYM"),
      field_column(fields, "title", "TITLE"),
      field_column(fields, "host", "HOST"),
      {"PARTNERS", [](const domain::Proposal& p, const core::Display&) { return util::join(p.fields.partners, ","); }},
      field_column(fields, "entity", "ENTITY"),
      field_column(fields, "plan", "PLAN"),
      field_column(fields, "status", "STATUS"),
      field_column(fields, "cutoff", "CUT-OFF"),
      field_column(fields, "eu_contribution_eur", "EU EUR", Align::right),
  };
  // On a terminal too narrow for them, the title goes first, then the partners, then the call
  // (TableLayout::fit).
  columns[3].drop = 1;
  columns[5].drop = 2;
  columns[1].drop = 3;
  ListPrinter<domain::Proposal, core::ProposalFileRecord> printer(context.format(), context.out(), context.err(),
                                                                  context.display(), fields, std::move(columns));
  printer.fit(context.table_width());
  // The table shows a summary of each proposal, and only that is read; the store orders the
  // rows by any field all the same.
  auto query = options.query;
  if (context.format() == Format::table) {
    query.detail = store::ProposalDetail::summary;
  }
  core::for_each_proposal(session, query, order,
                          [&](const domain::Proposal& proposal) { printer.add(proposal); }, printer.passes());
  printer.finish();
}

} // namespace

void register_proposal_list(CLI::App& proposal, Registry& registry)
{
  auto options = std::make_shared<ListOptions>();
  auto& query = options->query;
  auto* list = proposal.add_subcommand("list", "List proposals, by call and acronym");
  add_filter(*list, "--call", query.calls, "Only these calls");
  add_filter(*list, "--cutoff", query.cutoffs, "Only proposals of the cut-offs with these labels",
             Commas::split_in_core);
  add_filter(*list, "--host", query.hosts, "Only proposals hosted by these states");
  add_filter(*list, "--state", query.states, "Only proposals with one of these states as host or partner");
  add_filter(*list, "--status", query.statuses, "Only proposals in these statuses (draft, submitted, withdrawn)");
  add_filter(*list, "--sector", query.sectors, "Only proposals targeting one of these sectors");
  add_filter(*list, "--outcome", query.outcomes, "Only proposals with these outcomes (selected, reserve, rejected)");
  add_order_options(*list, options->order);
  registry.on(list, [options](Context& context) { run_list(context, *options); });
}

} // namespace cfp::cli

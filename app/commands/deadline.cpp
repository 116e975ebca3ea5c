// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "list_options.hpp"
#include "registry.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/reports.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

using core::DeadlineStatus;

struct ListOptions
{
  std::vector<std::string> calls;
  bool open_only = false;
  OrderOptions order;
};

void run_deadline_add(Context& context, const core::NewDeadline& request)
{
  auto session = context.session(store::Access::read_write);
  const auto cutoff = core::add_deadline(session, request);
  const auto display = context.display();
  context.note(fmt::format("added cut-off '{}' to call {}: closes {} ({})", cutoff.label, cutoff.call_code,
                           domain::format_local(cutoff.closes_at, context.zone()), domain::format_utc(cutoff.closes_at)));
  if (context.format() == Format::table) {
    context.out() << cutoff.call_code << '/' << util::escape_controls(cutoff.label) << '\n';
  } else {
    print_one(context.format(), context.out(), display, core::deadline_fields(),
              core::deadline_status(cutoff, core::show_call(session, cutoff.call_code).call.opens_at, display.now),
              {});
  }
}

void run_deadline_list(Context& context, const ListOptions& options)
{
  const auto& fields = core::deadline_fields();
  const auto order = options.order.order(fields);
  auto session = context.session(store::Access::read_only);
  std::vector<Column<DeadlineStatus>> columns{
      field_column(fields, "call", "CALL"),
      field_column(fields, "label", "LABEL"),
      field_column(fields, "closes_local", "CLOSES"),
      {"UTC", [](const DeadlineStatus& d, const core::Display&) { return domain::format_utc(d.cutoff.closes_at); }},
      {"STATUS",
       [](const DeadlineStatus& d, const core::Display& display) {
         return std::string(core::to_string(core::cutoff_status(d.cutoff, d.call_opens, display.now)));
       }},
      {"LEFT",
       [](const DeadlineStatus& d, const core::Display& display) {
         return core::format_time_left(display.now, d.cutoff.closes_at);
       },
       Align::right},
  };
  ListPrinter<DeadlineStatus> printer(context.format(), context.out(), context.err(), context.display(), fields,
                                      std::move(columns));
  printer.fit(context.table_width());
  printer.order(order);
  for (const auto& deadline : core::list_deadlines(
           session, options.calls, options.open_only ? core::DeadlineSet::open_only : core::DeadlineSet::all)) {
    printer.add(deadline);
  }
  printer.finish();
}

} // namespace

void register_deadline_commands(CLI::App& app, Registry& registry)
{
  auto* deadline = add_group(app, "deadline", "Cut-offs (deadlines) of calls");

  auto add_request = std::make_shared<core::NewDeadline>();
  auto* add = deadline->add_subcommand("add", "Add a cut-off to a call; a bare date means 17:00:00 Brussels time");
  add->add_option("CALL", add_request->call_code, "Call code")->required();
  add->add_option("WHEN", add_request->when, "YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO-8601 with Z or an offset")
      ->required();
  add->add_option("--label", add_request->label, "Label of the cut-off (default: its date)");
  registry.on_change(add, [add_request](Context& context) { run_deadline_add(context, *add_request); });

  auto list_options = std::make_shared<ListOptions>();
  auto* list = deadline->add_subcommand("list", "List cut-offs by closing time, with the time left");
  add_filter(*list, "--call", list_options->calls, "Only these calls' cut-offs");
  list->add_flag("--open", list_options->open_only, "Only cut-offs not yet closed");
  add_order_options(*list, list_options->order);
  registry.on(list, [list_options](Context& context) { run_deadline_list(context, *list_options); });

  register_deadline_corrections(*deadline, registry);
}

} // namespace cfp::cli

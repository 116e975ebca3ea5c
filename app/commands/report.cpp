// SPDX-License-Identifier: EUPL-1.2
#include "../output/printer.hpp"
#include "registry.hpp"

#include <cfp/core/report_fields.hpp>
#include <cfp/core/reports.hpp>

namespace cfp::cli {

namespace {

void run_report_deadlines(Context& context, const core::DeadlineReportRequest& request)
{
  auto session = context.session(store::Access::read_only);
  const auto report = core::report_deadlines(session, request);
  auto display = context.display();
  display.now = report.at; // the time left is counted from the report time
  const auto& fields = core::deadline_report_fields();
  ListPrinter<core::DeadlineReportRow> printer(
      context.format(), context.out(), context.err(), display, fields,
      {field_column(fields, "call", "CALL"), field_column(fields, "label", "LABEL"),
       field_column(fields, "closes_local", "CLOSES"), field_column(fields, "status", "STATUS"),
       field_column(fields, "time_left", "LEFT", Align::right),
       field_column(fields, "submitted", "SUBMITTED", Align::right),
       field_column(fields, "drafts", "DRAFTS", Align::right),
       field_column(fields, "withdrawn", "WITHDRAWN", Align::right),
       field_column(fields, "eu_requested_eur", "EU REQUESTED (EUR)", Align::right),
       field_column(fields, "budget_share", "OF BUDGET %", Align::right)});
  printer.fit(context.table_width());
  if (context.colour()) {
    printer.emphasise([](const core::DeadlineReportRow& row) {
      switch (core::urgency(row)) {
      case core::Urgency::day:
        return Emphasis::bold;
      case core::Urgency::week:
        return Emphasis::colour;
      case core::Urgency::none:
        break;
      }
      return Emphasis::none;
    });
  }
  for (const auto& row : report.rows) {
    printer.add(row);
  }
  printer.finish();
}

void run_report_states(Context& context, const core::StateReportRequest& request)
{
  auto session = context.session(store::Access::read_only);
  const auto report = core::report_states(session, request);
  const auto& fields = core::state_report_fields();
  ListPrinter<core::StateReportRow> printer(
      context.format(), context.out(), context.err(), context.display(), fields,
      {field_column(fields, "code", "STATE"), field_column(fields, "name", "NAME"),
       field_column(fields, "hosted", "HOSTED", Align::right),
       field_column(fields, "partnered", "PARTNERED", Align::right),
       field_column(fields, "drafts", "DRAFTS", Align::right),
       field_column(fields, "eu_requested_eur", "EU REQUESTED (EUR)", Align::right),
       field_column(fields, "national_committed_eur", "NATIONAL (EUR)", Align::right),
       field_column(fields, "selected", "SELECTED", Align::right),
       field_column(fields, "eu_selected_eur", "EU SELECTED (EUR)", Align::right)});
  printer.fit(context.table_width());
  for (const auto& row : report.rows) {
    printer.add(row);
  }
  // The sums are for the reader of the table; the data formats leave them to the program.
  if (context.format() == Format::table && !report.rows.empty()) {
    printer.add(report.total);
  }
  printer.finish();
}

void run_report_calls(Context& context, const core::CallReportRequest& request)
{
  auto session = context.session(store::Access::read_only);
  const auto report = core::report_calls(session, request);
  auto display = context.display();
  display.now = report.at;
  const auto& fields = core::call_report_fields();
  ListPrinter<core::CallReportRow> printer(
      context.format(), context.out(), context.err(), display, fields,
      {field_column(fields, "call", "CALL"), field_column(fields, "cutoffs_open", "OPEN", Align::right),
       field_column(fields, "cutoffs_closed", "CLOSED", Align::right),
       field_column(fields, "drafts", "DRAFTS", Align::right),
       field_column(fields, "submitted", "SUBMITTED", Align::right),
       field_column(fields, "withdrawn", "WITHDRAWN", Align::right),
       field_column(fields, "eu_requested_eur", "EU REQUESTED (EUR)", Align::right),
       field_column(fields, "budget_eur", "BUDGET (EUR)", Align::right),
       field_column(fields, "budget_share", "OF BUDGET %", Align::right),
       field_column(fields, "next_cutoff", "NEXT CUT-OFF"), field_column(fields, "time_left", "LEFT", Align::right)});
  printer.fit(context.table_width());
  for (const auto& row : report.rows) {
    printer.add(row);
  }
  printer.finish();
}

} // namespace

void register_report_commands(CLI::App& app, Registry& registry)
{
  auto* report = add_group(app, "report",
                           "Reports for officials: deadlines, states, calls, the cut-offs as a calendar, a dashboard");

  auto deadlines_request = std::make_shared<core::DeadlineReportRequest>();
  auto* deadlines = report->add_subcommand(
      "deadlines", "Each cut-off at the report time: status, time left, proposals, EU contribution requested");
  deadlines->add_option("--call", deadlines_request->call, "Only this call's cut-offs");
  deadlines->add_option("--at", deadlines_request->at, "The report time (WHEN; default: now)");
  deadlines->add_option("--within", deadlines_request->within, "Only the open cut-offs closing within DAYS");
  deadlines->add_flag("--all", deadlines_request->all,
                      "Every cut-off (default: the open ones and those closed in the last 30 days)");
  registry.on(deadlines, [deadlines_request](Context& context) { run_report_deadlines(context, *deadlines_request); });

  auto states_request = std::make_shared<core::StateReportRequest>();
  auto* states = report->add_subcommand(
      "states", "Each participating state: proposals hosted and partnered, drafts, contributions, selected");
  states->add_option("--call", states_request->call, "Only this call's proposals");
  states->add_option("--cutoff", states_request->cutoff, "Only the proposals of this cut-off of the call (LABEL)");
  states->add_flag("--all", states_request->all, "Every participating state (default: those with proposals)");
  registry.on(states, [states_request](Context& context) { run_report_states(context, *states_request); });

  auto calls_request = std::make_shared<core::CallReportRequest>();
  auto* calls = report->add_subcommand(
      "calls", "Each call: cut-offs open and closed, proposals by status, EU contribution requested, next cut-off");
  calls->add_option("--at", calls_request->at, "The report time (WHEN; default: now)");
  registry.on(calls, [calls_request](Context& context) { run_report_calls(context, *calls_request); });

  register_report_html(*report, registry);
  register_report_ics(*report, registry);
}

} // namespace cfp::cli

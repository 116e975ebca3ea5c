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
  for (const auto& row : report.rows) {
    printer.add(row);
  }
  printer.finish();
}

} // namespace

void register_report_commands(CLI::App& app, Registry& registry)
{
  auto* report = add_group(app, "report", "Reports for officials: deadlines, and the cut-offs as a calendar");

  auto deadlines_request = std::make_shared<core::DeadlineReportRequest>();
  auto* deadlines = report->add_subcommand(
      "deadlines", "Each cut-off at the report time: status, time left, proposals, EU contribution requested");
  deadlines->add_option("--call", deadlines_request->call, "Only this call's cut-offs");
  deadlines->add_option("--at", deadlines_request->at, "The report time (WHEN; default: now)");
  deadlines->add_option("--within", deadlines_request->within, "Only the open cut-offs closing within DAYS");
  deadlines->add_flag("--all", deadlines_request->all,
                      "Every cut-off (default: the open ones and those closed in the last 30 days)");
  registry.on(deadlines, [deadlines_request](Context& context) { run_report_deadlines(context, *deadlines_request); });
  register_report_ics(*report, registry);
}

} // namespace cfp::cli

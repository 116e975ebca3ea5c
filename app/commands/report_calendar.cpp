// SPDX-License-Identifier: EUPL-1.2
#include "registry.hpp"

#include <cfp/core/calendar.hpp>
#include <cfp/error.hpp>
#include <cfp/util/fd_streambuf.hpp>

#include <memory>

namespace cfp::cli {

namespace {

void run_report_ics(Context& context, const core::CalendarRequest& request)
{
  auto session = context.session(store::Access::read_only);
  // Read in full before anything is written, so that an unknown call prints nothing on stdout.
  const auto calendar = core::cutoff_calendar(session, request);
  core::write_calendar(context.out(), calendar);
  context.out().flush();
  if (!context.out()) {
    throw Error(ErrorKind::storage, "cannot write to standard output: " + util::write_failure(context.out()));
  }
}

} // namespace

void register_report_ics(CLI::App& report, Registry& registry)
{
  auto request = std::make_shared<core::CalendarRequest>();
  auto* ics = report.add_subcommand(
      "ics", "The cut-offs as an iCalendar (RFC 5545) on stdout, with reminders a week and a day before");
  ics->add_option("--call", request->call, "Only this call's cut-offs");
  registry.on(
      ics, [request](Context& context) { run_report_ics(context, *request); },
      Formats{{Format::table}, "report ics writes one iCalendar; leave out --format"});
}

} // namespace cfp::cli

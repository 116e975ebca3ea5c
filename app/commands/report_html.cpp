// SPDX-License-Identifier: EUPL-1.2
// `cfp report html --out FILE [--call CODE]`: the dashboard as one self-contained HTML file.
#include "../output/dashboard_page.hpp"
#include "registry.hpp"

#include <cfp/core/dashboard.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::cli {

namespace {

struct HtmlOptions
{
  std::string out;
  core::DashboardRequest request;
};

void run_report_html(Context& context, const HtmlOptions& options)
{
  if (options.out.empty() || options.out == "-") {
    throw Error(ErrorKind::usage, "--out: name the HTML file to write; the dashboard does not go to standard output");
  }
  // Refused before anything is read: the database or one of its files, a link, a FIFO, a device,
  // a folder.
  if (const auto conflict = util::output_conflict(options.out, {{context.database_path(), "the database", true}})) {
    throw Error(ErrorKind::input_file, "--out " + *conflict);
  }
  if (const auto shared = util::shared_folder(options.out)) {
    throw Error(ErrorKind::input_file, "cannot write " + options.out + ": " + *shared);
  }
  util::OutputFile file(options.out); // the folder takes a file: said before the work
  auto session = context.session(store::Access::read_only);
  DashboardPage page(file.stream(), context.display());
  core::write_dashboard(session, options.request, page);
  file.keep_mode();
  file.commit();
  context.note(fmt::format("wrote {}: {} call{}, {} cut-off{}, {} proposal{}, {} ranking{}",
                           util::escape_controls(options.out), page.calls(), page.calls() == 1 ? "" : "s",
                           page.cutoffs(), page.cutoffs() == 1 ? "" : "s", page.proposal_count(),
                           page.proposal_count() == 1 ? "" : "s", page.rankings(), page.rankings() == 1 ? "" : "s"));
}

} // namespace

void register_report_html(CLI::App& report, Registry& registry)
{
  auto options = std::make_shared<HtmlOptions>();
  auto* html = report.add_subcommand(
      "html", "The dashboard as one self-contained HTML file: cut-offs, states, rankings, proposals");
  html->add_option("--out", options->out, "The HTML file to write (replaced atomically; a new one gets mode 0600)")
      ->required();
  html->add_option("--call", options->request.call, "Only this call");
  registry.on(html, [options](Context& context) { run_report_html(context, *options); },
              {{Format::table}, "report html writes HTML to --out; --format does not apply"});
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "dashboard_page.hpp"

#include "dashboard_charts.hpp"
#include "html_table.hpp"

#include <cfp/core/ranking_fields.hpp>
#include <cfp/core/record_fields.hpp>
#include <cfp/core/report_fields.hpp>
#include <cfp/domain/score.hpp>
#include <cfp/util/html.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace cfp::cli {

namespace {

using util::escape_html;

constexpr std::string_view k_style = R"(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #111; background: #fff; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem; }
p.meta { color: #444; margin-top: 0; }
p.empty { font-style: italic; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.85rem; }
.table-wrap { overflow-x: auto; }
th, td { border: 1px solid #999; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
td { max-width: 24em; overflow-wrap: break-word; unicode-bidi: isolate; }
th { background: #e8e8e8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid #333; }
.chart { max-width: 100%; height: auto; display: block; margin: 0.5rem 0; }
.chart text { font-size: 12px; fill: #111; }
.chart .axis, .chart .tick, .chart .lane { stroke: #333; stroke-width: 1; }
.chart .lane { stroke: #999; }
.chart .axis-title { font-weight: bold; }
.chart .bar rect, .chart .submitted-bar { fill: #555; stroke: #111; stroke-width: 0.5; }
.chart .mark { stroke: #111; stroke-width: 1.5; }
.chart .mark.open { fill: #111; }
.chart .mark.closed { fill: #999; }
.chart .mark.not_open { fill: #fff; }
.chart .now { stroke: #111; stroke-width: 1.5; stroke-dasharray: 2 3; }
.chart .ranked rect { stroke: #111; stroke-width: 0.8; }
.chart .ranked.funded rect { fill: #333; }
.chart .ranked.passing rect { fill: #777; }
.chart .ranked.below_threshold rect { fill: #fff; stroke-dasharray: 3 2; }
.chart .threshold { stroke: #111; stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart .funding-line { stroke: #000; stroke-width: 3; }
.chart .funding-label { font-weight: bold; }
.legend { font-size: 0.85rem; color: #333; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-inside: auto; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: 0.1rem 0.2rem; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: #fff; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
}
)";

std::string calls_title(const core::Dashboard& dashboard)
{
  if (dashboard.calls.size() == 1) {
    return dashboard.calls.front().call.code + ": " + dashboard.calls.front().call.title;
  }
  return fmt::format("{} calls for proposals", dashboard.calls.size());
}

// The legend of a ranking: its thresholds, budget and funding line.
void write_legend(std::ostream& out, const core::Ranking& ranking)
{
  out << "<section class=\"ranking\" data-call=\"" << escape_html(ranking.call.code) << "\">\n<h3>"
      << escape_html(ranking.call.code) << "</h3>\n<p class=\"legend\">Thresholds:";
  for (const auto& criterion : ranking.criteria) {
    out << ' ' << escape_html(criterion.name) << ' ' << domain::format_points(criterion.threshold) << " (weight "
        << domain::format_weight(criterion.weight) << ");";
  }
  out << " overall " << domain::format_points(ranking.call.overall_threshold) << ". Budget: "
      << (ranking.budget ? domain::format_money_grouped(*ranking.budget) + " EUR" : std::string("none"))
      << ". Proposals of the closed cut-offs, at least " << ranking.min_experts
      << " experts a criterion. Dark bars are funded, hatched ones reserve, white ones below a threshold; "
         "the thick line is the funding line.</p>\n";
}

} // namespace

void DashboardPage::overview(const core::Dashboard& dashboard)
{
  auto& out = m_out;
  const auto& display = m_display;
  m_calls = dashboard.calls.size();
  m_cutoffs = dashboard.deadlines.rows.size();
  const auto title = calls_title(dashboard);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"cfp " CFP_VERSION "\">\n"
      << "<title>" << escape_html(title) << "</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n"
      << "<header>\n<h1 id=\"title\">" << escape_html(title) << "</h1>\n<p class=\"meta\">As of <time datetime=\""
      << domain::format_utc(dashboard.at) << "\">" << escape_html(domain::format_local(dashboard.at, *display.zone))
      << "</time>; made by cfp " CFP_VERSION ". Money in euros.</p>\n</header>\n";

  out << "<section id=\"calls\">\n<h2>Calls</h2>\n";
  write_table(out, "calls-table", core::call_report_fields(),
              {{"call", "Call"},
               {"title", "Title"},
               {"budget_eur", "Budget (EUR)", true},
               {"cutoffs_open", "Cut-offs open", true},
               {"cutoffs_closed", "Closed", true},
               {"drafts", "Drafts", true},
               {"submitted", "Submitted", true},
               {"withdrawn", "Withdrawn", true},
               {"eu_requested_eur", "EU requested (EUR)", true},
               {"budget_share", "Of budget %", true},
               {"next_cutoff", "Next cut-off"},
               {"time_left", "Time left", true}},
              dashboard.calls, display, [](const core::CallReportRow& r) { return r.call.code; });
  out << "</section>\n";

  out << "<section id=\"cutoffs\">\n<h2>Cut-offs</h2>\n"
      << "<p class=\"legend\">Each cut-off closes at 17:00:00 Brussels time. Bars and numbers: proposals "
         "submitted to it. Black marks: open; grey: closed; white: the call is not open yet.</p>\n"
      << timeline_chart(dashboard, *display.zone);
  write_table(out, "cutoffs-table", core::deadline_report_fields(),
              {{"call", "Call"},
               {"label", "Cut-off"},
               {"closes_local", "Closes"},
               {"status", "Status"},
               {"time_left", "Time left", true},
               {"submitted", "Submitted", true},
               {"drafts", "Drafts", true},
               {"withdrawn", "Withdrawn", true},
               {"eu_requested_eur", "EU requested (EUR)", true},
               {"budget_share", "Of budget %", true}},
              dashboard.deadlines.rows, display, [](const core::DeadlineReportRow& r) {
                return r.deadline.cutoff.call_code + " " + r.deadline.cutoff.label;
              });
  out << "</section>\n";

  out << "<section id=\"states\">\n<h2>EU contribution requested per state</h2>\n" << states_chart(dashboard.states);
  write_table(
      out, "states-table", core::state_report_fields(),
      {{"code", "State"},
       {"name", "Name"},
       {"hosted", "Hosted", true},
       {"partnered", "Partnered", true},
       {"drafts", "Drafts", true},
       {"eu_requested_eur", "EU requested (EUR)", true},
       {"national_committed_eur", "National (EUR)", true},
       {"selected", "Selected", true},
       {"eu_selected_eur", "EU selected (EUR)", true}},
      dashboard.states.rows, display, [](const core::StateReportRow& r) { return r.state.code; },
      dashboard.states.rows.empty() ? nullptr : &dashboard.states.total);
  out << "</section>\n";

  out << "<section id=\"rankings\">\n<h2>Rankings</h2>\n";
}

void DashboardPage::ranking(const core::RankedList& list)
{
  auto& out = m_out;
  const auto& ranking = list.ranking();
  const auto index = m_rankings++;
  write_legend(out, ranking);
  // First the chart's rows and where the funding line falls, then the table.
  std::vector<core::RankedProposal> first;
  std::int64_t funded = 0;
  list.for_each([&](const core::RankedProposal& ranked) {
    if (first.size() < k_ranking_chart_rows) {
      first.push_back(ranked);
    }
    funded += ranked.status == core::RankStatus::funded ? 1 : 0;
  });
  if (static_cast<std::size_t>(ranking.size()) > k_ranking_chart_rows) {
    out << "<p class=\"legend chart-cut\">The chart shows the first " << k_ranking_chart_rows << " of "
        << ranking.size() << " proposals"
        << (static_cast<std::size_t>(funded) > k_ranking_chart_rows
                ? fmt::format("; the funding line falls after rank {}, below it", funded)
                : std::string())
        << "; the table lists them all.</p>\n";
  }
  out << ranking_chart(ranking, first, funded, index);
  const auto rank = core::rank_fields(ranking.criteria);
  std::vector<HtmlColumn> columns{{"rank", "Rank", true}, {"acronym", "Acronym", false}, {"host", "Host", false}};
  for (const auto& criterion : ranking.criteria) {
    columns.push_back({criterion.key, criterion.name, true});
  }
  for (const auto& column : std::vector<HtmlColumn>{{"total", "Total", true},
                                                    {"weighted_total", "Weighted", true},
                                                    {"eu_contribution_eur", "EU contribution (EUR)", true},
                                                    {"cumulative_eur", "Cumulative (EUR)", true},
                                                    {"status", "Status", false},
                                                    {"reason", "Reason", false}}) {
    columns.push_back(column);
  }
  HtmlTable<core::RankedProposal> table(out, fmt::format("ranking-table-{}", index), rank.fields, std::move(columns),
                                        m_display, [](const core::RankedProposal& r) { return r.acronym; });
  list.for_each([&](const core::RankedProposal& ranked) { table.row(ranked); });
  table.end();
  out << "</section>\n";
}

void DashboardPage::proposals(
    const std::function<void(const std::function<void(const domain::Proposal&)>&)>& for_each)
{
  auto& out = m_out;
  if (m_rankings == 0) {
    out << "<p class=\"empty\">No scores yet: the rankings appear once experts have scored proposals.</p>\n";
  }
  out << "</section>\n";
  out << "<section id=\"proposals\">\n<h2>Proposals</h2>\n";
  HtmlTable<domain::Proposal, core::ProposalFileRecord> table(
      out, "proposals-table", core::proposal_fields(),
      {{"call", "Call"},
       {"acronym", "Acronym"},
       {"title", "Title"},
       {"host", "Host"},
       {"partners", "Partners"},
       {"entity", "Hosting entity"},
       {"plan", "Plan"},
       {"status", "Status"},
       {"cutoff", "Cut-off"},
       {"submitted_at", "Submitted"},
       {"eu_contribution_eur", "EU (EUR)", true},
       {"national_contribution_eur", "National (EUR)", true},
       {"sectors", "Sectors"},
       {"outcome", "Outcome"}},
      m_display, [](const domain::Proposal& p) { return p.call_code + " " + p.acronym; });
  for_each([&](const domain::Proposal& proposal) {
    table.row(proposal);
    ++m_proposals;
  });
  if (table.begun()) {
    table.end();
  } else {
    out << "<p class=\"empty\">No proposals yet.</p>\n";
  }
  out << "</section>\n</body>\n</html>\n";
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#include "dashboard_page.hpp"

#include "dashboard_charts.hpp"
#include "value_text.hpp"

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

// A column of an HTML table: the field it shows, its header, and whether it holds numbers.
struct HtmlColumn
{
  std::string field;
  std::string header;
  bool numeric = false;
};

// A table of `rows` showing `columns` of `fields` as people read them; each row's class and
// data-key attribute come from `key` (the acronym, the state code ...).
template<typename Row, typename Input, typename Key>
void write_table(std::ostream& out, const std::string& id, const core::Fields<Row, Input>& fields,
                 const std::vector<HtmlColumn>& columns, const std::vector<Row>& rows, const core::Display& display,
                 const Key& key, const Row* total = nullptr)
{
  out << "<div class=\"table-wrap\">\n<table id=\"" << id << "\">\n<thead><tr>";
  for (const auto& column : columns) {
    out << (column.numeric ? "<th class=\"num\">" : "<th>") << escape_html(column.header) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  // Each column's field found once, not once a cell: the proposals' table may have 100,000 rows.
  std::vector<const core::Field<Row, Input>*> shown;
  for (const auto& column : columns) {
    shown.push_back(&core::field_named(fields, column.field));
  }
  const auto write_row = [&](const Row& row, std::string_view css_class) {
    out << "<tr class=\"" << css_class << "\" data-key=\"" << escape_html(key(row)) << "\">";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      out << (columns[i].numeric ? "<td class=\"num\">" : "<td>")
          << escape_html(human_text(shown[i]->get(row, display), *display.zone)) << "</td>";
    }
    out << "</tr>\n";
  };
  for (const auto& row : rows) {
    write_row(row, "row");
  }
  if (total != nullptr) {
    write_row(*total, "total");
  }
  out << "</tbody>\n</table>\n</div>\n";
}

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

void write_rankings(std::ostream& out, const core::Dashboard& dashboard, const core::Display& display)
{
  out << "<section id=\"rankings\">\n<h2>Rankings</h2>\n";
  if (dashboard.rankings.empty()) {
    out << "<p class=\"empty\">No scores yet: the rankings appear once experts have scored proposals.</p>\n";
  }
  for (std::size_t i = 0; i < dashboard.rankings.size(); ++i) {
    const auto& ranking = dashboard.rankings[i];
    out << "<section class=\"ranking\" data-call=\"" << escape_html(ranking.call.code) << "\">\n<h3>"
        << escape_html(ranking.call.code) << "</h3>\n<p class=\"legend\">Thresholds:";
    for (const auto& criterion : ranking.criteria) {
      out << ' ' << escape_html(criterion.name) << ' ' << domain::format_points(criterion.threshold) << " (weight "
          << domain::format_weight(criterion.weight) << ");";
    }
    out << " overall " << domain::format_points(ranking.proposals.front().scores.overall_threshold) << ". Budget: "
        << (ranking.budget ? domain::format_money_grouped(*ranking.budget) + " EUR" : std::string("none"))
        << ". Proposals of the closed cut-offs, at least " << ranking.min_experts
        << " experts a criterion. Dark bars are funded, hatched ones reserve, white ones below a threshold; "
           "the thick line is the funding line.</p>\n";
    if (ranking.proposals.size() > k_ranking_chart_rows) {
      const auto funded =
          std::count_if(ranking.proposals.begin(), ranking.proposals.end(),
                        [](const core::RankedProposal& r) { return r.status == core::RankStatus::funded; });
      out << "<p class=\"legend chart-cut\">The chart shows the first " << k_ranking_chart_rows << " of "
          << ranking.proposals.size() << " proposals"
          << (static_cast<std::size_t>(funded) > k_ranking_chart_rows
                  ? fmt::format("; the funding line falls after rank {}, below it", funded)
                  : std::string())
          << "; the table lists them all.</p>\n";
    }
    out << ranking_chart(ranking, i);
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
    write_table(out, fmt::format("ranking-table-{}", i), rank.fields, columns, ranking.proposals, display,
                [](const core::RankedProposal& r) { return r.scores.proposal.acronym; });
    out << "</section>\n";
  }
  out << "</section>\n";
}

} // namespace

void write_dashboard(std::ostream& out, const core::Dashboard& dashboard, const core::Display& display)
{
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

  write_rankings(out, dashboard, display);

  out << "<section id=\"proposals\">\n<h2>Proposals</h2>\n";
  if (dashboard.proposals.empty()) {
    out << "<p class=\"empty\">No proposals yet.</p>\n";
  } else {
    write_table(out, "proposals-table", core::proposal_fields(),
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
                dashboard.proposals, display, [](const domain::Proposal& p) { return p.call_code + " " + p.acronym; });
  }
  out << "</section>\n</body>\n</html>\n";
}

} // namespace cfp::cli

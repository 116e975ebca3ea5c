// SPDX-License-Identifier: EUPL-1.2
#include "dashboard_charts.hpp"

#include <cfp/domain/score.hpp>
#include <cfp/util/html.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace cfp::cli {

namespace {

using util::escape_html;

constexpr double k_width = 960;

// A step of 1, 2 or 5 times a power of ten that cuts [0, top] into at most `most` parts.
double tick_step(double top, int most)
{
  if (top <= 0) {
    return 1;
  }
  const double raw = top / most;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * power >= raw) {
      return factor * power;
    }
  }
  return 10 * power;
}

std::string millions(domain::Cents cents)
{
  return fmt::format("{:.1f}", static_cast<double>(cents) / 1e8);
}

std::string svg_open(double height, const std::string& id, const std::string& label)
{
  return fmt::format(R"(<svg id="{}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {:.0f}" )"
                     R"(width="{}" height="{:.0f}" role="img" aria-label="{}">)"
                     "\n",
                     id, k_width, height, k_width, height, escape_html(label));
}

} // namespace

std::string timeline_chart(const core::Dashboard& dashboard, const date::time_zone& zone)
{
  const auto& rows = dashboard.deadlines.rows;
  if (rows.empty()) {
    return "<p class=\"empty\">No cut-offs yet.</p>\n";
  }
  constexpr double left = 230;
  constexpr double right = 40;
  constexpr double top = 30;
  constexpr double lane = 110;
  const double plot = k_width - left - right;
  std::map<std::string, std::size_t> lanes;
  for (const auto& call : dashboard.calls) {
    lanes.emplace(call.call.code, lanes.size());
  }
  const auto first = std::min(rows.front().deadline.cutoff.closes_at, dashboard.at) - date::days{20};
  const auto last = std::max(rows.back().deadline.cutoff.closes_at, dashboard.at) + date::days{20};
  const auto span = static_cast<double>((last - first).count());
  const auto x = [&](domain::Instant t) { return left + plot * static_cast<double>((t - first).count()) / span; };
  const double axis = top + lane * static_cast<double>(lanes.size());
  const double height = axis + 50;
  std::int64_t most = 1;
  for (const auto& row : rows) {
    most = std::max(most, row.submitted);
  }

  std::string svg = svg_open(height, "timeline", "Cut-offs and the proposals submitted to each");
  // The lanes, named by call.
  for (const auto& [code, index] : lanes) {
    const double base = top + lane * static_cast<double>(index) + lane - 42;
    svg += fmt::format(R"(<text class="lane-label" x="{}" y="{:.1f}" text-anchor="end">{}</text>)"
                       R"(<line class="lane" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>)"
                       "\n",
                       left - 12, base + 4, escape_html(code), left, base, k_width - right, base);
  }
  // The time axis: the first of every month (or of every few months on a long span).
  svg += fmt::format(R"(<line class="axis" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>)"
                     "\n",
                     left, axis, k_width - right, axis);
  const auto first_day = date::year_month_day{date::floor<date::days>(first)};
  auto month = first_day.year() / first_day.month() + date::months{1};
  const auto last_day = date::year_month_day{date::floor<date::days>(last)};
  const auto months = (last_day.year() / last_day.month() - month).count() + 1;
  const auto every = date::months{std::max<std::int64_t>(1, (months + 11) / 12)};
  for (; month <= last_day.year() / last_day.month(); month += every) {
    const double at = x(date::sys_days{month / 1});
    svg += fmt::format(R"(<line class="tick" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                       R"(<text class="tick-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)"
                       "\n",
                       at, axis, at, axis + 5, at, axis + 18,
                       fmt::format("{}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month())));
  }
  svg += fmt::format(R"(<text class="axis-title" x="{:.1f}" y="{:.1f}" text-anchor="middle">)"
                     R"(Closing date (cut-offs at their Brussels wall time; times shown in {}))"
                     "</text>\n",
                     left + plot / 2, axis + 40, escape_html(zone.name()));
  // Each cut-off: a bar as tall as its share of the most proposals any cut-off has, its count,
  // a mark by status, and its label (alternately above and below, so that close ones stay apart).
  std::map<std::string, int> placed;
  for (const auto& row : rows) {
    const auto& cutoff = row.deadline.cutoff;
    const auto found = lanes.find(cutoff.call_code);
    if (found == lanes.end()) {
      continue;
    }
    const double base = top + lane * static_cast<double>(found->second) + lane - 42;
    const double at = x(cutoff.closes_at);
    const double bar = 56.0 * static_cast<double>(row.submitted) / static_cast<double>(most);
    const bool below = placed[cutoff.call_code]++ % 2 == 1;
    svg += fmt::format(R"(<g class="cutoff" data-call="{}" data-label="{}" data-status="{}" data-submitted="{}">)"
                       R"(<rect class="submitted-bar" x="{:.1f}" y="{:.1f}" width="10" height="{:.1f}"/>)"
                       R"(<text class="count" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)"
                       R"(<circle class="mark {}" cx="{:.1f}" cy="{:.1f}" r="5"/>)"
                       R"(<text class="cutoff-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)"
                       R"(<title>{} {}: closes {}; {} submitted</title></g>)"
                       "\n",
                       escape_html(cutoff.call_code), escape_html(cutoff.label), to_string(row.status), row.submitted,
                       at - 5, base - bar, bar, at, base - bar - 4, row.submitted, to_string(row.status), at, base, at,
                       below ? base + 29 : base + 16, escape_html(cutoff.label), escape_html(cutoff.call_code),
                       escape_html(cutoff.label), escape_html(domain::format_local(cutoff.closes_at, zone)),
                       row.submitted);
  }
  const double now = x(dashboard.at);
  svg += fmt::format(R"(<line class="now" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{:.1f}"/>)"
                     R"(<text class="now-label" x="{:.1f}" y="{}" text-anchor="middle">report time</text>)"
                     "\n</svg>\n",
                     now, top - 8, now, axis, now, top - 12);
  return svg;
}

std::string states_chart(const core::StateReport& states)
{
  std::vector<const core::StateReportRow*> rows;
  for (const auto& row : states.rows) {
    if (row.eu_requested > 0) {
      rows.push_back(&row);
    }
  }
  if (rows.empty()) {
    return "<p class=\"empty\">No EU contribution requested yet.</p>\n";
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return a->eu_requested > b->eu_requested; });
  constexpr double left = 220;
  constexpr double right = 110;
  constexpr double top = 10;
  constexpr double bar = 18;
  constexpr double gap = 6;
  const double plot = k_width - left - right;
  const double axis = top + (bar + gap) * static_cast<double>(rows.size());
  const double most = static_cast<double>(rows.front()->eu_requested) / 1e8;
  const double step = tick_step(most, 6);
  const double scale_top = std::ceil(most / step) * step;
  const auto x = [&](double value) { return left + plot * value / scale_top; };

  std::string svg = svg_open(axis + 50, "states-chart", "EU contribution requested per hosting state");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = *rows[i];
    const double y = top + (bar + gap) * static_cast<double>(i);
    const double value = static_cast<double>(row.eu_requested) / 1e8;
    svg += fmt::format(R"(<g class="bar" data-state="{}" data-eur="{}">)"
                       R"(<text class="bar-label" x="{}" y="{:.1f}" text-anchor="end">{} {}</text>)"
                       R"(<rect x="{}" y="{:.1f}" width="{:.1f}" height="{}"/>)"
                       R"(<text class="bar-value" x="{:.1f}" y="{:.1f}">{} M</text></g>)"
                       "\n",
                       escape_html(row.state.code), domain::format_money_plain(row.eu_requested), left - 8, y + 13,
                       escape_html(row.state.code), escape_html(row.state.name), left, y,
                       std::max(1.0, x(value) - left), bar, x(value) + 6, y + 13, millions(row.eu_requested));
  }
  svg += fmt::format(R"(<line class="axis" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>)"
                     R"(<line class="axis" x1="{}" y1="{}" x2="{}" y2="{:.1f}"/>)"
                     "\n",
                     left, axis, k_width - right, axis, left, top, left, axis);
  for (double tick = 0; tick <= scale_top + step / 2; tick += step) {
    svg += fmt::format(R"(<line class="tick" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                       R"(<text class="tick-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{:g}</text>)"
                       "\n",
                       x(tick), axis, x(tick), axis + 5, x(tick), axis + 18, tick);
  }
  svg += fmt::format(R"(<text class="axis-title" x="{:.1f}" y="{:.1f}" text-anchor="middle">)"
                     "EU contribution requested by the hosting state (million EUR)</text>\n</svg>\n",
                     left + plot / 2, axis + 40);
  return svg;
}

std::string ranking_chart(const core::Ranking& ranking, const std::vector<core::RankedProposal>& first,
                          std::int64_t funded, std::size_t index)
{
  if (first.empty()) {
    return "<p class=\"empty\">No proposal to rank yet.</p>\n";
  }
  constexpr double left = 200;
  constexpr double right = 250;
  constexpr double top = 24;
  constexpr double bar = 18;
  constexpr double gap = 8;
  const double plot = k_width - left - right;
  const double most = static_cast<double>(ranking.criteria.size()) * 5.0;
  const auto x = [&](double points) { return left + plot * points / std::max(most, 1.0); };
  const auto threshold = ranking.call.overall_threshold;
  const std::size_t shown = std::min(first.size(), k_ranking_chart_rows);
  // The funded proposals are the first ones.
  const auto last_funded = funded > 0 ? std::optional(static_cast<std::size_t>(funded - 1)) : std::nullopt;
  // The funding line under the last funded proposal, when the chart shows it, in a gap of its own
  // that holds its label.
  const bool line = last_funded && *last_funded < shown;
  constexpr double line_gap = 20;
  const auto row_y = [&](std::size_t i) {
    return top + (bar + gap) * static_cast<double>(i) + (line && i > *last_funded ? line_gap : 0.0);
  };
  const double rows_end = row_y(shown - 1) + bar + gap;
  const auto hatch = fmt::format("hatch-{}", index);

  std::string svg = svg_open(rows_end + 50, fmt::format("ranking-chart-{}", index),
                             "Ranking of " + ranking.call.code + " with its thresholds and funding line");
  svg += fmt::format(R"(<defs><pattern id="{}" patternUnits="userSpaceOnUse" width="6" height="6" )"
                     R"x(patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>)x"
                     R"(<line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="2.5"/></pattern></defs>)"
                     "\n",
                     hatch);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& ranked = first[i];
    const double y = row_y(i);
    const auto status = std::string(to_string(ranked.status));
    const double points = ranked.totals.total ? static_cast<double>(*ranked.totals.total) / 2.0 : 0.0;
    const std::string rank = ranked.rank ? fmt::format("#{}", *ranked.rank) : "–";
    const std::string value =
        ranked.totals.total ? fmt::format("{} · {}", domain::format_points(*ranked.totals.total), status) : status;
    svg += fmt::format(R"(<g class="ranked {}" data-acronym="{}" data-status="{}" data-rank="{}">)"
                       R"(<text class="bar-label" x="{}" y="{:.1f}" text-anchor="end">{} {}</text>)",
                       status, escape_html(ranked.acronym), status, ranked.rank.value_or(0), left - 8, y + 13, rank,
                       escape_html(ranked.acronym));
    if (ranked.totals.total) {
      svg += fmt::format(R"(<rect x="{}" y="{:.1f}" width="{:.1f}" height="{}"{}/>)", left, y,
                         std::max(1.0, x(points) - left), bar,
                         ranked.status == core::RankStatus::reserve ? fmt::format(R"x( fill="url(#{})")x", hatch) : "");
    }
    svg += fmt::format(R"(<text class="bar-value" x="{:.1f}" y="{:.1f}">{}</text></g>)"
                       "\n",
                       x(points) + 6, y + 13, escape_html(value));
  }
  // The axis of points, the overall threshold across the bars, the funding line under the last
  // funded proposal.
  svg += fmt::format(R"(<line class="axis" x1="{}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                     "\n",
                     left, rows_end, x(most), rows_end);
  for (int tick = 0; tick <= static_cast<int>(most); tick += most > 20 ? 5 : 1) {
    svg += fmt::format(R"(<text class="tick-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)"
                       "\n",
                       x(tick), rows_end + 16, tick);
  }
  svg += fmt::format(R"(<text class="axis-title" x="{:.1f}" y="{:.1f}" text-anchor="middle">)"
                     "Total score (points; each criterion 0 to 5)</text>\n",
                     left + plot / 2, rows_end + 40);
  const double at = x(static_cast<double>(threshold) / 2.0);
  svg += fmt::format(
      R"(<line class="threshold" data-points="{}" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{:.1f}"/>)"
      R"(<text class="threshold-label" x="{:.1f}" y="{}" text-anchor="middle">overall threshold {}</text>)"
      "\n",
      domain::format_points(threshold), at, top - 6, at, rows_end, at, top - 10, domain::format_points(threshold));
  if (line) {
    const double y = row_y(*last_funded) + bar + gap / 2 + 2;
    svg +=
        fmt::format(R"(<line class="funding-line" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>)"
                    R"(<text class="funding-label" x="{}" y="{:.1f}" text-anchor="end">funding line: budget {}</text>)"
                    "\n",
                    20, y, k_width - 10, y, k_width - 10, y + 14,
                    ranking.budget ? domain::format_money_grouped(*ranking.budget) + " EUR" : std::string("none"));
  }
  svg += "</svg>\n";
  return svg;
}

} // namespace cfp::cli

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The HTML dashboard (`cfp report html`): one self-contained page, with no script, font,
// style sheet or image from anywhere else, that reads well on a screen and on paper.

#include <cfp/core/dashboard.hpp>
#include <cfp/core/field.hpp>

#include <cstdint>
#include <ostream>

namespace cfp::cli {

/// Writes the dashboard as an HTML document while it is read (core::write_dashboard): the calls,
/// the cut-offs on a timeline, the EU contribution requested by state, each ranking with its
/// thresholds and funding line, and every proposal; wall times in `display`'s zone, every value
/// escaped. A ranking's rows are read twice (first for its chart and funding line, then for its
/// table) and a proposal once: the page holds none of them.
class DashboardPage final : public core::DashboardWriter
{
public:
  DashboardPage(std::ostream& out, const core::Display& display) : m_out(out), m_display(display) {}

  void overview(const core::Dashboard& dashboard) override;
  void ranking(const core::RankedList& ranking) override;
  void proposals(const std::function<void(const std::function<void(const domain::Proposal&)>&)>& for_each) override;

  /// What the page shows, once written.
  std::size_t calls() const { return m_calls; }
  std::size_t cutoffs() const { return m_cutoffs; }
  std::size_t rankings() const { return m_rankings; }
  std::int64_t proposal_count() const { return m_proposals; }

private:
  std::ostream& m_out;
  core::Display m_display;
  std::size_t m_calls = 0;
  std::size_t m_cutoffs = 0;
  std::size_t m_rankings = 0;
  std::int64_t m_proposals = 0;
};

} // namespace cfp::cli

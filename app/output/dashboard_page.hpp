// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The HTML dashboard (`cfp report html`): one self-contained page, with no script, font,
// style sheet or image from anywhere else, that reads well on a screen and on paper.

#include <cfp/core/dashboard.hpp>
#include <cfp/core/field.hpp>

#include <ostream>

namespace cfp::cli {

/// Writes `dashboard` as an HTML document: the calls, the cut-offs on a timeline, the EU
/// contribution requested by state, each ranking with its thresholds and funding line, and every
/// proposal; wall times in `display`'s zone, every value escaped.
void write_dashboard(std::ostream& out, const core::Dashboard& dashboard, const core::Display& display);

} // namespace cfp::cli

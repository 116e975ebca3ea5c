// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of the reports' records, described once (see record_fields.hpp).

#include <cfp/core/field.hpp>
#include <cfp/core/reports.hpp>

namespace cfp::core {

/// A row of the deadline report: call label closes_local closes_at status time_left
/// seconds_left submitted drafts withdrawn eu_requested_eur budget_share.
const Fields<DeadlineReportRow>& deadline_report_fields();

} // namespace cfp::core

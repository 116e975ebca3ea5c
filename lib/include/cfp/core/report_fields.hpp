// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of the reports' records, described once (see record_fields.hpp).

#include <cfp/core/field.hpp>
#include <cfp/core/reports.hpp>

namespace cfp::core {

/// A row of the deadline report: call label closes_local closes_at status time_left
/// seconds_left submitted drafts withdrawn eu_requested_eur budget_share.
const Fields<DeadlineReportRow>& deadline_report_fields();

/// A row of the state report: code name hosted partnered drafts eu_requested_eur
/// national_committed_eur selected eu_selected_eur.
const Fields<StateReportRow>& state_report_fields();

/// A row of the call report: call title budget_eur cutoffs cutoffs_open cutoffs_closed drafts
/// submitted withdrawn eu_requested_eur budget_share next_cutoff next_closes_local
/// next_closes_at time_left seconds_left (the next cut-off's fields null when none is left).
const Fields<CallReportRow>& call_report_fields();

} // namespace cfp::core

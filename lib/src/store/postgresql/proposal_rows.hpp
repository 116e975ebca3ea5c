// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A proposal's current version as the SQL of the proposal repository selects it: the columns
// (a macro, pasted into each statement's fixed text) and how a row of them is read. The same
// columns in the same order as on SQLite; lists are aggregated in the order SQLite's primary
// keys give them (by code), so that every output is the same on both. A file that includes this
// undefines CFP_PG_PROPOSAL_COLUMNS and CFP_PG_PROPOSAL_SELECT at its end.

#include "connection.hpp"
#include "values.hpp"

#include <cfp/domain/proposal.hpp>

#include <string_view>
#include <vector>

namespace cfp::store::postgresql {

/// Reads the columns of CFP_PG_PROPOSAL_SELECT in row `row`.
domain::Proposal read_proposal(const Result& rows, int row);

/// The parts of a string_agg() list ("PT,RO" -> {"PT", "RO"}); NULL or empty text gives none.
std::vector<std::string> split_list(std::string_view text);

/// The outcome in an outcome column, if any.
std::optional<domain::Outcome> outcome_at(const Result& rows, int row, int column);
/// The status in a status column.
domain::ProposalStatus status_at(const Result& rows, int row, int column);

} // namespace cfp::store::postgresql

#define CFP_PG_PARTNERS                                                                                                \
  "(SELECT string_agg(state_code, ',' ORDER BY state_code) FROM proposal_partner WHERE proposal_id = p.id)"

// The columns of a proposal's current version, in the order read_proposal reads them; `p` is
// the proposal, `c` its call, `k` its cut-off (none for a draft).
#define CFP_PG_PROPOSAL_COLUMNS                                                                                        \
  "SELECT p.id, c.code, p.acronym, p.title, p.host, " CFP_PG_PARTNERS ","                                              \
  " p.entity, p.plan, p.experimental_platform, p.eu_contribution_cents, p.national_contribution_cents,"                \
  " (SELECT string_agg(sector, ',' ORDER BY sector) FROM proposal_sector WHERE proposal_id = p.id),"                   \
  " p.status, p.cutoff_id, k.label, " CFP_PG_EPOCH("k.closes_at") ", " CFP_PG_EPOCH(                                   \
      "p.submitted_at") ","                                                                                            \
                        " p.withdrawal_reason, p.version, p.outcome"
#define CFP_PG_PROPOSAL_SELECT                                                                                         \
  CFP_PG_PROPOSAL_COLUMNS " FROM proposal p JOIN call c ON c.id = p.call_id LEFT JOIN cutoff k ON k.id = p.cutoff_id"

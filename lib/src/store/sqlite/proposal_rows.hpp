// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A proposal's current version as the SQL of the proposal repository selects it: the columns
// (a macro, pasted into each statement's static text, since the statement cache knows a
// statement by the address of its text) and how a row of them is read. A file that includes
// this undefines CFP_PROPOSAL_COLUMNS and CFP_PROPOSAL_SELECT at its end.

#include <cfp/domain/proposal.hpp>

#include <SQLiteCpp/Statement.h>

#include <optional>

namespace cfp::store::sqlite {

/// Reads the columns of CFP_PROPOSAL_SELECT.
domain::Proposal read_proposal(const SQLite::Statement& statement);

/// The next row of `statement`, or nullopt at the end.
std::optional<domain::Proposal> next_proposal(SQLite::Statement& statement);

} // namespace cfp::store::sqlite

// The columns of a proposal's current version, in the order read_proposal reads them; `p` is
// the proposal, `c` its call, `k` its cut-off (none for a draft). CFP_PROPOSAL_SELECT adds the
// joins that name them.
#define CFP_PROPOSAL_COLUMNS                                                                                           \
  "SELECT p.id, c.code, p.acronym, p.title, p.host,"                                                                   \
  " (SELECT group_concat(state_code, ',') FROM proposal_partner WHERE proposal_id = p.id),"                            \
  " p.entity, p.plan, p.experimental_platform, p.eu_contribution_cents, p.national_contribution_cents,"                \
  " (SELECT group_concat(sector, ',') FROM proposal_sector WHERE proposal_id = p.id),"                                 \
  " p.status, p.cutoff_id, k.label, k.closes_at, p.submitted_at, p.withdrawal_reason, p.version, p.outcome"
#define CFP_PROPOSAL_SELECT                                                                                            \
  CFP_PROPOSAL_COLUMNS " FROM proposal p JOIN call c ON c.id = p.call_id LEFT JOIN cutoff k ON k.id = p.cutoff_id"

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of each record cfp prints, exports or imports, described once: JSON, NDJSON and
// CSV output, table columns, `export proposals` and the column mapping of `import proposals`
// all go by these tables. What the store keeps for history is not among them: it has its own
// versioned form (store/snapshot.hpp).

#include <cfp/core/calls.hpp>
#include <cfp/core/field.hpp>
#include <cfp/core/proposal_file.hpp>
#include <cfp/domain/audit.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/domain/state.hpp>

#include <string_view>
#include <vector>

namespace cfp::core {

/// A proposal: id call acronym title host partners entity plan experimental_platform
/// eu_contribution_eur national_contribution_eur sectors status cutoff cutoff_closes_at
/// submitted_at version withdrawal_reason outcome. The fields that can be read from a file know how.
const Fields<domain::Proposal, ProposalFileRecord>& proposal_fields();

/// The fields of a proposal file (`import proposals`, `export proposals`), in order: the
/// proposal fields that can be read from a file.
const Fields<domain::Proposal, ProposalFileRecord>& proposal_file_fields();

/// A proposal version (`proposal history`): recorded_at recorded_by recorded_real_at simulated,
/// then the proposal fields but the outcome, which no version has.
const Fields<domain::ProposalVersion>& version_fields();

/// A call: code title opens_at budget_eur.
const Fields<domain::Call>& call_fields();

/// A call's document rules: required_parts document_limit_bytes. Apart from call_fields, so
/// that `call list`, `call add` and `export calls` print a call as they always did: `call show`
/// and the corrections print them, `export calls` only when they are not the defaults.
const Fields<domain::Call>& call_document_fields();

/// A cut-off as `export calls` writes it: label closes_at legal_wall_time legal_zone.
const Fields<domain::Cutoff>& cutoff_fields();

/// A cut-off with its state at "now": call label closes_at closes_local open legal_wall_time
/// legal_zone (`deadline add`, `deadline list`, `call show`).
const Fields<DeadlineStatus>& deadline_fields();

/// A participating state: code name eu participating_since.
const Fields<domain::State>& state_fields();

/// An audit entry: at actor command entity action before after real_at simulated.
const Fields<domain::AuditEntry>& audit_fields();

} // namespace cfp::core

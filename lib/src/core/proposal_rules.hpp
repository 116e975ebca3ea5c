// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The rules shared by the proposal commands and the batch import: reading typed values into a
// proposal's fields and deciding the cut-off of a submission. Private to core.

#include "reference_data.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/audit.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/error.hpp>
#include <cfp/store/transaction.hpp>
#include <cfp/util/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core::detail {

/// Applies the values given in `input` onto `fields` and checks the result; returns each broken
/// rule with its column name (title, host, partners, ...). `fields` is canonical afterwards.
std::vector<domain::FieldError> apply_input(const ReferenceData& reference, domain::ProposalFields& fields,
                                            const ProposalInput& input);

/// The cut-off a submission of `fields` to `call` at `at` belongs to, or why there is none
/// (the call has not opened, no cut-off is open, a state does not take part yet).
util::Result<domain::Cutoff> submission_cutoff(const ReferenceData& reference, const CallInfo& call,
                                               const domain::ProposalFields& fields, domain::Instant at);

/// One problem of a request, under the name the request gave the field, and the kind of error
/// it would be alone.
struct Problem
{
  std::string field;
  std::string message;
  ErrorKind kind = ErrorKind::invalid_input;
};

/// Throws one error listing every problem; alone, a problem keeps its own kind (a call not
/// found, an acronym taken), together they are invalid input.
void throw_problems(const std::vector<Problem>& problems, std::string_view what);

/// Applies `input` onto `fields`, adding every broken rule to `problems`, named as `input`
/// labels them. With `unsubmittable`, fields that leave out the EU contribution (which a
/// submission needs) break a rule too, with that message (unless the amount given was wrong).
domain::ProposalFields applied_fields(const ReferenceData& reference, domain::ProposalFields fields,
                                      const ProposalInput& input, std::vector<Problem>& problems,
                                      const std::optional<std::string>& unsubmittable = std::nullopt);

/// The same, throwing every problem as one error for `what` (throw_problems).
domain::ProposalFields checked_fields(const ReferenceData& reference, domain::ProposalFields fields,
                                      const ProposalInput& input, std::string_view what,
                                      const std::optional<std::string>& unsubmittable = std::nullopt);

/// "proposal CALL/ACRONYM": how the audit log names a proposal.
std::string entity_of(const domain::Proposal& proposal);
/// The audit subject of a proposal.
domain::AuditSubject subject_of(const domain::Proposal& proposal);

/// Refuses (ErrorKind::refused) any change, `what`, to a proposal whose cut-off has passed.
void require_open(const domain::Proposal& proposal, domain::Instant now, std::string_view what);

/// The kinds of part `call` requires that `documents` lack, in k_part_kinds order.
std::vector<std::string> missing_parts(const domain::Call& call, const std::vector<domain::Document>& documents);

/// Why `proposal` cannot be submitted for lack of `missing` parts, and what to do.
std::string missing_parts_message(const domain::Proposal& proposal, const std::vector<std::string>& missing);

/// The snapshot of a proposal for the audit log: the store's snapshot, with a `documents` list
/// (part, file name, size, media type, SHA-256) when the version has documents.
std::string audit_snapshot(const domain::Proposal& proposal);

/// Submits `proposal` now: assigns the cut-off a submission now belongs to, or refuses
/// (ErrorKind::refused) when none is open or a part its call requires is missing from
/// `proposal.documents`.
/// With `resubmitted` (the version of a submitted proposal that `proposal` follows), only a
/// required part that version had counts as missing: a call that came to require a part after
/// the proposal was submitted does not lock it, while a change cannot take a required part away.
void submit_now(ReferenceData& reference, domain::Proposal& proposal, domain::Instant now,
                const domain::Proposal* resubmitted = nullptr);

/// A warning for each required part a submitted proposal still lacks (call's rules added after
/// it was submitted); empty when it lacks none.
std::vector<std::string> missing_part_warnings(ReferenceData& reference, const domain::Proposal& proposal);

/// Stores `after` as the next version of `before` and records `action` in the audit log.
void save_version(const Session& session, store::Transaction& tx, const domain::Proposal& before,
                  domain::Proposal& after, const std::string& action);

} // namespace cfp::core::detail

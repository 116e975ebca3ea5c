// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The rules shared by the proposal commands and the batch import: reading typed values into a
// proposal's fields and deciding the cut-off of a submission. Private to core.

#include "reference_data.hpp"

#include <cfp/core/proposals.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/util/result.hpp>

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

} // namespace cfp::core::detail

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The fields of the records of evaluation, described once (see record_fields.hpp).

#include <cfp/core/experts.hpp>
#include <cfp/core/field.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/expert.hpp>

namespace cfp::core {

/// A criterion: call key name weight threshold position; weight and threshold are exact
/// decimals ("1.5", "3.0").
const Fields<domain::Criterion>& criterion_fields();

/// An expert: name state organisation email.
const Fields<domain::Expert>& expert_fields();

/// A conflict of interest: expert expert_state call acronym cause detail.
const Fields<ConflictListing>& conflict_fields();

/// A declared conflict as `expert show` lists it: call acronym reason declared_at.
const Fields<store::DeclaredConflict>& declared_conflict_fields();

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the corrections of calls, cut-offs and drafts share: naming what blocks a change, and
// the rule that nothing a proposal was submitted to may change. Private to core.

#include <cfp/domain/call.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core::detail {

/// At most ten of `names`, then "and N more": "A, B and 3 more".
std::string some_of(const std::vector<std::string>& names, std::size_t shown = 10);

/// Each proposal among `submissions` once, as CALL/ACRONYM, with "(version N)" when only an
/// earlier version of it is among them, in the order given.
std::vector<std::string> proposal_names(const std::string& call_code,
                                        const std::vector<store::Submission>& submissions);

/// Refuses (saying `what` could not be done) when a submission of any version, current or
/// earlier, belongs to `cutoff`, or when proposals were evaluated at it.
void require_nothing_bound(const store::Transaction& tx, const domain::Call& call, const domain::Cutoff& cutoff,
                           std::string_view what);

} // namespace cfp::core::detail

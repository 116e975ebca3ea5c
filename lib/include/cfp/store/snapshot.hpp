// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/call.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/evaluation.hpp>
#include <cfp/domain/expert.hpp>
#include <cfp/domain/proposal.hpp>

#include <string>
#include <string_view>

namespace cfp::store {

/// The format of the snapshots this binary writes. A snapshot is what the store keeps of a
/// record for its history and the audit log: JSON, versioned on its own, so that a change of
/// any output format never changes stored data. Every format ever written stays readable.
inline constexpr int k_snapshot_format = 1;

/// A proposal, call or cut-off in the current snapshot format. Money is a string of euros with
/// two decimals ("485000000.00"); instants are UTC ("2025-02-01T16:00:00Z"). A call has
/// `required_parts` and `document_limit_bytes` only when they are not the defaults.
std::string snapshot(const domain::Proposal& proposal);
std::string snapshot(const domain::Call& call);
std::string snapshot(const domain::Cutoff& cutoff);

/// A criterion (weight and threshold as exact decimals: "1.5", "3.0") or an expert.
std::string snapshot(const domain::Criterion& criterion);
std::string snapshot(const domain::Expert& expert);

/// An expert's evaluation: expert, scores by criterion key (points as "4.5"), comment.
std::string snapshot(const domain::Evaluation& evaluation);

/// Reads a proposal snapshot written in `format`. Throws cfp::Error (storage) when it is
/// malformed or of a format this binary does not know.
domain::Proposal proposal_from_snapshot(std::string_view text, int format);

/// Reads an evaluation snapshot (expert, scores, comment, version). Throws cfp::Error
/// (storage) when it is not one.
domain::Evaluation evaluation_from_snapshot(std::string_view text);

} // namespace cfp::store

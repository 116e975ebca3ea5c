// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/criterion.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/money.hpp>
#include <cfp/domain/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// A call for proposals, such as EUROHPC-2024-CEI-AI-01.
struct Call
{
  std::int64_t id = 0;
  std::string code;
  std::string title;
  std::optional<Instant> opens_at;
  std::optional<Cents> budget;
  /// What the sum of a proposal's consensus scores must reach to pass, in half points.
  HalfPoints overall_threshold = k_standard_overall_threshold;
  /// The kinds of document a submission must have (domain::k_part_kinds order); empty: none.
  std::vector<std::string> required_parts;
  /// How large one document of a proposal may be, in bytes.
  std::int64_t document_limit = k_default_document_limit;
};

/// One cut-off of a call: proposals submitted at or before `closes_at` are evaluated together.
struct Cutoff
{
  std::int64_t id = 0;
  std::string call_code;
  std::string label;
  Instant closes_at;
  date::local_seconds wall_time; ///< the legal definition: wall time in `zone`
  std::string zone;
};

/// Empty when `code` is a valid call code (1-64 letters, digits, '-', '_', '.'), else why not.
std::optional<std::string> check_call_code(std::string_view code);

/// Empty when `label` is a valid cut-off label (1-64 printable characters), else why not.
std::optional<std::string> check_cutoff_label(std::string_view label);

/// A submission at `at` is on time for `cutoff` when it is at or before the cut-off instant.
bool is_on_time(Instant at, const Cutoff& cutoff);

/// The earliest cut-off among `cutoffs` that a submission at `at` is on time for.
std::optional<Cutoff> cutoff_for_submission(Instant at, const std::vector<Cutoff>& cutoffs);

/// The latest cut-off among `cutoffs`.
std::optional<Cutoff> last_cutoff(const std::vector<Cutoff>& cutoffs);

} // namespace cfp::domain

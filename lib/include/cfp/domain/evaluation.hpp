// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/score.hpp>
#include <cfp/domain/time.hpp>
#include <cfp/util/result.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// One expert's scores of one proposal at one cut-off: a score a criterion of the call, by
/// criterion key in the criteria's order.
struct Evaluation
{
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  std::int64_t cutoff_id = 0;
  std::int64_t expert_id = 0;
  std::string expert; ///< the expert's name
  std::vector<std::pair<std::string, HalfPoints>> scores;
  std::optional<std::string> comment;
  int version = 1;
  Instant recorded_at;
  std::string recorded_by;
};

/// The agreed score of one criterion of one proposal at one cut-off.
struct ConsensusScore
{
  std::string key; ///< criterion key
  HalfPoints score = 0;
  std::optional<std::string> comment;
  Instant recorded_at;
  std::string recorded_by;
};

/// The median of `scores` (not empty): the middle one, or with an even count the mean of the
/// two middle ones rounded down to a half point.
HalfPoints median(std::vector<HalfPoints> scores);

/// Whether scores this far apart (max - min) call for a discussion: 2 points or more.
inline constexpr HalfPoints k_wide_spread = 4;

/// "excellence=4.5" split into its key and its value, or why it cannot be.
struct Assignment
{
  std::string key;
  std::string value;
};
util::Result<Assignment> parse_assignment(std::string_view text);

} // namespace cfp::domain

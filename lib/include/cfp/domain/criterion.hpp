// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/score.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// One criterion a call's proposals are scored on, 0 to 5 in half points.
struct Criterion
{
  std::int64_t id = 0;
  std::string call_code;
  std::string key;  ///< "excellence": lower-case letters, digits and '_', from a letter
  std::string name; ///< "Excellence"
  Weight weight = 1000;
  HalfPoints threshold = 6; ///< the consensus score a proposal must reach on it
  int position = 1;         ///< its place in lists and in the tie-breaks of ranking, from 1

  bool operator==(const Criterion&) const = default;
};

/// The criteria every new call gets: excellence, impact and implementation, weight 1,
/// threshold 3 each.
std::vector<Criterion> standard_criteria();

/// The overall threshold of a new call: 10 points, the sum of the unweighted scores.
inline constexpr HalfPoints k_standard_overall_threshold = 20;

/// The most criteria a call may have, and so the highest overall threshold.
inline constexpr int k_max_criteria = 20;

/// Empty when `key` is a valid criterion key (1-32 characters: lower-case ASCII letters,
/// digits and '_', starting with a letter), else why not.
std::optional<std::string> check_criterion_key(std::string_view key);

/// Empty when `name` is a valid criterion name (text of 1 to 200 characters, no control
/// characters), else why not.
std::optional<std::string> check_criterion_name(std::string_view name);

} // namespace cfp::domain

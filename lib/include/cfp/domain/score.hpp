// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/util/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cfp::domain {

/// A score, a threshold or a sum of them in half points: 4.5 is 9. Scores are never
/// floating-point numbers in cfp.
using HalfPoints = std::int64_t;

/// The scale of every criterion: 0 to 5 points in half points.
inline constexpr HalfPoints k_max_score = 10;

/// Parses a score on the 0-5 scale in half points: "4", "4.5", "4.0", "0.5". Anything else
/// fails with the reason: off the scale, not a half point, malformed (signs, spaces, commas,
/// exponents, more than one decimal).
util::Result<HalfPoints> parse_score(std::string_view text);

/// Parses a threshold or a sum of scores in points ("10", "10.5"): like parse_score, from 0
/// up to `max` half points.
util::Result<HalfPoints> parse_points(std::string_view text, HalfPoints max, std::string_view what = "score");

/// "4.5", "4.0": points with one decimal, as tables, CSV and messages show them.
std::string format_points(HalfPoints points);

/// A criterion's weight in thousandths: 1 is 1000, 1.5 is 1500. Weights rank proposals; they
/// are exact, never floating point.
using Weight = std::int64_t;

/// The heaviest weight a criterion may have (100).
inline constexpr Weight k_max_weight = 100'000;

/// Parses a weight: a number from 0.001 to 100 with at most three decimals ("1", "1.5",
/// "0.25"). Zero, negative, malformed and finer values fail with the reason.
util::Result<Weight> parse_weight(std::string_view text);

/// "1", "1.5", "0.25": the weight with no trailing zeros.
std::string format_weight(Weight weight);

/// The weighted sum of a score, in half points x thousandths: exact for any weight, so that
/// ranking never rounds.
inline std::int64_t weighted(HalfPoints score, Weight weight)
{
  return score * weight;
}

/// "13.5", "9.75", "0.0005": a weighted total (half points x thousandths) in points, exact,
/// with no trailing zeros past the first decimal.
std::string format_weighted(std::int64_t weighted_total);

} // namespace cfp::domain

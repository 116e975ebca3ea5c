// SPDX-License-Identifier: EUPL-1.2
// domain::parse_score, parse_points and parse_weight on any text. Invariants: a score lies on the
// 0-5 scale in half points, points within their maximum, a weight within 0.001..100; each
// format function writes text that parses back to the same value; a refusal says why.

#include "fuzz_support.hpp"

#include <cfp/domain/score.hpp>

#include <string>

namespace {

using cfp::fuzz::require;
using namespace cfp::domain;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text = cfp::fuzz::as_text(data, size);

  const auto score = parse_score(text);
  if (score) {
    require(score.value() >= 0 && score.value() <= k_max_score, "a score lies on the 0-5 scale");
    const auto shown = format_points(score.value());
    const auto again = parse_score(shown);
    require(again && again.value() == score.value(), "format_points of a score parses back to it: " + shown);
  } else {
    require(!score.error().empty(), "a refusal of a score says why");
  }

  const auto points = parse_points(text, 400);
  require(points.ok() == (score.ok() || (points && points.value() > k_max_score)),
          "points and scores agree on the scale they share");
  if (points) {
    require(points.value() >= 0 && points.value() <= 400, "points stay within their maximum");
    const auto again = parse_points(format_points(points.value()), 400);
    require(again && again.value() == points.value(), "format_points of points parses back to them");
  }

  const auto weight = parse_weight(text);
  if (weight) {
    require(weight.value() >= 1 && weight.value() <= k_max_weight, "a weight lies within 0.001..100");
    const auto shown = format_weight(weight.value());
    const auto again = parse_weight(shown);
    require(again && again.value() == weight.value(), "format_weight of a weight parses back to it: " + shown);
    if (points) {
      // The weighted score is exact: its text has at most 4 decimals and no rounding.
      const auto weighted_text = format_weighted(weighted(points.value(), weight.value()));
      require(weighted_text.find('.') != std::string::npos, "a weighted total shows a decimal point");
    }
  } else {
    require(!weight.error().empty(), "a refusal of a weight says why");
  }
  return 0;
}

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/evaluation.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::domain {

HalfPoints median(std::vector<HalfPoints> scores)
{
  std::sort(scores.begin(), scores.end());
  const std::size_t middle = scores.size() / 2;
  if (scores.size() % 2 == 1) {
    return scores[middle];
  }
  // The mean of two half points is a quarter point at worst: rounded down to a half point.
  return (scores[middle - 1] + scores[middle]) / 2;
}

util::Result<Assignment> parse_assignment(std::string_view text)
{
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 == text.size() ||
      text.find('=', equals + 1) != std::string_view::npos) {
    return util::Failure{fmt::format("'{}' is not CRITERION=SCORE; write it like excellence=4.5", util::excerpt(text))};
  }
  return Assignment{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

} // namespace cfp::domain

// SPDX-License-Identifier: EUPL-1.2
#include <cfp/domain/call.hpp>

#include <cfp/util/text.hpp>

#include <algorithm>

namespace cfp::domain {

namespace {

bool is_code_character(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

} // namespace

std::optional<std::string> check_call_code(std::string_view code)
{
  if (code.empty() || code.size() > 64 || !std::all_of(code.begin(), code.end(), is_code_character)) {
    return "a call code is 1 to 64 letters, digits, '-', '_' or '.' (such as EUROHPC-2024-CEI-AI-01)";
  }
  return std::nullopt;
}

std::optional<std::string> check_cutoff_label(std::string_view label)
{
  if (label.empty() || !util::is_valid_utf8(label) || util::count_characters(label) > 64 ||
      util::has_control_characters(label) ||
      util::trim(label).size() != label.size()) {
    return "a cut-off label is 1 to 64 characters of UTF-8 text without control characters or surrounding spaces";
  }
  return std::nullopt;
}

bool is_on_time(Instant at, const Cutoff& cutoff)
{
  return at <= cutoff.closes_at;
}

std::optional<Cutoff> cutoff_for_submission(Instant at, const std::vector<Cutoff>& cutoffs)
{
  std::optional<Cutoff> best;
  for (const auto& cutoff : cutoffs) {
    if (is_on_time(at, cutoff) && (!best || cutoff.closes_at < best->closes_at)) {
      best = cutoff;
    }
  }
  return best;
}

std::optional<Cutoff> last_cutoff(const std::vector<Cutoff>& cutoffs)
{
  const auto last = std::max_element(cutoffs.begin(), cutoffs.end(),
                                     [](const Cutoff& a, const Cutoff& b) { return a.closes_at < b.closes_at; });
  if (last == cutoffs.end()) {
    return std::nullopt;
  }
  return *last;
}

} // namespace cfp::domain

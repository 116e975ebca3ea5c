// SPDX-License-Identifier: EUPL-1.2
#include "reference_data.hpp"

#include <cfp/store/call_repository.hpp>
#include <cfp/store/state_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

namespace cfp::core::detail {

ReferenceData::ReferenceData(const store::Transaction& tx) : m_tx(tx), m_states(tx.states().list()) {}

std::optional<std::string> ReferenceData::state_code(std::string_view input) const
{
  const std::string code = domain::normalize_state_code(input);
  for (const auto& state : m_states) {
    if (state.code == code) {
      return code;
    }
  }
  return std::nullopt;
}

std::string ReferenceData::unknown_state(std::string_view input) const
{
  const auto suggestions = domain::suggest_states(input, m_states);
  std::string message = fmt::format("'{}' is not a participating state", util::excerpt(input));
  if (!suggestions.empty()) {
    return message + fmt::format("; did you mean {}?", util::join(suggestions, ", "));
  }
  return message + "; 'cfp state list' shows the codes";
}

const CallInfo* ReferenceData::call(const std::string& code)
{
  // Only calls that exist are kept: a file naming many unknown calls must not grow memory.
  const std::string key = util::to_lower_ascii(code);
  auto found = m_calls.find(key);
  if (found == m_calls.end()) {
    auto call = m_tx.calls().find(code);
    if (!call) {
      return nullptr;
    }
    auto cutoffs = m_tx.calls().cutoffs(call->id);
    found = m_calls.emplace(key, CallInfo{std::move(*call), std::move(cutoffs)}).first;
  }
  return &found->second;
}

} // namespace cfp::core::detail

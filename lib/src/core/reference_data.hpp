// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The states and calls a command checks proposals against, read once. Private to core.

#include <cfp/domain/call.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/store/transaction.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core::detail {

/// A call with its cut-offs, by closing time.
struct CallInfo
{
  domain::Call call;
  std::vector<domain::Cutoff> cutoffs;
};

/// The states and calls, read once per command so that checking many rows costs no queries.
/// Valid for the transaction it was made in.
class ReferenceData
{
public:
  explicit ReferenceData(const store::Transaction& tx);

  /// The canonical code of a participating state ("gr" -> "EL"), or nullopt.
  std::optional<std::string> state_code(std::string_view input) const;

  /// "'XX' is not a participating state; did you mean ...?"
  std::string unknown_state(std::string_view input) const;

  /// The call with this code (case-insensitive), or nullptr.
  const CallInfo* call(const std::string& code);

  const std::vector<domain::State>& states() const { return m_states; }

private:
  const store::Transaction& m_tx;
  std::vector<domain::State> m_states;
  std::map<std::string, CallInfo> m_calls;
};

} // namespace cfp::core::detail

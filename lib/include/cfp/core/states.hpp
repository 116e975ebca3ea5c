// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/state.hpp>
#include <cfp/store/transaction.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core {

/// Which states list_states returns.
enum class StateSet { all, eu_only };

/// The participating states, by code.
std::vector<domain::State> list_states(Session& session, StateSet set);

/// The canonical code of a participating state ("gr" -> "EL"), or invalid input naming the
/// closest codes. `field` names the value in the message ("host", "partner").
std::string resolve_state(const store::Transaction& tx, std::string_view input, std::string_view field);

/// The canonical codes of `inputs`, each once; invalid input naming the first unknown one.
std::set<std::string> resolve_states(const store::Transaction& tx, const std::vector<std::string>& inputs,
                                     std::string_view field);

} // namespace cfp::core

#pragma once

#include <cfp/core/session.hpp>
#include <cfp/domain/state.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cfp::core {

/// The participating states, by code; only EU members with `eu_only`.
std::vector<domain::State> list_states(Session& session, bool eu_only);

/// The canonical code of a participating state ("gr" -> "EL"), or invalid input naming the
/// closest codes. `field` names the value in the message ("host", "partner").
std::string resolve_state(store::Database& database, std::string_view input, std::string_view field);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::domain {

/// A state taking part in EuroHPC calls, identified by its EU-style ISO 3166-1 alpha-2 code.
struct State
{
  std::string code; ///< "ES", "EL" for Greece, "UK" for the United Kingdom
  std::string name;
  bool eu = false;
  std::optional<date::year_month_day> participating_since;
};

/// Upper-cases `input`, trims it, and maps ISO codes the EU writes otherwise (GR -> EL, GB -> UK).
std::string normalize_state_code(std::string_view input);

/// The code of the state of `states` that `input` names (ignoring ASCII case and surrounding
/// spaces): by its English name as `states` holds it, by its name in its own language or
/// languages (Deutschland, Ελλάδα, Suomi), or by a common short or older form (Czech Republic,
/// Turkey, Holland). Empty when it names none.
std::optional<std::string> state_code_of_name(std::string_view input, const std::vector<State>& states);

/// The codes of `states` closest to `input` (by code or by name), best first, at most `limit`;
/// a name state_code_of_name knows gives that state's code alone.
std::vector<std::string> suggest_states(std::string_view input, const std::vector<State>& states,
                                        std::size_t limit = 3);

} // namespace cfp::domain

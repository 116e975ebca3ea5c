// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/state.hpp>

#include <vector>

namespace cfp::store {

/// Which states `StateRepository::list` returns.
enum class StateSet { all, eu_only };

/// The participating states (reference data seeded by a migration).
class StateRepository
{
public:
  StateRepository(const StateRepository&) = delete;
  StateRepository& operator=(const StateRepository&) = delete;
  virtual ~StateRepository() = default;

  /// The states by code.
  virtual std::vector<domain::State> list(StateSet set = StateSet::all) const = 0;

protected:
  StateRepository() = default;
};

} // namespace cfp::store

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/call.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfp::store {

/// Calls and their cut-offs.
class CallRepository
{
public:
  CallRepository(const CallRepository&) = delete;
  CallRepository& operator=(const CallRepository&) = delete;
  virtual ~CallRepository() = default;

  /// Stores a new call (its id is ignored) and returns its id.
  virtual std::int64_t insert(const domain::Call& call, domain::Instant created_at) = 0;
  /// Stores the title, opening, budget and overall threshold of the call with `call.id`.
  virtual void update(const domain::Call& call) = 0;
  /// The call with this code, compared case-insensitively.
  virtual std::optional<domain::Call> find(const std::string& code) const = 0;
  /// Every call, by code.
  virtual std::vector<domain::Call> list() const = 0;

  /// Stores a new cut-off of call `call_id` and returns its id.
  virtual std::int64_t insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff) = 0;
  /// The cut-offs of one call, or of every call when `call_id` is empty; by closing time.
  virtual std::vector<domain::Cutoff> cutoffs(std::optional<std::int64_t> call_id) const = 0;

protected:
  CallRepository() = default;
};

} // namespace cfp::store

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

  /// Stores a new call (its id is ignored) and returns its id: never the id of a call that was
  /// removed, which the audit log still names.
  virtual std::int64_t insert(const domain::Call& call, domain::Instant created_at) = 0;
  /// Stores the title, opening, budget, overall threshold, required parts and document limit of
  /// the call with `call.id`.
  virtual void update(const domain::Call& call) = 0;
  /// The call with this code, compared case-insensitively.
  virtual std::optional<domain::Call> find(const std::string& code) const = 0;
  /// Every call, by code.
  virtual std::vector<domain::Call> list() const = 0;

  /// Stores a new cut-off of call `call_id` and returns its id (never a removed cut-off's).
  virtual std::int64_t insert_cutoff(std::int64_t call_id, const domain::Cutoff& cutoff) = 0;
  /// The cut-offs of one call, or of every call when `call_id` is empty; by closing time.
  virtual std::vector<domain::Cutoff> cutoffs(std::optional<std::int64_t> call_id) const = 0;

  /// Stores the label, instant and legal definition of the cut-off with `cutoff.id`.
  virtual void update_cutoff(const domain::Cutoff& cutoff) = 0;
  /// Removes the cut-off `cutoff_id`; nothing may refer to it any more.
  virtual void remove_cutoff(std::int64_t cutoff_id) = 0;
  /// Removes call `call_id` with its cut-offs; nothing else may refer to them any more (its
  /// criteria go first, through the criterion repository).
  virtual void remove(std::int64_t call_id) = 0;

protected:
  CallRepository() = default;
};

} // namespace cfp::store

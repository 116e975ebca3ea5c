// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/criterion.hpp>

#include <cstdint>
#include <vector>

namespace cfp::store {

/// The criteria of each call.
class CriterionRepository
{
public:
  CriterionRepository(const CriterionRepository&) = delete;
  CriterionRepository& operator=(const CriterionRepository&) = delete;
  virtual ~CriterionRepository() = default;

  /// The criteria of call `call_id`, by position.
  virtual std::vector<domain::Criterion> of_call(std::int64_t call_id) const = 0;
  /// Replaces the criteria of call `call_id` with `criteria` (positions as given; ids kept
  /// where a criterion with that id is among them, new ones for id 0, the rest removed).
  virtual void replace(std::int64_t call_id, const std::vector<domain::Criterion>& criteria) = 0;

protected:
  CriterionRepository() = default;
};

} // namespace cfp::store

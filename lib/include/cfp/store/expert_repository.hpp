// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/expert.hpp>
#include <cfp/domain/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfp::store {

/// A conflict of interest an official declared, with the proposal it concerns.
struct DeclaredConflict
{
  std::int64_t expert_id = 0;
  std::string expert_name;
  std::int64_t proposal_id = 0;
  std::string call_code;
  std::string acronym;
  std::string reason;
  domain::Instant declared_at;
};

/// Experts and the conflicts of interest declared for them.
class ExpertRepository
{
public:
  ExpertRepository(const ExpertRepository&) = delete;
  ExpertRepository& operator=(const ExpertRepository&) = delete;
  virtual ~ExpertRepository() = default;

  /// Stores a new expert (its id is ignored) and returns its id.
  virtual std::int64_t insert(const domain::Expert& expert, domain::Instant created_at) = 0;
  /// The expert with this name, compared by util::comparison_key (case and spacing ignored).
  virtual std::optional<domain::Expert> find(const std::string& name) const = 0;
  /// Every expert, by name.
  virtual std::vector<domain::Expert> list() const = 0;

  /// Records a declared conflict; the pair must not have one yet.
  virtual void declare_conflict(const DeclaredConflict& conflict) = 0;
  /// The declared conflict of this expert and proposal, if any.
  virtual std::optional<DeclaredConflict> declared(std::int64_t expert_id, std::int64_t proposal_id) const = 0;
  /// The declared conflicts of one expert, or of every expert; by expert name, call, acronym.
  virtual std::vector<DeclaredConflict> declared_conflicts(std::optional<std::int64_t> expert_id) const = 0;
  /// The declared conflicts with proposal `proposal_id`, by expert name.
  virtual std::vector<DeclaredConflict> conflicts_with(std::int64_t proposal_id) const = 0;
  /// Removes the declared conflicts with proposal `proposal_id` (a draft being deleted).
  virtual void remove_conflicts_with(std::int64_t proposal_id) = 0;

protected:
  ExpertRepository() = default;
};

} // namespace cfp::store

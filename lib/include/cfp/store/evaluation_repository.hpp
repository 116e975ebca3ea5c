// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/evaluation.hpp>
#include <cfp/domain/stamp.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cfp::store {

/// Experts' evaluations of proposals, their earlier versions, and the consensus scores.
/// Scores are keyed by criterion key; the store finds each criterion among those of the
/// proposal's call.
class EvaluationRepository
{
public:
  EvaluationRepository(const EvaluationRepository&) = delete;
  EvaluationRepository& operator=(const EvaluationRepository&) = delete;
  virtual ~EvaluationRepository() = default;

  /// The current evaluation of one proposal at one cut-off by one expert.
  virtual std::optional<domain::Evaluation> find(std::int64_t proposal_id, std::int64_t cutoff_id,
                                                 std::int64_t expert_id) const = 0;
  /// Stores `evaluation` as the current one and returns its id: a new one when `replaced` is
  /// empty (version 1), else the next version of `replaced` (the current evaluation of the
  /// same proposal, cut-off and expert, as find() gave it), which the history keeps.
  virtual std::int64_t save(const domain::Evaluation& evaluation, const std::optional<domain::Evaluation>& replaced,
                            const domain::Stamp& stamp) = 0;

  using Visitor = std::function<void(const domain::Evaluation&)>;
  /// Visits the current evaluations of the proposals of call `call_id` (or of one proposal),
  /// at the cut-off each proposal has now, by acronym, then expert name; those of an
  /// expert with a declared conflict of interest with the proposal are left out.
  virtual void for_each(std::int64_t call_id, std::optional<std::int64_t> proposal_id, const Visitor& visit) const = 0;
  /// Visits the current evaluations of proposal `proposal_id` at cut-off `cutoff_id`, which may
  /// be one it took part in before it was resubmitted, by expert name, leaving out those of an
  /// expert with a declared conflict of interest.
  virtual void for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id, const Visitor& visit) const = 0;

  /// Every version of every evaluation of one proposal, at any cut-off: the current ones and
  /// those they replaced, by evaluation, then version (each with its recording).
  virtual std::vector<domain::Evaluation> versions(std::int64_t proposal_id) const = 0;

  /// Whether any proposal of call `call_id` has scores: its criteria are frozen then.
  virtual bool any_scores(std::int64_t call_id) const = 0;
  /// Whether any evaluation or consensus score was recorded at cut-off `cutoff_id`.
  virtual bool any_at_cutoff(std::int64_t cutoff_id) const = 0;

  /// Records (or replaces) the consensus score of one criterion of a proposal at a cut-off.
  virtual void set_consensus(std::int64_t proposal_id, std::int64_t cutoff_id, const domain::ConsensusScore& score) = 0;
  /// The consensus scores recorded for a proposal at a cut-off, by criterion position.
  virtual std::vector<domain::ConsensusScore> consensus(std::int64_t proposal_id, std::int64_t cutoff_id) const = 0;

protected:
  EvaluationRepository() = default;
};

} // namespace cfp::store

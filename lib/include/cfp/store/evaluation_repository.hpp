// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/evaluation.hpp>
#include <cfp/domain/stamp.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cfp::domain {
struct Proposal;
}

namespace cfp::store {

/// One version of an expert's evaluation of a proposal, as its score history lists it.
struct EvaluationVersionRow
{
  domain::Evaluation evaluation; ///< the expert's name as it is now
  std::string cutoff_label;      ///< of the cut-off it was made at
  bool current = false;          ///< the evaluation as it is now, not a version it replaced
  bool set_aside = false;        ///< a conflict of interest declared since sets the expert's scores aside
};

/// Reads the evaluations of one call's proposals forward, a proposal at a time, beside a list of
/// those proposals in the store's default order (ProposalRepository::for_each: by acronym,
/// ignoring ASCII case), so that a long list of proposals gets each one's evaluations without
/// the call's being held. One at a time per transaction, and gone before it ends.
class EvaluationReader
{
public:
  EvaluationReader(const EvaluationReader&) = delete;
  EvaluationReader& operator=(const EvaluationReader&) = delete;
  virtual ~EvaluationReader() = default;

  /// The current evaluations of `proposal` (of the reader's call) at the cut-off it has now, by
  /// expert name, leaving out those of an expert with a declared conflict of interest with it;
  /// valid until the next call. Proposals must be asked for in the default order; the
  /// evaluations of those not asked for are passed over.
  virtual const std::vector<domain::Evaluation>& of(const domain::Proposal& proposal) = 0;

protected:
  EvaluationReader() = default;
};

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
  /// The same evaluations of call `call_id` as for_each, read a proposal at a time beside a list
  /// of its proposals.
  virtual std::unique_ptr<EvaluationReader> reader(std::int64_t call_id) const = 0;
  /// Visits the current evaluations of proposal `proposal_id` at cut-off `cutoff_id`, which may
  /// be one it took part in before it was resubmitted, by expert name, leaving out those of an
  /// expert with a declared conflict of interest.
  virtual void for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id, const Visitor& visit) const = 0;

  /// Every version of every evaluation of one proposal, at any cut-off: the current ones and
  /// those they replaced, by evaluation, then version (each with its recording).
  virtual std::vector<domain::Evaluation> versions(std::int64_t proposal_id) const = 0;
  /// Visits the same versions (only those of expert `expert_id` when given) one at a time, by
  /// the closing of the cut-off each was made at, the expert's name (compared as names are:
  /// util::comparison_key) and version.
  virtual void for_each_version(std::int64_t proposal_id, std::optional<std::int64_t> expert_id,
                                const std::function<void(const EvaluationVersionRow&)>& visit) const = 0;

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

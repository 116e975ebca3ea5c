// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/evaluation_repository.hpp>

#include <map>

namespace cfp::store::postgresql {

/// Experts' evaluations in `evaluation` with their scores in `score`, earlier versions as
/// snapshots in `evaluation_version`, and the consensus scores in `consensus`, as on SQLite.
class PgEvaluationRepository final : public EvaluationRepository
{
public:
  explicit PgEvaluationRepository(Connection& connection) : m_connection(connection) {}

  std::optional<domain::Evaluation> find(std::int64_t proposal_id, std::int64_t cutoff_id,
                                         std::int64_t expert_id) const override;
  std::int64_t save(const domain::Evaluation& evaluation, const std::optional<domain::Evaluation>& replaced,
                    const domain::Stamp& stamp) override;
  void for_each(std::int64_t call_id, std::optional<std::int64_t> proposal_id, const Visitor& visit) const override;
  std::unique_ptr<EvaluationReader> reader(std::int64_t call_id) const override;
  void for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id, const Visitor& visit) const override;
  std::vector<domain::Evaluation> versions(std::int64_t proposal_id) const override;
  void for_each_version(std::int64_t proposal_id, std::optional<std::int64_t> expert_id,
                        const std::function<void(const EvaluationVersionRow&)>& visit) const override;
  bool any_scores(std::int64_t call_id) const override;
  bool any_at_cutoff(std::int64_t cutoff_id) const override;
  void set_consensus(std::int64_t proposal_id, std::int64_t cutoff_id, const domain::ConsensusScore& score) override;
  std::vector<domain::ConsensusScore> consensus(std::int64_t proposal_id, std::int64_t cutoff_id) const override;

private:
  void insert_scores(const domain::Evaluation& evaluation, std::int64_t id);

  Connection& m_connection;
  std::map<std::int64_t, std::map<std::string, std::int64_t>> m_criterion_ids; ///< by cut-off: key -> id
};

/// Reads one row of the columns CFP_PG_EVALUATION_ROWS selects into `evaluations`: a new
/// evaluation when the row's id differs from the last one's, else one more score of it.
void add_evaluation_row(std::vector<domain::Evaluation>& evaluations, const Result& rows, int row);

} // namespace cfp::store::postgresql

// One row a score: the evaluation's columns, then the criterion key and the score. Rows of one
// evaluation come together, ordered by criterion position.
#define CFP_PG_EVALUATION_ROWS                                                                                         \
  "SELECT v.id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, " CFP_PG_EPOCH(                 \
      "v.recorded_at") ", v.recorded_by, k.key, s.score FROM evaluation v"                                             \
                       " JOIN expert e ON e.id = v.expert_id JOIN score s ON s.evaluation_id = v.id"                   \
                       " JOIN criterion k ON k.id = s.criterion_id "

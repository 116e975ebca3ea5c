// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"
#include "values.hpp"

#include <cfp/store/evaluation_repository.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace cfp::store::sqlite {

/// Evaluations in `evaluation` with their scores in `score` and earlier versions in
/// `evaluation_version`; consensus scores in `consensus`.
class SqliteEvaluationRepository final : public EvaluationRepository
{
public:
  SqliteEvaluationRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  std::optional<domain::Evaluation> find(std::int64_t proposal_id, std::int64_t cutoff_id,
                                         std::int64_t expert_id) const override;
  std::int64_t save(const domain::Evaluation& evaluation, const std::optional<domain::Evaluation>& replaced,
                    const domain::Stamp& stamp) override;
  void for_each(std::int64_t call_id, std::optional<std::int64_t> proposal_id, const Visitor& visit) const override;
  std::unique_ptr<EvaluationReader> reader(std::int64_t call_id) const override; // evaluation_reader.cpp
  void for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id, const Visitor& visit) const override;
  std::vector<domain::Evaluation> versions(std::int64_t proposal_id) const override;
  void for_each_version(std::int64_t proposal_id, std::optional<std::int64_t> expert_id,
                        const std::function<void(const EvaluationVersionRow&)>& visit) const override; // evaluation_reader.cpp
  bool any_scores(std::int64_t call_id) const override;
  bool any_at_cutoff(std::int64_t cutoff_id) const override;
  void set_consensus(std::int64_t proposal_id, std::int64_t cutoff_id, const domain::ConsensusScore& score) override;
  std::vector<domain::ConsensusScore> consensus(std::int64_t proposal_id, std::int64_t cutoff_id) const override;

private:
  void insert_scores(const domain::Evaluation& evaluation, std::int64_t id);
  // The stamp's instants as stored, formatted once for the many evaluations of an import.

  SQLite::Database& m_db;
  StatementCache& m_statements;
  std::map<std::int64_t, std::map<std::string, std::int64_t>> m_criterion_ids; ///< by cut-off: key -> id
  StampText m_stamp_text;
};

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#include "evaluation_repository.hpp"

#include "cursor.hpp"
#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::store::postgresql {

namespace {

// Every evaluation the rows hold, in their order.
std::vector<domain::Evaluation> read_evaluations(const Result& rows)
{
  std::vector<domain::Evaluation> evaluations;
  for (int row = 0; row < rows.rows(); ++row) {
    add_evaluation_row(evaluations, rows, row);
  }
  return evaluations;
}

void visit_all(const Result& rows, const EvaluationRepository::Visitor& visit)
{
  for (const auto& evaluation : read_evaluations(rows)) {
    visit(evaluation);
  }
}

} // namespace

void add_evaluation_row(std::vector<domain::Evaluation>& evaluations, const Result& rows, int row)
{
  const auto id = rows.int64(row, 0);
  if (evaluations.empty() || evaluations.back().id != id) {
    auto& evaluation = evaluations.emplace_back();
    evaluation.id = id;
    evaluation.proposal_id = rows.int64(row, 1);
    evaluation.cutoff_id = rows.int64(row, 2);
    evaluation.expert_id = rows.int64(row, 3);
    evaluation.expert = rows.string(row, 4);
    evaluation.comment = rows.optional_string(row, 5);
    evaluation.version = static_cast<int>(rows.int64(row, 6));
    evaluation.recorded_at = instant_at(rows, row, 7);
    evaluation.recorded_by = rows.string(row, 8);
  }
  evaluations.back().scores.emplace_back(rows.string(row, 9), rows.int64(row, 10));
}

std::optional<domain::Evaluation> PgEvaluationRepository::find(std::int64_t proposal_id, std::int64_t cutoff_id,
                                                               std::int64_t expert_id) const
{
  auto found = read_evaluations(m_connection.run(
      CFP_PG_EVALUATION_ROWS "WHERE v.proposal_id = $1 AND v.cutoff_id = $2 AND v.expert_id = $3 ORDER BY k.position",
      Params().int64(proposal_id).int64(cutoff_id).int64(expert_id)));
  return found.empty() ? std::nullopt : std::optional<domain::Evaluation>(std::move(found.front()));
}

void PgEvaluationRepository::insert_scores(const domain::Evaluation& evaluation, std::int64_t id)
{
  // The criteria of the cut-off's call, read once a transaction: they cannot change once the
  // call has scores (core refuses it).
  auto [ids, added] = m_criterion_ids.try_emplace(evaluation.cutoff_id);
  if (added) {
    const auto rows =
        m_connection.run("SELECT k.key, k.id FROM criterion k JOIN cutoff c ON c.call_id = k.call_id WHERE c.id = $1",
                         Params().int64(evaluation.cutoff_id));
    for (int row = 0; row < rows.rows(); ++row) {
      ids->second.emplace(rows.string(row, 0), rows.int64(row, 1));
    }
  }
  // Every score in one statement: ids and scores as two JSON arrays read side by side.
  std::string criteria = "[";
  std::string scores = "[";
  for (const auto& [key, score] : evaluation.scores) {
    const auto criterion = ids->second.find(key);
    if (criterion == ids->second.end()) {
      throw Error(ErrorKind::internal,
                  fmt::format("no criterion '{}' for the proposal with id {}", key, evaluation.proposal_id));
    }
    criteria += fmt::format("{}{}", criteria.size() > 1 ? "," : "", criterion->second);
    scores += fmt::format("{}{}", scores.size() > 1 ? "," : "", score);
  }
  m_connection.run("INSERT INTO score (evaluation_id, criterion_id, score)"
                   " SELECT $1, c.value::bigint, s.value::integer"
                   " FROM json_array_elements_text($2::json) WITH ORDINALITY c"
                   " JOIN json_array_elements_text($3::json) WITH ORDINALITY s ON s.ordinality = c.ordinality",
                   Params().int64(id).text(criteria + "]").text(scores + "]"));
}

std::int64_t PgEvaluationRepository::save(const domain::Evaluation& evaluation,
                                          const std::optional<domain::Evaluation>& replaced, const domain::Stamp& stamp)
{
  std::int64_t id = 0;
  if (const auto& earlier = replaced) {
    id = earlier->id;
    m_connection.run("INSERT INTO evaluation_version (evaluation_id, version, recorded_at, recorded_real_at,"
                     " recorded_simulated, recorded_by, snapshot) SELECT id, version, recorded_at, recorded_real_at,"
                     " recorded_simulated, recorded_by, $2 FROM evaluation WHERE id = $1",
                     Params().int64(id).text(snapshot(*earlier)));
    Params params;
    params.int64(id).optional_text(evaluation.comment);
    add_instant(params, stamp.at);
    add_instant(params, stamp.real_at).text(stamp.simulated ? "true" : "false").text(stamp.actor);
    m_connection.run("UPDATE evaluation SET comment = $2, version = version + 1, recorded_at = to_timestamp($3),"
                     " recorded_real_at = to_timestamp($4), recorded_simulated = $5::boolean, recorded_by = $6"
                     " WHERE id = $1",
                     params);
    m_connection.run("DELETE FROM score WHERE evaluation_id = $1", Params().int64(id));
  } else {
    Params params;
    params.int64(evaluation.proposal_id).int64(evaluation.cutoff_id).int64(evaluation.expert_id);
    params.optional_text(evaluation.comment);
    add_instant(params, stamp.at);
    add_instant(params, stamp.real_at).text(stamp.simulated ? "true" : "false").text(stamp.actor);
    // The next id after the largest, as SQLite gives it: the same ids on both backends.
    id = m_connection
             .run("INSERT INTO evaluation (id, proposal_id, cutoff_id, expert_id, comment, version, recorded_at,"
                  " recorded_real_at, recorded_simulated, recorded_by)"
                  " VALUES ((SELECT coalesce(max(id), 0) + 1 FROM evaluation), $1, $2, $3, $4, 1, to_timestamp($5),"
                  " to_timestamp($6), $7::boolean, $8) RETURNING id",
                  params)
             .int64(0, 0);
  }
  insert_scores(evaluation, id);
  return id;
}

void PgEvaluationRepository::for_each(std::int64_t call_id, std::optional<std::int64_t> proposal_id,
                                      const Visitor& visit) const
{
  // At the cut-off each proposal has now; not by an expert a conflict was declared for since.
  // Read through a cursor: a call's evaluations are many.
  static constexpr CursorSql k_sql = CFP_PG_CURSOR(
      "cfp_evaluations", CFP_PG_EVALUATION_ROWS "JOIN proposal p ON p.id = v.proposal_id AND p.cutoff_id = v.cutoff_id"
                                                " WHERE p.call_id = $1 AND ($2::bigint IS NULL OR p.id = $2)"
                                                " AND NOT EXISTS (SELECT 1 FROM declared_conflict d"
                                                " WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id)"
                                                " ORDER BY nocase(p.acronym), e.name_key, v.id, k.position");
  std::vector<domain::Evaluation> pending;
  for_each_row(m_connection, k_sql, Params().int64(call_id).optional_int64(proposal_id),
               [&](const Result& rows, int row) {
                 if (!pending.empty() && pending.back().id != rows.int64(row, 0)) {
                   visit(pending.back());
                   pending.clear();
                 }
                 add_evaluation_row(pending, rows, row);
               });
  if (!pending.empty()) {
    visit(pending.back());
  }
}

void PgEvaluationRepository::for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id, const Visitor& visit) const
{
  visit_all(m_connection.run(CFP_PG_EVALUATION_ROWS
                             "WHERE v.proposal_id = $1 AND v.cutoff_id = $2 AND NOT EXISTS (SELECT 1 FROM"
                             " declared_conflict d WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id)"
                             " ORDER BY e.name_key, v.id, k.position",
                             Params().int64(proposal_id).int64(cutoff_id)),
            visit);
}

std::vector<domain::Evaluation> PgEvaluationRepository::versions(std::int64_t proposal_id) const
{
  auto all = read_evaluations(m_connection.run(
      CFP_PG_EVALUATION_ROWS "WHERE v.proposal_id = $1 ORDER BY v.id, k.position", Params().int64(proposal_id)));
  const auto earlier = m_connection.run(
      "SELECT ev.evaluation_id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, ev.version, " CFP_PG_EPOCH(
          "ev.recorded_at") ", ev.recorded_by, ev.snapshot FROM evaluation_version ev"
                            " JOIN evaluation v ON v.id = ev.evaluation_id JOIN expert e ON e.id = v.expert_id"
                            " WHERE v.proposal_id = $1 ORDER BY ev.evaluation_id, ev.version",
      Params().int64(proposal_id));
  for (int row = 0; row < earlier.rows(); ++row) {
    auto evaluation = evaluation_from_snapshot(earlier.text(row, 8));
    evaluation.id = earlier.int64(row, 0);
    evaluation.proposal_id = earlier.int64(row, 1);
    evaluation.cutoff_id = earlier.int64(row, 2);
    evaluation.expert_id = earlier.int64(row, 3);
    evaluation.expert = earlier.string(row, 4); // the name it has now
    evaluation.version = static_cast<int>(earlier.int64(row, 5));
    evaluation.recorded_at = instant_at(earlier, row, 6);
    evaluation.recorded_by = earlier.string(row, 7);
    all.push_back(std::move(evaluation));
  }
  std::stable_sort(all.begin(), all.end(), [](const domain::Evaluation& a, const domain::Evaluation& b) {
    return std::pair(a.id, a.version) < std::pair(b.id, b.version);
  });
  return all;
}

bool PgEvaluationRepository::any_scores(std::int64_t call_id) const
{
  return m_connection
      .run("SELECT EXISTS (SELECT 1 FROM score s JOIN criterion k ON k.id = s.criterion_id WHERE k.call_id = $1)"
           " OR EXISTS (SELECT 1 FROM consensus c JOIN criterion k ON k.id = c.criterion_id WHERE k.call_id = $1)",
           Params().int64(call_id))
      .boolean(0, 0);
}

bool PgEvaluationRepository::any_at_cutoff(std::int64_t cutoff_id) const
{
  return m_connection
      .run("SELECT EXISTS (SELECT 1 FROM evaluation WHERE cutoff_id = $1)"
           " OR EXISTS (SELECT 1 FROM consensus WHERE cutoff_id = $1)",
           Params().int64(cutoff_id))
      .boolean(0, 0);
}

void PgEvaluationRepository::set_consensus(std::int64_t proposal_id, std::int64_t cutoff_id,
                                           const domain::ConsensusScore& score)
{
  Params params;
  params.int64(proposal_id).int64(cutoff_id).text(score.key).int64(score.score).optional_text(score.comment);
  add_instant(params, score.recorded_at).text(score.recorded_by);
  const auto changed = m_connection.run(
      "INSERT INTO consensus (proposal_id, cutoff_id, criterion_id, score, comment, recorded_at, recorded_by)"
      " SELECT $1, $2, k.id, $4, $5, to_timestamp($6), $7 FROM criterion k JOIN proposal p ON p.call_id = k.call_id"
      " WHERE p.id = $1 AND k.key = $3"
      " ON CONFLICT (proposal_id, cutoff_id, criterion_id) DO UPDATE SET score = excluded.score,"
      " comment = excluded.comment, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by",
      params);
  if (changed.affected() != 1) {
    throw Error(ErrorKind::internal,
                fmt::format("no criterion '{}' for the proposal with id {}", score.key, proposal_id));
  }
}

std::vector<domain::ConsensusScore> PgEvaluationRepository::consensus(std::int64_t proposal_id,
                                                                      std::int64_t cutoff_id) const
{
  const auto rows =
      m_connection.run("SELECT k.key, c.score, c.comment, " CFP_PG_EPOCH(
                           "c.recorded_at") ", c.recorded_by FROM consensus c JOIN criterion k ON k.id = c.criterion_id"
                                            " WHERE c.proposal_id = $1 AND c.cutoff_id = $2 ORDER BY k.position",
                       Params().int64(proposal_id).int64(cutoff_id));
  std::vector<domain::ConsensusScore> scores;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::ConsensusScore score;
    score.key = rows.string(row, 0);
    score.score = rows.int64(row, 1);
    score.comment = rows.optional_string(row, 2);
    score.recorded_at = instant_at(rows, row, 3);
    score.recorded_by = rows.string(row, 4);
    scores.push_back(std::move(score));
  }
  return scores;
}

} // namespace cfp::store::postgresql

#undef CFP_PG_EVALUATION_ROWS

// SPDX-License-Identifier: EUPL-1.2
#include "evaluation_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>
#include <cfp/store/snapshot.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::store::sqlite {

namespace {

// One row a score: the evaluation's columns, then the criterion key and the score. Rows of one
// evaluation come together, ordered by criterion position.
#define CFP_EVALUATION_ROWS                                                                                            \
  "SELECT v.id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, v.recorded_at, "                \
  "v.recorded_by, k.key, s.score FROM evaluation v JOIN expert e ON e.id = v.expert_id "                               \
  "JOIN score s ON s.evaluation_id = v.id JOIN criterion k ON k.id = s.criterion_id "

// Reads rows of CFP_EVALUATION_ROWS, handing each evaluation to `visit` once its rows are read.
void read_evaluations(SQLite::Statement& statement, const EvaluationRepository::Visitor& visit)
{
  std::optional<domain::Evaluation> current;
  while (statement.executeStep()) {
    const auto id = statement.getColumn(0).getInt64();
    if (current && current->id != id) {
      visit(*current);
      current.reset();
    }
    if (!current) {
      current.emplace();
      current->id = id;
      current->proposal_id = statement.getColumn(1).getInt64();
      current->cutoff_id = statement.getColumn(2).getInt64();
      current->expert_id = statement.getColumn(3).getInt64();
      current->expert = statement.getColumn(4).getString();
      current->comment = column_optional_string(statement.getColumn(5));
      current->version = statement.getColumn(6).getInt();
      current->recorded_at = column_instant(statement.getColumn(7));
      current->recorded_by = statement.getColumn(8).getString();
    }
    current->scores.emplace_back(statement.getColumn(9).getString(), statement.getColumn(10).getInt64());
  }
  if (current) {
    visit(*current);
  }
}

} // namespace

std::optional<domain::Evaluation> SqliteEvaluationRepository::find(std::int64_t proposal_id, std::int64_t cutoff_id,
                                                                   std::int64_t expert_id) const
{
  static constexpr char k_sql[] =
      CFP_EVALUATION_ROWS "WHERE v.proposal_id = ?1 AND v.cutoff_id = ?2 AND v.expert_id = ?3 ORDER BY k.position";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  statement.bind(3, expert_id);
  std::optional<domain::Evaluation> found;
  read_evaluations(statement, [&](const domain::Evaluation& evaluation) { found = evaluation; });
  return found;
}

void SqliteEvaluationRepository::insert_scores(const domain::Evaluation& evaluation, std::int64_t id)
{
  // The criteria of the cut-off's call, read once a transaction: they cannot change once the
  // call has scores (core refuses it), so those read for the first evaluation hold for the rest.
  auto [ids, added] = m_criterion_ids.try_emplace(evaluation.cutoff_id);
  if (added) {
    static constexpr char k_criteria[] =
        "SELECT k.key, k.id FROM criterion k JOIN cutoff c ON c.call_id = k.call_id WHERE c.id = ?1";
    auto& criteria = m_statements.get(k_criteria);
    criteria.bind(1, evaluation.cutoff_id);
    while (criteria.executeStep()) {
      ids->second.emplace(criteria.getColumn(0).getString(), criteria.getColumn(1).getInt64());
    }
  }
  // Three scores a statement (the standard criteria are three), then one at a time.
  static constexpr char k_three[] = "INSERT INTO score (evaluation_id, criterion_id, score) "
                                    "VALUES (?1, ?2, ?3), (?1, ?4, ?5), (?1, ?6, ?7)";
  static constexpr char k_one[] = "INSERT INTO score (evaluation_id, criterion_id, score) VALUES (?1, ?2, ?3)";
  const auto& scores = evaluation.scores;
  std::size_t i = 0;
  while (i < scores.size()) {
    const std::size_t count = scores.size() - i >= 3 ? 3 : 1;
    auto& statement = m_statements.get(count == 3 ? FixedSql(k_three) : FixedSql(k_one));
    statement.bind(1, id);
    for (std::size_t j = 0; j < count; ++j, ++i) {
      const auto& [key, score] = scores[i];
      const auto criterion = ids->second.find(key);
      if (criterion == ids->second.end()) {
        throw Error(ErrorKind::internal,
                    fmt::format("no criterion '{}' for the proposal with id {}", key, evaluation.proposal_id));
      }
      statement.bind(static_cast<int>(2 + 2 * j), criterion->second);
      statement.bind(static_cast<int>(3 + 2 * j), score);
    }
    statement.exec();
  }
}

std::int64_t SqliteEvaluationRepository::save(const domain::Evaluation& evaluation,
                                              const std::optional<domain::Evaluation>& replaced,
                                              const domain::Stamp& stamp)
{
  static constexpr char k_keep[] =
      "INSERT INTO evaluation_version (evaluation_id, version, recorded_at, recorded_real_at, recorded_simulated, "
      "recorded_by, snapshot) SELECT id, version, recorded_at, recorded_real_at, recorded_simulated, recorded_by, ?2 "
      "FROM evaluation WHERE id = ?1";
  static constexpr char k_update[] =
      "UPDATE evaluation SET comment = ?2, version = version + 1, recorded_at = ?3, recorded_real_at = ?4, "
      "recorded_simulated = ?5, recorded_by = ?6 WHERE id = ?1";
  static constexpr char k_clear[] = "DELETE FROM score WHERE evaluation_id = ?1";
  static constexpr char k_insert[] =
      "INSERT INTO evaluation (proposal_id, cutoff_id, expert_id, comment, version, recorded_at, recorded_real_at, "
      "recorded_simulated, recorded_by) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8)";
  std::int64_t id = 0;
  if (const auto& earlier = replaced) {
    id = earlier->id;
    auto& keep = m_statements.get(k_keep);
    keep.bind(1, id);
    keep.bind(2, snapshot(*earlier));
    keep.exec();
    auto& update = m_statements.get(k_update);
    update.bind(1, id);
    bind_optional(update, 2, evaluation.comment);
    update.bind(3, m_stamp_text.of(stamp).first);
    update.bind(4, m_stamp_text.of(stamp).second);
    update.bind(5, stamp.simulated ? 1 : 0);
    update.bind(6, stamp.actor);
    update.exec();
    auto& clear = m_statements.get(k_clear);
    clear.bind(1, id);
    clear.exec();
  } else {
    auto& insert = m_statements.get(k_insert);
    insert.bind(1, evaluation.proposal_id);
    insert.bind(2, evaluation.cutoff_id);
    insert.bind(3, evaluation.expert_id);
    bind_optional(insert, 4, evaluation.comment);
    insert.bind(5, m_stamp_text.of(stamp).first);
    insert.bind(6, m_stamp_text.of(stamp).second);
    insert.bind(7, stamp.simulated ? 1 : 0);
    insert.bind(8, stamp.actor);
    insert.exec();
    id = m_db.getLastInsertRowid();
  }
  insert_scores(evaluation, id);
  return id;
}

void SqliteEvaluationRepository::for_each(std::int64_t call_id, std::optional<std::int64_t> proposal_id,
                                          const Visitor& visit) const
{
  // At the cut-off each proposal has now: an evaluation at an earlier one does not count; nor
  // does one by an expert a conflict of interest was declared for afterwards.
  static constexpr char k_of_call[] =
      CFP_EVALUATION_ROWS "JOIN proposal p ON p.id = v.proposal_id AND p.cutoff_id = v.cutoff_id "
                          "WHERE p.call_id = ?1 AND NOT EXISTS (SELECT 1 FROM declared_conflict d "
                          "WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id) "
                          "ORDER BY p.acronym, e.name_key, v.id, k.position";
  static constexpr char k_of_proposal[] =
      CFP_EVALUATION_ROWS "JOIN proposal p ON p.id = v.proposal_id AND p.cutoff_id = v.cutoff_id "
                          "WHERE p.call_id = ?1 AND p.id = ?2 AND NOT EXISTS (SELECT 1 FROM declared_conflict d "
                          "WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id) "
                          "ORDER BY e.name_key, v.id, k.position";
  auto& statement = m_statements.get(proposal_id ? FixedSql(k_of_proposal) : FixedSql(k_of_call));
  statement.bind(1, call_id);
  if (proposal_id) {
    statement.bind(2, *proposal_id);
  }
  read_evaluations(statement, visit);
}

void SqliteEvaluationRepository::for_each_at(std::int64_t proposal_id, std::int64_t cutoff_id,
                                             const Visitor& visit) const
{
  static constexpr char k_sql[] =
      CFP_EVALUATION_ROWS "WHERE v.proposal_id = ?1 AND v.cutoff_id = ?2 AND NOT EXISTS (SELECT 1 FROM "
                          "declared_conflict d WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id) "
                          "ORDER BY e.name_key, v.id, k.position";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  read_evaluations(statement, visit);
}

std::vector<domain::Evaluation> SqliteEvaluationRepository::versions(std::int64_t proposal_id) const
{
  std::vector<domain::Evaluation> all;
  static constexpr char k_current[] = CFP_EVALUATION_ROWS "WHERE v.proposal_id = ?1 ORDER BY v.id, k.position";
  auto& current = m_statements.get(k_current);
  current.bind(1, proposal_id);
  read_evaluations(current, [&](const domain::Evaluation& evaluation) { all.push_back(evaluation); });
  static constexpr char k_earlier[] =
      "SELECT ev.evaluation_id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, ev.version, ev.recorded_at, "
      "ev.recorded_by, ev.snapshot FROM evaluation_version ev JOIN evaluation v ON v.id = ev.evaluation_id "
      "JOIN expert e ON e.id = v.expert_id WHERE v.proposal_id = ?1 ORDER BY ev.evaluation_id, ev.version";
  auto& earlier = m_statements.get(k_earlier);
  earlier.bind(1, proposal_id);
  while (earlier.executeStep()) {
    auto evaluation = evaluation_from_snapshot(earlier.getColumn(8).getString());
    evaluation.id = earlier.getColumn(0).getInt64();
    evaluation.proposal_id = earlier.getColumn(1).getInt64();
    evaluation.cutoff_id = earlier.getColumn(2).getInt64();
    evaluation.expert_id = earlier.getColumn(3).getInt64();
    evaluation.expert = earlier.getColumn(4).getString(); // the name it has now
    evaluation.version = earlier.getColumn(5).getInt();
    evaluation.recorded_at = column_instant(earlier.getColumn(6));
    evaluation.recorded_by = earlier.getColumn(7).getString();
    all.push_back(std::move(evaluation));
  }
  std::stable_sort(all.begin(), all.end(), [](const domain::Evaluation& a, const domain::Evaluation& b) {
    return std::pair(a.id, a.version) < std::pair(b.id, b.version);
  });
  return all;
}

bool SqliteEvaluationRepository::any_scores(std::int64_t call_id) const
{
  static constexpr char k_sql[] =
      "SELECT EXISTS (SELECT 1 FROM score s JOIN criterion k ON k.id = s.criterion_id WHERE k.call_id = ?1) "
      "OR EXISTS (SELECT 1 FROM consensus c JOIN criterion k ON k.id = c.criterion_id WHERE k.call_id = ?1)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, call_id);
  statement.executeStep();
  return statement.getColumn(0).getInt() != 0;
}

bool SqliteEvaluationRepository::any_at_cutoff(std::int64_t cutoff_id) const
{
  static constexpr char k_sql[] = "SELECT EXISTS (SELECT 1 FROM evaluation WHERE cutoff_id = ?1) "
                                  "OR EXISTS (SELECT 1 FROM consensus WHERE cutoff_id = ?1)";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, cutoff_id);
  statement.executeStep();
  return statement.getColumn(0).getInt() != 0;
}

void SqliteEvaluationRepository::set_consensus(std::int64_t proposal_id, std::int64_t cutoff_id,
                                               const domain::ConsensusScore& score)
{
  static constexpr char k_sql[] =
      "INSERT OR REPLACE INTO consensus (proposal_id, cutoff_id, criterion_id, score, comment, recorded_at, "
      "recorded_by) SELECT ?1, ?2, k.id, ?4, ?5, ?6, ?7 FROM criterion k JOIN proposal p ON p.call_id = k.call_id "
      "WHERE p.id = ?1 AND k.key = ?3";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  statement.bind(3, score.key);
  statement.bind(4, score.score);
  bind_optional(statement, 5, score.comment);
  statement.bind(6, domain::format_utc(score.recorded_at));
  statement.bind(7, score.recorded_by);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal,
                fmt::format("no criterion '{}' for the proposal with id {}", score.key, proposal_id));
  }
}

std::vector<domain::ConsensusScore> SqliteEvaluationRepository::consensus(std::int64_t proposal_id,
                                                                          std::int64_t cutoff_id) const
{
  static constexpr char k_sql[] =
      "SELECT k.key, c.score, c.comment, c.recorded_at, c.recorded_by FROM consensus c "
      "JOIN criterion k ON k.id = c.criterion_id WHERE c.proposal_id = ?1 AND c.cutoff_id = ?2 ORDER BY k.position";
  auto& statement = m_statements.get(k_sql);
  statement.bind(1, proposal_id);
  statement.bind(2, cutoff_id);
  std::vector<domain::ConsensusScore> scores;
  while (statement.executeStep()) {
    domain::ConsensusScore score;
    score.key = statement.getColumn(0).getString();
    score.score = statement.getColumn(1).getInt64();
    score.comment = column_optional_string(statement.getColumn(2));
    score.recorded_at = column_instant(statement.getColumn(3));
    score.recorded_by = statement.getColumn(4).getString();
    scores.push_back(std::move(score));
  }
  return scores;
}

} // namespace cfp::store::sqlite

#undef CFP_EVALUATION_ROWS

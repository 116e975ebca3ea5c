// SPDX-License-Identifier: EUPL-1.2
// The evaluations read a proposal at a time, for long lists: `EvaluationRepository::reader` (the
// evaluations of a call's proposals, read forward through a cursor beside the list of its
// proposals in the default order) and `for_each_version` (a proposal's score history).
#include "cursor.hpp"
#include "evaluation_repository.hpp"
#include "values.hpp"

#include <cfp/domain/proposal.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

namespace cfp::store::postgresql {

namespace {

// One row a score, as for_each reads them for a call: by acronym (ignoring ASCII case, as
// SQLite compares the column), expert name, evaluation and criterion position; the acronym
// last, to tell which proposal a row of a proposal not asked for comes before.
constexpr CursorSql k_rows =
    CFP_PG_CURSOR("cfp_evaluation_reader",
                  "SELECT v.id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, " CFP_PG_EPOCH(
                      "v.recorded_at") ", v.recorded_by, k.key, s.score, p.acronym FROM evaluation v"
                                       " JOIN expert e ON e.id = v.expert_id JOIN score s ON s.evaluation_id = v.id"
                                       " JOIN criterion k ON k.id = s.criterion_id JOIN proposal p ON p.id = "
                                       "v.proposal_id AND p.cutoff_id = v.cutoff_id"
                                       " WHERE p.call_id = $1 AND NOT EXISTS (SELECT 1 FROM declared_conflict d"
                                       " WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id)"
                                       " ORDER BY nocase(p.acronym), p.id, e.name_key, v.id, k.position");

class PgEvaluationReader final : public EvaluationReader
{
public:
  PgEvaluationReader(Connection& connection, std::int64_t call_id) : m_rows(connection, k_rows, Params().int64(call_id))
  {
  }

  const std::vector<domain::Evaluation>& of(const domain::Proposal& proposal) override
  {
    m_evaluations.clear();
    const auto acronym = util::to_lower_ascii(proposal.acronym);
    while (m_ready || step()) {
      if (m_rows.rows().int64(m_rows.row(), 1) == proposal.id) {
        add_evaluation_row(m_evaluations, m_rows.rows(), m_rows.row());
      } else if (util::to_lower_ascii(m_rows.rows().string(m_rows.row(), 11)) >= acronym) {
        break; // a later proposal's
      }
      m_ready = false; // read, or of a proposal not asked for
    }
    return m_evaluations;
  }

private:
  bool step()
  {
    m_ready = !m_done && m_rows.next();
    m_done = !m_ready;
    return m_ready;
  }

  Cursor m_rows;
  bool m_ready = false; ///< the cursor is on a row not used yet
  bool m_done = false;
  std::vector<domain::Evaluation> m_evaluations;
};

} // namespace

std::unique_ptr<EvaluationReader> PgEvaluationRepository::reader(std::int64_t call_id) const
{
  return std::make_unique<PgEvaluationReader>(m_connection, call_id);
}

void PgEvaluationRepository::for_each_version(std::int64_t proposal_id, std::optional<std::int64_t> expert_id,
                                              const std::function<void(const EvaluationVersionRow&)>& visit) const
{
  // Every version of the evaluations of proposal $1 (of expert $2 unless NULL): the current ones
  // a row a score, the earlier ones a row with their snapshot; by the cut-off's closing, expert
  // name key, version, evaluation, criterion. A proposal's versions are few: one result.
  const auto rows = m_connection.run(
      "SELECT v.id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, " CFP_PG_EPOCH(
          "v.recorded_at") ", v.recorded_by, k.key, s.score, NULL AS snapshot, c.label, c.closes_at AS closes, "
                           "e.name_key AS name_key,"
                           " k.position AS position, EXISTS (SELECT 1 FROM declared_conflict d WHERE d.expert_id = "
                           "v.expert_id"
                           " AND d.proposal_id = v.proposal_id) FROM evaluation v JOIN expert e ON e.id = v.expert_id"
                           " JOIN score s ON s.evaluation_id = v.id JOIN criterion k ON k.id = s.criterion_id"
                           " JOIN cutoff c ON c.id = v.cutoff_id WHERE v.proposal_id = $1 AND ($2::bigint IS NULL OR "
                           "v.expert_id = $2)"
                           " UNION ALL"
                           " SELECT v.id, v.cutoff_id, v.expert_id, e.name, NULL, ev.version, " CFP_PG_EPOCH(
                               "ev.recorded_at") ", ev.recorded_by, NULL, NULL, ev.snapshot, c.label, c.closes_at, "
                                                 "e.name_key, 0, EXISTS (SELECT 1 FROM"
                                                 " declared_conflict d WHERE d.expert_id = v.expert_id AND "
                                                 "d.proposal_id = v.proposal_id)"
                                                 " FROM evaluation_version ev JOIN evaluation v ON v.id = "
                                                 "ev.evaluation_id JOIN expert e ON e.id = v.expert_id"
                                                 " JOIN cutoff c ON c.id = v.cutoff_id WHERE v.proposal_id = $1 AND "
                                                 "($2::bigint IS NULL OR v.expert_id = $2)"
                                                 " ORDER BY closes, name_key, 6, 1, position",
      Params().int64(proposal_id).optional_int64(expert_id));
  std::optional<EvaluationVersionRow> version;
  for (int row = 0; row < rows.rows(); ++row) {
    const auto id = rows.int64(row, 0);
    const auto number = static_cast<int>(rows.int64(row, 5));
    if (version && (version->evaluation.id != id || version->evaluation.version != number)) {
      visit(*version);
      version.reset();
    }
    if (!version) {
      version.emplace();
      const bool current = rows.is_null(row, 10);
      auto& evaluation = version->evaluation;
      if (!current) {
        evaluation = evaluation_from_snapshot(rows.text(row, 10));
      }
      evaluation.id = id;
      evaluation.proposal_id = proposal_id;
      evaluation.cutoff_id = rows.int64(row, 1);
      evaluation.expert_id = rows.int64(row, 2);
      evaluation.expert = rows.string(row, 3); // the name it has now
      if (current) {
        evaluation.comment = rows.optional_string(row, 4);
      }
      evaluation.version = number;
      evaluation.recorded_at = instant_at(rows, row, 6);
      evaluation.recorded_by = rows.string(row, 7);
      version->cutoff_label = rows.string(row, 11);
      version->current = current;
      version->set_aside = rows.boolean(row, 15);
    }
    if (version->current) {
      version->evaluation.scores.emplace_back(rows.string(row, 8), rows.int64(row, 9));
    }
  }
  if (version) {
    visit(*version);
  }
}

} // namespace cfp::store::postgresql

#undef CFP_PG_EVALUATION_ROWS

// SPDX-License-Identifier: EUPL-1.2
// The evaluations read a proposal at a time, for long lists: `EvaluationRepository::reader` (the
// evaluations of a call's proposals, read forward beside the list of its proposals in the
// default order) and `for_each_version` (a proposal's score history, one version at a time).
#include "evaluation_repository.hpp"
#include "values.hpp"

#include <cfp/domain/proposal.hpp>
#include <cfp/store/snapshot.hpp>
#include <cfp/util/text.hpp>

namespace cfp::store::sqlite {

namespace {

// One row a score, as for_each reads them for a call: by acronym (compared as the column is,
// ignoring ASCII case), expert name, evaluation and criterion position; the acronym last, to
// tell which proposal a row of a proposal not asked for comes before.
constexpr char k_rows[] =
    "SELECT v.id, v.proposal_id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, v.recorded_at, "
    "v.recorded_by, k.key, s.score, p.acronym FROM evaluation v JOIN expert e ON e.id = v.expert_id "
    "JOIN score s ON s.evaluation_id = v.id JOIN criterion k ON k.id = s.criterion_id "
    "JOIN proposal p ON p.id = v.proposal_id AND p.cutoff_id = v.cutoff_id "
    "WHERE p.call_id = ?1 AND NOT EXISTS (SELECT 1 FROM declared_conflict d "
    "WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id) "
    "ORDER BY p.acronym, p.id, e.name_key, v.id, k.position";

class SqliteEvaluationReader final : public EvaluationReader
{
public:
  SqliteEvaluationReader(StatementCache& statements, std::int64_t call_id) : m_rows(statements.get(k_rows))
  {
    m_rows.bind(1, call_id);
  }

  ~SqliteEvaluationReader() override
  {
    try {
      m_rows.reset();
    } catch (...) {
      // Reset again with every statement at the end of the transaction.
    }
  }

  const std::vector<domain::Evaluation>& of(const domain::Proposal& proposal) override
  {
    m_evaluations.clear();
    const auto acronym = util::to_lower_ascii(proposal.acronym);
    while (m_ready || step()) {
      if (m_rows.getColumn(1).getInt64() == proposal.id) {
        add_row();
      } else if (util::to_lower_ascii(m_rows.getColumn(11).getString()) >= acronym) {
        break; // a later proposal's
      }
      m_ready = false; // read, or of a proposal not asked for
    }
    return m_evaluations;
  }

private:
  bool step()
  {
    m_ready = !m_done && m_rows.executeStep();
    m_done = !m_ready;
    return m_ready;
  }

  void add_row()
  {
    const auto id = m_rows.getColumn(0).getInt64();
    if (m_evaluations.empty() || m_evaluations.back().id != id) {
      auto& evaluation = m_evaluations.emplace_back();
      evaluation.id = id;
      evaluation.proposal_id = m_rows.getColumn(1).getInt64();
      evaluation.cutoff_id = m_rows.getColumn(2).getInt64();
      evaluation.expert_id = m_rows.getColumn(3).getInt64();
      evaluation.expert = m_rows.getColumn(4).getString();
      evaluation.comment = column_optional_string(m_rows.getColumn(5));
      evaluation.version = m_rows.getColumn(6).getInt();
      evaluation.recorded_at = column_instant(m_rows.getColumn(7));
      evaluation.recorded_by = m_rows.getColumn(8).getString();
    }
    m_evaluations.back().scores.emplace_back(m_rows.getColumn(9).getString(), m_rows.getColumn(10).getInt64());
  }

  SQLite::Statement& m_rows;
  bool m_ready = false; ///< the statement is on a row not used yet
  bool m_done = false;
  std::vector<domain::Evaluation> m_evaluations;
};

// Every version of the evaluations of proposal ?1 (of expert ?2 unless NULL): the current ones a
// row a score, the earlier ones a row with their snapshot; by the cut-off's closing (UTC text of
// one width, which sorts as the instants do), expert name key, version, evaluation, criterion.
constexpr char k_versions[] =
    "SELECT v.id, v.cutoff_id, v.expert_id, e.name, v.comment, v.version, v.recorded_at, v.recorded_by, "
    "k.key, s.score, NULL AS snapshot, c.label, c.closes_at AS closes, e.name_key AS name_key, "
    "k.position AS position, EXISTS (SELECT 1 FROM declared_conflict d WHERE d.expert_id = v.expert_id "
    "AND d.proposal_id = v.proposal_id) FROM evaluation v JOIN expert e ON e.id = v.expert_id "
    "JOIN score s ON s.evaluation_id = v.id JOIN criterion k ON k.id = s.criterion_id "
    "JOIN cutoff c ON c.id = v.cutoff_id WHERE v.proposal_id = ?1 AND (?2 IS NULL OR v.expert_id = ?2) "
    "UNION ALL "
    "SELECT v.id, v.cutoff_id, v.expert_id, e.name, NULL, ev.version, ev.recorded_at, ev.recorded_by, NULL, NULL, "
    "ev.snapshot, c.label, c.closes_at, e.name_key, 0, EXISTS (SELECT 1 FROM declared_conflict d "
    "WHERE d.expert_id = v.expert_id AND d.proposal_id = v.proposal_id) FROM evaluation_version ev "
    "JOIN evaluation v ON v.id = ev.evaluation_id JOIN expert e ON e.id = v.expert_id "
    "JOIN cutoff c ON c.id = v.cutoff_id WHERE v.proposal_id = ?1 AND (?2 IS NULL OR v.expert_id = ?2) "
    "ORDER BY closes, name_key, 6, 1, position";

} // namespace

std::unique_ptr<EvaluationReader> SqliteEvaluationRepository::reader(std::int64_t call_id) const
{
  return std::make_unique<SqliteEvaluationReader>(m_statements, call_id);
}


void SqliteEvaluationRepository::for_each_version(std::int64_t proposal_id, std::optional<std::int64_t> expert_id,
                                                  const std::function<void(const EvaluationVersionRow&)>& visit) const
{
  auto& rows = m_statements.get(k_versions);
  rows.bind(1, proposal_id);
  bind_optional(rows, 2, expert_id);
  std::optional<EvaluationVersionRow> version;
  while (rows.executeStep()) {
    const auto id = rows.getColumn(0).getInt64();
    const auto number = rows.getColumn(5).getInt();
    if (version && (version->evaluation.id != id || version->evaluation.version != number)) {
      visit(*version);
      version.reset();
    }
    if (!version) {
      version.emplace();
      const bool current = rows.getColumn(10).isNull();
      auto& evaluation = version->evaluation;
      if (!current) {
        evaluation = evaluation_from_snapshot(rows.getColumn(10).getString());
      }
      evaluation.id = id;
      evaluation.proposal_id = proposal_id;
      evaluation.cutoff_id = rows.getColumn(1).getInt64();
      evaluation.expert_id = rows.getColumn(2).getInt64();
      evaluation.expert = rows.getColumn(3).getString(); // the name it has now
      if (current) {
        evaluation.comment = column_optional_string(rows.getColumn(4));
      }
      evaluation.version = number;
      evaluation.recorded_at = column_instant(rows.getColumn(6));
      evaluation.recorded_by = rows.getColumn(7).getString();
      version->cutoff_label = rows.getColumn(11).getString();
      version->current = current;
      version->set_aside = rows.getColumn(15).getInt() != 0;
    }
    if (version->current) {
      version->evaluation.scores.emplace_back(rows.getColumn(8).getString(), rows.getColumn(9).getInt64());
    }
  }
  rows.reset();
  if (version) {
    visit(*version);
  }
}

} // namespace cfp::store::sqlite

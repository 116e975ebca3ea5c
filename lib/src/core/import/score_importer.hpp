// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "../reference_data.hpp"
#include "import_run.hpp"
#include "input_record.hpp"
#include "reject_writer.hpp"

#include <cfp/core/session.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/domain/criterion.hpp>
#include <cfp/domain/evaluation.hpp>
#include <cfp/domain/expert.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/transaction.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cfp::core::detail {

/// Checks the rows of one score file against the rules of `score add` and, in Pass::apply,
/// writes each complete evaluation. The rows of one proposal and expert are that expert's
/// evaluation wherever they stand in the file: it is valid when each row is and every
/// criterion of the call is scored once, and it is written or rejected as a whole.
///
/// Three steps: take() every row (checks each and gathers the evaluations: four bytes a row and
/// one small record an evaluation are kept, never the rows nor their errors), then, when any
/// row is invalid, report() every row again in the same order (its errors, found again, and the
/// rejects file, in file order), then write(). Names that lead nowhere are remembered up to a
/// bound, so that a file of millions of unknown names costs queries, not memory.
class ScoreImporter
{
public:
  ScoreImporter(const Session& session, store::Transaction& tx, const ImportOptions& options, std::ostream* rejects,
                Pass pass);

  /// Takes one row (line 0: the CSV header, for the rejects file).
  void take(ScoreInputRecord& record);
  /// After the last row: decides which evaluations are complete. True when a row is invalid:
  /// then every row must be handed to report().
  bool settle();
  /// Takes one row again, in the order take() had them, and reports it when invalid.
  void report(const ScoreInputRecord& record);
  /// Counts each valid evaluation as new, replacing or unchanged and, in Pass::apply, writes it.
  void write();
  /// Goes on in another transaction, with a new stamp: for write() after a check pass whose
  /// findings still hold (nothing committed since), in place of checking every row again.
  void rebind(const Session& session, store::Transaction& tx, Pass pass);

  ImportSummary& summary() { return m_summary; }
  RejectWriter& rejects() { return m_rejects; }

private:
  // A call named in the file, with its criteria.
  struct CallEntry
  {
    const CallInfo* info = nullptr;
    std::vector<domain::Criterion> criteria;
    std::size_t lookups = 0; ///< proposals looked up one by one
    bool preloaded = false;  ///< every proposal of the call is in m_proposals
  };

  // One expert's evaluation of one proposal, as its rows give it.
  struct Group
  {
    const domain::Proposal* proposal = nullptr;
    const domain::Expert* expert = nullptr;
    const CallEntry* call = nullptr;
    std::size_t first_line = 0;
    std::vector<domain::HalfPoints> scores; ///< by criterion position
    std::vector<std::size_t> lines;         ///< of each criterion's row; 0: none yet
    std::optional<std::string> comment;
    std::size_t comment_line = 0;
    std::optional<std::string> conflict; ///< why the expert may not score the proposal
    std::size_t invalid_line = 0;        ///< the first of its rows that is invalid by itself
    std::string problem;                 ///< what is wrong with the evaluation as a whole
  };

  static constexpr std::uint32_t k_no_group = UINT32_MAX;

  CallEntry* call(const std::string& code);
  const domain::Proposal* proposal(CallEntry& call, const std::string& acronym);
  const domain::Expert* expert(const std::string& name);
  std::uint32_t group(const CallEntry& call, const domain::Proposal& proposal, const domain::Expert& expert,
                      std::size_t line);
  // Why `expert` may not score `proposal`, or nothing.
  std::optional<std::string> conflict(const domain::Expert& expert, const domain::Proposal& proposal);
  // The current evaluations of the proposals of `call` that the valid evaluations replace, by
  // (proposal, expert); read one by one for a few of them, at once for many.
  std::map<std::pair<std::int64_t, std::int64_t>, domain::Evaluation> current_evaluations(const CallEntry& call);
  // The row's errors; finds (or with `recording`, makes) its evaluation, and with `recording`
  // adds a valid row's score to it.
  std::vector<ImportError> check(const ScoreInputRecord& record, std::uint32_t& group_index, bool recording);
  std::string describe(const Group& group) const;
  std::uint32_t find_group(const domain::Proposal& proposal, const domain::Expert& expert) const;
  // Whether a name that leads nowhere is to be forgotten (past k_max_misses) rather than kept.
  bool forget_miss();

  store::Transaction* m_tx;
  bool m_apply;
  ReferenceData m_reference;
  RejectWriter m_rejects;
  domain::Stamp m_stamp;
  ImportSummary m_summary;

  std::map<std::string, CallEntry> m_calls; ///< by code as written
  std::map<std::pair<std::int64_t, std::string>, std::optional<domain::Proposal>> m_proposals;
  std::map<std::string, std::optional<domain::Expert>> m_experts; ///< by name as written
  std::unordered_map<std::int64_t, std::optional<std::string>> m_organisation_keys; ///< by expert id
  std::unordered_map<std::int64_t, std::string> m_entity_keys;                      ///< by proposal id
  std::optional<std::map<std::pair<std::int64_t, std::int64_t>, std::string>> m_declared; ///< reasons
  static constexpr std::size_t k_read_at_once = 1000; ///< lookups after which a call's rows are read at once
  std::map<std::pair<std::int64_t, std::int64_t>, std::uint32_t> m_group_of; ///< (proposal, expert)
  std::vector<Group> m_groups;
  std::vector<std::uint32_t> m_row_groups;                               ///< by row, from 0
  std::size_t m_invalid_rows = 0; ///< invalid by themselves
  std::size_t m_misses = 0;       ///< names kept that lead nowhere
  static constexpr std::size_t k_max_misses = 100'000;
  std::size_t m_reported = 0;                                            ///< rows report() has had
};

} // namespace cfp::core::detail

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"
#include "values.hpp"

#include <cfp/store/proposal_repository.hpp>

#include <array>

namespace cfp::store::sqlite {

/// Proposals: the current version in `proposal` with its partners and sectors in their own
/// tables, earlier versions as snapshots in `proposal_version`.
class SqliteProposalRepository final : public ProposalRepository
{
public:
  SqliteProposalRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  /// The inserts of 1 to 8 child rows (sectors) of one proposal, by count - 1.
  using RowInserts = std::array<FixedSql, 8>;

  std::int64_t insert(std::int64_t call_id, const domain::Proposal& proposal, const domain::Stamp& stamp) override;
  void update(const domain::Proposal& proposal, const domain::Stamp& stamp) override;
  std::optional<domain::Proposal> find(std::int64_t id) const override;
  std::optional<domain::Proposal> find(std::int64_t call_id, const std::string& acronym) const override;
  std::vector<domain::Proposal> find_by_acronym(const std::string& acronym) const override;
  void for_each(const ProposalFilter& filter, const ProposalOrder& order, const Visitor& visit) const override;
  using ProposalRepository::for_each;
  void set_outcome(std::int64_t id, std::optional<domain::Outcome> outcome) override;
  std::vector<domain::ProposalVersion> history(std::int64_t id) const override;
  void for_each_version(std::int64_t id,
                        const std::function<void(const domain::ProposalVersion&)>& visit) const override;
  void add_round(std::int64_t proposal_id, std::int64_t cutoff_id, int version, domain::ProposalStatus status,
                 std::optional<domain::Outcome> outcome) override;
  void for_each_round(std::optional<std::int64_t> call_id, std::optional<std::int64_t> cutoff_id,
                      const Visitor& visit) const override;
  void set_round_outcome(std::int64_t proposal_id, std::int64_t cutoff_id,
                         std::optional<domain::Outcome> outcome) override;
  std::vector<std::string> moved_by_new_cutoff(std::int64_t call_id, domain::Instant closes_at) const override;
  std::vector<Submission> submissions(std::int64_t call_id) const override;
  void remove(std::int64_t id) override;
  std::vector<CutoffTally> tally(std::optional<std::int64_t> call_id) const override;
  std::vector<StateTally> tally_states(std::optional<std::int64_t> call_id,
                                       std::optional<std::int64_t> cutoff_id) const override;
  std::vector<std::pair<domain::ProposalStatus, int>> count_by_status(std::int64_t call_id) const override;

private:
  /// When and by whom the current version of proposal `id` was recorded (real time empty for
  /// versions older than schema 5).
  struct Recorded
  {
    domain::Instant at;
    std::string by;
    std::optional<domain::Instant> real_at;
    bool simulated = false;
  };
  std::optional<Recorded> recorded_of(std::int64_t id) const;
  void write_children(const domain::Proposal& proposal);
  void write_rows(const RowInserts& inserts, std::int64_t id, const std::vector<std::string>& values);
  void write_snapshot(const domain::Proposal& proposal, const Recorded& recorded);

  SQLite::Database& m_db;
  StatementCache& m_statements;
  StampText m_stamp_text;
};

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "connection.hpp"

#include <cfp/store/proposal_repository.hpp>

namespace cfp::store::postgresql {

/// Proposals, as on SQLite: the current version in `proposal` with its partners and sectors in
/// their own tables, earlier versions as snapshots in `proposal_version`, earlier rounds in
/// `proposal_round`. Listings read through a cursor (cursor.hpp).
class PgProposalRepository final : public ProposalRepository
{
public:
  explicit PgProposalRepository(Connection& connection) : m_connection(connection) {}

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
  void write_children(const domain::Proposal& proposal);

  Connection& m_connection;
};

} // namespace cfp::store::postgresql

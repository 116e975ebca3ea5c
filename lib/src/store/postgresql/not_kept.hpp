// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What this backend does not keep yet: proposals, experts, scores and documents. A PostgreSQL
// database holds none of them (this cfp never writes them there, and a cfp that does would
// have a newer schema, which this one refuses), so a lookup finds nothing and a list is empty,
// which is the truth; a change, a tally for the reports, or anything else that would need them
// throws cfp::Error (usage) saying so, before anything is written.

#include <cfp/store/document_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/expert_repository.hpp>
#include <cfp/store/proposal_repository.hpp>

namespace cfp::store::postgresql {

/// Throws the cfp::Error (usage) that says what a PostgreSQL database does not keep yet.
[[noreturn]] void not_kept();

class PgProposalsNotKept final : public ProposalRepository
{
public:
  PgProposalsNotKept() = default;

  std::int64_t insert(std::int64_t, const domain::Proposal&, const domain::Stamp&) override { not_kept(); }
  void update(const domain::Proposal&, const domain::Stamp&) override { not_kept(); }
  std::optional<domain::Proposal> find(std::int64_t) const override { return std::nullopt; }
  std::optional<domain::Proposal> find(std::int64_t, const std::string&) const override { return std::nullopt; }
  std::vector<domain::Proposal> find_by_acronym(const std::string&) const override { return {}; }
  void for_each(const ProposalFilter&, const ProposalOrder&, const Visitor&) const override {}
  void set_outcome(std::int64_t, std::optional<domain::Outcome>) override { not_kept(); }
  void add_round(std::int64_t, std::int64_t, int, domain::ProposalStatus, std::optional<domain::Outcome>) override
  {
    not_kept();
  }
  void for_each_round(std::optional<std::int64_t>, std::optional<std::int64_t>, const Visitor&) const override {}
  void set_round_outcome(std::int64_t, std::int64_t, std::optional<domain::Outcome>) override { not_kept(); }
  std::vector<domain::ProposalVersion> history(std::int64_t) const override { return {}; }
  void for_each_version(std::int64_t, const std::function<void(const domain::ProposalVersion&)>&) const override {}
  std::vector<Submission> submissions(std::int64_t) const override { return {}; }
  void remove(std::int64_t) override { not_kept(); }
  std::vector<std::string> moved_by_new_cutoff(std::int64_t, domain::Instant) const override { return {}; }
  std::vector<CutoffTally> tally(std::optional<std::int64_t>) const override { not_kept(); }
  std::vector<StateTally> tally_states(std::optional<std::int64_t>, std::optional<std::int64_t>) const override
  {
    not_kept();
  }
  std::vector<std::pair<domain::ProposalStatus, int>> count_by_status(std::int64_t) const override { return {}; }
};

class PgExpertsNotKept final : public ExpertRepository
{
public:
  PgExpertsNotKept() = default;

  std::int64_t insert(const domain::Expert&, domain::Instant) override { not_kept(); }
  std::optional<domain::Expert> find(const std::string&) const override { return std::nullopt; }
  std::vector<domain::Expert> list() const override { return {}; }
  void declare_conflict(const DeclaredConflict&) override { not_kept(); }
  std::optional<DeclaredConflict> declared(std::int64_t, std::int64_t) const override { return std::nullopt; }
  std::vector<DeclaredConflict> declared_conflicts(std::optional<std::int64_t>) const override { return {}; }
  std::vector<DeclaredConflict> conflicts_with(std::int64_t) const override { return {}; }
  void remove_conflicts_with(std::int64_t) override { not_kept(); }
};

class PgEvaluationsNotKept final : public EvaluationRepository
{
public:
  PgEvaluationsNotKept() = default;
  std::optional<domain::Evaluation> find(std::int64_t, std::int64_t, std::int64_t) const override
  {
    return std::nullopt;
  }
  std::int64_t save(const domain::Evaluation&, const std::optional<domain::Evaluation>&, const domain::Stamp&) override
  {
    not_kept();
  }
  void for_each(std::int64_t, std::optional<std::int64_t>, const Visitor&) const override {}
  std::unique_ptr<EvaluationReader> reader(std::int64_t) const override { not_kept(); }
  void for_each_at(std::int64_t, std::int64_t, const Visitor&) const override {}
  std::vector<domain::Evaluation> versions(std::int64_t) const override { return {}; }
  void for_each_version(std::int64_t, std::optional<std::int64_t>,
                        const std::function<void(const EvaluationVersionRow&)>&) const override
  {
  }
  bool any_scores(std::int64_t) const override { return false; }
  bool any_at_cutoff(std::int64_t) const override { return false; }
  void set_consensus(std::int64_t, std::int64_t, const domain::ConsensusScore&) override { not_kept(); }
  std::vector<domain::ConsensusScore> consensus(std::int64_t, std::int64_t) const override { return {}; }
};

class PgDocumentsNotKept final : public DocumentRepository
{
public:
  PgDocumentsNotKept() = default;

  bool has_content(const std::string&) const override { return false; }
  std::int64_t store_content(const std::string&, std::int64_t, const std::string&, const Reader&) override
  {
    not_kept();
  }
  bool read_content(const std::string&, const Writer&) const override { return false; }
  void add(std::int64_t, const domain::Document&) override { not_kept(); }
  void close(std::int64_t, const std::string&, int) override { not_kept(); }
  std::vector<domain::Document> at_version(std::int64_t, int) const override { return {}; }
  std::vector<std::pair<domain::Document, std::optional<int>>> all_versions(std::int64_t) const override { return {}; }
  void for_each_current(std::optional<std::int64_t>, const std::function<void(const ProposalDocument&)>&) const override
  {
  }
  void for_each_content(const std::function<void(const std::string& sha256, std::int64_t size)>&) const override {}
  void remove_all(std::int64_t) override { not_kept(); }
};

} // namespace cfp::store::postgresql

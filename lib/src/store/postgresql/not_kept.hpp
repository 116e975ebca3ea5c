// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What this backend does not keep yet: experts, scores and documents. A PostgreSQL database
// holds none of them (this cfp never writes them there, and a cfp that does would
// have a newer schema, which this one refuses), so a lookup finds nothing and a list is empty,
// which is the truth; removing all of a proposal's removes nothing; a change, or anything else
// that would need them, throws cfp::Error (usage) saying so, before anything is written.

#include <cfp/store/document_repository.hpp>
#include <cfp/store/evaluation_repository.hpp>
#include <cfp/store/expert_repository.hpp>

namespace cfp::store::postgresql {

/// Throws the cfp::Error (usage) that says what a PostgreSQL database does not keep yet.
[[noreturn]] void not_kept();

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
  // Nothing to remove: the database holds no conflicts.
  void remove_conflicts_with(std::int64_t) override {}
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
  // Nothing to remove: the database holds no documents.
  void remove_all(std::int64_t) override {}
};

} // namespace cfp::store::postgresql

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What this backend does not keep yet: documents. A PostgreSQL database holds none (this cfp
// never writes them there, and a cfp that does would have a newer schema, which this one
// refuses), so a lookup finds nothing and a list is empty, which is the truth; removing all of
// a proposal's removes nothing; a change, or anything else that would need them, throws
// cfp::Error (usage) saying so, before anything is written.

#include <cfp/store/document_repository.hpp>

namespace cfp::store::postgresql {

/// Throws the cfp::Error (usage) that says what a PostgreSQL database does not keep yet.
[[noreturn]] void not_kept();

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

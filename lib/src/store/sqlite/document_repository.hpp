// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "statement_cache.hpp"

#include <cfp/store/document_repository.hpp>

namespace cfp::store::sqlite {

/// Documents: contents in `document_content` with their bytes in `document_chunk`, and which
/// content is which part of which proposal versions in `proposal_document`.
class SqliteDocumentRepository final : public DocumentRepository
{
public:
  SqliteDocumentRepository(SQLite::Database& db, StatementCache& statements) : m_db(db), m_statements(statements) {}

  bool has_content(const std::string& sha256) const override;
  std::int64_t store_content(const std::string& sha256, std::int64_t size, const std::string& media_type,
                             const Reader& read) override;
  bool read_content(const std::string& sha256, const Writer& write) const override;
  void add(std::int64_t proposal_id, const domain::Document& document) override;
  void close(std::int64_t proposal_id, const std::string& part, int version) override;
  std::vector<domain::Document> at_version(std::int64_t proposal_id, int version) const override;
  std::vector<std::pair<domain::Document, std::optional<int>>> all_versions(std::int64_t proposal_id) const override;
  void for_each_current(std::optional<std::int64_t> call_id,
                        const std::function<void(const ProposalDocument&)>& visit) const override;
  void for_each_content(const std::function<void(const std::string& sha256, std::int64_t size)>& visit) const override;
  void remove_all(std::int64_t proposal_id) override;

private:
  SQLite::Database& m_db;
  StatementCache& m_statements;
};

} // namespace cfp::store::sqlite

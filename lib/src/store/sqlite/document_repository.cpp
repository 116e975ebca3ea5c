// SPDX-License-Identifier: EUPL-1.2
#include "document_repository.hpp"

#include "values.hpp"

#include <cfp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace cfp::store::sqlite {

namespace {

#define CFP_DOCUMENT_COLUMNS                                                                                           \
  "SELECT d.part, d.file_name, d.title, c.size, c.media_type, c.sha256, d.from_version, d.recorded_at, "             \
  "d.recorded_by, d.to_version FROM proposal_document d JOIN document_content c ON c.id = d.content_id"

// Reads the first nine columns of CFP_DOCUMENT_COLUMNS.
domain::Document read_document(const SQLite::Statement& statement)
{
  domain::Document document;
  document.part = statement.getColumn(0).getString();
  document.file_name = statement.getColumn(1).getString();
  document.title = column_optional_string(statement.getColumn(2));
  document.size = statement.getColumn(3).getInt64();
  document.media_type = statement.getColumn(4).getString();
  document.sha256 = statement.getColumn(5).getString();
  document.version = statement.getColumn(6).getInt();
  document.recorded_at = column_instant(statement.getColumn(7));
  document.recorded_by = statement.getColumn(8).getString();
  return document;
}

void sort_by_part(std::vector<domain::Document>& documents)
{
  std::sort(documents.begin(), documents.end(),
            [](const auto& a, const auto& b) { return domain::part_before(a.part, b.part); });
}

} // namespace

bool SqliteDocumentRepository::has_content(const std::string& sha256) const
{
  auto& statement = m_statements.get("SELECT 1 FROM document_content WHERE sha256 = ?1");
  statement.bind(1, sha256);
  return statement.executeStep();
}

std::int64_t SqliteDocumentRepository::store_content(const std::string& sha256, std::int64_t size,
                                                     const std::string& media_type, const Reader& read)
{
  auto& content = m_statements.get("INSERT INTO document_content (sha256, size, media_type, chunks) "
                                   "VALUES (?1, ?2, ?3, ?4)");
  const auto chunks = std::max<std::int64_t>(1, (size + static_cast<std::int64_t>(k_document_chunk_bytes) - 1) /
                                                    static_cast<std::int64_t>(k_document_chunk_bytes));
  content.bind(1, sha256);
  content.bind(2, size);
  content.bind(3, media_type);
  content.bind(4, chunks);
  content.exec();
  const auto content_id = m_db.getLastInsertRowid();
  auto& chunk = m_statements.get("INSERT INTO document_chunk (content_id, position, data) VALUES (?1, ?2, ?3)");
  const auto buffer = std::make_unique<char[]>(k_document_chunk_bytes);
  std::int64_t total = 0;
  for (std::int64_t position = 0;; ++position) {
    // Fills the chunk to the full size, so that chunks are whole but for the last.
    std::size_t filled = 0;
    while (filled < k_document_chunk_bytes) {
      const auto got = read(buffer.get() + filled, k_document_chunk_bytes - filled);
      if (got == 0) {
        break;
      }
      filled += got;
    }
    if (filled == 0) {
      break;
    }
    chunk.reset();
    chunk.bind(1, content_id);
    chunk.bind(2, position);
    chunk.bindNoCopy(3, buffer.get(), static_cast<int>(filled));
    chunk.exec();
    total += static_cast<std::int64_t>(filled);
    if (filled < k_document_chunk_bytes) {
      break;
    }
  }
  return total;
}

bool SqliteDocumentRepository::read_content(const std::string& sha256, const Writer& write) const
{
  auto& content = m_statements.get("SELECT id FROM document_content WHERE sha256 = ?1");
  content.bind(1, sha256);
  if (!content.executeStep()) {
    return false;
  }
  const auto content_id = content.getColumn(0).getInt64();
  content.reset();
  auto& chunks = m_statements.get("SELECT data FROM document_chunk WHERE content_id = ?1 ORDER BY position");
  chunks.bind(1, content_id);
  while (chunks.executeStep()) {
    const auto column = chunks.getColumn(0);
    write(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
  }
  return true;
}

void SqliteDocumentRepository::add(std::int64_t proposal_id, const domain::Document& document)
{
  auto& statement = m_statements.get(
      "INSERT INTO proposal_document (proposal_id, part, content_id, file_name, title, from_version, recorded_at, "
      "recorded_by) VALUES (?1, ?2, (SELECT id FROM document_content WHERE sha256 = ?3), ?4, ?5, ?6, ?7, ?8)");
  statement.bind(1, proposal_id);
  statement.bind(2, document.part);
  statement.bind(3, document.sha256);
  statement.bind(4, document.file_name);
  bind_optional(statement, 5, document.title);
  statement.bind(6, document.version);
  statement.bind(7, domain::format_utc(document.recorded_at));
  statement.bind(8, document.recorded_by);
  statement.exec();
}

void SqliteDocumentRepository::close(std::int64_t proposal_id, const std::string& part, int version)
{
  auto& statement = m_statements.get("UPDATE proposal_document SET to_version = ?3 "
                                     "WHERE proposal_id = ?1 AND part = ?2 AND to_version IS NULL");
  statement.bind(1, proposal_id);
  statement.bind(2, part);
  statement.bind(3, version);
  if (statement.exec() != 1) {
    throw Error(ErrorKind::internal, fmt::format("proposal {} has no current {} to close", proposal_id, part));
  }
}

std::vector<domain::Document> SqliteDocumentRepository::at_version(std::int64_t proposal_id, int version) const
{
  auto& statement = m_statements.get(CFP_DOCUMENT_COLUMNS " WHERE d.proposal_id = ?1 AND d.from_version <= ?2 "
                                                          "AND (d.to_version IS NULL OR d.to_version > ?2)");
  statement.bind(1, proposal_id);
  statement.bind(2, version);
  std::vector<domain::Document> documents;
  while (statement.executeStep()) {
    documents.push_back(read_document(statement));
  }
  sort_by_part(documents);
  return documents;
}

std::vector<std::pair<domain::Document, std::optional<int>>>
SqliteDocumentRepository::all_versions(std::int64_t proposal_id) const
{
  auto& statement = m_statements.get(CFP_DOCUMENT_COLUMNS " WHERE d.proposal_id = ?1 ORDER BY d.from_version, d.id");
  statement.bind(1, proposal_id);
  std::vector<std::pair<domain::Document, std::optional<int>>> documents;
  while (statement.executeStep()) {
    const auto until = column_optional_int64(statement.getColumn(9));
    documents.emplace_back(read_document(statement), until ? std::optional(static_cast<int>(*until)) : std::nullopt);
  }
  return documents;
}

void SqliteDocumentRepository::for_each_current(std::optional<std::int64_t> call_id,
                                                const std::function<void(const ProposalDocument&)>& visit) const
{
  // Every current document in one pass; the parts of one proposal are put in order before they
  // are visited.
  auto& statement = m_statements.get(
      "SELECT d.part, d.file_name, d.title, c.size, c.media_type, c.sha256, d.from_version, d.recorded_at, "
      "d.recorded_by, k.code, p.acronym FROM proposal_document d JOIN document_content c ON c.id = d.content_id "
      "JOIN proposal p ON p.id = d.proposal_id JOIN call k ON k.id = p.call_id "
      "WHERE d.to_version IS NULL AND (?1 IS NULL OR p.call_id = ?1) ORDER BY k.code, p.acronym, p.id");
  bind_optional(statement, 1, call_id);
  std::vector<ProposalDocument> batch;
  const auto flush = [&] {
    std::sort(batch.begin(), batch.end(),
              [](const auto& a, const auto& b) { return domain::part_before(a.document.part, b.document.part); });
    for (const auto& document : batch) {
      visit(document);
    }
    batch.clear();
  };
  while (statement.executeStep()) {
    ProposalDocument row{statement.getColumn(9).getString(), statement.getColumn(10).getString(),
                         read_document(statement)};
    if (!batch.empty() && (batch.front().call_code != row.call_code || batch.front().acronym != row.acronym)) {
      flush();
    }
    batch.push_back(std::move(row));
  }
  flush();
}

void SqliteDocumentRepository::for_each_content(
    const std::function<void(const std::string& sha256, std::int64_t size)>& visit) const
{
  // `visit` may read each content (read_content): other statements than this one.
  auto& statement = m_statements.get("SELECT sha256, size FROM document_content ORDER BY sha256");
  while (statement.executeStep()) {
    visit(statement.getColumn(0).getString(), statement.getColumn(1).getInt64());
  }
}

void SqliteDocumentRepository::remove_all(std::int64_t proposal_id)
{
  auto& documents = m_statements.get("DELETE FROM proposal_document WHERE proposal_id = ?1");
  documents.bind(1, proposal_id);
  documents.exec();
  // The contents no proposal refers to now; their chunks go with them (ON DELETE CASCADE).
  m_statements.get("DELETE FROM document_content WHERE NOT EXISTS "
                   "(SELECT 1 FROM proposal_document d WHERE d.content_id = document_content.id)")
      .exec();
}

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#include "document_rules.hpp"

#include "proposal_rules.hpp"

#include <cfp/error.hpp>
#include <cfp/store/call_repository.hpp>
#include <cfp/util/digest.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core::detail {

using domain::Document;

const Document* find_part(const std::vector<Document>& documents, const std::string& part)
{
  const auto found =
      std::find_if(documents.begin(), documents.end(), [&](const Document& document) { return document.part == part; });
  return found == documents.end() ? nullptr : &*found;
}

std::vector<Document> replaced(std::vector<Document> documents, const std::string& part,
                               const std::optional<Document>& document)
{
  std::erase_if(documents, [&](const Document& existing) { return existing.part == part; });
  if (document) {
    documents.push_back(*document);
    std::sort(documents.begin(), documents.end(),
              [](const auto& a, const auto& b) { return domain::part_before(a.part, b.part); });
  }
  return documents;
}

domain::Call call_of(const store::Transaction& tx, const domain::Proposal& proposal)
{
  auto call = tx.calls().find(proposal.call_code);
  if (!call) {
    throw Error(ErrorKind::internal, fmt::format("call {} vanished", proposal.call_code));
  }
  return *call;
}

std::string limit_text(const domain::Call& call)
{
  return fmt::format("the limit of {} a document of call {}", domain::format_limit(call.document_limit), call.code);
}

bool same_document(const Document& existing, const std::string& sha256, const std::string& file_name,
                   const std::optional<std::string>& title)
{
  return existing.sha256 == sha256 && existing.file_name == file_name && existing.title == title;
}

std::optional<std::int64_t> over_proposal_limit(const std::vector<Document>& documents)
{
  std::int64_t total = 0;
  for (const auto& document : documents) {
    total += document.size;
  }
  return total > domain::k_proposal_documents_limit ? std::optional(total) : std::nullopt;
}

std::string proposal_limit_text(const std::string& acronym, std::int64_t total)
{
  return fmt::format("the documents of {} would come to {}, over the limit of {} a proposal", acronym,
                     domain::format_size(total), domain::format_limit(domain::k_proposal_documents_limit));
}

std::vector<std::string> save_document_version(const Session& session, store::Transaction& tx,
                                               const domain::Proposal& before, domain::Proposal& after,
                                               const std::string& action, domain::Instant now)
{
  ReferenceData reference(tx);
  if (after.status == domain::ProposalStatus::submitted) {
    submit_now(reference, after, now, &before);
  }
  save_version(session, tx, before, after, action);
  return missing_part_warnings(reference, after);
}

bool store_checked_content(store::DocumentRepository& documents, const std::string& sha256, std::int64_t size,
                           const std::string& media_type,
                           const std::function<store::DocumentRepository::Reader()>& open)
{
  if (documents.has_content(sha256)) {
    // The same bytes are stored already: the receipt will cover them, so they must be intact.
    util::Sha256 hash;
    std::int64_t stored = 0;
    documents.read_content(sha256, [&](const char* data, std::size_t bytes) {
      hash.update(data, bytes);
      stored += static_cast<std::int64_t>(bytes);
    });
    if (hash.hex() != sha256 || stored != size) {
      throw Error(ErrorKind::storage,
                  fmt::format("the database holds a damaged copy of the same content (SHA-256 {}); restore the "
                              "database from a backup, and run 'cfp db check'",
                              sha256));
    }
    return true;
  }
  util::Sha256 hash;
  auto read = open();
  const auto stored = documents.store_content(sha256, size, media_type, [&](char* buffer, std::size_t capacity) {
    const auto got = read(buffer, capacity);
    hash.update(buffer, got);
    return got;
  });
  return stored == size && hash.hex() == sha256;
}

} // namespace cfp::core::detail

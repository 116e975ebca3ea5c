// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/domain/document.hpp>
#include <cfp/domain/stamp.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::store {

/// The size of the pieces a document's bytes are stored and read in (1 MiB): what a backend
/// holds in memory at once for one document, whatever its size.
inline constexpr std::size_t k_document_chunk_bytes = std::size_t{1} << 20;

/// One current document of a proposal, with what names the proposal, for an export.
struct ProposalDocument
{
  std::string call_code;
  std::string acronym;
  domain::Document document;
};

/// The documents of proposals: their bytes, stored once per distinct content (by SHA-256) in
/// chunks, and which content was which part of a proposal from which version to which.
class DocumentRepository
{
public:
  /// Fills `buffer` with up to `capacity` bytes of the document being stored and returns how
  /// many; 0 at its end.
  using Reader = std::function<std::size_t(char* buffer, std::size_t capacity)>;
  /// Receives the bytes of a document in order, a chunk at a time.
  using Writer = std::function<void(const char* data, std::size_t size)>;

  DocumentRepository(const DocumentRepository&) = delete;
  DocumentRepository& operator=(const DocumentRepository&) = delete;
  virtual ~DocumentRepository() = default;

  /// Whether a content with this SHA-256 is stored.
  virtual bool has_content(const std::string& sha256) const = 0;
  /// Stores a new content, read through `read` to its end in chunks of k_document_chunk_bytes,
  /// under `sha256` (which the caller checks against the bytes read before it commits), with
  /// its size and media type. Returns how many bytes were read.
  virtual std::int64_t store_content(const std::string& sha256, std::int64_t size, const std::string& media_type,
                                     const Reader& read) = 0;
  /// Writes the content stored under `sha256` to `write`, chunk by chunk. Returns false when
  /// there is none.
  virtual bool read_content(const std::string& sha256, const Writer& write) const = 0;

  /// Makes `document` (whose content is stored) part `document.part` of proposal `proposal_id`
  /// from version `document.version` on, recorded as `document.recorded_at/by` say.
  virtual void add(std::int64_t proposal_id, const domain::Document& document) = 0;
  /// Ends the current document of part `part` of proposal `proposal_id`: it belongs to the
  /// versions before `version` only.
  virtual void close(std::int64_t proposal_id, const std::string& part, int version) = 0;

  /// The documents of proposal `proposal_id` at its version `version`, by part.
  virtual std::vector<domain::Document> at_version(std::int64_t proposal_id, int version) const = 0;
  /// Every document the proposal ever had, with the version it was replaced or detached in
  /// (none: current), by version attached, then part.
  virtual std::vector<std::pair<domain::Document, std::optional<int>>> all_versions(std::int64_t proposal_id) const = 0;

  /// Visits the current documents of every proposal (or of call `call_id`'s), by call code,
  /// acronym and part.
  virtual void for_each_current(std::optional<std::int64_t> call_id,
                                const std::function<void(const ProposalDocument&)>& visit) const = 0;

  /// Visits every stored content: its SHA-256 and size as recorded, by SHA-256.
  virtual void for_each_content(const std::function<void(const std::string& sha256, std::int64_t size)>& visit) const = 0;

  /// Removes the documents of draft `proposal_id` (with its history) and every content no
  /// proposal refers to any more.
  virtual void remove_all(std::int64_t proposal_id) = 0;

protected:
  DocumentRepository() = default;
};

} // namespace cfp::store

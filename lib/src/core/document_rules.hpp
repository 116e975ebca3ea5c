// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The rules a document meets to become part of a proposal, shared by `proposal attach` and
// `import documents`: the limits, which part a content may be, when nothing changes, and how
// the bytes checked are stored. Private to core.

#include <cfp/core/session.hpp>
#include <cfp/domain/call.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/proposal.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/store/transaction.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// The document of part `part` in `documents`, or nullptr.
const domain::Document* find_part(const std::vector<domain::Document>& documents, const std::string& part);

/// The documents with `document` in the place of its part (or without `part`), in part order.
std::vector<domain::Document> replaced(std::vector<domain::Document> documents, const std::string& part,
                                       const std::optional<domain::Document>& document);

/// The call of `proposal`; throws cfp::Error (internal) when it is gone.
domain::Call call_of(const store::Transaction& tx, const domain::Proposal& proposal);

/// "the limit of 50 MiB a document of call CODE", for messages.
std::string limit_text(const domain::Call& call);

/// Whether `existing` already holds this content under this file name and title: attaching it
/// again changes nothing.
bool same_document(const domain::Document& existing, const std::string& sha256, const std::string& file_name,
                   const std::optional<std::string>& title);

/// The size of `documents` together when it is over the limit of a proposal
/// (domain::k_proposal_documents_limit); nothing when they fit.
std::optional<std::int64_t> over_proposal_limit(const std::vector<domain::Document>& documents);

/// Why the documents of `acronym`, `total` bytes together, cannot be kept, for messages.
std::string proposal_limit_text(const std::string& acronym, std::int64_t total);

/// Stores `after` (with its documents) as the next version of `before`, submitted again when
/// it is submitted (detail::submit_now: refused when no cut-off is open or a change takes away
/// a required part), and audits `action`. Returns a warning when a submitted proposal still
/// lacks a part its call came to require after it was submitted.
std::vector<std::string> save_document_version(const Session& session, store::Transaction& tx,
                                               const domain::Proposal& before, domain::Proposal& after,
                                               const std::string& action, domain::Instant now);

/// Stores the content `sha256` of `size` bytes, unless it is stored already (then checks that the
/// copy stored is intact: cfp::Error, storage, when it is not), reading it again
/// through the reader `open` gives (called only then) and hashing it on the way: the bytes
/// stored must be the bytes checked. Returns false when what was read is not those bytes (the
/// file changed since it was checked); the caller then throws, which rolls the transaction back.
bool store_checked_content(store::DocumentRepository& documents, const std::string& sha256, std::int64_t size,
                           const std::string& media_type,
                           const std::function<store::DocumentRepository::Reader()>& open);

} // namespace cfp::core::detail

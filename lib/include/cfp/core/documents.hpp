// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposals.hpp>
#include <cfp/core/session.hpp>
#include <cfp/domain/document.hpp>
#include <cfp/domain/proposal.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// `proposal attach`: the file at `path` (`-`: standard input) becomes part `part` of the
/// proposal `ref`, under `file_name` (by default the last component of the path; `stdin` for
/// standard input) and `title`.
struct AttachRequest
{
  std::string ref;
  std::string part;
  std::string path;
  std::optional<std::string> title;
  std::optional<std::string> file_name;
};

/// What attaching or detaching did: the proposal change (a new version, unless nothing changed),
/// the document attached (none for a detach) and the one it replaced or detached.
struct DocumentChange
{
  ProposalChange change;
  std::optional<domain::Document> document;
  std::optional<domain::Document> replaced;
};

/// Reads the file, checks it (not empty, within the call's limit per document and the limit per
/// proposal, of a media type the part allows), then stores it as part of a new version of the
/// proposal under the rules of `update_proposal`: refused after the cut-off, and a submitted
/// proposal is submitted again. The file is read once to be checked, outside any transaction,
/// and once more to be stored (standard input and pipes are kept in a temporary file
/// meanwhile); a file that changes between the two is refused. Attaching the content, name
/// and title the part has already changes nothing.
DocumentChange attach_document(Session& session, const AttachRequest& request);

/// Removes part `part` from the proposal in a new version, under the same rules.
DocumentChange detach_document(Session& session, const std::string& ref, const std::string& part);

/// The documents of proposal `ref` at its version `version` (default: the current one).
struct VersionDocuments
{
  domain::Proposal proposal; ///< the current version
  int version = 0;           ///< the version listed
  std::vector<domain::Document> documents;
};
VersionDocuments proposal_documents(Session& session, const std::string& ref, std::optional<int> version);

/// Writes the bytes of part `part` of proposal `ref` (at version `version`, default current) to
/// `write`, a chunk at a time, hashing them on the way; throws cfp::Error (storage, exit 74)
/// naming the part when they do not have the SHA-256 recorded, after they were written: the
/// caller must then throw away what it wrote. Returns the document.
domain::Document read_document(Session& session, const std::string& ref, const std::string& part,
                               std::optional<int> version,
                               const std::function<void(const char* data, std::size_t size)>& write);

/// The lines that describe what documents a version has, for the receipt digest: one line a
/// document, in part order, `PART SHA256`. Empty when it has none.
std::string documents_digest_lines(const std::vector<domain::Document>& documents);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
// `proposal attach`, `detach`, `documents` and `document`: the files of a proposal, kept with
// its versions. Attaching or detaching is a change of the proposal like `proposal update`: a new
// version and an audit entry, refused once the cut-off has passed, and a submitted proposal is
// submitted again (so the submission's receipt covers the documents it has).
#include "document_rules.hpp"
#include "document_source.hpp"
#include "proposal_rules.hpp"

#include <cfp/core/documents.hpp>
#include <cfp/error.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cfp::core {

namespace {

using detail::call_of;
using detail::find_part;
using detail::limit_text;
using detail::replaced;
using domain::Document;
using domain::Proposal;

std::string reference(const Proposal& proposal)
{
  return proposal.call_code + "/" + proposal.acronym;
}

std::string checked_part(const std::string& text)
{
  return util::value_or_throw(domain::parse_part(text), ErrorKind::invalid_input, "--part");
}

std::string parts_of(const std::vector<Document>& documents)
{
  if (documents.empty()) {
    return "it has no documents";
  }
  std::vector<std::string> parts;
  for (const auto& document : documents) {
    parts.push_back(document.part);
  }
  return "its parts are " + util::join(parts, ", ");
}

} // namespace

DocumentChange attach_document(Session& session, const AttachRequest& request)
{
  const auto part = checked_part(request.part);
  if (request.title) {
    if (auto problem = domain::check_document_title(*request.title)) {
      throw Error(ErrorKind::invalid_input, fmt::format("--title: {}", *problem));
    }
  }
  detail::DocumentSource source(request.path, session.database.location());
  const auto file_name = request.file_name.value_or(source.file_name());
  if (auto problem = domain::check_file_name(file_name)) {
    throw Error(ErrorKind::invalid_input, fmt::format("{}: {}", request.file_name ? "--name" : source.shown_as(), *problem));
  }
  const std::string what = fmt::format("attach {} to proposal {}", part, util::excerpt(request.ref));
  // The proposal and its call's limit first, so that a file is read only when it may be
  // attached, and never past the limit.
  const auto call = session.database.read(what, [&](const store::Transaction& tx) {
    const auto proposal = resolve_proposal(tx, request.ref);
    detail::require_open(proposal, session.clock.now(), fmt::format("attach {} to {}", part, proposal.acronym));
    return call_of(tx, proposal);
  });
  const auto scan = source.scan(call.document_limit, limit_text(call));
  if (auto problem = domain::check_document(part, file_name, scan.media_type, scan.starts_as_pdf)) {
    throw Error(ErrorKind::invalid_input, fmt::format("cannot attach {} as {}: {}", source.shown_as(), part, *problem));
  }
  return session.database.write(what, [&](store::Transaction& tx) -> DocumentChange {
    const auto before = resolve_proposal(tx, request.ref);
    const auto now = session.clock.now();
    detail::require_open(before, now, fmt::format("attach {} to {}", part, before.acronym));
    const auto current_call = call_of(tx, before);
    if (scan.size > current_call.document_limit) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("{} is larger than {}", source.shown_as(), limit_text(current_call)));
    }
    const auto* current = find_part(before.documents, part);
    std::optional<Document> previous = current != nullptr ? std::optional(*current) : std::nullopt;
    if (previous && detail::same_document(*previous, scan.sha256, file_name, request.title)) {
      return DocumentChange{ProposalChange{before, before, false, {}}, previous, previous};
    }
    const auto stamp = session.stamp();
    Document document{part,      file_name,   request.title, scan.size, scan.media_type,
                      scan.sha256, before.version + 1, now,   stamp.actor};
    Proposal after = before;
    after.documents = replaced(before.documents, part, document);
    if (const auto total = detail::over_proposal_limit(after.documents)) {
      throw Error(ErrorKind::invalid_input, fmt::format("cannot attach {}: {}; detach or replace one first",
                                                        source.shown_as(),
                                                        detail::proposal_limit_text(before.acronym, *total)));
    }
    auto warnings = detail::save_document_version(session, tx, before, after, "attach", now);
    auto& documents = tx.documents();
    if (previous) {
      documents.close(before.id, part, after.version);
    }
    // Read again, hashed again: the bytes stored must be the bytes checked.
    if (!detail::store_checked_content(documents, scan.sha256, scan.size, scan.media_type,
                                       [&] { return source.reader(scan.size); })) {
      throw Error(ErrorKind::input_file, fmt::format("{} changed while it was read; attach it again once nothing "
                                                     "writes it",
                                                     source.shown_as()));
    }
    documents.add(before.id, document);
    return DocumentChange{ProposalChange{before, after, true, std::move(warnings)}, document, previous};
  });
}

DocumentChange detach_document(Session& session, const std::string& ref, const std::string& part_text)
{
  const auto part = checked_part(part_text);
  return session.database.write(fmt::format("detach {} from proposal {}", part, util::excerpt(ref)),
                                [&](store::Transaction& tx) -> DocumentChange {
    const auto before = resolve_proposal(tx, ref);
    const auto now = session.clock.now();
    const auto* current = find_part(before.documents, part);
    if (current == nullptr) {
      throw Error(ErrorKind::not_found,
                  fmt::format("{} has no {}; {}", reference(before), part, parts_of(before.documents)));
    }
    const Document previous = *current;
    detail::require_open(before, now, fmt::format("detach {} from {}", part, before.acronym));
    Proposal after = before;
    after.documents = replaced(before.documents, part, std::nullopt);
    auto warnings = detail::save_document_version(session, tx, before, after, "detach", now);
    tx.documents().close(before.id, part, after.version);
    return DocumentChange{ProposalChange{before, after, true, std::move(warnings)}, std::nullopt, previous};
  });
}

namespace {

// The documents of version `version` (default: the current one) of `proposal`.
std::vector<Document> documents_at(const store::Transaction& tx, const Proposal& proposal, std::optional<int> version)
{
  if (!version || *version == proposal.version) {
    return proposal.documents;
  }
  if (*version < 1 || *version > proposal.version) {
    throw Error(ErrorKind::not_found, fmt::format("{} has no version {}; its versions are 1 to {}", reference(proposal),
                                                  *version, proposal.version));
  }
  return tx.documents().at_version(proposal.id, *version);
}

} // namespace

VersionDocuments proposal_documents(Session& session, const std::string& ref, std::optional<int> version)
{
  return session.database.read(fmt::format("list the documents of proposal {}", util::excerpt(ref)),
                               [&](const store::Transaction& tx) {
    auto proposal = resolve_proposal(tx, ref);
    auto documents = documents_at(tx, proposal, version);
    const int listed = version.value_or(proposal.version);
    return VersionDocuments{std::move(proposal), listed, std::move(documents)};
  });
}

Document read_document(Session& session, const std::string& ref, const std::string& part_text,
                       std::optional<int> version, const std::function<void(const char*, std::size_t)>& write)
{
  const auto part = checked_part(part_text);
  return session.database.read(fmt::format("read {} of proposal {}", part, util::excerpt(ref)),
                               [&](const store::Transaction& tx) {
    const auto proposal = resolve_proposal(tx, ref);
    const auto documents = documents_at(tx, proposal, version);
    const auto* found = find_part(documents, part);
    const int at = version.value_or(proposal.version);
    if (found == nullptr) {
      throw Error(ErrorKind::not_found, fmt::format("{} has no {} in version {}; {}", reference(proposal), part, at,
                                                    parts_of(documents)));
    }
    util::Sha256 hash;
    std::int64_t size = 0;
    const bool stored = tx.documents().read_content(found->sha256, [&](const char* data, std::size_t bytes) {
      hash.update(data, bytes);
      size += static_cast<std::int64_t>(bytes);
      write(data, bytes);
    });
    const auto damaged = [&](const std::string& how) {
      return Error(ErrorKind::storage, fmt::format("the stored {} of {} (version {}) is damaged: {}; what was written "
                                                   "is not the document. Restore the database from a backup, and run "
                                                   "'cfp db check'",
                                                   part, reference(proposal), at, how));
    };
    if (!stored) {
      throw damaged("its bytes are missing");
    }
    const auto digest = hash.hex();
    if (digest != found->sha256 || size != found->size) {
      throw damaged(fmt::format("its {} bytes have SHA-256 {}, not the {} recorded", size, digest, found->sha256));
    }
    return *found;
  });
}

} // namespace cfp::core

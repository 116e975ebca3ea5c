// SPDX-License-Identifier: EUPL-1.2
// `import documents`: the documents a folder's manifest lists become parts of their proposals,
// all or nothing, under the rules of `proposal attach`; each proposal changed gets one version.
#include "document_import_scan.hpp"
#include "document_rules.hpp"
#include "import/import_run.hpp"
#include "proposal_rules.hpp"

#include <cfp/core/audit.hpp>
#include <cfp/core/document_transfer.hpp>
#include <cfp/error.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/store/proposal_repository.hpp>
#include <cfp/util/text.hpp>

#include <fmt/format.h>

#include <map>

namespace cfp::core {

namespace {

using detail::ImportRow;
using detail::Pass;
using domain::Document;
using domain::Proposal;

// A proposal the manifest names, and its rows.
struct Touched
{
  Proposal before; ///< with the documents of its current version
  std::vector<ImportRow*> rows;
};

// One pass over the rows the first step read, in `tx`: checks them against the database and,
// in Pass::apply, writes them. Starts from the problems of the first step; returns what it did
// (or would do) with every problem found.
class DocumentImport
{
public:
  DocumentImport(const Session& session, store::Transaction& tx, const detail::ScannedFolder& scanned,
                 detail::ImportProblems problems, bool historical, Pass pass)
      : m_session(session), m_tx(tx), m_scanned(scanned), m_rows(scanned.rows), m_problems(std::move(problems)),
        m_reference(tx), m_historical(historical), m_apply(pass == Pass::apply), m_stamp(session.stamp())
  {
  }

  DocumentImportSummary run()
  {
    for (auto& row : m_rows) {
      if (row.valid) {
        find_proposal(row);
      }
    }
    for (auto& touched : m_touched) {
      take(touched);
    }
    m_summary.documents = m_rows.size();
    m_summary.manifest_sha256 = m_scanned.manifest_sha256;
    m_problems.report(m_summary);
    return m_summary;
  }

private:
  void find_proposal(ImportRow& row)
  {
    const auto* call = m_reference.call(row.call);
    if (call == nullptr) {
      m_problems.in_row(row, "call", fmt::format("no call '{}'; 'cfp call list' shows the calls", util::excerpt(row.call)));
      return;
    }
    auto proposal = m_tx.proposals().find(call->call.id, row.acronym);
    if (!proposal) {
      m_problems.in_row(row, "acronym",
                        fmt::format("no proposal '{}' in call {}; 'cfp proposal list --call {}' lists them",
                                    util::excerpt(row.acronym), call->call.code, call->call.code));
      return;
    }
    // The call's limit now holds for a change now; a record of a closed cut-off (--historical)
    // was within the limit when it was attached, which may have been lowered since.
    const bool of_the_past = m_historical && proposal->cutoff_closes_at && m_stamp.at > *proposal->cutoff_closes_at;
    if (row.size > call->call.document_limit && !of_the_past) {
      m_problems.in_file(row, "it is larger than " + detail::limit_text(call->call));
      return;
    }
    const auto [found, first] = m_index.emplace(proposal->id, m_touched.size());
    if (first) {
      proposal->documents = m_tx.documents().at_version(proposal->id, proposal->version);
      m_touched.push_back({std::move(*proposal), {}});
    }
    m_touched[found->second].rows.push_back(&row);
  }

  // Checks, and in Pass::apply writes, the rows of one proposal: one new version with all of
  // them, or with --historical its current version completed in place.
  void take(Touched& touched)
  {
    const Proposal& before = touched.before;
    std::vector<ImportRow*> changed;
    for (auto* row : touched.rows) {
      const auto* previous = detail::find_part(before.documents, row->part);
      if (previous != nullptr && detail::same_document(*previous, row->sha256, row->file_name, row->title)) {
        ++m_summary.unchanged;
      } else {
        changed.push_back(row);
      }
    }
    if (changed.empty()) {
      return;
    }
    const auto now = m_stamp.at;
    const bool closed = before.cutoff_closes_at && now > *before.cutoff_closes_at;
    if (closed && !m_historical) {
      for (auto* row : changed) {
        m_problems.in_row(*row, "acronym",
                          fmt::format("{} belongs to cut-off '{}', which closed at {}; it is read-only now. To record "
                                      "the documents it was submitted with (rebuilding a database from an export), "
                                      "give --historical",
                                      before.acronym, util::excerpt(before.cutoff_label.value_or("?")),
                                      domain::format_brussels(*before.cutoff_closes_at)));
      }
      return;
    }
    // A closed proposal's version stays the one submitted: it only gains the parts it lacks.
    const int version = closed ? before.version : before.version + 1;
    Proposal after = before;
    std::vector<Document> documents;
    for (auto* row : changed) {
      if (const auto* previous = detail::find_part(before.documents, row->part); closed && previous != nullptr) {
        m_problems.in_row(*row, "part",
                          fmt::format("{} already has a {} ({}) in version {}, whose cut-off has closed; "
                                      "--historical adds only the parts it lacks, and changes none",
                                      before.acronym, row->part, util::excerpt(previous->file_name), before.version));
        continue;
      }
      documents.push_back({row->part, row->file_name, row->title, row->size, row->media_type, row->sha256, version,
                           now, m_stamp.actor});
      after.documents = detail::replaced(after.documents, row->part, documents.back());
    }
    if (documents.size() != changed.size()) {
      return;
    }
    if (const auto total = detail::over_proposal_limit(after.documents)) {
      m_problems.in_row(*changed.front(), "size", detail::proposal_limit_text(before.acronym, *total));
      return;
    }
    if (!closed && after.status == domain::ProposalStatus::submitted) {
      try {
        detail::submit_now(m_reference, after, now, &before);
      } catch (const Error& error) {
        m_problems.in_row(*changed.front(), "acronym", error.message());
        return;
      }
    }
    for (auto* row : changed) {
      ++(detail::find_part(before.documents, row->part) != nullptr ? m_summary.replaced : m_summary.added);
    }
    ++m_summary.proposals;
    m_summary.historical += closed ? 1 : 0;
    // Nothing is written once a problem is known: the import is refused whole.
    if (!m_apply || m_problems.invalid() > 0) {
      return;
    }
    if (closed) {
      record_audit(m_session, m_tx,
                   {detail::subject_of(before), detail::entity_of(before), "historical import",
                    detail::audit_snapshot(before), detail::audit_snapshot(after)});
    } else {
      detail::save_version(m_session, m_tx, before, after, "import");
    }
    auto& stored = m_tx.documents();
    for (std::size_t i = 0; i < changed.size(); ++i) {
      const auto& row = *changed[i];
      if (detail::find_part(before.documents, row.part) != nullptr) {
        stored.close(before.id, row.part, after.version);
      }
      // Read again, hashed again: the bytes stored must be the bytes checked.
      if (!detail::store_checked_content(stored, row.sha256, row.size, row.media_type,
                                         [&] { return detail::read_again(m_scanned, row); })) {
        throw Error(ErrorKind::input_file, fmt::format("{} changed while it was read; import again once nothing "
                                                       "writes it",
                                                       (m_scanned.folder / row.file).string()));
      }
      stored.add(before.id, documents[i]);
    }
  }

  const Session& m_session;
  store::Transaction& m_tx;
  const detail::ScannedFolder& m_scanned;
  std::vector<ImportRow> m_rows; ///< this pass's copy: a row's validity is the pass's finding
  detail::ImportProblems m_problems;
  detail::ReferenceData m_reference;
  bool m_historical;
  bool m_apply;
  domain::Stamp m_stamp;
  std::vector<Touched> m_touched; ///< in the order the manifest first names them
  std::map<std::int64_t, std::size_t> m_index; ///< proposal id -> m_touched
  DocumentImportSummary m_summary;
};

} // namespace

DocumentImportSummary import_documents(Session& session, const DocumentImportOptions& options)
{
  // Every row and file first, without any lock: a folder on a slow disk keeps no writer waiting.
  detail::ImportProblems problems(options.folder);
  const auto scanned = detail::scan_folder(options.folder, session.database.location(), problems);
  const auto pass = [&](store::Transaction& tx, Pass which) {
    return DocumentImport(session, tx, scanned, problems, options.historical, which).run();
  };
  const std::string what = fmt::format("import documents from {}", options.folder.string());
  auto checked = session.database.check(what, [&](store::Transaction& tx) { return pass(tx, Pass::check); });
  if (options.dry_run || checked.invalid > 0) {
    return checked;
  }
  // Checked again in the write transaction: the database may have changed since.
  return session.database.write(what, [&](store::Transaction& tx) {
    auto applied = pass(tx, Pass::apply);
    if (applied.invalid > 0) {
      tx.discard_changes();
      return applied;
    }
    applied.written = true;
    return applied;
  });
}

} // namespace cfp::core

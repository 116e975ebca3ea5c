// SPDX-License-Identifier: EUPL-1.2
// `export documents`: the current documents of the proposals, as files in a folder with a
// manifest, written whole or not at all.
#include "document_folder.hpp"

#include <cfp/core/calls.hpp>
#include <cfp/core/document_transfer.hpp>
#include <cfp/error.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/util/csv.hpp>
#include <cfp/util/digest.hpp>
#include <cfp/util/output_folder.hpp>

#include <fmt/format.h>

#include <optional>

namespace cfp::core {

namespace {

namespace fs = std::filesystem;

// The storage error of a document whose bytes are not those recorded.
Error damaged(const store::ProposalDocument& row, const std::string& how)
{
  return Error(ErrorKind::storage,
               fmt::format("the stored {} of {}/{} (version {}) is damaged: {}; nothing was exported. Restore the "
                           "database from a backup, and run 'cfp db check'",
                           row.document.part, row.call_code, row.acronym, row.document.version, how));
}

} // namespace

DocumentExportSummary export_documents(Session& session, const DocumentExportRequest& request)
{
  const auto folder = util::without_trailing_slashes(request.folder);
  if (const auto conflict = util::output_folder_conflict(folder, request.protected_files)) {
    throw Error(ErrorKind::input_file, "--out " + *conflict);
  }
  // What is at `at` may be replaced: an earlier export whose every file the database holds.
  const auto replaceable = [&](const fs::path& at) {
    return session.database.read("check the earlier export", [&](const store::Transaction& tx) {
      return detail::earlier_export(at, request.protected_files,
                                    [&](const std::string& sha256) { return tx.documents().has_content(sha256); });
    });
  };
  const auto existing = replaceable(folder);
  std::optional<util::OutputFolder> output;
  DocumentExportSummary summary;
  session.database.read("export documents", [&](const store::Transaction& tx) {
    // Should the read run again, it starts again from an empty folder.
    output.reset();
    output.emplace(folder);
    summary = DocumentExportSummary{folder};
    std::optional<std::int64_t> call_id;
    if (request.call) {
      call_id = require_call(tx, *request.call).id;
    }
    std::vector<std::vector<std::string>> rows;
    std::string last_proposal;
    const auto& documents = tx.documents();
    documents.for_each_current(call_id, [&](const store::ProposalDocument& row) {
      const auto& document = row.document;
      const auto file = detail::document_path(row.call_code, row.acronym, document.part, document.media_type);
      output->make_folder(fs::path(file).parent_path());
      output->write_file(file, [&](std::ostream& out) {
        // A chunk at a time, hashed on the way: what is written is checked before it is kept.
        util::Sha256 hash;
        std::int64_t size = 0;
        const bool stored = documents.read_content(document.sha256, [&](const char* data, std::size_t bytes) {
          hash.update(data, bytes);
          size += static_cast<std::int64_t>(bytes);
          if (out) {
            out.write(data, static_cast<std::streamsize>(bytes));
          }
        });
        if (!stored) {
          throw damaged(row, "its bytes are missing");
        }
        const auto digest = hash.hex();
        if (digest != document.sha256 || size != document.size) {
          throw damaged(row, fmt::format("its {} bytes have SHA-256 {}, not the {} recorded", size, digest,
                                         document.sha256));
        }
      });
      rows.push_back({row.call_code, row.acronym, document.part, file, std::to_string(document.size),
                      document.media_type, document.sha256, document.file_name, document.title.value_or("")});
      ++summary.documents;
      summary.bytes += document.size;
      const auto proposal = row.call_code + "/" + row.acronym;
      if (proposal != last_proposal) {
        ++summary.proposals;
        last_proposal = proposal;
      }
    });
    output->write_file(k_manifest_name, [&](std::ostream& out) {
      util::CsvWriter csv(out);
      csv.write_row({k_manifest_columns.begin(), k_manifest_columns.end()});
      for (const auto& row : rows) {
        csv.write_row(row);
      }
    });
  });
  // Again, now that the database's -wal and -shm exist: one reached by another path is seen.
  if (const auto conflict = util::output_folder_conflict(folder, request.protected_files)) {
    throw Error(ErrorKind::input_file, "--out " + *conflict);
  }
  // What was moved aside is checked again: something put in DIR while the export ran makes it
  // go back, untouched.
  const auto still_replaceable = [&](const fs::path& earlier) {
    try {
      return replaceable(earlier) == util::Existing::replace;
    } catch (const Error& error) {
      if (error.kind() == ErrorKind::busy) {
        throw;
      }
      return false;
    }
  };
  if (!output->commit(existing, still_replaceable)) {
    throw Error(ErrorKind::input_file, fmt::format("cannot export to {}: something was put there meanwhile; nothing "
                                                   "was written there. Name a new or empty folder",
                                                   folder.string()));
  }
  summary.replaced = existing == util::Existing::replace;
  return summary;
}

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/util/output_file.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core {

/// The name of the file that lists what a folder of documents holds.
inline constexpr const char* k_manifest_name = "manifest.csv";

/// The columns of a manifest, in the order `export documents` writes them. The first seven
/// say where each document is and what it must be; file_name and title are what the proposal
/// keeps with it.
inline constexpr std::array<const char*, 9> k_manifest_columns{"call", "acronym", "part",      "file", "size",
                                                               "media_type", "sha256", "file_name", "title"};

/// `export documents`: where, and of which call (default: every call).
struct DocumentExportRequest
{
  std::filesystem::path folder;
  std::optional<std::string> call;
  /// Files the folder may not be, nor hold (the database): util::output_conflict's.
  std::vector<util::ProtectedFile> protected_files;
};

/// What `export documents` wrote.
struct DocumentExportSummary
{
  std::filesystem::path folder;
  std::uint64_t documents = 0;
  std::uint64_t proposals = 0;
  std::int64_t bytes = 0;
  bool replaced = false; ///< the folder held an earlier export, which the new one replaced
};

/// Writes the current document of every part of every proposal (or of call `call`'s) to
/// FOLDER/CALL/ACRONYM/PART.EXT (EXT from the media type), and FOLDER/manifest.csv listing them
/// (k_manifest_columns), from one snapshot of the database. Each document is written a chunk at
/// a time and its SHA-256 checked on the way (a mismatch is a storage error naming it). The
/// whole folder is written under another name beside FOLDER (util::OutputFolder) and takes
/// FOLDER's name only once complete: FOLDER must not exist, be empty, or hold an earlier export
/// (a manifest.csv and only the files it lists), which it then replaces in one step. A failure
/// leaves FOLDER as it was. Folders are made 0700 and files 0600. Throws cfp::Error: not_found
/// (no such call), input_file (FOLDER refused or unwritable), storage (a damaged document).
DocumentExportSummary export_documents(Session& session, const DocumentExportRequest& request);

/// `import documents`.
struct DocumentImportOptions
{
  std::filesystem::path folder;
  /// Documents of proposals whose cut-off has closed are recorded into their current version,
  /// for the parts it lacks, instead of being refused.
  bool historical = false;
  bool dry_run = false; ///< check everything and count; write nothing
};

/// What `import documents` did (or, with dry_run, would do).
struct DocumentImportSummary
{
  std::uint64_t documents = 0; ///< rows of the manifest
  std::uint64_t added = 0;     ///< parts the proposal did not have
  std::uint64_t replaced = 0;  ///< parts whose document changed
  std::uint64_t unchanged = 0; ///< the same content, file name and title as the part's
  std::uint64_t proposals = 0; ///< proposals changed (a new version, or recorded in place)
  std::uint64_t historical = 0; ///< of those, recorded into their current version in place
  std::vector<std::string> problems; ///< the first k_max_reported_problems, each a whole line
  std::uint64_t problem_count = 0;
  std::uint64_t invalid = 0;   ///< rows with a problem
  std::string manifest_sha256;
  bool written = false;
};

inline constexpr std::size_t k_max_reported_problems = 50;

/// Imports the documents FOLDER/manifest.csv lists (k_manifest_columns; media_type is not read,
/// file_name and title may be left out), all or nothing. Every row and every file it names is
/// checked first, without a lock: a path inside FOLDER reached through no symbolic link, a
/// regular file of the size and SHA-256 the row gives, a known call and proposal, a part named
/// once, a content the part may be. Problems are reported as `FOLDER/manifest.csv:LINE: column:
/// message` or `FOLDER/FILE: message`, every one found. Then one write transaction checks the
/// rules of `proposal attach` (the call's limit a document, the limit a proposal, a cut-off not
/// passed) and gives each proposal changed one new version holding all its rows, submitted
/// again when it is submitted, with an audit entry (action `import`); the bytes are read again,
/// hashed again, as they are stored. A row the part already holds (content, file name, title)
/// is unchanged. With `historical`, a proposal whose cut-off has closed gets the parts its
/// current version lacks in that version (audit action `historical import`); one it has with
/// another document is refused. Throws cfp::Error when the folder or the manifest cannot be read
/// as a whole (input_file; invalid_input for a bad header).
DocumentImportSummary import_documents(Session& session, const DocumentImportOptions& options);

} // namespace cfp::core

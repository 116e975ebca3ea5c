// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The layout of a folder of documents, as `export documents` writes it and `import documents`
// reads it: CALL/ACRONYM/PART.EXT for each document, and manifest.csv listing them. Private to
// core.

#include <cfp/core/document_transfer.hpp>
#include <cfp/util/output_file.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cfp::core::detail {

/// Where a folder of documents keeps part `part` (of media type `media_type`) of proposal
/// CALL/ACRONYM: "CALL/ACRONYM/PART.EXT". Throws cfp::Error (storage) naming the proposal when
/// a name could not be a folder's or a file's own (not only [A-Za-z0-9._-], `.` or `..`): the
/// database holds what its rules refuse.
std::string document_path(const std::string& call, const std::string& acronym, const std::string& part,
                          const std::string& media_type);

/// The most bytes a manifest may hold: 64 MiB (some 250,000 documents).
inline constexpr std::size_t k_max_manifest_bytes = std::size_t{64} << 20;

/// Reads the manifest of the folder open as `folder` (shown as `shown_as`) whole, never
/// through a symbolic link. Throws cfp::Error (input_file) when it is missing, a link, not a
/// regular file or unreadable, (invalid_input) when it is larger than k_max_manifest_bytes.
std::string read_manifest(int folder, const std::filesystem::path& shown_as);

/// One record of a manifest: its values by column (k_manifest_columns; nothing for a column the
/// header does not name), or why it is malformed.
struct ManifestRecord
{
  std::size_t line = 0;
  std::array<std::optional<std::string>, k_manifest_columns.size()> values;
  std::string error; ///< a malformed record (a stray quote, another number of fields)

  const std::optional<std::string>& value(std::size_t column) const { return values[column]; }
};

/// The position of each column in k_manifest_columns.
namespace column {
enum : std::size_t { call, acronym, part, file, size, media_type, sha256, file_name, title };
} // namespace column

/// Reads the manifest `text` (shown as `shown_as`), calling `each` for each record after the
/// header. Throws cfp::Error (invalid_input) "SHOWN_AS:LINE: header: ..." when the header is
/// missing, malformed, names a column twice, an unknown column, or lacks a required one (every
/// column but media_type, file_name and title).
void read_manifest_records(const std::string& text, const std::string& shown_as,
                           const std::function<void(const ManifestRecord&)>& each);

/// What `export documents` may do with the folder `folder`, which output_folder_conflict
/// accepts: Existing::refuse when nothing is there or an empty folder (the export takes its
/// place), Existing::replace when it holds an earlier export: a manifest.csv, and only the
/// files it lists in the folders they are in, each with the size and SHA-256 the manifest gives
/// and whose bytes the database holds (`stored`): replacing it loses nothing. Throws cfp::Error
/// (input_file) saying what else it holds (a file changed or added by someone, one of
/// `protected_files`): such a folder is never replaced.
util::Existing earlier_export(const std::filesystem::path& folder, const std::vector<util::ProtectedFile>& protected_files,
                              const std::function<bool(const std::string& sha256)>& stored);

} // namespace cfp::core::detail

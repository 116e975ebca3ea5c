// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The first step of `import documents`, before the database is opened for it: every row of the
// manifest read and checked, every file it names opened (through no link), hashed and its
// media type told. Private to core.

#include <cfp/core/document_transfer.hpp>
#include <cfp/store/document_repository.hpp>
#include <cfp/util/descriptor.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfp::core::detail {

/// One row of the manifest, as read, and what its file holds.
struct ImportRow
{
  std::size_t line = 0;
  std::string call;
  std::string acronym;
  std::string part; ///< canonical
  std::string file; ///< the path inside the folder
  std::int64_t size = 0;
  std::string sha256; ///< lowercase
  std::string file_name;
  std::optional<std::string> title;
  std::string media_type; ///< told from the file's content
  bool valid = true;      ///< no problem was found with the row or its file
};

/// The problems of an import, each a line naming the manifest's line and column or the file.
class ImportProblems
{
public:
  explicit ImportProblems(const std::filesystem::path& folder);

  /// A problem of `row`'s value in `column`: "FOLDER/manifest.csv:LINE: COLUMN: MESSAGE".
  void in_row(ImportRow& row, std::string_view column, const std::string& message);
  /// A problem of `row`'s file: "FOLDER/FILE: MESSAGE".
  void in_file(ImportRow& row, const std::string& message);

  /// How the manifest is named in messages.
  const std::string& manifest() const { return m_manifest; }
  /// Rows with a problem.
  std::uint64_t invalid() const { return m_invalid; }
  /// Puts the problems into `summary`: the first k_max_reported_problems by line, and how many.
  void report(DocumentImportSummary& summary) const;

private:
  void add(ImportRow& row, std::string line);

  std::filesystem::path m_folder;
  std::string m_manifest;
  std::vector<std::pair<std::size_t, std::string>> m_lines; ///< by the manifest line they are of
  std::uint64_t m_invalid = 0;
};

/// What the first step found in the folder.
struct ScannedFolder
{
  std::filesystem::path folder;
  util::Descriptor descriptor; ///< the folder, open: its files are read again from it
  std::string manifest_sha256;
  std::vector<ImportRow> rows;
};

/// Reads FOLDER/manifest.csv and checks each row and the file it names (which may not be the
/// database `database` or one of its journals), adding every problem to `problems`. Throws
/// cfp::Error when the folder or the manifest cannot be read as a whole.
ScannedFolder scan_folder(const std::filesystem::path& folder, const std::string& database, ImportProblems& problems);

/// Reads the file of `row` again from its start, never more than its size and one byte (a file
/// that grew is caught by its digest). Throws cfp::Error (input_file) when it cannot be opened.
store::DocumentRepository::Reader read_again(const ScannedFolder& scanned, const ImportRow& row);

} // namespace cfp::core::detail

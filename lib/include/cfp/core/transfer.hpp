// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/proposals.hpp>
#include <cfp/core/session.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfp::core {

/// The formats proposals travel in.
enum class DataFormat { csv, json, ndjson };

/// The most bytes an import reads by default: 4 GiB (some twenty million proposals).
inline constexpr std::uint64_t k_max_input_bytes = std::uint64_t{4} << 30;

/// How `import_proposals` treats its input.
struct ImportOptions
{
  std::string source_name; ///< the file name as given, or "-" for standard input; used in messages
  DataFormat format = DataFormat::csv;
  char delimiter = ',';             ///< between the fields of CSV (and of its rejects file): ',', ';' or a tab
  bool dry_run = false;             ///< validate and count, write nothing
  bool skip_invalid = false;        ///< write the valid records; invalid ones go to `rejects`
  bool historical = false;          ///< accept new proposals submitted in cut-offs that have closed since
  /// With skip_invalid: takes the invalid records, each with an `error` column, in full. It is
  /// called before the import commits (or at the end of a dry run or a refused import), maybe
  /// more than once (each call replaces what the last wrote), and must keep what it is given
  /// durably; when it throws, nothing is imported.
  std::function<void(std::istream& rejects)> keep_rejects;
  /// The most bytes the input may hold (an endless pipe or device must not fill the disk).
  std::uint64_t max_input_bytes = k_max_input_bytes;
  /// Called every thousand records of each pass: "checking" (a dry run, the check pass of an
  /// import of scores, or of an import refused at an invalid record), "importing".
  std::function<void(std::string_view phase, std::uint64_t records)> progress;
};

/// One broken rule in an input file.
struct ImportError
{
  std::size_t line = 0; ///< physical line where the record starts
  std::string column;
  std::string message;
};

/// What an import did (or, with dry_run, would do).
struct ImportSummary
{
  std::uint64_t records = 0;
  std::uint64_t inserted = 0;
  std::uint64_t updated = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t invalid = 0;
  std::uint64_t error_count = 0;   ///< broken rules in all; a record may break several
  std::vector<ImportError> errors; ///< the first k_max_reported_errors
  std::string sha256;              ///< of the input bytes
  std::uint64_t bytes = 0;
  bool written = false;            ///< the changes were committed
};

inline constexpr std::size_t k_max_reported_errors = 50;

/// Imports proposals from `in` with constant memory: reads the whole input into a temporary
/// file first (before any lock), then checks and writes each record in one write transaction,
/// reading the file once (a dry run checks them in a read transaction). Each record is checked with the rules
/// of `proposal add` (its `submitted_at` decides the cut-off; one in a cut-off that has closed
/// needs `historical`). The key is (call, acronym): a record equal to the stored proposal
/// changes nothing, a different one makes a new version as `proposal update` would. Without
/// skip_invalid, one invalid record means nothing is written (the write transaction is rolled
/// back at once, and the whole file checked in a read transaction to report every problem). Writes one audit entry for the
/// file and one for each historical proposal. Throws cfp::Error when the file as a whole is
/// unreadable (bad header, broken JSON).
ImportSummary import_proposals(Session& session, std::istream& in, const ImportOptions& options);

/// Imports experts' scores from `in` (a score file: call, acronym, expert, criterion, score,
/// comment; ImportOptions::historical does not apply) the way import_proposals imports
/// proposals: staged, checked against one snapshot, then checked again and written in one
/// write transaction, all or nothing unless skip_invalid. The rows of one proposal and expert,
/// wherever they stand, are that expert's evaluation: each row is checked with the rules of
/// `score add` (a submitted proposal whose cut-off has passed, a known expert without a
/// conflict of interest, a criterion of the call, a score on its scale, one comment an
/// evaluation), every criterion must be scored once, and an evaluation is written or rejected
/// as a whole. An evaluation equal to the current one changes nothing; a different one
/// replaces it, which stays in the history. Counts: `records` and `invalid` are rows;
/// `inserted`, `updated` and `unchanged` are evaluations. Memory grows with the evaluations
/// in the file (a few hundred bytes each) and four bytes a row, not with what the rows hold.
ImportSummary import_scores(Session& session, std::istream& in, const ImportOptions& options);

/// What `import_calls` did.
struct CallImportSummary
{
  std::uint64_t calls_added = 0;
  std::uint64_t calls_updated = 0;
  std::uint64_t calls_unchanged = 0;
  std::uint64_t cutoffs_added = 0;
  std::uint64_t cutoffs_unchanged = 0;
};

/// Imports calls with their cut-offs from one JSON document ({"calls": [...]}) as written by
/// `cfp export calls`; all or nothing. Existing calls get their title, opening and budget updated
/// and missing cut-offs added; a cut-off whose label exists with another instant is an error.
/// A document over 16 MiB, nested more than 16 levels deep or with a string over 1 MiB is
/// refused (invalid_input) before anything is written.
CallImportSummary import_calls(Session& session, std::istream& in, const std::string& source_name);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every batch import does the same way, whatever its records: the input staged and hashed
// before any lock; for an import that gathers its records before it writes them (scores), a
// check of every record against one snapshot without the write lock; then the pass in one write
// transaction that checks and writes the valid records, one audit entry for the file, and the
// rejects kept before the import commits. A dry run is the check alone.

#include "reject_writer.hpp"

#include <cfp/core/session.hpp>
#include <cfp/core/transfer.hpp>
#include <cfp/store/transaction.hpp>
#include <cfp/util/spool_file.hpp>

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace cfp::core::detail {

/// What a pass over the records does with a valid one.
enum class Pass {
  check, ///< counts it as it would be written, in a read transaction
  apply, ///< writes it, in the caller's write transaction
};

/// Thrown by an apply pass at its first invalid record when nothing of the import may be
/// written (not skip_invalid): the write transaction rolls back at once and run_import checks
/// the whole file in a read transaction to report every problem, so that an import already
/// known to fail holds no other writer up while the rest of its file is checked. It derives
/// from no exception class, so that the store passes it on as it is.
struct StopWriting
{
};

/// One pass over the staged input (read_from_start()), inside `tx`; invalid records go to
/// `rejects` when it is not null (the pass empties it first, unless it keeps what an earlier
/// pass found), ended with finish_rejects(). Returns what it did, or in Pass::check would do.
/// A pass may run more than once (a lost race for the write lock runs the apply pass again).
using ImportPass = std::function<ImportSummary(store::Transaction& tx, util::SpoolFile& input,
                                               util::SpoolFile* rejects, Pass pass)>;

/// Whether an import checks its records in a pass of their own before the one that writes them.
enum class Passes {
  /// A check pass, without the write lock, then the apply pass: for an import that gathers its
  /// records first (scores), whose apply pass reuses what the check found.
  check_then_apply,
  /// The apply pass alone, which checks each record as it writes it: every record is read,
  /// checked and written once. Unless skip_invalid, its first invalid record stops it
  /// (StopWriting), and a check pass reports every problem.
  apply_only,
};

/// Runs an import of `kind` ("proposals", "scores") from `in`: stages it, runs `pass` (to check
/// first when `passes` says so, and for a dry run only to check), then to apply; records the
/// audit entry "import KIND SOURCE" with the counts. The summary's sha256 and bytes are the
/// input's.
ImportSummary run_import(Session& session, std::istream& in, const ImportOptions& options, std::string_view kind,
                         Passes passes, const ImportPass& pass);

/// Ends the rejects of a pass: a write that failed for want of room in the temporary folder is
/// reported as the folder's fault (storage), one to the rejects file as the file's.
void finish_rejects(RejectWriter& writer, util::SpoolFile* rejects);

/// Counts `record` as invalid in `summary` (its errors too, the first k_max_reported_errors of
/// the import kept) and writes it to the rejects with its errors joined.
void reject(ImportSummary& summary, RejectWriter& rejects, const RecordForm& record,
            const std::vector<ImportError>& errors);

/// Calls options.progress every thousand records of a pass.
class ProgressCounter
{
public:
  ProgressCounter(const ImportOptions& options, Pass pass)
      : m_progress(options.progress), m_phase(pass == Pass::check ? "checking" : "importing")
  {
  }

  void count(std::uint64_t records)
  {
    if (m_progress && records >= m_next) {
      m_progress(m_phase, records);
      m_next += 1000;
    }
  }

private:
  const std::function<void(std::string_view, std::uint64_t)>& m_progress;
  std::string_view m_phase;
  std::uint64_t m_next = 1000;
};

} // namespace cfp::core::detail

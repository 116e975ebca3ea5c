// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A test VFS over SQLite's default one that counts the writes, syncs and truncates of every file
// a connection opens and can fail one of them, for tests of what cfp does when the disk fails.
// The -shm file is mapped into memory, so its changes never pass through xWrite and are not seen.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfp::test {

/// The file calls the shim counts and can fail.
enum class IoCall { write, sync, truncate };

/// What a file opened through the shim is to its database, from the flags SQLite opened it with.
enum class FileRole { main_db, wal, main_journal, temp_db, temp_journal, other };

/// Whether the syncs the shim lets through reach the disk.
enum class Syncs {
  to_disk,
  skipped, ///< answered SQLITE_OK at once: for tests that fail calls but never cut the power
};

/// One call the shim saw, in the order they were made.
struct IoCallRecord
{
  IoCall call = IoCall::write;
  FileRole role = FileRole::other;
  std::uint64_t nth = 0;     ///< 1 for the first call of this kind since counting began
  std::int64_t offset = 0;   ///< where a write starts, or the size a truncate sets
  std::int64_t size = 0;     ///< bytes written; 0 for syncs and truncates
  bool commit_frame = false; ///< a WAL frame header that ends a transaction (its database size is set)
  bool failed = false;       ///< the shim returned the fault instead of calling the file
};

/// The name of a call ("write") or of a role ("-wal"), for messages.
std::string name_of(IoCall call);
std::string name_of(FileRole role);

/// A one-line description of a call ("write 7 of the -wal (4096 bytes at 4176)").
std::string describe(const IoCallRecord& record);

/// Registers the shim as SQLite's default VFS for as long as it lives, so that every connection
/// the process opens meanwhile (cfp's store, SQLiteCpp connections of tests) goes through it.
/// One at a time: the C callbacks of the VFS reach it through a single static pointer.
class FaultVfs
{
public:
  explicit FaultVfs(Syncs syncs = Syncs::to_disk);
  ~FaultVfs();
  FaultVfs(const FaultVfs&) = delete;
  FaultVfs& operator=(const FaultVfs&) = delete;

  /// Forgets what was counted and counts every call from now on, failing none.
  void count_only();

  /// Forgets what was counted, counts from now on, and makes the `nth` call (from 1) of `call`
  /// return `code` without reaching the file; the calls after it go through again.
  void fail(IoCall call, std::uint64_t nth, int code);

  /// Stops counting and failing; what was counted stays readable.
  void stop();

  /// Calls of `call` counted since count_only() or fail().
  std::uint64_t count(IoCall call) const;

  /// Every call counted since count_only() or fail(), in order.
  const std::vector<IoCallRecord>& calls() const { return m_calls; }

  /// The call that was failed, once the armed call has been reached.
  std::optional<IoCallRecord> injected() const;

  /// Used by the VFS callbacks: records a call and says which code it returns instead of going
  /// through (nullopt: call the file).
  std::optional<int> on_call(IoCallRecord record);

  /// Whether syncs that are let through reach the disk.
  Syncs syncs() const { return m_syncs; }

private:
  void reset();

  Syncs m_syncs;
  bool m_recording = false;
  std::optional<IoCall> m_fail_call;
  std::uint64_t m_fail_nth = 0;
  int m_fail_code = 0;
  std::array<std::uint64_t, 3> m_counts{};
  std::vector<IoCallRecord> m_calls;
};

} // namespace cfp::test

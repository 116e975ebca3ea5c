// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <chrono>
#include <optional>
#include <random>
#include <string>

#include <sys/types.h>

namespace cfp::store::sqlite {

/// How a connection waits for another writer's lock: short, jittered pauses until a deadline,
/// so that of many writers that meet, none sleeps through the moments the lock is free (SQLite's
/// own busy handler sleeps up to 100 ms at a time, and a writer can starve behind it).
class LockWait
{
public:
  /// Waits until `until`. Installed with sqlite3_busy_handler; `self` is the LockWait.
  static int on_busy(void* self, int count);

  void set_deadline(std::chrono::steady_clock::time_point until) { m_until = until; }

private:
  std::chrono::steady_clock::time_point m_until;
  std::optional<std::minstd_rand> m_jitter; // seeded at the first wait: most writes never wait
};

/// The process that holds the write lock of the SQLite database `path` in WAL mode, from the
/// kernel's table of file locks (/proc/locks): the lock is a byte of the -shm file. Nothing when
/// no other process holds it or the table cannot be read. Looking does not touch the file's
/// locks: closing any descriptor of a locked file would drop this process's own.
std::optional<pid_t> write_lock_holder(const std::string& path);

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#include "backup.hpp"

#include "errors.hpp"

#include <cfp/error.hpp>
#include <cfp/util/text.hpp>

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>

#include <sqlite3.h>
#include <thread>

namespace cfp::store::sqlite {

namespace {

// Whether SQLite's failure while copying came from reading the source rather than from writing
// the copy: the source's damage is the database's problem (exit 74), the rest the copy's (66).
bool is_source_failure(int code)
{
  const int primary = code & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || code == SQLITE_IOERR_READ ||
         code == SQLITE_IOERR_SHORT_READ;
}

Error copy_failure(const SQLite::Exception& error, const std::string& location, const std::string& shown_as)
{
  // A failed step carries only its result code; a failed statement its extended code too.
  const int code = error.getExtendedErrorCode() > 0 ? error.getExtendedErrorCode() : error.getErrorCode();
  if (is_source_failure(code)) {
    return Error(ErrorKind::storage, fmt::format("cannot back up {}: it cannot be read ({}); 'cfp db check' says more",
                                                 util::escape_controls(location), error.getErrorStr()));
  }
  return Error(ErrorKind::input_file,
               fmt::format("cannot write {}: {}", util::escape_controls(shown_as),
                           (code & 0xff) == SQLITE_FULL ? "the disk is full" : error.getErrorStr()));
}

} // namespace

BackupReport backup_database(SQLite::Database& source, const std::string& location,
                             const std::filesystem::path& destination, const std::string& shown_as,
                             std::chrono::milliseconds busy_timeout)
{
  BackupReport report;
  try {
    // The file exists, empty (the caller made it, private, in a folder of its own where SQLite
    // also keeps the copy's journals): SQLite may neither create it nor follow a link.
    SQLite::Database copy(destination.string(), SQLite::OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW);
    copy.exec("PRAGMA journal_mode = MEMORY");
    SQLite::Backup backup(copy, source);
    const auto give_up_at = std::chrono::steady_clock::now() + busy_timeout;
    int remaining = -1;
    for (;;) {
      const bool one_step = report.restarts >= k_backup_restarts_before_one_step;
      const int result = backup.executeStep(one_step ? -1 : k_backup_step_pages);
      if (result == SQLITE_DONE) {
        break;
      }
      if (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
        if (std::chrono::steady_clock::now() >= give_up_at) {
          throw Error(ErrorKind::busy,
                      fmt::format("cannot back up {}: it stayed locked by another process for {} s; try again later",
                                  util::escape_controls(location), format_seconds(busy_timeout)));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      // SQLite starts over when another connection changed the source between two steps.
      const int now_remaining = backup.getRemainingPageCount();
      if (remaining >= 0 && now_remaining > remaining) {
        ++report.restarts;
      }
      remaining = now_remaining;
    }
    report.pages = backup.getTotalPageCount();
    // Damage in pages SQLite copies without reading them is seen in the copy, before it is kept.
    const std::string verdict = copy.execAndGet("PRAGMA quick_check(1)").getString();
    if (verdict != "ok") {
      throw Error(ErrorKind::storage,
                  fmt::format("cannot back up {}: it is damaged ({}); nothing was written; 'cfp db check' says more",
                              util::escape_controls(location), util::excerpt(verdict)));
    }
    report.bytes = copy.execAndGet("PRAGMA page_count").getInt64() * copy.execAndGet("PRAGMA page_size").getInt64();
  } catch (const SQLite::Exception& error) {
    throw copy_failure(error, location, shown_as);
  }
  return report;
}

} // namespace cfp::store::sqlite

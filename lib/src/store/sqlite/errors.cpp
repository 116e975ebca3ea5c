// SPDX-License-Identifier: EUPL-1.2
#include "errors.hpp"

#include "lock_wait.hpp"

#include <fmt/format.h>

#include <sqlite3.h>

namespace cfp::store::sqlite {

bool is_busy(const SQLite::Exception& error)
{
  const int code = error.getErrorCode();
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

std::string format_seconds(std::chrono::milliseconds duration)
{
  const auto ms = duration.count();
  std::string text = fmt::format("{}.{:03}", ms / 1000, ms % 1000);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

Error busy_error(std::string_view what, const std::string& path, std::chrono::milliseconds waited)
{
  const auto holder = write_lock_holder(path);
  return Error(ErrorKind::busy,
               fmt::format("cannot {}: the database {} stayed locked by another writer{} for {} s; try again when it "
                           "has finished, or wait longer with --wait SECONDS",
                           what, path, holder ? fmt::format(" (process {})", *holder) : std::string{},
                           format_seconds(waited)));
}

Error translate(const SQLite::Exception& error, std::string_view what, const std::string& path,
                std::chrono::milliseconds busy_timeout)
{
  switch (error.getErrorCode()) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return busy_error(what, path, busy_timeout);
  case SQLITE_NOTADB:
    return Error(ErrorKind::storage,
                 fmt::format("cannot {}: {} is not a cfp database (it is not an SQLite file)", what, path));
  case SQLITE_CORRUPT:
    return Error(ErrorKind::storage,
                 fmt::format("cannot {}: the database {} is corrupt; restore it from a backup", what, path));
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_CANTOPEN:
    return Error(ErrorKind::storage,
                 fmt::format("cannot {}: {} cannot be opened for writing: {}", what, path, error.getErrorStr()));
  case SQLITE_FULL:
    return Error(ErrorKind::storage, fmt::format("cannot {}: the disk holding {} is full", what, path));
  case SQLITE_CONSTRAINT:
    return Error(ErrorKind::refused, fmt::format("cannot {}: {}", what, error.what()));
  default:
    return Error(ErrorKind::storage, fmt::format("cannot {}: database {}: {}", what, path, error.what()));
  }
}

} // namespace cfp::store::sqlite

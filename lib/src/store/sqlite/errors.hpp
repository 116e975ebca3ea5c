// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/error.hpp>

#include <SQLiteCpp/Exception.h>

#include <chrono>
#include <string>
#include <string_view>

namespace cfp::store::sqlite {

/// True when SQLite gave up waiting for a lock (SQLITE_BUSY or SQLITE_LOCKED): running the
/// transaction again later may succeed.
bool is_busy(const SQLite::Exception& error);

/// The cfp::Error that a failure of SQLite while doing `what` on the file `path` means for a
/// person: busy, storage, refused (a constraint) or internal, with "cannot `what`" first.
Error translate(const SQLite::Exception& error, std::string_view what, const std::string& path,
                std::chrono::milliseconds busy_timeout);

/// The busy error of `what` on the file `path` after waiting `waited` for another writer:
/// names the process that holds the write lock when it can be told, and what to do.
Error busy_error(std::string_view what, const std::string& path, std::chrono::milliseconds waited);

/// "5", "0.5", "1.25": a duration in seconds as messages show it.
std::string format_seconds(std::chrono::milliseconds duration);

} // namespace cfp::store::sqlite

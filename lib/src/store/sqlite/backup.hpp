// SPDX-License-Identifier: EUPL-1.2
#pragma once

// A copy of a live database file through SQLite's online backup API, for
// Database::backup_into. Private to the SQLite backend.

#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <string>

namespace cfp::store::sqlite {

/// Pages copied in one step: the read lock on the source is held only that long.
inline constexpr int k_backup_step_pages = 128;

/// After this many fresh starts (another process wrote between two steps), the rest is copied
/// in one step, which no writer can restart.
inline constexpr int k_backup_restarts_before_one_step = 3;

/// Copies the database of `source` (whose file is `location`) into the existing, empty file
/// `destination` (called `shown_as` in messages), a step of k_backup_step_pages at a time.
/// Throws cfp::Error: input_file when the copy cannot be written, storage when the source
/// cannot be read, busy when the source stays locked past `busy_timeout`.
BackupReport backup_database(SQLite::Database& source, const std::string& location,
                             const std::filesystem::path& destination, const std::string& shown_as,
                             std::chrono::milliseconds busy_timeout);

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// SQLite's own checks of a database file, for Database::check_storage. Private to the SQLite
// backend.

#include <cfp/store/database.hpp>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <string>
#include <vector>

namespace cfp::store::sqlite {

/// The structure of the file (PRAGMA integrity_check: pages, b-trees, indexes, CHECK and NOT NULL
/// constraints) and then every foreign key (PRAGMA foreign_key_check), each in its own read
/// transaction. Throws cfp::Error (busy) only when the file stays locked past `busy_timeout`;
/// every other failure of SQLite is a problem of the check it stopped.
std::vector<StorageCheck> run_storage_checks(SQLite::Database& db, const std::string& location,
                                             std::chrono::milliseconds busy_timeout);

/// Every foreign key (PRAGMA foreign_key_check), in the caller's transaction: the check of
/// check_storage, and of the migrations, which run with foreign keys off.
StorageCheck foreign_key_check(SQLite::Database& db);

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

// Where a database file may live: it is a regular file, not a link, and neither it nor a
// folder above it may be written by other users, who could otherwise replace it (as ssh
// treats its keys). Private to the SQLite backend.

#include <cfp/store/database.hpp>

#include <filesystem>

namespace cfp::store::sqlite {

/// Refuses (cfp::Error, storage) a database path that is a symbolic link or not a regular file,
/// a file that users other than its owner may write, or a folder above it that they may write
/// (unless it is sticky, as /tmp is). For writing, the file and its folders must also belong to
/// the user or to root. Checks nothing for a path that does not exist yet, but its folders.
void check_database_file(const std::filesystem::path& path, Access access);

/// Creates the missing folders of `path` (0700) and the empty file (0600), whatever the umask,
/// never through a link, before SQLite opens it. Returns false when the file existed.
bool create_database_file(const std::filesystem::path& path);

/// Whether the folder holding `path` can be written by this process (SQLite needs it for the
/// -wal and -shm files of a read-write connection).
bool folder_writable(const std::filesystem::path& path);

} // namespace cfp::store::sqlite

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>

#include <filesystem>
#include <string>

namespace cfp::core {

/// Whether `cfp db backup` may replace a file at its destination.
enum class Overwrite { no, yes };

/// What `cfp db backup` did.
struct BackupSummary
{
  std::string location; ///< of the database copied
  std::filesystem::path destination;
  store::BackupReport report;
};

/// Copies the database the session holds into `destination` (util::OutputFile): into a file
/// created beside it under a random name (O_EXCL, O_NOFOLLOW, mode 0600), with the backend's
/// online copy while other processes may write, synced, and renamed into place only when whole;
/// a failure leaves neither the copy nor the temporary file. With Overwrite::no a file that
/// appears at `destination` meanwhile is not replaced. The caller refuses a destination that is
/// the database or one of its files before the session opens (util::output_conflict). Throws
/// cfp::Error: input_file (the copy), storage or busy (the database).
BackupSummary backup_database(Session& session, const std::filesystem::path& destination, Overwrite overwrite);

} // namespace cfp::core

// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <cfp/core/session.hpp>
#include <cfp/error.hpp>
#include <cfp/util/output_file.hpp>

#include <filesystem>
#include <string>
#include <vector>

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

/// The refusal of a destination that exists, without --force.
Error backup_destination_exists(const std::filesystem::path& destination);

/// Copies the database the session holds into `destination`, with the backend's online copy
/// while other processes may write. The copy is made in a folder of its own beside the
/// destination (util::PrivateFolder: mode 0700, so that no other user can plant a journal the
/// copy would read, or swap the file), checked, synced, and renamed into place only when whole;
/// a failure leaves nothing behind. With Overwrite::no a file that appears at `destination`
/// meanwhile is not replaced. The caller refuses a destination that is one of
/// `protected_files` before the session opens (util::output_conflict); it is checked again
/// before the rename, when the database's -wal exists. Throws cfp::Error: input_file (the
/// copy), storage (an empty or damaged database) or busy.
BackupSummary backup_database(Session& session, const std::filesystem::path& destination, Overwrite overwrite,
                              const std::vector<util::ProtectedFile>& protected_files);

} // namespace cfp::core
